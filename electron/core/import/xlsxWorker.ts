// The xlsx worker (a worker_threads thread of the main process, the web host or the CLI, started by
// xlsxInWorker.ts): inflates every part within its declared size counting rows and cells, then lets
// exceljs load the workbook in memory and posts back the chosen sheet's rows as plain cells. It
// runs under a heap limit, so a workbook that still costs too much kills this thread, not the host.
import { parentPort, workerData } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import type { FileRefusal } from '../../../shared/api/importMessages';
import { ElementCounter } from './elementCounter';
import { MAX_CELLS, MAX_COLUMNS, MAX_DATA_ROWS, MAX_SHEET_ROW_ELEMENTS } from './limits';
import type { SheetRow } from './parse';
import { rowCells } from './xlsxCells';
import { inflateParts, type PartVisitor } from './zipParts';

export interface WorkerInput {
  /** The file, transferred: the worker owns it. */
  bytes: ArrayBuffer;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'rows'; rows: SheetRow[] }
  | { type: 'done' }
  | { type: 'refused'; refusal: FileRefusal }
  | { type: 'unreadable'; detail: string };

/** Rows per message: each is a short pause for the receiving thread, never a long one. */
const ROWS_PER_MESSAGE = 2000;

const WORKSHEET = /^\/?xl\/worksheets\/[^/]+\.xml$/;
const SHARED_STRINGS = /^\/?xl\/sharedStrings\.xml$/;

function post(message: WorkerMessage): void {
  parentPort!.postMessage(message);
}

/** Counts rows and cells as the parts inflate: exceljs would build every one of them. */
function counting(): PartVisitor {
  let sheet = new ElementCounter(['row', 'c']);
  let strings = new ElementCounter(['si']);
  let cellsBefore = 0;
  return {
    chunk(part, bytes) {
      if (WORKSHEET.test(part)) {
        sheet.feed(bytes);
        if (sheet.count('row') > MAX_SHEET_ROW_ELEMENTS) return { reason: 'tooManyRows', max: MAX_DATA_ROWS };
        if (cellsBefore + sheet.count('c') > MAX_CELLS) return { reason: 'tooManyCells', max: MAX_CELLS };
      } else if (SHARED_STRINGS.test(part)) {
        // Each shared string is kept too; more of them than cells is no roster.
        strings.feed(bytes);
        if (strings.count('si') > MAX_CELLS) return { reason: 'tooManyCells', max: MAX_CELLS };
      }
      return null;
    },
    end(part) {
      if (WORKSHEET.test(part)) {
        cellsBefore += sheet.count('c');
        sheet = new ElementCounter(['row', 'c']);
      } else if (SHARED_STRINGS.test(part)) {
        strings = new ElementCounter(['si']);
      }
      return null;
    },
  };
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
}

/** The sheet a person means: the first visible one with content. */
function chosenSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  const sheets = wb.worksheets.filter((w) => w.state === 'visible' || w.state === undefined);
  return sheets.find((w) => w.actualRowCount > 0) ?? sheets[0] ?? wb.worksheets[0];
}

async function main({ bytes }: WorkerInput): Promise<void> {
  const file = Buffer.from(bytes);
  const counter = counting();
  let refusal: FileRefusal | null;
  try {
    refusal = await inflateParts(file, counter);
  } catch (e) {
    return post({ type: 'unreadable', detail: firstLine(e) });
  }
  if (refusal) return post({ type: 'refused', refusal });

  const wb = new ExcelJS.Workbook();
  try {
    // exceljs declares a Buffer type of its own that Node's Buffer<ArrayBufferLike> does not match.
    await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
  } catch (e) {
    return post({ type: 'unreadable', detail: firstLine(e) });
  }
  const ws = chosenSheet(wb);
  if (!ws) return post({ type: 'unreadable', detail: 'the workbook has no worksheet' });

  const last = ws.rowCount;
  let batch: SheetRow[] = [];
  let kept = 0;
  for (let r = 1; r <= last; r++) {
    const row = ws.findRow(r);
    if (!row || !row.hasValues) continue;
    // Without its empty cells at the end, a row of nothing but empty cells has none left.
    const cells = rowCells(row.values as ExcelJS.CellValue[]);
    if (cells.length === 0) continue;
    if (cells.length > MAX_COLUMNS) return post({ type: 'refused', refusal: { reason: 'tooManyColumns', row: r, max: MAX_COLUMNS } });
    // The header row and MAX_DATA_ROWS rows of data.
    if (++kept > MAX_DATA_ROWS + 1) return post({ type: 'refused', refusal: { reason: 'tooManyRows', max: MAX_DATA_ROWS } });
    batch.push({ row: r, cells });
    if (batch.length === ROWS_PER_MESSAGE) {
      post({ type: 'rows', rows: batch });
      post({ type: 'progress', done: r, total: last });
      batch = [];
    }
  }
  if (batch.length > 0) post({ type: 'rows', rows: batch });
  post({ type: 'done' });
}

// A failure of ours (not of the file) is left unhandled: the thread's error event carries it to
// the host, which reports it as an internal error rather than blaming the file.
void main(workerData as WorkerInput);
