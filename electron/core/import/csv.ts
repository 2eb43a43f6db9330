// CSV reading for imports (core, main process or CLI): decode the bytes (UTF-8, UTF-8 with BOM,
// UTF-16 with BOM, else GBK/GB18030 as Chinese Excel saves "CSV"), then split records ourselves.
// Every value stays text: a spreadsheet library's CSV reader would turn an 18-digit ID number into
// a float and lose its last digits.
import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  /** What was detected, shown in the preview: 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be' or 'gb18030'. */
  encoding: string;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeCsv(bytes: Buffer): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
  }
  // Excel's "Unicode text" is UTF-16 with a BOM.
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), 'utf16le'), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf16be'), encoding: 'utf-16be' };
  try {
    // Valid UTF-8 is almost never valid-looking GBK by accident, and the reverse fails the strict decoder.
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // GB18030 is a superset of GBK and GB2312: rare name characters (镕, 堃) decode either way.
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
  }
}

export interface CsvRecord {
  /** 1-based, as a spreadsheet program shows it: a quoted line break does not start a new row. */
  row: number;
  fields: string[];
}

/** Bounds on what a parse keeps, so a small file of separators cannot fill the memory. */
export interface CsvLimits {
  /** Records with content; blank lines are not kept and not counted. */
  maxRecords: number;
  /** Fields a record may fill; blank ones beyond it are dropped. */
  maxFields: number;
}

export interface CsvResult {
  /** Records with content (a blank line is skipped, its row number is not reused). */
  records: CsvRecord[];
  /** The row where a quote opened and never closed; everything from it on is lost. */
  unclosedQuoteRow: number | null;
  /** Where the parse stopped at a limit: more records than maxRecords, or content past maxFields. */
  overLimit: { reason: 'records' } | { reason: 'fields'; row: number } | null;
}

/** The delimiter of the first line: a comma unless the line has tabs (or semicolons) and no comma. */
function delimiterOf(text: string): string {
  const end = text.search(/\r|\n/);
  const first = end < 0 ? text : text.slice(0, end);
  if (first.includes(',')) return ',';
  if (first.includes('\t')) return '\t';
  if (first.includes(';')) return ';';
  return ',';
}

const isBlank = (s: string): boolean => s.trim() === '';

/**
 * RFC 4180 with the usual tolerance: quotes with "" inside, delimiters and line breaks inside
 * quotes, CRLF, LF or a lone CR between rows. A quote in the middle of an unquoted field is kept.
 */
export function parseCsv(text: string, limits: CsvLimits): CsvResult {
  const delim = delimiterOf(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let row = 1;
  let inQuotes = false;
  let quoteRow = 0;
  let atFieldStart = true;
  let overLimit: CsvResult['overLimit'] = null;
  const n = text.length;
  const endField = (): void => {
    if (fields.length < limits.maxFields) fields.push(field);
    else if (!isBlank(field)) overLimit = { reason: 'fields', row };
    field = '';
    atFieldStart = true;
  };
  const endRecord = (): void => {
    endField();
    if (!fields.every(isBlank)) {
      if (records.length === limits.maxRecords) overLimit ??= { reason: 'records' };
      else records.push({ row, fields });
    }
    fields = [];
    row += 1;
  };
  for (let i = 0; i < n && overLimit === null; i++) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else {
          inQuotes = false;
        }
      } else {
        field += c;
      }
      continue;
    }
    if (c === '"' && atFieldStart) {
      inQuotes = true;
      quoteRow = row;
      atFieldStart = false;
      continue;
    }
    if (c === delim) {
      endField();
      continue;
    }
    if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      continue;
    }
    field += c;
    atFieldStart = false;
  }
  if (overLimit) return { records, unclosedQuoteRow: null, overLimit };
  if (inQuotes) return { records, unclosedQuoteRow: quoteRow, overLimit: null };
  // A last line without a line break is still a record; a trailing line break adds none.
  if (field !== '' || fields.length > 0) endRecord();
  return { records, unclosedQuoteRow: null, overLimit };
}
