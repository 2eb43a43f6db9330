// Renders a report snapshot to an A4 PDF with pdfmake (core): Chinese throughout in the shipped
// font, the ID number masked, the records table, the grade and why, a signature block, page
// numbers, a QR code, a 未确认 watermark until signed, and the snapshot itself in the document's
// metadata so the PDF can be verified on its own. A report is made in Chinese only (there is no
// English version of it), so it carries no English words either.
import { dateText, dateTimeText } from '../../../shared/format/dates';
import type { Column, Content, Style, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import { PDF_FONT, renderPdf } from '../pdf/render';
import { term } from '../../../shared/vocabulary';
import type { ReportSnapshot } from './snapshot';

/** The metadata key that carries the canonical snapshot, base64. */
export const SNAPSHOT_INFO_KEY = 'EduCreditSnapshot';
export const SIGNATURE_INFO_KEY = 'EduCreditConfirmation';


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

function because(s: ReportSnapshot): string {
  const b = s.grade.because;
  if (b.key === 'severe') return `存在严重失信记录（分值 −30 及以下、仍在公示期内），等级评为 D。`;
  if (b.key === 'belowAll') return `信用分低于 ${b.min} 分，等级评为 D。`;
  return `信用分达到 ${b.min} 分及以上，等级评为 ${s.grade.grade}。`;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}

function dateZh(value: string): string {
  return dateText(value, 'zh-CN');
}

function dateTimeZh(iso: string): string {
  return dateTimeText(iso, 'zh-CN');
}

/** The school's side of the page: its name and room for its seal, on every version of the report. */
function sealBlock(s: ReportSnapshot): Column {
  return {
    width: 200,
    stack: [
      { text: '出具单位（盖章）', bold: true },
      { text: s.school.name, margin: [0, 4, 0, 0] },
      { text: ' ', margin: [0, 0, 0, 36] },
      { text: '日期：________年____月____日' },
    ],
  };
}

function teacherBlock(c: Confirmation | null): Column {
  if (!c) {
    return {
      width: '*',
      stack: [
        { text: '本人已阅读以上信用记录，确认内容属实。', margin: [0, 0, 0, 28] },
        { text: '教师签字：____________________' },
        { text: '日期：________年____月____日', margin: [0, 12, 0, 0] },
      ],
    };
  }
  const lines: Content[] = [
    { text: c.kind === 'signature' ? '教师已在系统中签名确认' : '教师已在纸质报告上签字确认，扫描件已存档', bold: true },
    { text: `确认人：${c.signer}` },
    { text: `确认时间：${dateTimeZh(c.confirmedAt)}` },
  ];
  if (c.keyFingerprint) lines.push({ text: `签名公钥指纹：${c.keyFingerprint}`, fontSize: 8 });
  if (c.signature) lines.push({ text: `Ed25519 签名：${c.signature}`, fontSize: 7, color: '#444' });
  if (c.scanSha256) lines.push({ text: `纸质确认扫描件 SHA-256：${c.scanSha256}`, fontSize: 8 });
  if (c.handwritingPng) lines.push({ image: c.handwritingPng, fit: [180, 60], margin: [0, 4, 0, 0] });
  return { width: '*', stack: lines };
}

function signatureBlock(s: ReportSnapshot, c: Confirmation | null): Content {
  return {
    margin: [0, 24, 0, 0],
    // Signatures and the seal stay together on one page, under their heading.
    unbreakable: true,
    stack: [{ text: '教师确认', style: 'h2' }, { columns: [teacherBlock(c), sealBlock(s)], columnGap: 24 }],
  };
}

/**
 * What the report's QR code holds: the report number and the first 16 hex digits of the snapshot
 * hash, in capitals so the whole text is in the QR alphanumeric set (a small, coarse symbol that a
 * phone photo or a 150 dpi scan decodes). The number finds the report; the hash prefix tells one
 * snapshot from another.
 */
export function reportQrText(number: string, hash: string): string {
  return `EDUCREDIT:${number}:${hash.slice(0, 16)}`.toUpperCase();
}

/** A revoked record's allegation is not repeated: the report says that it was struck out. */
function recordDescription(r: ReportSnapshot['records'][number]): { text: string; italics?: boolean; color?: string } {
  if (r.status === 'revoked') return { text: '该记录已撤销，原记录内容不再作为信用信息使用。', italics: true, color: '#555' };
  return { text: r.description };
}

/**
 * The 信用记录 table, one row a record: its short fields side by side on one line, in points (the
 * item takes what the line leaves), and its description below them as wide as the page, so one of
 * 1,000 characters takes some fifteen lines rather than a column a few characters wide that runs
 * over pages. One row, not two, so a page break never parts a record's number from its words.
 */
const RECORD_FIELDS: { head: string; width: number | '*'; alignment: 'left' | 'right' }[] = [
  { head: '编号', width: 30, alignment: 'left' },
  { head: '日期', width: 70, alignment: 'left' }, // 2026年12月30日 on one line
  { head: '事项', width: '*', alignment: 'left' },
  { head: '类别', width: 40, alignment: 'left' },
  { head: '状态', width: 44, alignment: 'left' },
  { head: '计分', width: 28, alignment: 'right' },
];

function recordFields(values: string[], bold = false): Content {
  return { columns: RECORD_FIELDS.map((f, i): Column => ({ text: values[i] ?? '', width: f.width, alignment: f.alignment, bold, lineHeight: 1 })), columnGap: 8 };
}

// The shipped font's own line gap is about 1.45 em; a long paragraph reads well at 1.3 em, as
// Chinese print sets it, and seven descriptions of the longest kind then fit on three pages.
const DESCRIPTION: Style = { fontSize: 8, lineHeight: 0.9, margin: [0, 2, 0, 0] };

function recordRow(r: ReportSnapshot['records'][number]): TableCell[] {
  const fields = [String(r.id), dateZh(r.occurredOn), `${r.nameZh}（${r.code}）`, term('zh-CN', 'infoClassShort', r.infoClass), term('zh-CN', 'recordStatus', r.status), signed(r.contribution)];
  return [{ stack: [recordFields(fields), { ...recordDescription(r), ...DESCRIPTION }] }];
}

export function reportDocument(s: ReportSnapshot, hash: string, confirmation: Confirmation | null, canonical: string): TDocumentDefinitions {
  const t = s.teacher;
  const head = (text: string): TableCell => ({ text, bold: true, fillColor: '#eef3f2' });
  const records: TableCell[][] = [
    [{ stack: [recordFields(RECORD_FIELDS.map((f) => f.head), true), { text: '说明', bold: true, ...DESCRIPTION }], fillColor: '#eef3f2' }],
    ...s.records.map(recordRow),
  ];
  if (s.records.length === 0) records.push([{ text: '无信用记录', alignment: 'center' }]);
  return {
    pageSize: 'A4',
    pageMargins: [48, 50, 48, 50],
    // pdfmake passes custom keys through to the PDF's Info dictionary; its types list only the standard ones.
    info: {
      title: `教师职业信用报告 ${s.number}`,
      author: s.school.name,
      subject: `${t.name} 信用报告`,
      creator: 'EduCredit 教体信用',
      [SNAPSHOT_INFO_KEY]: Buffer.from(canonical, 'utf8').toString('base64'),
      ...(confirmation ? { [SIGNATURE_INFO_KEY]: Buffer.from(JSON.stringify(confirmation), 'utf8').toString('base64') } : {}),
    } as TDocumentDefinitions['info'],
    // Flatter than the page's diagonal, so the mark never reaches the QR code at the top right.
    ...(confirmation ? {} : { watermark: { text: '未确认', opacity: 0.12, bold: true, fontSize: 72, angle: -30 } }),
    defaultStyle: { font: PDF_FONT, fontSize: 9.5, lineHeight: 1.25 },
    styles: { title: { fontSize: 18, bold: true, alignment: 'center' }, h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] } },
    header: (page) => (page > 1 ? { text: `教师职业信用报告 ${s.number}`, fontSize: 8, color: '#666', margin: [48, 24, 48, 0] } : null),
    footer: (current, total) => ({ text: `第 ${current} 页 共 ${total} 页`, alignment: 'center', fontSize: 8, color: '#666', margin: [0, 20, 0, 0] }),
    content: [
      { text: '教师职业信用报告', style: 'title', margin: [0, 0, 0, 12] },
      {
        columns: [
          {
            width: '*',
            stack: [
              { text: `报告编号：${s.number}` },
              { text: `确认状态：${confirmation ? '已确认' : '未确认（须经教师本人签字确认后方可作为信用报告使用）'}`, bold: true, color: confirmation ? '#0b7a6b' : '#b42318' },
              { text: `出具单位：${s.school.name}（统一社会信用代码 ${s.school.uscc}）` },
              { text: `主管部门：${s.bureau}` },
              { text: `信息截至：${dateZh(s.asOf)}    出具时间：${dateTimeZh(s.issuedAt)}` },
              { text: `报告摘要 SHA-256：${hash}`, fontSize: 7.5, color: '#444' },
            ],
          },
          // A white cell around the symbol keeps its quiet zone clear of anything drawn near it.
          {
            width: 104,
            table: { widths: [96], body: [[{ qr: reportQrText(s.number, hash), fit: 96, eccLevel: 'M', fillColor: '#ffffff', margin: [0, 0, 0, 0] }]] },
            layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 4, paddingRight: () => 4, paddingTop: () => 4, paddingBottom: () => 4 },
          },
        ],
        columnGap: 12,
      },
      { text: '一、教师基本信息', style: 'h2' },
      {
        table: {
          widths: [60, '*', 60, '*'],
          // The fields that may be 30 characters long get the whole row, so they never wrap.
          body: [
            [head('姓名'), { text: t.name, colSpan: 3 }, '', ''],
            [head('性别'), term('zh-CN', 'gender', t.gender), head('身份证号'), t.idNumberMasked],
            [head('工号'), t.staffNo, head('入职日期'), dateZh(t.hireDate)],
            [head('任教学科'), { text: t.subject, colSpan: 3 }, '', ''],
            [head('职称'), { text: t.title || '—', colSpan: 3 }, '', ''],
            [head('信用主体'), { text: '中小学教师', colSpan: 3 }, '', ''],
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
      // Rows may break across pages: a row taller than the room left (a long description) must
      // continue on the next page, never be left out of a report the teacher signs.
      { table: { headerRows: 1, widths: ['*'], body: records }, layout: 'lightHorizontalLines', fontSize: 8.5 },
      { text: '说明：已过公示期、已更正、已撤销或已修复的记录不计分，仅作记录保留。根据《加强全市教体系统信用监管的实施方案》，教师职业信用档案经本人签字确认后，方可作为本人职业信用报告使用。', fontSize: 8, color: '#555', margin: [0, 6, 0, 0] },
      signatureBlock(s, confirmation),
    ],
  };
}

export async function renderReportPdf(s: ReportSnapshot, hash: string, canonical: string, confirmation: Confirmation | null): Promise<Buffer> {
  return renderPdf(reportDocument(s, hash, confirmation, canonical));
}
