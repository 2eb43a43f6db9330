// Bundle bench (Node; benchSync() from bench/run.ts): a school's full export at 100,000 records,
// an incremental export of 1,000 changes, and the bureau importing 200 school bundles, each beside
// node:crypto AES-256-GCM over the same number of bytes in the same run (the limit of the crypto).
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Installation } from '../electron/core/app/installation';
import { dispatch, dispatchAsync } from '../electron/core/api';
import { growRecords } from './grow';
import { stats, type Row } from './harness';

const PASSWORD = 'bench-password-1';

interface Side {
  inst: Installation;
  session: string;
}

function must<T>(r: { ok: true; value: unknown } | { ok: false; error: unknown }, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

function loggedIn(inst: Installation): Side {
  return { inst, session: must<{ session: string }>(dispatch(inst, { route: 'auth.login', input: { username: 'admin', password: PASSWORD } }), 'login').session };
}

function open(dir: string): Side {
  return loggedIn(new Installation(dir));
}

// The installation that made the demo goes on: a second one on the same folder is refused (IN_USE), as a second program would be.
function demo(dir: string, scale: 'school' | 'bureau'): Side {
  const inst = new Installation(dir);
  must(dispatch(inst, { route: 'setup.demo', input: { scale, password: PASSWORD } }), 'demo');
  return loggedIn(inst);
}

async function exportNew(s: Side, root: string): Promise<{ files: string[]; ms: number }> {
  const folder = mkdtempSync(join(root, 'out-'));
  const t0 = performance.now();
  const r = must<{ files: { fileName: string; isNew: boolean }[] }>(await dispatchAsync(s.inst, { route: 'sync.export', input: { folder }, session: s.session }), 'export');
  const ms = performance.now() - t0;
  return { files: r.files.filter((f) => f.isNew).map((f) => join(folder, f.fileName)), ms };
}

async function importFile(s: Side, file: string): Promise<void> {
  must(await dispatchAsync(s.inst, { route: 'sync.import', input: { fileName: file.split('/').pop()!, dataBase64: readFileSync(file).toString('base64') }, session: s.session }), `import ${file}`);
}

/** AES-256-GCM over `bytes` bytes: encrypt (or encrypt then decrypt), timed. */
function aesMs(bytes: number, decryptToo: boolean): number {
  const data = randomBytes(bytes);
  const key = randomBytes(32);
  const iv = randomBytes(12);
  const t0 = performance.now();
  const c = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([c.update(data), c.final()]);
  if (decryptToo) {
    const d = createDecipheriv('aes-256-gcm', key, iv);
    d.setAuthTag(c.getAuthTag());
    Buffer.concat([d.update(ct), d.final()]);
  }
  return performance.now() - t0;
}

function size(file: string): number {
  return readFileSync(file).length;
}

export async function benchSync(log: (line: string) => void = console.log): Promise<Row[]> {
  const root = mkdtempSync(join(tmpdir(), 'educredit-bench-sync-'));
  try {
    const school = demo(join(root, 'school'), 'school');
    growRecords(school.inst.open().raw, 100_000);
    const bureau = demo(join(root, 'bureau'), 'bureau');
    const card = (s: Side): string => must<{ card: string }>(dispatch(s.inst, { route: 'sync.card', input: {}, session: s.session }), 'card').card;
    must(dispatch(bureau.inst, { route: 'sync.enrol', input: { card: card(school) }, session: bureau.session }), 'enrol');
    must(dispatch(school.inst, { route: 'sync.enrol', input: { card: card(bureau) }, session: school.session }), 'enrol');
    // The bureau as it stands now, before any bundle: the 200-bundle figure imports into this copy.
    bureau.inst.close();
    cpSync(join(root, 'bureau'), join(root, 'bureau-fresh'), { recursive: true });
    const bureauLive = open(join(root, 'bureau'));

    const full = await exportNew(school, root);
    const fullBytes = size(full.files[0]!);
    const rows: Row[] = [{ figure: `bundle: full export of a school at 100,000 records (${(fullBytes / 1024).toFixed(0)} KiB)`, ours: stats([full.ms]), baseline: stats([aesMs(fullBytes, false)]) }];
    await importFile(bureauLive, full.files[0]!);
    for (const f of (await exportNew(bureauLive, root)).files) await importFile(school, f);

    const item = must<{ items: { id: number; code: string }[] }>(dispatch(school.inst, { route: 'catalogue.current', input: {}, session: school.session }), 'catalogue').items.find((i) => i.code === 'T-P05')!.id;
    const add = (n: number, day: number): void => {
      for (let i = 0; i < n; i++) {
        must(dispatch(school.inst, { route: 'records.create', input: { subjectKind: 'teacher', subjectId: 1 + (i % 130), itemId: item, occurredOn: `2026-10-${String(day).padStart(2, '0')}`, description: `批量记录 ${i}` }, session: school.session }), 'record');
      }
    };
    add(1_000, 1);
    const inc = await exportNew(school, root);
    const incBytes = size(inc.files[0]!);
    rows.push({ figure: `bundle: incremental export of 1,000 changes (${(incBytes / 1024).toFixed(0)} KiB)`, ours: stats([inc.ms]), baseline: stats([aesMs(incBytes, false)]) });
    await importFile(bureauLive, inc.files[0]!);
    for (const f of (await exportNew(bureauLive, root)).files) await importFile(school, f);

    // 200 bundles of five changes each, acknowledged as they go so each export writes one file.
    const files: string[] = [];
    for (let b = 0; b < 200; b++) {
      add(5, 1 + (b % 28));
      const { files: made } = await exportNew(school, root);
      files.push(...made);
      for (const f of made) await importFile(bureauLive, f);
      for (const f of (await exportNew(bureauLive, root)).files) await importFile(school, f);
    }
    const fresh = open(join(root, 'bureau-fresh'));
    const t0 = performance.now();
    for (const f of [full.files[0]!, inc.files[0]!, ...files]) await importFile(fresh, f);
    const importMs = performance.now() - t0;
    const allBytes = [full.files[0]!, inc.files[0]!, ...files].reduce((n, f) => n + size(f), 0);
    rows.push({ figure: 'bundle: bureau imports 202 school bundles (full, incremental, 200 small)', ours: stats([importMs]), baseline: stats([aesMs(allBytes, true)]) });
    log(`  bundles: full ${(fullBytes / 1024).toFixed(0)} KiB, 1,000 changes ${(incBytes / 1024).toFixed(0)} KiB, 200 small bundles ${(files.reduce((n, f) => n + size(f), 0) / 1024).toFixed(0)} KiB in all`);
    for (const s of [school, bureauLive, fresh]) s.inst.close();
    return rows;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
