// Evidence for the demo school's records (core): the catalogue asks for evidence on most teacher
// items, and a demo that broke its own catalogue would teach the wrong habit. Each such item gets
// one small real PDF that says what it stands in for, shared by the records of that item. Written
// by hand because pdfmake renders asynchronously and the demo is built inside the setup's
// synchronous transaction; the standard PDF fonts have no CJK glyphs, so the page text is English
// and the Chinese is in the file name the user sees.
import type { Installation } from '../app/installation';
import { putEvidence } from '../evidence/store';

/** One A4 page of Helvetica text, the first line as a heading. Lines must be ASCII. */
export function demoEvidencePdf(lines: readonly string[]): Buffer {
  const escape = (s: string): string => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const text = lines.map((l, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 72 ${770 - i * 24} Td (${escape(l)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** What each evidence-requiring item of the demo's mix is backed by: the file name and its page. */
const DEMO_EVIDENCE: Record<string, { fileName: string; what: string }> = {
  'T-P04': { fileName: '县级优秀教师表彰通报（演示）.pdf', what: 'Notice of a county-level commendation' },
  'T-P03': { fileName: '市级优秀班主任表彰文件（演示）.pdf', what: 'Notice of a city-level commendation' },
  'T-P02': { fileName: '省级教学成果奖证书（演示）.pdf', what: 'Certificate of a provincial teaching award' },
  'T-H01': { fileName: '谈话提醒记录（演示）.pdf', what: 'Record of an admonition talk' },
  'T-V04': { fileName: '教研活动缺席情况说明（演示）.pdf', what: 'Attendance record of the teaching-research meetings' },
  'T-V10': { fileName: '有偿补课调查笔录（演示）.pdf', what: 'Investigation record: paid private tutoring' },
  'T-S01': { fileName: '警告处分决定书（演示）.pdf', what: 'Decision on a disciplinary warning' },
  'T-V09': { fileName: '礼品退还登记（演示）.pdf', what: 'Register of a gift returned to a parent' },
};

export interface DemoFile {
  sha256: string;
  fileName: string;
}

/**
 * Stores the demo evidence of one item, once, inside the setup write; null for an item the demo
 * has no file for (the build refuses that for an item that needs one).
 */
export function demoEvidenceFor(inst: Installation, code: string, stored: Map<string, DemoFile>): DemoFile | null {
  const known = stored.get(code);
  if (known) return known;
  const spec = DEMO_EVIDENCE[code];
  if (!spec) return null;
  const put = putEvidence(inst, spec.fileName, demoEvidencePdf(['EduCredit demo evidence', `Item ${code}: ${spec.what}`, 'This page stands in for the document a school keeps on file.']).toString('base64'));
  inst.open().raw.prepare('INSERT OR IGNORE INTO evidence_files (sha256, mime, bytes) VALUES (?, ?, ?)').run(put.sha256, put.mime, put.bytes);
  const file = { sha256: put.sha256, fileName: spec.fileName };
  stored.set(code, file);
  return file;
}
