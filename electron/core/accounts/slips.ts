// The account slips (core): one A4 sheet holds eight slips, two across and four down, with dashed
// cutting lines; each tells one teacher their user name and initial password and that the first
// login asks for a password of their own. The sheet is handed out, never stored.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { dateTimeText } from '../../../shared/format/dates';
import { PDF_FONT, renderPdf } from '../pdf/render';

export interface Slip {
  teacherName: string;
  staffNo: string;
  username: string;
  password: string;
}

export interface SlipSheet {
  schoolName: string;
  issuedAt: string;
  issuedBy: string;
}

const PER_ROW = 2;
/** Four rows fit an A4 page within its margins; a row never breaks, so no slip is cut by a page. */
const SLIP_HEIGHT = 150;

const dashed = { hLineStyle: () => ({ dash: { length: 4, space: 3 } }), vLineStyle: () => ({ dash: { length: 4, space: 3 } }), hLineColor: () => '#888', vLineColor: () => '#888' };

function slipContent(sheet: SlipSheet, s: Slip): Content {
  return {
    stack: [
      { text: [{ text: sheet.schoolName, bold: true }, { text: ' · 教体信用账户通知', color: '#555' }], fontSize: 8.5, margin: [0, 0, 0, 4] },
      { text: s.teacherName, fontSize: 10.5, bold: true },
      { text: `工号 ${s.staffNo}`, fontSize: 8, color: '#555', margin: [0, 0, 0, 4] },
      {
        table: {
          widths: [44, '*'],
          body: [
            [{ text: '用户名', color: '#555', margin: [0, 2, 0, 0] }, { text: s.username, bold: true, fontSize: 11 }],
            [{ text: '初始密码', color: '#555', margin: [0, 3, 0, 0] }, { text: s.password, bold: true, fontSize: 13 }],
          ],
        },
        layout: 'noBorders',
        margin: [0, 0, 0, 6],
      },
      {
        text: '首次登录后，系统会要求您立即设置一个只有自己知道的新密码；初始密码只能用于这一次。设置新密码前不能查看档案，也不能签字确认信用报告。请当面领取，勿转交他人。',
        fontSize: 7.5,
        lineHeight: 1.1,
        color: '#333',
      },
      { text: `${dateTimeText(sheet.issuedAt, 'zh-CN')} · ${sheet.issuedBy}`, fontSize: 7, color: '#777', margin: [0, 4, 0, 0] },
    ],
    margin: [6, 4, 6, 2],
  };
}

export function slipsDocument(sheet: SlipSheet, slips: readonly Slip[]): TDocumentDefinitions {
  const rows: Content[][] = [];
  for (let i = 0; i < slips.length; i += PER_ROW) {
    const row: Content[] = slips.slice(i, i + PER_ROW).map((s) => slipContent(sheet, s));
    while (row.length < PER_ROW) row.push({ text: '' });
    rows.push(row);
  }
  return {
    pageSize: 'A4',
    pageMargins: [28, 24, 28, 32],
    info: { title: `教师账户通知 ${sheet.schoolName}`, creator: 'EduCredit 教体信用' },
    defaultStyle: { font: PDF_FONT, fontSize: 9, lineHeight: 1.15 },
    footer: (current, total) => ({ text: `${sheet.schoolName} · 教师账户通知 · 第 ${current} 页 共 ${total} 页 · 沿虚线剪开`, alignment: 'center', fontSize: 7, color: '#666', margin: [0, 12, 0, 0] }),
    content: [
      {
        table: { widths: ['*', '*'], heights: SLIP_HEIGHT, body: rows, dontBreakRows: true },
        layout: dashed,
      },
    ],
  };
}

export function renderSlips(sheet: SlipSheet, slips: readonly Slip[]): Promise<Buffer> {
  return renderPdf(slipsDocument(sheet, slips));
}
