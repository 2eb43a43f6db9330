// Reading an uploaded spreadsheet (core, main process or CLI): .xlsx through exceljs, .csv through
// our own decoder and parser, both into the same rows of cells with the row numbers a person sees
// in Excel. A file we cannot read is BAD_FILE with the reason, never an internal error.
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/api/errors';
import { EMPTY, isEmpty, textCell, type Cell } from './cells';
import { decodeCsv, parseCsv } from './csv';

export interface SheetRow {
  /** The row number as the spreadsheet shows it (the header is usually row 1). */
  row: number;
  /** By column, 0-based. */
  cells: Cell[];
}

export interface Sheet {
  /** Non-empty rows only, in order. */
  rows: SheetRow[];
  /** The text encoding of a CSV; null for .xlsx. */
  encoding: string | null;
  /** A CSV quote that never closed: the row it opened on. */
  unclosedQuoteRow: number | null;
}

/** Lets a long read give the event loop a turn (progress polls, cancel) and stop when cancelled. */
export type Tick = (done: number, total: number) => Promise<void>;

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const YIELD_EVERY = 2000;

function badFile(fileName: string, detail: string): AppError {
  return new AppError('BAD_FILE', { what: fileName }, detail);
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

type XlsxValue = ExcelJS.CellValue | undefined;

/** exceljs values → our cells: formulas give their last result, rich text its plain text. */
function toCell(v: XlsxValue): Cell {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'string') return textCell(v);
  if (typeof v === 'number') return Number.isFinite(v) ? { t: 'number', v } : EMPTY;
  if (typeof v === 'boolean') return { t: 'text', v: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return { t: 'date', v };
  if ('error' in v) return { t: 'error', v: String(v.error) };
  if ('richText' in v) return textCell(v.richText.map((r) => r.text).join(''));
  if ('formula' in v || 'sharedFormula' in v) return toCell((v as { result?: XlsxValue }).result as XlsxValue);
  if ('text' in v) {
    const text: unknown = v.text;
    if (typeof text === 'string') return textCell(text);
    if (text && typeof text === 'object' && 'richText' in text) return toCell(text as ExcelJS.CellRichTextValue);
  }
  return EMPTY;
}

function rowCells(values: XlsxValue[]): Cell[] {
  // exceljs row values are 1-based and sparse.
  const cells: Cell[] = [];
  for (let c = 1; c < values.length; c++) cells.push(toCell(values[c]));
  return cells;
}

async function readXlsx(bytes: Buffer, fileName: string, tick: Tick): Promise<Sheet> {
  if (bytes.subarray(0, 4).equals(OLE)) throw badFile(fileName, 'this is an old binary .xls workbook: save it as .xlsx (Excel Workbook) or .csv and import again');
  if (!bytes.subarray(0, 4).equals(ZIP)) throw badFile(fileName, 'not an .xlsx workbook: an .xlsx file is a zip archive and this file is not one');
  const wb = new ExcelJS.Workbook();
  try {
    // In memory on purpose: exceljs's streaming reader parks worksheets it meets before the shared
    // strings in plaintext temporary files, and a roster of minors must not land unencrypted on disk.
    // exceljs declares a Buffer type of its own that Node's Buffer<ArrayBufferLike> does not match.
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw badFile(fileName, `not a readable .xlsx workbook: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
  }
  const sheets = wb.worksheets.filter((w) => w.state === 'visible' || w.state === undefined);
  const ws = sheets.find((w) => w.actualRowCount > 0) ?? sheets[0] ?? wb.worksheets[0];
  if (!ws) throw badFile(fileName, 'the workbook has no worksheet');
  const rows: SheetRow[] = [];
  const last = ws.rowCount;
  for (let r = 1; r <= last; r++) {
    if (r % YIELD_EVERY === 0) await tick(r, last);
    const row = ws.findRow(r);
    if (!row || !row.hasValues) continue;
    const cells = rowCells(row.values as XlsxValue[]);
    if (cells.every((c) => isEmpty(c))) continue;
    rows.push({ row: r, cells });
  }
  return { rows, encoding: null, unclosedQuoteRow: null };
}

async function readCsv(bytes: Buffer, tick: Tick): Promise<Sheet> {
  const { text, encoding } = decodeCsv(bytes);
  const parsed = parseCsv(text);
  const rows: SheetRow[] = [];
  let i = 0;
  for (const rec of parsed.records) {
    if (++i % YIELD_EVERY === 0) await tick(i, parsed.records.length);
    const cells = rec.fields.map(textCell);
    if (cells.every((c) => isEmpty(c))) continue;
    rows.push({ row: rec.row, cells });
  }
  return { rows, encoding, unclosedQuoteRow: parsed.unclosedQuoteRow };
}

/** Reads .xlsx or .csv (by name, or by content when the name says neither). */
export async function readSheet(bytes: Buffer, fileName: string, tick: Tick): Promise<Sheet> {
  const ext = extensionOf(fileName);
  if (ext === 'xlsx' || ext === 'xlsm' || ext === 'xls') return readXlsx(bytes, fileName, tick);
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return readCsv(bytes, tick);
  if (bytes.subarray(0, 4).equals(ZIP)) return readXlsx(bytes, fileName, tick);
  throw badFile(fileName, 'only .xlsx and .csv files can be imported');
}
