// Renders a report snapshot to an A4 PDF with pdfmake (core): Chinese throughout in the shipped
// font, the ID number masked, the records table, the grade and why, a signature block, page
// numbers, a QR code, an UNCONFIRMED watermark until signed, and the snapshot itself in the
// document's metadata so the PDF can be verified on its own.
import dayjs from 'dayjs';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import type { ReportSnapshot } from './snapshot';
import { reportFonts } from './fonts';

/** The metadata key that carries the canonical snapshot, base64. */
export const SNAPSHOT_INFO_KEY = 'EduCreditSnapshot';
export const SIGNATURE_INFO_KEY = 'EduCreditConfirmation';

const fonts = reportFonts();
pdfmake.setFonts({ NotoSansSC: { normal: fonts.normal, bold: fonts.bold, italics: fonts.normal, bolditalics: fonts.bold } });
// Reports never fetch anything: no URLs, and only the two font files from disk.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path === fonts.normal || path === fonts.bold);

export interface Confirmation {
  kind: 'signature' | 'paper';
  signer: string;
  confirmedAt: string;
  /** Ed25519 signature and key fingerprint, for a signature in the app. */
  keyFingerprint?: string | undefined;
  signature?: string | undefined;
  /** A drawn signature (PNG data URL) or the scan of the signed paper (its SHA-256). */
  handwritingPng?: string | undefined;
  scanSha256?: string | undefined;
}

const CLASS_ZH: Record<string, string> = { government: '政务', enforcement: '行政执法', education: '教育' };
const STATUS_ZH: Record<string, string> = {
  active: '有效',
  disputed: '异议中',
  amended: '已更正',
  revoked: '已撤销',
  repaired: '已修复',
  released: '已解除',
  expired: '已过公示期',
};
const GENDER_ZH: Record<string, string> = { male: '男', female: '女' };

function because(s: ReportSnapshot): string {
  const b = s.grade.because;
  if (b.key === 'severe') return `存在严重失信记录（分值 −30 及以下、仍在公示期内），等级评为 D。`;
  if (b.key === 'belowAll') return `信用分低于 ${b.min} 分，等级评为 D。`;
  return `信用分达到 ${b.min} 分及以上，等级评为 ${s.grade.grade}。`;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}

function dateZh(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function signatureBlock(c: Confirmation | null): Content {
  if (!c) {
    return {
      margin: [0, 24, 0, 0],
      stack: [
        { text: '教师确认', style: 'h2' },
        { text: '本人已阅读以上信用记录，确认内容属实。', margin: [0, 4, 0, 16] },
        { columns: [{ text: '教师签字：____________________' }, { text: '日期：________年____月____日' }] },
      ],
    };
  }
  const lines: Content[] = [
    { text: c.kind === 'signature' ? '教师已在系统中签名确认' : '教师已在纸质报告上签字确认，扫描件已存档', bold: true },
    { text: `确认人：${c.signer}    确认时间：${dayjs(c.confirmedAt).format('YYYY-MM-DD HH:mm:ss')}` },
  ];
  if (c.keyFingerprint) lines.push({ text: `签名公钥指纹：${c.keyFingerprint}`, fontSize: 8 });
  if (c.signature) lines.push({ text: `Ed25519 签名：${c.signature}`, fontSize: 7, color: '#444' });
  if (c.scanSha256) lines.push({ text: `纸质确认扫描件 SHA-256：${c.scanSha256}`, fontSize: 8 });
  if (c.handwritingPng) lines.push({ image: c.handwritingPng, fit: [180, 60], margin: [0, 4, 0, 0] });
  return { margin: [0, 24, 0, 0], stack: [{ text: '教师确认', style: 'h2' }, ...lines] };
}

export function reportDocument(s: ReportSnapshot, hash: string, confirmation: Confirmation | null, canonical: string): TDocumentDefinitions {
  const t = s.teacher;
  const head = (text: string): TableCell => ({ text, bold: true, fillColor: '#eef3f2' });
  const records: TableCell[][] = [
    [head('日期'), head('事项'), head('类别'), head('状态'), head('计分'), head('说明')],
    ...s.records.map((r): TableCell[] => [
      r.occurredOn,
      `${r.nameZh}（${r.code}）`,
      CLASS_ZH[r.infoClass] ?? r.infoClass,
      STATUS_ZH[r.status] ?? r.status,
      { text: signed(r.contribution), alignment: 'right' },
      r.description,
    ]),
  ];
  if (s.records.length === 0) records.push([{ text: '无信用记录', colSpan: 6, alignment: 'center' }, '', '', '', '', '']);
  const status = confirmation ? 'confirmed' : 'unconfirmed';
  return {
    pageSize: 'A4',
    pageMargins: [48, 56, 48, 56],
    // pdfmake passes custom keys through to the PDF's Info dictionary; its types list only the standard ones.
    info: {
      title: `教师职业信用报告 ${s.number}`,
      author: s.school.name,
      subject: `${t.name} 信用报告`,
      creator: 'EduCredit 教体信用',
      [SNAPSHOT_INFO_KEY]: Buffer.from(canonical, 'utf8').toString('base64'),
      ...(confirmation ? { [SIGNATURE_INFO_KEY]: Buffer.from(JSON.stringify(confirmation), 'utf8').toString('base64') } : {}),
    } as TDocumentDefinitions['info'],
    ...(confirmation ? {} : { watermark: { text: '未确认 UNCONFIRMED', opacity: 0.12, bold: true, fontSize: 60 } }),
    defaultStyle: { font: 'NotoSansSC', fontSize: 9.5, lineHeight: 1.25 },
    styles: { title: { fontSize: 18, bold: true, alignment: 'center' }, h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] } },
    header: (page) => (page > 1 ? { text: `教师职业信用报告 ${s.number}`, fontSize: 8, color: '#666', margin: [48, 24, 48, 0] } : null),
    footer: (current, total) => ({ text: `第 ${current} 页 共 ${total} 页`, alignment: 'center', fontSize: 8, color: '#666', margin: [0, 20, 0, 0] }),
    content: [
      { text: '教师职业信用报告', style: 'title' },
      { text: 'Teacher Professional Credit Report', alignment: 'center', color: '#666', margin: [0, 2, 0, 12] },
      {
        columns: [
          {
            width: '*',
            stack: [
              { text: `报告编号：${s.number}` },
              { text: `确认状态：${confirmation ? '已确认' : '未确认（须经教师本人签字确认后方可作为信用报告使用）'}`, bold: true, color: confirmation ? '#0b7a6b' : '#b42318' },
              { text: `出具单位：${s.school.name}（统一社会信用代码 ${s.school.uscc}）` },
              { text: `主管部门：${s.bureau}` },
              { text: `信息截至：${dateZh(s.asOf)}    出具时间：${dayjs(s.issuedAt).format('YYYY-MM-DD HH:mm')}` },
              { text: `报告摘要 SHA-256：${hash}`, fontSize: 7.5, color: '#444' },
            ],
          },
          { width: 92, qr: JSON.stringify({ n: s.number, h: hash, s: status }), fit: 92, eccLevel: 'M' },
        ],
        columnGap: 12,
      },
      { text: '一、教师基本信息', style: 'h2' },
      {
        table: {
          widths: [60, '*', 60, '*'],
          body: [
            [head('姓名'), t.name, head('性别'), GENDER_ZH[t.gender] ?? t.gender],
            [head('身份证号'), t.idNumberMasked, head('工号'), t.staffNo],
            [head('任教学科'), t.subject, head('职称'), t.title || '—'],
            [head('入职日期'), dateZh(t.hireDate), head('信用主体'), '中小学教师'],
          ],
        },
        layout: 'lightHorizontalLines',
      },
      { text: '二、信用等级', style: 'h2' },
      {
        columns: [
          { width: 110, stack: [{ text: `${s.grade.grade}`, fontSize: 36, bold: true, color: s.grade.grade === 'D' ? '#b42318' : '#0b7a6b' }, { text: `信用分 ${s.grade.score}` }] },
          { width: '*', stack: [{ text: because(s) }, { text: '计分规则：基础分 100 分，加上仍在公示期内、未被更正、撤销或修复的记录分值；A ≥ 110，B ≥ 95，C ≥ 80，其余为 D。', color: '#555', fontSize: 8.5, margin: [0, 4, 0, 0] }] },
        ],
      },
      { text: '三、信用记录', style: 'h2' },
      { table: { headerRows: 1, widths: [52, 110, 38, 44, 28, '*'], body: records, dontBreakRows: true }, layout: 'lightHorizontalLines', fontSize: 8.5 },
      { text: '说明：已过公示期、已更正、已撤销或已修复的记录不计分，仅作记录保留。根据《加强全市教体系统信用监管的实施方案》，教师职业信用档案经本人签字确认后，方可作为本人职业信用报告使用。', fontSize: 8, color: '#555', margin: [0, 6, 0, 0] },
      signatureBlock(confirmation),
    ],
  };
}

export async function renderReportPdf(s: ReportSnapshot, hash: string, canonical: string, confirmation: Confirmation | null): Promise<Buffer> {
  return pdfmake.createPdf(reportDocument(s, hash, confirmation, canonical)).getBuffer();
}
