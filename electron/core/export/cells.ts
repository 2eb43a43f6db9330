// Text for a cell of a workbook or CSV the app writes (core). A value that starts like a formula
// (= + - @, or a tab or carriage return before one) is stored as text in our .xlsx, but Excel turns
// it back into a formula once someone re-saves the sheet as CSV and opens it again — so such text
// gets a leading apostrophe, as OWASP's advice on CSV injection has it, and stays text everywhere.
const FORMULA_START = /^[=+\-@\t\r]/;

export function cellText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Every text value of a row made safe; numbers, dates and empty cells pass as they are. */
export function safeRow<T extends Record<string, unknown>>(row: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'string' ? cellText(v) : v;
  return out as T;
}
