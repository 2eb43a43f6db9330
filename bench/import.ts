// Import bench (Node, `npx tsx bench/import.ts` or benchImport() from bench/run.ts): 100,000
// student records from one .xlsx, previewed and committed through dispatchAsync on a demo school,
// beside a raw better-sqlite3 baseline that reads the same file with exceljs and inserts the same
// rows into an unencrypted copy of the same data with one prepared statement in one transaction.
// Two more figures show what the xlsx worker costs and buys: the read alone (zip checks, worker,
// exceljs, rows posted back) beside exceljs in the calling thread, and the longest pause of the
// calling thread's event loop during each (a garbage collection of the thread's own counts too).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { Installation } from '../electron/core/app/installation';
import { dispatch, dispatchAsync } from '../electron/core/api';
import type { Raw } from '../electron/core/db/open';
import { readSheet } from '../electron/core/import/parse';
import { expiresOn } from '../shared/domain/creditRules';
import { printTable, stats, type Row } from './harness';
import { openPlain, plainCopy } from './plain';

const PASSWORD = 'bench-password-1';
/** Student items that need no evidence, so a spreadsheet may carry them. */
const ITEMS = ['S-P01', 'S-P03', 'S-V01', 'S-V04', 'S-V05'];

export interface ImportBenchOptions {
  /** Records in the file. */
  rows?: number;
  /** Timed runs of each side; every run starts from a fresh copy of the same data. */
  reps?: number;
  log?: (line: string) => void;
}

function must(r: { ok: true; value: unknown } | { ok: false; error: unknown }, what: string): unknown {
  if (!r.ok) throw new Error(`${what}: ${JSON.stringify(r.error)}`);
  return r.value;
}

/** The file a school would bring: 学号, 目录编码, 日期 (date cells), 说明, every row a new record. */
async function recordsWorkbook(studentNos: string[], rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('记录');
  ws.addRow(['学号', '目录编码', '日期', '说明']);
  ws.getColumn(1).numFmt = '@';
  ws.getColumn(3).numFmt = 'yyyy-mm-dd';
  const start = Date.UTC(2024, 8, 1);
  for (let i = 0; i < rows; i++) {
    ws.addRow([studentNos[i % studentNos.length]!, ITEMS[i % ITEMS.length]!, new Date(start + (i % 500) * 86_400_000), `第 ${i + 1} 条：课堂表现记录，班主任录入`]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The baseline's whole job: read the .xlsx with exceljs, then one prepared INSERT per row. */
async function baselineRead(bytes: Buffer): Promise<{ no: string; code: string; date: string; text: string }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0]!;
  const out: { no: string; code: string; date: string; text: string }[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const v = row.values as ExcelJS.CellValue[];
    out.push({ no: String(v[1]), code: String(v[2]), date: (v[3] as Date).toISOString().slice(0, 10), text: String(v[4]) });
  });
  return out;
}

function baselineInsert(raw: Raw, rows: { no: string; code: string; date: string; text: string }[]): number {
  const students = new Map((raw.prepare('SELECT student_no AS k, id FROM students').all() as { k: string; id: number }[]).map((s) => [s.k, s.id]));
  const version = (raw.prepare('SELECT max(version) AS v FROM catalogue_versions').get() as { v: number }).v;
  const items = new Map(
    (raw.prepare('SELECT code, id, disclosure_months AS m FROM catalogue_items WHERE version = ?').all(version) as { code: string; id: number; m: number }[]).map((i) => [i.code, i]),
  );
  const author = (raw.prepare("SELECT id FROM users WHERE username = 'admin'").get() as { id: number }).id;
  const insert = raw.prepare(
    `INSERT INTO credit_records (subject_kind, subject_id, item_id, occurred_on, expires_on, description, kind, supersedes_id, author_id, created_at)
     VALUES ('student', ?, ?, ?, ?, ?, 'original', NULL, ?, ?)`,
  );
  const now = new Date().toISOString();
  // The same memo of the expiry date as the core's batch insert (electron/core/import/write.ts).
  const expiry = new Map<string, string>();
  raw.transaction(() => {
    for (const r of rows) {
      const item = items.get(r.code)!;
      const key = `${r.date}|${item.m}`;
      let expires = expiry.get(key);
      if (expires === undefined) {
        expires = expiresOn(r.date, item.m);
        expiry.set(key, expires);
      }
      insert.run(students.get(r.no)!, item.id, r.date, expires, r.text, author, now);
    }
  })();
  return rows.length;
}

/** Runs `read` while a 5 ms interval watches the event loop; returns its time and longest pause. */
async function watched(read: () => Promise<unknown>): Promise<{ ms: number; pauseMs: number }> {
  let last = performance.now();
  let pauseMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    pauseMs = Math.max(pauseMs, now - last);
    last = now;
  }, 5);
  const t0 = performance.now();
  try {
    await read();
  } finally {
    clearInterval(timer);
  }
  const end = performance.now();
  // The pause still running when the read ended counts too.
  return { ms: end - t0, pauseMs: Math.max(pauseMs, end - last) };
}

/** The core's read of the file: directory check, then the worker (zip checks, exceljs, rows). */
function workerRead(bytes: Buffer): Promise<unknown> {
  return readSheet(bytes, 'records.xlsx', { tick: async () => {}, signal: new AbortController().signal, progress: () => {} });
}

export async function benchImport(options: ImportBenchOptions = {}): Promise<Row[]> {
  const rows = options.rows ?? 100_000;
  const reps = options.reps ?? 3;
  const log = options.log ?? (() => {});
  const root = mkdtempSync(join(tmpdir(), 'educredit-bench-import-'));
  try {
    // The demo school once; every run then starts from a copy of its folder (and of its plain twin).
    const seedDir = join(root, 'seed');
    const seed = new Installation(seedDir);
    must(dispatch(seed, { route: 'setup.demo', input: { scale: 'school', password: PASSWORD } }), 'setup.demo');
    const studentNos = (seed.open().raw.prepare("SELECT student_no AS n FROM students WHERE status = 'active' ORDER BY id").all() as { n: string }[]).map((s) => s.n);
    const plainSeed = join(root, 'seed-plain.db');
    plainCopy(seed.open().raw, plainSeed);
    seed.close();
    const bytes = await recordsWorkbook(studentNos, rows);
    log(`import bench: ${rows.toLocaleString('en')} records, .xlsx of ${(bytes.length / 1024 / 1024).toFixed(1)} MiB, demo school of ${studentNos.length} students`);

    const full = { ours: [] as number[], base: [] as number[] };
    const write = { ours: [] as number[], base: [] as number[] };
    const reads = { ours: [] as number[], base: [] as number[] };
    const pause = { ours: [] as number[], base: [] as number[] };
    for (let i = 0; i < reps; i++) {
      const w = await watched(() => workerRead(bytes));
      const b = await watched(() => baselineRead(bytes));
      reads.ours.push(w.ms);
      reads.base.push(b.ms);
      pause.ours.push(w.pauseMs);
      pause.base.push(b.pauseMs);
      log(`  read ${i + 1}/${reps}: worker ${w.ms.toFixed(0)} ms (longest pause ${w.pauseMs.toFixed(0)}), exceljs in-thread ${b.ms.toFixed(0)} ms (longest pause ${b.pauseMs.toFixed(0)})`);

      // Ours: preview (parse + check every row) and commit (recheck + insert, one transaction).
      const dir = join(root, `run-${i}`);
      cpSync(seedDir, dir, { recursive: true });
      const inst = new Installation(dir);
      const { session } = must(dispatch(inst, { route: 'auth.login', input: { username: 'admin', password: PASSWORD } }), 'login') as { session: string };
      const t0 = performance.now();
      const preview = must(await dispatchAsync(inst, { route: 'import.preview', session, input: { kind: 'records', fileName: 'records.xlsx', dataBase64: bytes.toString('base64') } }), 'preview') as {
        jobId: string;
        toInsert: number;
        problems: unknown[];
      };
      if (preview.problems.length > 0 || preview.toInsert !== rows) throw new Error(`the bench file did not preview cleanly: ${JSON.stringify(preview).slice(0, 500)}`);
      const t1 = performance.now();
      const result = must(dispatch(inst, { route: 'import.commit', session, input: { jobId: preview.jobId } }), 'commit') as { inserted: number };
      const t2 = performance.now();
      if (result.inserted !== rows) throw new Error(`inserted ${result.inserted}, expected ${rows}`);
      inst.close();
      rmSync(dir, { recursive: true, force: true });
      full.ours.push(t2 - t0);
      write.ours.push(t2 - t1);

      // Baseline: the same file read by exceljs, the same rows into the plain copy.
      const plainPath = join(root, `run-${i}-plain.db`);
      cpSync(plainSeed, plainPath);
      const plain = openPlain(plainPath);
      const b0 = performance.now();
      const read = await baselineRead(bytes);
      const b1 = performance.now();
      if (baselineInsert(plain, read) !== rows) throw new Error('baseline row count');
      const b2 = performance.now();
      plain.close();
      rmSync(plainPath, { force: true });
      full.base.push(b2 - b0);
      write.base.push(b2 - b1);
      log(`  run ${i + 1}/${reps}: ours ${(t2 - t0).toFixed(0)} ms (commit ${(t2 - t1).toFixed(0)}), baseline ${(b2 - b0).toFixed(0)} ms (insert ${(b2 - b1).toFixed(0)})`);
    }
    const n = rows.toLocaleString('en');
    return [
      { figure: `import ${n} records from .xlsx: preview + commit via dispatchAsync`, ours: stats(full.ours), baseline: stats(full.base) },
      { figure: `import ${n} records: commit only (recheck + insert, one transaction)`, ours: stats(write.ours), baseline: stats(write.base) },
      { figure: `read ${n} records .xlsx: zip checks + worker vs exceljs in-thread`, ours: stats(reads.ours), baseline: stats(reads.base) },
      { figure: `read ${n} records .xlsx: longest event-loop pause, worker vs in-thread`, ours: stats(pause.ours), baseline: stats(pause.base) },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

// Run on its own: `npx tsx bench/import.ts [rows] [reps]`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [rowsArg, repsArg] = process.argv.slice(2);
  benchImport({ ...(rowsArg ? { rows: Number(rowsArg) } : {}), ...(repsArg ? { reps: Number(repsArg) } : {}), log: console.log })
    .then((r) => printTable(r))
    .catch((e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    });
}
