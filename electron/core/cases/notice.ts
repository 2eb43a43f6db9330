// The rectification notice (整改通知书) of a negative-list case as an A4 PDF (core), rendered with
// pdfmake in the same shipped Chinese font as the credit reports, so it prints the same on any PC.
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { PDF_FONT, renderPdf } from '../pdf/render';

export interface NoticeFacts {
  noticeNumber: string;
  caseNumber: string;
  schoolName: string;
  schoolUscc: string;
  matter: string;
  facts: string;
  requirements: string;
  issuedOn: string;
  deadline: string;
  bureauName: string;
}

export function dateZh(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

export function noticeDocument(n: NoticeFacts): TDocumentDefinitions {
  const indent = (text: string): { text: string; leadingIndent: number; margin: [number, number, number, number] } => ({ text, leadingIndent: 21, margin: [0, 0, 0, 2] });
  return {
    pageSize: 'A4',
    pageMargins: [64, 56, 64, 56],
    info: { title: `整改通知书 ${n.noticeNumber}`, author: n.bureauName, subject: `${n.schoolName} 负面清单整改通知`, creator: 'EduCredit 教体信用' },
    defaultStyle: { font: PDF_FONT, fontSize: 10.5, lineHeight: 1.4 },
    footer: (current, total) => ({ text: `第 ${current} 页 共 ${total} 页`, alignment: 'center', fontSize: 8, color: '#666', margin: [0, 24, 0, 0] }),
    content: [
      { text: n.bureauName, alignment: 'center', fontSize: 20, bold: true, color: '#b42318' },
      { text: '整改通知书', alignment: 'center', fontSize: 18, bold: true, margin: [0, 6, 0, 4] },
      { text: n.noticeNumber, alignment: 'center', margin: [0, 0, 0, 4] },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 467, y2: 0, lineWidth: 1.5, lineColor: '#b42318' }], margin: [0, 0, 0, 14] },
      { text: `${n.schoolName}（统一社会信用代码：${n.schoolUscc}）：`, bold: true, margin: [0, 0, 0, 6] },
      indent(`经查，你单位存在以下负面清单事项（立案编号：${n.caseNumber}）：${n.matter}。`),
      { text: '一、查明的事实', bold: true, margin: [0, 6, 0, 2] },
      ...paragraphs(n.facts).map(indent),
      { text: '二、整改要求', bold: true, margin: [0, 6, 0, 2] },
      ...paragraphs(n.requirements).map(indent),
      { text: '三、整改期限', bold: true, margin: [0, 6, 0, 2] },
      indent(`请你单位于 ${dateZh(n.deadline)}（${n.deadline}）前完成整改，并将整改报告及相关证明材料报送${n.bureauName}。`),
      { text: '四、逾期后果', bold: true, margin: [0, 6, 0, 2] },
      indent(
        '根据《加强全市教体系统信用监管的实施方案》民办学校负面清单管理的规定，逾期未整改或整改不到位的，或受到教育行政处罚的，将列入重点监管名单；受到严重行政处罚或被列为失信被执行人的，将列为重点监控对象，增加检查频次，并在资金扶持、评优评先、等级评估等方面予以限制。',
      ),
      indent('本通知书送达之日起，相关信息记入你单位信用档案。'),
      {
        margin: [0, 24, 0, 0],
        alignment: 'right',
        stack: [{ text: '出具机关（盖章）', color: '#555' }, { text: n.bureauName, bold: true, margin: [0, 28, 0, 0] }, { text: dateZh(n.issuedOn) }],
      },
      { text: '本通知书一式两份，一份送达被通知单位，一份存档。', fontSize: 9, color: '#555', margin: [0, 24, 0, 0] },
      { text: `签收人：________________    签收日期：________年____月____日`, fontSize: 10, margin: [0, 12, 0, 0] },
    ],
  };
}

export async function renderNoticePdf(n: NoticeFacts): Promise<Buffer> {
  return renderPdf(noticeDocument(n));
}
