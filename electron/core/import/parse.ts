// Reading an uploaded spreadsheet (core: main process, web host or CLI): .xlsx through exceljs in a
// worker thread, .csv through our own decoder and parser, both into the same rows of cells with the
// row numbers a person sees in Excel, within the limits of ./limits.ts. A file we cannot read, or
// will not, is BAD_FILE with the reason, never an internal error.
import { isEmpty, textCell, type Cell } from './cells';
import { decodeCsv, parseCsv } from './csv';
import { badFile, refusedFile } from './fileErrors';
import { MAX_COLUMNS, MAX_DATA_ROWS } from './limits';
import { readXlsxInWorker, type WorkerControl } from './xlsxInWorker';
import { directoryRefusal } from './zipParts';

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

/** How the preview follows and stops a read: ticks between CSV rows, the xlsx worker's progress and signal. */
export interface ReadControl extends WorkerControl {
  tick: Tick;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const YIELD_EVERY = 2000;

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
}

async function readXlsx(bytes: Buffer, fileName: string, control: ReadControl): Promise<Sheet> {
  if (bytes.subarray(0, 4).equals(OLE)) throw badFile(fileName, 'this is an old binary .xls workbook: save it as .xlsx (Excel Workbook) or .csv and import again');
  if (!bytes.subarray(0, 4).equals(ZIP)) throw badFile(fileName, 'not an .xlsx workbook: an .xlsx file is a zip archive and this file is not one');
  // The zip's directory first, here: a bomb that says what it is costs no worker.
  let refusal;
  try {
    refusal = await directoryRefusal(bytes);
  } catch (e) {
    throw badFile(fileName, `not a readable .xlsx workbook: ${firstLine(e)}`);
  }
  if (refusal) throw refusedFile(fileName, refusal);
  // exceljs reads in memory on purpose: its streaming reader parks worksheets it meets before the
  // shared strings in plaintext temporary files, and a roster of minors must not land unencrypted on disk.
  const rows = await readXlsxInWorker(bytes, fileName, control);
  return { rows, encoding: null, unclosedQuoteRow: null };
}

async function readCsv(bytes: Buffer, fileName: string, tick: Tick): Promise<Sheet> {
  const { text, encoding } = decodeCsv(bytes);
  // The header row and MAX_DATA_ROWS rows of data.
  const parsed = parseCsv(text, { maxRecords: MAX_DATA_ROWS + 1, maxFields: MAX_COLUMNS });
  if (parsed.overLimit?.reason === 'records') throw refusedFile(fileName, { reason: 'tooManyRows', max: MAX_DATA_ROWS });
  if (parsed.overLimit?.reason === 'fields') throw refusedFile(fileName, { reason: 'tooManyColumns', row: parsed.overLimit.row, max: MAX_COLUMNS });
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
export async function readSheet(bytes: Buffer, fileName: string, control: ReadControl): Promise<Sheet> {
  const ext = extensionOf(fileName);
  if (ext === 'xlsx' || ext === 'xlsm' || ext === 'xls') return readXlsx(bytes, fileName, control);
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return readCsv(bytes, fileName, control.tick);
  if (bytes.subarray(0, 4).equals(ZIP)) return readXlsx(bytes, fileName, control);
  throw badFile(fileName, 'only .xlsx and .csv files can be imported');
}
