// Zip bombs against the importer (vitest, core): real .xlsx files built here whose parts unpack to
// far more than they weigh, or whose zip directory lies about the sizes, each previewed through the
// dispatcher on a real installation. Every one must be BAD_FILE with words in both languages,
// without the process's memory growing by the bomb's size. This file runs in its own process, so
// the peak resident memory it reads at the end is this file's.
import { afterAll, describe, expect, it } from 'vitest';
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { Installation } from '../../electron/core/app/installation';
import { dispatchAsync } from '../../electron/core/api';
import type { ApiError } from '../../shared/api/errors';
import { formatError } from '../../shared/api/messages';
import { login, ok, PASSWORD, TestClock, tempDir } from '../support/installation';

const t = tempDir('educredit-import-bombs-');
const inst = new Installation(t.dir, new TestClock());
ok(inst, 'setup.init', { mode: 'school', orgName: '舞钢市实验小学', uscc: '91350100M000100Y43', admin: { username: 'admin', displayName: '王校长', password: PASSWORD } });
const session = login(inst, 'admin');
afterAll(() => {
  inst.close();
  t.cleanup();
});

const MB = 1024 * 1024;

interface Part {
  name: string;
  /** The deflated bytes (or the bytes as they are when `stored`). */
  data: Buffer;
  crc: number;
  size: number;
  /** What the zip's headers claim the part unpacks to; the true size unless the test lies. */
  declared?: number;
}

function part(name: string, content: Buffer): Part {
  return { name, data: deflateRawSync(content), crc: crc32(content), size: content.length };
}

/** `chunk` repeated `times` times, deflated as a stream: the whole is never in memory at once. */
async function repeatedPart(name: string, head: string, chunk: Buffer, times: number, declared?: number): Promise<Part> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const start = Buffer.from(head);
  let crc = crc32(start);
  deflate.write(start);
  for (let i = 0; i < times; i++) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return { name, data: Buffer.concat(out), crc, size: start.length + chunk.length * times, ...(declared === undefined ? {} : { declared }) };
}

/** A zip written field by field (APPNOTE 4.3), so its directory can say what the test wants. */
function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const size = p.declared ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(p.crc, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(0x21, 14);
    entry.writeUInt32LE(p.crc, 16);
    entry.writeUInt32LE(p.data.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data);
    central.push(entry, name);
    offset += local.length + name.length + p.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The parts of a real workbook (exceljs's own), to wrap a bomb in something that is an .xlsx. */
async function workbookParts(): Promise<Part[]> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['姓名', '性别', '学号', '年级', '班级']);
  ws.addRow(['王一', '男', '001', '七年级', '1班']);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const z = await yauzl.fromBufferPromise(bytes);
  const parts: Part[] = [];
  for await (const entry of z.eachEntry()) {
    const stream = await z.openReadStreamPromise(entry);
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    parts.push(part(entry.fileName, Buffer.concat(chunks)));
  }
  return parts;
}

const SHEET = 'xl/worksheets/sheet1.xml';
const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';

async function bombWith(sheet: Part): Promise<Buffer> {
  const parts = await workbookParts();
  return zip(parts.map((p) => (p.name === SHEET ? sheet : p)));
}

async function refusal(fileName: string, bytes: Buffer): Promise<ApiError> {
  const r = await dispatchAsync(inst, { route: 'import.preview', session, input: { kind: 'students', fileName, dataBase64: bytes.toString('base64') } });
  if (r.ok) throw new Error(`${fileName} was read: ${JSON.stringify(r.value).slice(0, 300)}`);
  return r.error;
}

/** Peak resident memory of this process so far, in MiB. */
const peakMb = (): number => process.resourceUsage().maxRSS / 1024;

describe('zip bombs', () => {
  it('refuses a workbook whose parts declare more than 100 MB unpacked, from its directory alone', async () => {
    const sheet = await repeatedPart(SHEET, SHEET_HEAD, Buffer.alloc(MB, 0x20), 300);
    const bytes = await bombWith(sheet);
    // What a bomb is: a small file that unpacks to hundreds of MB.
    expect(bytes.length).toBeLessThan(2 * MB);
    expect(sheet.size).toBeGreaterThan(300 * MB);
    const e = await refusal('bomb.xlsx', bytes);
    expect(e.code).toBe('BAD_FILE');
    expect(formatError(e, 'zh-CN')).toBe('无法读取文件：bomb.xlsx（工作簿解压后超过 100 MB 的上限，可能是“压缩炸弹”：请只保留要导入的数据，或分成几个文件导入）');
    expect(formatError(e, 'en')).toBe('The file cannot be read: bomb.xlsx (the workbook is larger than 100 MB when unpacked, possibly a "zip bomb": keep only the data to import, or split it into several files)');
  });

  it('refuses a part of a few MB of zeros by its compression ratio', async () => {
    const bytes = await bombWith(await repeatedPart(SHEET, SHEET_HEAD, Buffer.alloc(MB, 0x30), 5));
    const e = await refusal('zeros.xlsx', bytes);
    expect(e.code).toBe('BAD_FILE');
    expect(formatError(e, 'zh-CN')).toContain(`部件“${SHEET}”压缩了 100 倍以上`);
    expect(formatError(e, 'en')).toContain(`part "${SHEET}" is compressed more than 100 times`);
  });

  it('refuses a directory that declares a small part and inflates to 500 MB, as soon as the part passes its size', async () => {
    const liar = await repeatedPart(SHEET, SHEET_HEAD, Buffer.alloc(MB, 0x20), 500, 10_000);
    const bytes = await bombWith(liar);
    const e = await refusal('liar.xlsx', bytes);
    expect(e.code).toBe('BAD_FILE');
    expect(formatError(e, 'zh-CN')).toContain(`工作簿目录中记录的“${SHEET}”大小与实际内容不符`);
    expect(formatError(e, 'en')).toContain(`the size the workbook's directory gives for "${SHEET}" does not match its contents`);
  });

  it('refuses 300,000 repeated rows (compressed only 15 times) while inflating, before exceljs builds them', async () => {
    const rows: string[] = [];
    for (let i = 1; i <= 300_000; i++) rows.push(`<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>王明</t></is></c></row>`);
    const xml = Buffer.from(`${SHEET_HEAD}${rows.join('')}</sheetData></worksheet>`);
    const bytes = await bombWith(part(SHEET, xml));
    expect(xml.length / bytes.length).toBeLessThan(100);
    const e = await refusal('rows.xlsx', bytes);
    expect(e.code).toBe('BAD_FILE');
    expect(formatError(e, 'zh-CN')).toBe('无法读取文件：rows.xlsx（超过一次最多导入 100,000 行数据的上限：请分成几个文件导入）');
  });

  it('refuses more than 1,000,000 cells while inflating', async () => {
    const rows: string[] = [];
    for (let r = 1; r <= 5100; r++) {
      const cells: string[] = [];
      for (let c = 0; c < 200; c++) cells.push(`<c r="X${r}"><v>${c}</v></c>`);
      rows.push(`<row r="${r}">${cells.join('')}</row>`);
    }
    const e = await refusal('cells.xlsx', await bombWith(part(SHEET, Buffer.from(`${SHEET_HEAD}${rows.join('')}</sheetData></worksheet>`))));
    expect(e.code).toBe('BAD_FILE');
    expect(formatError(e, 'en')).toContain('the workbook has more than 1,000,000 cells');
  });

  it('refuses a zip of more than 500 parts', async () => {
    const parts = await workbookParts();
    for (let i = 0; i < 500; i++) parts.push(part(`xl/media/image${i}.png`, Buffer.from([i & 0xff])));
    const e = await refusal('parts.xlsx', zip(parts));
    expect(e.code).toBe('BAD_FILE');
    expect(formatError(e, 'zh-CN')).toContain('工作簿由超过 500 个部件组成');
  });

  it('still reads the honest workbook the bombs were wrapped in', async () => {
    const r = await dispatchAsync(inst, { route: 'import.preview', session, input: { kind: 'students', fileName: 'ok.xlsx', dataBase64: zip(await workbookParts()).toString('base64') } });
    expect(r.ok && r.value).toMatchObject({ rows: 1, toInsert: 1, problems: [] });
  });

  it('never held a bomb in memory: the peak resident size stayed far below what the bombs unpack to', () => {
    // The bombs above unpack to 300 MB, 500 MB and more; the process with exceljs and the store
    // needs a few hundred MB of its own.
    expect(peakMb()).toBeLessThan(700);
  });
});
