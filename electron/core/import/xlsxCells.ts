// exceljs cell values as the importer's cells (core, the xlsx worker): formulas give their last
// result, rich text its plain text, and every value becomes something a worker can post back.
import type ExcelJS from 'exceljs';
import { EMPTY, isEmpty, textCell, type Cell } from './cells';

type XlsxValue = ExcelJS.CellValue | undefined;

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

/** A row's cells from exceljs's 1-based, sparse values, without the empty cells at its end. */
export function rowCells(values: XlsxValue[]): Cell[] {
  const cells: Cell[] = [];
  for (let c = 1; c < values.length; c++) cells.push(toCell(values[c]));
  while (cells.length > 0 && isEmpty(cells[cells.length - 1])) cells.pop();
  return cells;
}
