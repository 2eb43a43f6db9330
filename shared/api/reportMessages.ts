// Words for reports in both languages, shared by the CLI and the UI: verification, and what a batch
// found already issued.
import { dateTimeText } from '../format/dates';
import type { Lang } from './messages';
import type { Verification } from './routes/reports';

const STATUS: Record<Lang, Record<Verification['status'], string>> = {
  'zh-CN': { confirmed: '已确认', unconfirmed: '未确认', superseded: '已被取代', tampered: '篡改', foreign: '不是教体信用报告' },
  en: { confirmed: 'confirmed', unconfirmed: 'unconfirmed', superseded: 'superseded', tampered: 'tampered', foreign: 'not an EduCredit report' },
};

const REASON: Record<Lang, Record<string, string>> = {
  'zh-CN': {
    confirmed: '文件与本机出具的已确认报告一致，教师签名有效。',
    unconfirmed: '文件与本机出具的报告一致，但教师尚未签字确认，不能作为信用报告使用。',
    fileChangedSince: '报告出具后该教师的信用档案又有变动，这份报告已被取代，需要出具新报告并重新确认。',
    notEduCredit: '文件中没有教体信用（EduCredit）的报告数据：这不是本系统出具的信用报告。',
    signedVersionExists: '这是教师签字确认之前的版本，本身未经确认。该报告已于 {{at}} 由 {{signer}} 确认：请使用带确认信息的 PDF（在“信用报告”列表中下载）。',
    snapshotUnreadable: '文件中的报告数据无法读取，文件已被改动。',
    unknownReport: '本机没有出具过这个编号的报告。',
    snapshotChanged: '文件中的报告数据与出具时不一致，内容已被改动。',
    fileChanged: '文件与本机出具的任何一份文件都不一致（哪怕只改了一个字节）。',
    confirmationMissing: '文件声称已确认，但本机没有相应的确认记录。',
    signatureInvalid: '教师签名验证失败。',
  },
  en: {
    confirmed: 'The file is exactly a confirmed report this installation issued, and the teacher\'s signature is valid.',
    unconfirmed: 'The file is a report this installation issued, but the teacher has not confirmed it: it cannot serve as a credit report.',
    fileChangedSince: 'The teacher\'s file changed after this report was made: it is superseded; make a new report and confirm it again.',
    notEduCredit: 'The file carries no EduCredit report data: it is not a credit report issued by EduCredit.',
    signedVersionExists: 'This is the version from before the teacher signed, and is itself unconfirmed. The report was confirmed by {{signer}} on {{at}}: use the PDF that carries the confirmation (download it from the Credit reports list).',
    snapshotUnreadable: 'The report data in the file cannot be read: the file was changed.',
    unknownReport: 'This installation never issued a report with this number.',
    snapshotChanged: 'The report data in the file differs from what was issued: its content was changed.',
    fileChanged: 'The file differs from every file this installation issued (by as little as one byte).',
    confirmationMissing: 'The file says it is confirmed, but this installation has no such confirmation.',
    signatureInvalid: 'The teacher\'s signature does not verify.',
  },
};

export function verificationStatus(v: Verification, lang: Lang): string {
  return STATUS[lang][v.status];
}

export function verificationReason(v: Verification, lang: Lang): string {
  const words = REASON[lang][v.reason] ?? v.reason;
  if (!v.confirmation) return words;
  return words.replace('{{signer}}', v.confirmation.signer).replace('{{at}}', dateTimeText(v.confirmation.confirmedAt, lang));
}

const ALREADY_ISSUED: Record<Lang, string> = {
  'zh-CN': '其中 {{n}} 份此前已出具且内容未变，写出的是原报告（教师已确认的为确认版），没有出具新报告。',
  en: 'Of these, {{n}} had already been issued with the same content: the existing reports were written out (the confirmed version where the teacher confirmed), no new report was made.',
};

/** A batch's count of reports it found already issued and only wrote out again. */
export function batchAlreadyIssued(n: number, lang: Lang): string {
  return ALREADY_ISSUED[lang].replace('{{n}}', String(n));
}
