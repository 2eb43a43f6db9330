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

export interface CsvResult {
  records: CsvRecord[];
  /** The row where a quote opened and never closed; everything from it on is lost. */
  unclosedQuoteRow: number | null;
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

/**
 * RFC 4180 with the usual tolerance: quotes with "" inside, delimiters and line breaks inside
 * quotes, CRLF, LF or a lone CR between rows. A quote in the middle of an unquoted field is kept.
 */
export function parseCsv(text: string): CsvResult {
  const delim = delimiterOf(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let row = 1;
  let inQuotes = false;
  let quoteRow = 0;
  let atFieldStart = true;
  const n = text.length;
  const endRecord = (): void => {
    fields.push(field);
    records.push({ row, fields });
    fields = [];
    field = '';
    row += 1;
    atFieldStart = true;
  };
  for (let i = 0; i < n; i++) {
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
      fields.push(field);
      field = '';
      atFieldStart = true;
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
  if (inQuotes) return { records, unclosedQuoteRow: quoteRow };
  // A last line without a line break is still a record; a trailing line break adds none.
  if (field !== '' || fields.length > 0) endRecord();
  return { records, unclosedQuoteRow: null };
}
