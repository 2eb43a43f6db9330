// `npm run bench`: each figure of the encrypted store beside a baseline on plain better-sqlite3, measured in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Installation } from '../electron/core/app/installation';
import { dispatch } from '../electron/core/api';
import { COUNTED, counts } from '../electron/core/dashboard/service';
import { openStore, type Raw } from '../electron/core/db/open';
import { KeyStore } from '../electron/core/keys/keyfile';
import type { Mode } from '../shared/domain/roles';
import { comparePair, printTable, type Row } from './harness';
import { openPlain, plainCopy } from './plain';
import { growRecords } from './grow';
import { listRecords, type RecordFilter } from '../electron/core/credit/query';
import { benchImport } from './import';
import { benchReports } from './reports';
import { benchSync } from './sync';
import { benchGrading } from './grading';

const PASSWORD = 'bench-password-1';

/** The tables behind each dashboard count: the baseline runs the same `SELECT count(*)` on each. */
const COUNTED_TABLES: Readonly<Record<string, string>> = COUNTED;

interface Fixture {
  mode: Mode;
  dir: string;
  inst: Installation;
  session: string;
  /** An unencrypted file with the same schema and rows. */
  plainPath: string;
  rows: number;
}

function call(inst: Installation, route: string, input: unknown, session?: string): unknown {
  const r = dispatch(inst, { route, input, session });
  if (!r.ok) throw new Error(`${route}: ${JSON.stringify(r.error)}`);
  return r.value;
}

function build(mode: Mode, root: string): Fixture {
  const dir = join(root, mode);
  const inst = new Installation(dir);
  call(inst, 'setup.demo', { scale: mode, password: PASSWORD });
  // A page of records is measured at 100,000 records.
  if (mode === 'school') growRecords(inst.open().raw, 100_000);
  const session = (call(inst, 'auth.login', { username: 'admin', password: PASSWORD }) as { session: string }).session;
  const plainPath = join(root, `${mode}-plain.db`);
  const rows = plainCopy(inst.open().raw, plainPath);
  return { mode, dir, inst, session, plainPath, rows };
}

const FIRST_QUERY = "SELECT id, role, active FROM users WHERE username = 'admin'";

/** The same counts as the core's, in plain SQL on an unencrypted copy: a bureau's come from what schools sent. */
function plainCounts(raw: Raw, mode: 'school' | 'bureau'): Record<string, number> {
  const n = (sql: string): number => (raw.prepare(sql).get() as { n: number }).n;
  if (mode === 'bureau') {
    return {
      schools: n("SELECT count(*) AS n FROM sync_partners WHERE mode = 'school'"),
      teachers: n("SELECT count(*) AS n FROM received_rows WHERE kind = 'teacher'"),
      institutions: n('SELECT count(*) AS n FROM institutions'),
      records: n('SELECT count(*) AS n FROM credit_records'),
      users: n('SELECT count(*) AS n FROM users'),
      auditEntries: n('SELECT count(*) AS n FROM audit_log'),
    };
  }
  const out: Record<string, number> = {};
  for (const [key, table] of Object.entries(COUNTED_TABLES)) out[key] = n(`SELECT count(*) AS n FROM ${table}`);
  return out;
}

async function main(): Promise<void> {
  const started = Date.now();
  const root = mkdtempSync(join(tmpdir(), 'educredit-bench-'));
  const rows: Row[] = [];
  const fixtures: Fixture[] = [];
  try {
    for (const mode of ['bureau', 'school'] as const) fixtures.push(build(mode, root));
    const [bureau, school] = fixtures as [Fixture, Fixture];

    // The baseline must count what the core counts, on the same rows.
    for (const f of fixtures) {
      const ours = counts(f.inst);
      const plain = openPlain(f.plainPath);
      const theirs = plainCounts(plain, f.mode);
      plain.close();
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) throw new Error(`${f.mode}: counts differ: ${JSON.stringify(ours)} vs ${JSON.stringify(theirs)}`);
    }

    // (a) Opening the DB at bureau scale: scrypt unwrap of the key slot + open + first query.
    const keyOf = (f: Fixture): Buffer => {
      const r = KeyStore.load(f.dir).unlock('admin', PASSWORD, Date.now());
      if (!r.ok) throw new Error('cannot unlock the bench installation');
      return r.key;
    };
    bureau.inst.close();
    const bureauKey = keyOf(bureau);
    rows.push(
      comparePair(
        'open DB, bureau: scrypt unwrap + open + first query',
        () => {
          const store = openStore(bureau.dir, keyOf(bureau), { create: false });
          store.raw.prepare(FIRST_QUERY).get();
          store.raw.close();
        },
        () => {
          const raw = openPlain(bureau.plainPath);
          raw.prepare(FIRST_QUERY).get();
          raw.close();
        },
        { reps: 15, warmup: 1 },
      ),
    );
    rows.push(
      comparePair(
        'open DB, bureau: key known (cipher + checks only)',
        () => {
          const store = openStore(bureau.dir, bureauKey, { create: false });
          store.raw.prepare(FIRST_QUERY).get();
          store.raw.close();
        },
        () => {
          const raw = openPlain(bureau.plainPath);
          raw.prepare(FIRST_QUERY).get();
          raw.close();
        },
        { reps: 60 },
      ),
    );
    // Back to a logged-in installation for the dashboard.
    bureau.session = (call(bureau.inst, 'auth.login', { username: 'admin', password: PASSWORD }) as { session: string }).session;

    // (b) The dashboard query at bureau and school scale.
    for (const f of [bureau, school]) {
      const plain = openPlain(f.plainPath);
      rows.push(
        comparePair(
          `dashboard.summary via dispatch, ${f.mode}`,
          () => {
            call(f.inst, 'dashboard.summary', {}, f.session);
          },
          () => {
            plainCounts(plain, f.mode);
          },
          { reps: 200, warmup: 10 },
        ),
      );
      rows.push(
        comparePair(
          `dashboard counts only (core counts()), ${f.mode}`,
          () => {
            counts(f.inst);
          },
          () => {
            plainCounts(plain, f.mode);
          },
          { reps: 300, warmup: 10 },
        ),
      );
      plain.close();
    }

    // (c) One page of records, filtered and sorted in the core, at 100,000 records. The baseline
    // runs the very same query code on the unencrypted copy.
    {
      const plain = openPlain(school.plainPath);
      const today = new Date().toISOString().slice(0, 10);
      const pages: { label: string; filter: RecordFilter }[] = [
        { label: 'newest page', filter: { subjectKind: 'student', sort: 'occurredOn', dir: 'desc', offset: 0, limit: 100 } },
        { label: 'status=active, class, sorted by subject', filter: { subjectKind: 'student', status: 'active', classId: 3, sort: 'subject', dir: 'asc', offset: 0, limit: 100 } },
        { label: 'search 王 + date range, page 5', filter: { subjectKind: 'student', q: '王', from: '2025-01-01', to: '2026-06-30', sort: 'occurredOn', dir: 'desc', offset: 400, limit: 100 } },
      ];
      for (const { label, filter } of pages) {
        rows.push(
          comparePair(
            `records.list at 100k records: ${label}`,
            () => {
              call(school.inst, 'records.list', filter, school.session);
            },
            () => {
              listRecords(plain, filter, today);
            },
            { reps: 15, warmup: 2 },
          ),
        );
      }
      plain.close();
    }

    // (d) Importing 100,000 records from an .xlsx, and (e) teacher credit reports.
    rows.push(...(await benchImport({ log: console.log })));
    rows.push(...(await benchReports(console.log)));
    // (f) Bundles between a school and its bureau.
    rows.push(...(await benchSync(console.log)));
    // (g) Grading every subject of a bureau at city scale.
    const grading = await benchGrading(console.log);
    rows.push(...grading.rows);

    console.log(`EduCredit bench — node ${process.version}, ${process.platform}/${process.arch}`);
    for (const f of fixtures) {
      const c = counts(f.inst);
      console.log(`  demo ${f.mode}: ${f.rows} rows copied to the plain baseline; ${JSON.stringify(c)}`);
    }
    console.log('  ours: the encrypted store (better-sqlite3-multiple-ciphers, SQLCipher v4) through the core;');
    console.log('  baseline: the same statements on a raw better-sqlite3 connection to an unencrypted copy with the same rows.');
    console.log('');
    printTable(rows);
    for (const note of grading.notes) console.log(`  ${note}`);
    console.log('');
    console.log(`finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    for (const f of fixtures) f.inst.close();
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
