// Any list as people take it away (core): an .xlsx workbook or an A4 PDF to print, both with the
// organisation, the list's name, what it was filtered by, who printed it and when; the PDF numbers
// its pages 第 x 页 共 y 页 and repeats the column heads on every page. Each list says which columns
// it has; this module knows nothing of teachers or records.
import { loadExcel } from './excel';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { AppError } from '../../../shared/api/errors';
import type { Lang } from '../../../shared/api/messages';
import { countText, dateTimeText } from '../../../shared/format/dates';
import { PDF_FONT, renderPdf } from '../pdf/render';
import { cellText } from './cells';

export interface ListColumn<T> {
  header: string;
  value(row: T): string | number | null;
  /**
   * 'signed': a number read with its sign, as points are (+2, −10, 0). The workbook keeps it a
   * number, so a column of them can be summed and sorted, with a format that shows the sign; the
   * PDF prints it as text with the sign.
   */
  format?: 'signed';
  /** The row's value is shown but does not count (a record's points once it no longer counts): struck through. */
  struck?(row: T): boolean;
  /** Relative width in the PDF (default 1); the workbook sizes columns by this too. */
  weight?: number;
  align?: 'left' | 'right';
}

/**
 * A signed number in Excel's format code: +2, −10 (U+2212, as the app and the PDF print it; in
 * quotes, because Excel shows only a few characters literally), 0.
 */
export const SIGNED_NUMBER_FORMAT = '+0;"−"0;0';

/** +2, −10 or 0, as the PDF and the app show points. */
function signedText(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}

function pdfCellText<T>(c: ListColumn<T>, row: T): string {
  const v = c.value(row);
  if (v === null) return '';
  return c.format === 'signed' && typeof v === 'number' ? signedText(v) : String(v);
}

export interface ListDocument<T> {
  /** The list's name: 教师名册, 信用记录 … */
  title: string;
  /** One line per filter in force, already in words ("状态：在职"). */
  filters: string[];
  columns: ListColumn<T>[];
  rows: readonly T[];
}

export interface ListMeta {
  orgName: string;
  printedAt: string;
  printedBy: string;
  lang: Lang;
}

export const LIST_FORMATS = ['xlsx', 'pdf'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

/** A printed list past this many rows is hundreds of pages: the workbook takes any number. */
export const MAX_PDF_ROWS = 5000;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const WORDS = {
  'zh-CN': { printed: '打印时间', by: '打印人', filters: '筛选条件', none: '全部', rows: '共 {{n}} 条', page: '第 {{page}} 页 共 {{pages}} 页', empty: '没有符合条件的记录' },
  en: { printed: 'Printed', by: 'By', filters: 'Filtered by', none: 'all', rows: '{{n}} rows', page: 'Page {{page}} of {{pages}}', empty: 'Nothing matches' },
} as const;

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
}

function metaLines(doc: ListDocument<unknown>, meta: ListMeta): { printed: string; filters: string; count: string } {
  const w = WORDS[meta.lang];
  const en = meta.lang === 'en';
  const colon = en ? ': ' : '：';
  const gap = en ? '   ' : '　';
  return {
    printed: `${w.printed}${colon}${dateTimeText(meta.printedAt, meta.lang)}${gap}${w.by}${colon}${meta.printedBy}`,
    filters: `${w.filters}${colon}${doc.filters.length ? doc.filters.join(en ? '; ' : '；') : w.none}`,
    count: fill(w.rows, { n: countText(doc.rows.length, meta.lang) }),
  };
}

export async function listWorkbook<T>(doc: ListDocument<T>, meta: ListMeta): Promise<Buffer> {
  const book = new (await loadExcel()).Workbook();
  book.creator = 'EduCredit 教体信用';
  book.created = new Date(meta.printedAt);
  // A sheet name may not hold []:*?/\ and is at most 31 characters.
  const sheet = book.addWorksheet(doc.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
  const lines = metaLines(doc as ListDocument<unknown>, meta);
  sheet.addRow([cellText(`${meta.orgName} · ${doc.title}`)]).font = { bold: true, size: 13 };
  sheet.addRow([cellText(lines.filters)]);
  sheet.addRow([cellText(`${lines.printed} · ${lines.count}`)]);
  const head = sheet.addRow(doc.columns.map((c) => c.header));
  head.font = { bold: true };
  head.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF3F2' } };
  });
  const signed = doc.columns.flatMap((c, i) => (c.format === 'signed' ? [i + 1] : []));
  const struck = doc.columns.flatMap((c, i) => (c.struck ? [{ col: i + 1, test: c.struck }] : []));
  for (const row of doc.rows) {
    const line = sheet.addRow(
      doc.columns.map((c) => {
        const v = c.value(row);
        return typeof v === 'string' ? cellText(v) : v;
      }),
    );
    for (const col of signed) line.getCell(col).numFmt = SIGNED_NUMBER_FORMAT;
    for (const { col, test } of struck) if (test(row)) line.getCell(col).font = { strike: true, color: { argb: 'FF888888' } };
  }
  doc.columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = Math.round(12 * (c.weight ?? 1));
  });
  // The column heads stay in view while scrolling.
  sheet.views = [{ state: 'frozen', ySplit: 4 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function listPdfDocument<T>(doc: ListDocument<T>, meta: ListMeta): TDocumentDefinitions {
  if (doc.rows.length > MAX_PDF_ROWS) throw new AppError('TOO_MANY_ROWS', { count: doc.rows.length, max: MAX_PDF_ROWS });
  const w = WORDS[meta.lang];
  const lines = metaLines(doc as ListDocument<unknown>, meta);
  const head: TableCell[] = doc.columns.map((c) => ({ text: c.header, bold: true, fillColor: '#eef3f2' }));
  const body: TableCell[][] = [head];
  for (const row of doc.rows) {
    body.push(doc.columns.map((c): TableCell => ({ text: pdfCellText(c, row), alignment: c.align ?? 'left', ...(c.struck?.(row) ? { decoration: 'lineThrough', color: '#888888' } : {}) })));
  }
  if (doc.rows.length === 0) body.push([{ text: w.empty, colSpan: doc.columns.length, alignment: 'center', color: '#666' }, ...doc.columns.slice(1).map(() => '')]);
  const total = doc.columns.reduce((n, c) => n + (c.weight ?? 1), 0);
  const content: Content[] = [
    { text: doc.title, fontSize: 15, bold: true, alignment: 'center' },
    { text: meta.orgName, alignment: 'center', color: '#444', margin: [0, 2, 0, 6] },
    { text: lines.filters, fontSize: 8.5, color: '#444' },
    { text: `${lines.printed} · ${lines.count}`, fontSize: 8.5, color: '#444', margin: [0, 0, 0, 6] },
    {
      table: { headerRows: 1, widths: doc.columns.map((c) => `${((100 * (c.weight ?? 1)) / total).toFixed(2)}%`), body },
      layout: 'lightHorizontalLines',
      fontSize: 8,
    },
  ];
  return {
    pageSize: 'A4',
    // Wide lists print across the page.
    pageOrientation: doc.columns.length > 6 ? 'landscape' : 'portrait',
    pageMargins: [36, 40, 36, 40],
    info: { title: `${doc.title} ${meta.orgName}`, creator: 'EduCredit 教体信用' },
    defaultStyle: { font: PDF_FONT, fontSize: 9, lineHeight: 1.2 },
    header: (page) => (page > 1 ? { text: `${meta.orgName} · ${doc.title}`, fontSize: 7.5, color: '#666', margin: [36, 18, 36, 0] } : null),
    footer: (current, pages) => ({
      columns: [
        { text: `${meta.orgName} · ${dateTimeText(meta.printedAt, meta.lang)}`, fontSize: 7.5, color: '#666' },
        { text: fill(w.page, { page: current, pages }), alignment: 'right', fontSize: 7.5, color: '#666' },
      ],
      margin: [36, 14, 36, 0],
    }),
    content,
  };
}

export function listPdf<T>(doc: ListDocument<T>, meta: ListMeta): Promise<Buffer> {
  return renderPdf(listPdfDocument(doc, meta));
}

/** The file of a list in the format asked for, named after the list and the (local) day. */
export async function listFile<T>(doc: ListDocument<T>, meta: ListMeta, format: ListFormat, baseName: string, day: string): Promise<{ fileName: string; mime: string; dataBase64: string }> {
  if (format === 'pdf') return { fileName: `${baseName}-${day}.pdf`, mime: 'application/pdf', dataBase64: (await listPdf(doc, meta)).toString('base64') };
  return { fileName: `${baseName}-${day}.xlsx`, mime: XLSX_MIME, dataBase64: (await listWorkbook(doc, meta)).toString('base64') };
}
