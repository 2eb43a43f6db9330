// Cell values of an imported sheet (core) and how each becomes the text or date a field needs.
// A CSV gives only text; an .xlsx gives numbers, dates, rich text, formulas and error values, and
// the number a person typed into an unformatted cell is not always the number they meant.

/** One cell, reduced to what the importer can use. */
export type Cell =
  | { t: 'empty' }
  | { t: 'text'; v: string }
  | { t: 'number'; v: number }
  | { t: 'date'; v: Date }
  | { t: 'error'; v: string };

export const EMPTY: Cell = { t: 'empty' };

export function textCell(v: string): Cell {
  return v.trim() === '' ? EMPTY : { t: 'text', v };
}

/** Excel keeps 15 significant digits; an integer longer than that has lost its tail. */
const EXCEL_DIGITS = 15;

/** An integer as plain digits (never "4.1e+17"). */
function integerText(n: number): string {
  return Number.isSafeInteger(n) ? String(n) : BigInt(Math.round(n)).toString();
}

export type TextResult = { ok: true; value: string } | { ok: false; code: 'NUMBER_LOST_DIGITS' | 'CELL_ERROR'; value: string };

/**
 * The cell as text. Numbers are written without exponent or grouping. For identifiers (ID number,
 * student number) `exact` refuses a number longer than Excel can hold: its digits are already gone.
 */
export function cellText(c: Cell, exact = false): TextResult {
  switch (c.t) {
    case 'empty':
      return { ok: true, value: '' };
    case 'text':
      // Identifiers typed with a Chinese input method may come in full-width digits (４１０…, Ｘ).
      return { ok: true, value: exact ? c.v.normalize('NFKC').trim() : c.v.trim() };
    case 'error':
      return { ok: false, code: 'CELL_ERROR', value: c.v };
    case 'date':
      return { ok: true, value: isoOf(c.v) };
    case 'number': {
      if (!Number.isInteger(c.v)) return { ok: true, value: String(c.v) };
      const digits = integerText(c.v);
      if (exact && digits.replace('-', '').length > EXCEL_DIGITS) return { ok: false, code: 'NUMBER_LOST_DIGITS', value: digits };
      return { ok: true, value: digits };
    }
  }
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** A date cell from exceljs holds the sheet's calendar day at UTC midnight. */
function isoOf(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function realDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2999) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return isoOf(date);
}

/** Days since Excel's day 0 (1899-12-30, counting its phantom 1900-02-29), for serials from 1900-03-01. */
function fromSerial(serial: number): string | null {
  if (serial < 61 || serial > 401_768) return null;
  return isoOf(new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000));
}

const DATE_TEXT = [
  // 2020-09-01, 2020/9/1, 2020.9.1, optionally followed by a time
  /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/,
  // 2020年9月1日
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/,
  // 20200901
  /^(\d{4})(\d{2})(\d{2})$/,
];

export type DateResult = { ok: true; value: string } | { ok: false; code: 'BAD_DATE' | 'CELL_ERROR'; value: string };

/** A date as YYYY-MM-DD from a date cell, an Excel serial number, or text as people write it. */
export function cellDate(c: Cell): DateResult {
  if (c.t === 'error') return { ok: false, code: 'CELL_ERROR', value: c.v };
  if (c.t === 'date') {
    const iso = isoOf(c.v);
    return Number.isNaN(c.v.getTime()) || iso < '1900' ? { ok: false, code: 'BAD_DATE', value: String(c.v) } : { ok: true, value: iso };
  }
  if (c.t === 'number') {
    const s = String(c.v);
    const eight = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
    const iso = eight ? realDate(Number(eight[1]), Number(eight[2]), Number(eight[3])) : fromSerial(c.v);
    return iso ? { ok: true, value: iso } : { ok: false, code: 'BAD_DATE', value: s };
  }
  const text = c.t === 'text' ? c.v.trim() : '';
  for (const re of DATE_TEXT) {
    const m = re.exec(text);
    if (!m) continue;
    const iso = realDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso) return { ok: true, value: iso };
  }
  return { ok: false, code: 'BAD_DATE', value: text };
}

export function isEmpty(c: Cell | undefined): boolean {
  return c === undefined || c.t === 'empty';
}
