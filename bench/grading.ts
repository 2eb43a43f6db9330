// Grading bench (Node; benchGrading() from bench/run.ts): a bureau at city scale — 40 schools'
// 8,000 teachers as received rows, 250 institutions, 2,500 practitioners, 2,000,000 records in all
// — graded subject by subject with every record's status and explanation, beside one SQL aggregate
// (sum of points per subject, no statuses) over the same records of the same store, in the same
// run. Peak memory is measured in child processes (one grading, one aggregate), each opening the
// store afresh, since a synchronous run cannot be sampled from inside.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Installation } from '../electron/core/app/installation';
import { dispatch } from '../electron/core/api';
import { today } from '../electron/core/clock';
import type { Raw } from '../electron/core/db/open';
import { gradeEverySubject } from '../electron/core/grading/everyone';
import { expiresOn } from '../shared/domain/creditRules';
import { makeUscc } from '../shared/domain/uscc';
import { comparePair, type Row } from './harness';

const PASSWORD = 'bench-password-1';
const SCHOOLS = 40;
const TEACHERS_PER_SCHOOL = 200;
const INSTITUTIONS = 250;
const PRACTITIONERS = 2_500;
const INSTITUTION_RECORDS = 75_000;
const PRACTITIONER_RECORDS = 25_000;
const TEACHER_RECORDS = 2_000_000 - INSTITUTION_RECORDS - PRACTITIONER_RECORDS;
const CHILD_ENV = 'EDUCREDIT_BENCH_GRADING_CHILD';

/** mulberry32: a small seeded generator, so every run builds the same city. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function must<T>(r: { ok: true; value: unknown } | { ok: false; error: unknown }, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** One SQL statement: every subject's sum of points over the same records, statuses ignored. */
export const AGGREGATE_SQL = `
  SELECT r.subject_kind AS kind, r.subject_id AS subject, sum(i.points) AS points
  FROM credit_records r JOIN catalogue_items i ON i.id = r.item_id
  WHERE r.subject_kind IN ('public_school', 'private_school', 'training', 'practitioner')
  GROUP BY r.subject_kind, r.subject_id
  UNION ALL
  SELECT 'teacher', x.school || '/' || (x.data ->> 'teacherId'), sum(i.points)
  FROM received_rows x JOIN catalogue_items i ON i.version = x.data ->> 'catalogueVersion' AND i.code = x.data ->> 'itemCode'
  WHERE x.kind = 'record'
  GROUP BY x.school, x.data ->> 'teacherId'`;

interface Items {
  teacher: { code: string; months: number }[];
  institution: { id: number; months: number }[];
  practitioner: { id: number; months: number }[];
}

function items(raw: Raw): Items {
  const all = raw.prepare('SELECT id, code, subject_kinds AS kinds, disclosure_months AS months FROM catalogue_items WHERE version = 1').all() as { id: number; code: string; kinds: string; months: number }[];
  return {
    teacher: all.filter((i) => i.kinds.includes('"teacher"')).map((i) => ({ code: i.code, months: i.months })),
    institution: all.filter((i) => i.kinds.includes('public_school') && i.code.startsWith('I-')).map((i) => ({ id: i.id, months: i.months })),
    practitioner: all.filter((i) => i.kinds.includes('practitioner')).map((i) => ({ id: i.id, months: i.months })),
  };
}

function day(r: () => number): string {
  // Dates over the three years before the bench's day, so some records have expired.
  const d = new Date(Date.UTC(2024, 0, 1) + Math.floor(r() * 1060) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** The city, in one transaction with prepared statements (one audit entry, as every change has). */
function build(inst: Installation): void {
  const r = rng(20261125);
  inst.write(
    () => ({ actor: 'bench', route: 'bench.gradingData', subject: 'bench', diff: { teachers: SCHOOLS * TEACHERS_PER_SCHOOL, records: 2_000_000 } }),
    ({ raw }) => {
      const it = items(raw);
      const partner = raw.prepare("INSERT INTO sync_partners (uscc, mode, name, sign_key, age_recipient, fingerprint, enrolled_at) VALUES (?, 'school', ?, 'k', 'age1x', 'F', '2026-01-01T00:00:00.000Z')");
      const received = raw.prepare('INSERT INTO received_rows (school, kind, remote_id, data, seq) VALUES (?, ?, ?, ?, 1)');
      const list = raw.prepare(
        `INSERT INTO list_entries (list, subject_kind, subject_key, subject_name, origin, reason, proposed_by, proposed_at, state, decided_by, decided_at, decision_reason, start_on, end_on)
         VALUES (?, ?, ?, ?, 'manual', 'bench', 1, '2026-01-01T00:00:00.000Z', 'approved', 1, '2026-01-02T00:00:00.000Z', 'bench', '2026-01-01', '2027-12-31')`,
      );
      const perTeacher = TEACHER_RECORDS / (SCHOOLS * TEACHERS_PER_SCHOOL);
      let recordId = 0;
      for (let s = 0; s < SCHOOLS; s++) {
        const uscc = makeUscc('12', '410481', `MB${String(s).padStart(6, '0')}`);
        partner.run(uscc, `舞钢市第${s + 1}学校`);
        let objection = 0;
        let repair = 0;
        for (let t = 1; t <= TEACHERS_PER_SCHOOL; t++) {
          received.run(uscc, 'teacher', String(t), `{"gender":"female","hireDate":"2010-09-01","id":"${t}","idHash":"${'0'.repeat(64)}","name":"教师${s}-${t}","staffNo":"T${t}","status":"active","subject":"语文","title":""}`);
          if (t % 97 === 0) list.run(t % 2 ? 'key_supervision' : 'black', 'teacher', `${uscc}/${t}`, `教师${s}-${t}`);
          const n = Math.round(perTeacher * (s * TEACHERS_PER_SCHOOL + t)) - Math.round(perTeacher * (s * TEACHERS_PER_SCHOOL + t - 1));
          for (let k = 0; k < n; k++) {
            const item = it.teacher[Math.floor(r() * it.teacher.length)]!;
            const occurred = day(r);
            const id = ++recordId;
            const roll = r();
            // Some records are superseded (an amendment or a revocation row follows), objected to, or repaired.
            const kind = roll < 0.005 && k > 0 ? (roll < 0.0025 ? 'revocation' : 'amendment') : 'original';
            const supersedes = kind === 'original' ? 'null' : String(id - 1);
            received.run(
              uscc,
              'record',
              String(id),
              `{"catalogueVersion":1,"createdAt":"${occurred}T08:00:00.000Z","description":"bench","expiresOn":"${expiresOn(occurred, item.months)}","id":"${id}","itemCode":"${item.code}","kind":"${kind}","occurredOn":"${occurred}","source":"local","supersedesId":${supersedes},"teacherId":${t}}`,
            );
            if (roll > 0.99) {
              received.run(uscc, 'objection', String(++objection), `{"decidedAt":null,"decision":null,"decisionReason":null,"id":"${objection}","raisedAt":"${occurred}T09:00:00.000Z","reason":"bench","recordId":${id}}`);
            } else if (roll > 0.98) {
              received.run(uscc, 'repair', String(++repair), `{"createdAt":"${occurred}T09:00:00.000Z","effectiveOn":"${occurred}","id":"${repair}","kind":"repair","reason":"bench","recordId":${id}}`);
            }
          }
        }
      }
      const institution = raw.prepare("INSERT INTO institutions (name, uscc, kind, township, status) VALUES (?, ?, ?, '垭口街道', 'active')");
      const kinds = ['public_school', 'private_school', 'training'] as const;
      for (let i = 1; i <= INSTITUTIONS; i++) institution.run(`机构${i}`, makeUscc('52', '410481', `MC${String(i).padStart(6, '0')}`), kinds[i % 3]);
      const practitioner = raw.prepare("INSERT INTO practitioners (institution_id, name, gender, id_number, post, created_at) VALUES (?, ?, 'male', ?, '教师', '2026-01-01T00:00:00.000Z')");
      for (let p = 1; p <= PRACTITIONERS; p++) practitioner.run(1 + (p % INSTITUTIONS), `从业人员${p}`, `P${p}`);
      const record = raw.prepare(
        "INSERT INTO credit_records (subject_kind, subject_id, item_id, occurred_on, expires_on, description, kind, supersedes_id, author_id, created_at, source) VALUES (?, ?, ?, ?, ?, 'bench', 'original', NULL, 1, ?, 'manual')",
      );
      for (let k = 0; k < INSTITUTION_RECORDS; k++) {
        const i = 1 + (k % INSTITUTIONS);
        const item = it.institution[Math.floor(r() * it.institution.length)]!;
        const occurred = day(r);
        record.run(kinds[i % 3], i, item.id, occurred, expiresOn(occurred, item.months), `${occurred}T08:00:00.000Z`);
      }
      for (let k = 0; k < PRACTITIONER_RECORDS; k++) {
        const item = it.practitioner[Math.floor(r() * it.practitioner.length)]!;
        const occurred = day(r);
        record.run('practitioner', 1 + (k % PRACTITIONERS), item.id, occurred, expiresOn(occurred, item.months), `${occurred}T08:00:00.000Z`);
      }
      for (let i = 5; i <= INSTITUTIONS; i += 25) list.run('key_supervision', 'institution', String(i), `机构${i}`);
    },
  );
}

interface Memory {
  /** Resident set once the store is open and the user logged in, before the work. */
  beforeMb: number;
  /** The process's peak resident set over its whole life. */
  peakMb: number;
}

/** In a child process: open the store, log in, do one piece of work, report memory. */
function child(work: 'grade' | 'aggregate', dir: string): void {
  const inst = new Installation(dir);
  must(dispatch(inst, { route: 'auth.login', input: { username: 'admin', password: PASSWORD } }), 'login');
  const raw = inst.open().raw;
  const beforeMb = process.memoryUsage().rss / 2 ** 20;
  if (work === 'grade') gradeEverySubject(raw, today(inst));
  else raw.prepare(AGGREGATE_SQL).all();
  const peakMb = process.resourceUsage().maxRSS / 1024;
  inst.close();
  process.stdout.write(JSON.stringify({ beforeMb, peakMb } satisfies Memory));
}

function measureMemory(work: 'grade' | 'aggregate', dir: string): Memory {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--import', 'tsx', self], { env: { ...process.env, [CHILD_ENV]: `${work}|${dir}` }, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`memory child (${work}) failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Memory;
}

export interface GradingBench {
  rows: Row[];
  /** Lines printed after the table: what was built, and memory beside its baseline. */
  notes: string[];
}

export async function benchGrading(log: (line: string) => void = console.log): Promise<GradingBench> {
  const root = mkdtempSync(join(tmpdir(), 'educredit-bench-grading-'));
  const dir = join(root, 'bureau');
  try {
    const inst = new Installation(dir);
    must(dispatch(inst, { route: 'setup.init', input: { mode: 'bureau', orgName: '舞钢市教育体育局', uscc: makeUscc('11', '410481', '00510023'), admin: { username: 'admin', displayName: '管理员', password: PASSWORD } } }), 'setup');
    const session = must<{ session: string }>(dispatch(inst, { route: 'auth.login', input: { username: 'admin', password: PASSWORD } }), 'login').session;
    const t0 = performance.now();
    build(inst);
    const raw = inst.open().raw;
    const counted = raw
      .prepare("SELECT (SELECT count(*) FROM credit_records) + (SELECT count(*) FROM received_rows WHERE kind = 'record') AS records, (SELECT count(*) FROM received_rows WHERE kind = 'teacher') AS teachers")
      .get() as { records: number; teachers: number };
    log(`grading bench: built ${counted.teachers} teachers, ${INSTITUTIONS} institutions, ${PRACTITIONERS} practitioners, ${counted.records} records in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const day = today(inst);

    // Both sides must see the same subjects: every graded teacher or institution with records is in the aggregate.
    const graded = gradeEverySubject(raw, day);
    const aggregate = raw.prepare(AGGREGATE_SQL).all() as unknown[];
    if (graded.total !== INSTITUTIONS + PRACTITIONERS + counted.teachers) throw new Error(`graded ${graded.total} subjects`);
    if (aggregate.length !== graded.total) throw new Error(`the aggregate has ${aggregate.length} subjects, grading ${graded.total}`);
    const label = `${counted.teachers.toLocaleString('en')} teachers + ${INSTITUTIONS} inst. + ${PRACTITIONERS.toLocaleString('en')} pract., ${(counted.records / 1e6).toFixed(0)}M records`;
    const baseline = (): void => {
      raw.prepare(AGGREGATE_SQL).all();
    };
    const rows: Row[] = [];
    rows.push(comparePair(`grade every subject (${label}) vs one SQL sum per subject`, () => void gradeEverySubject(raw, day), baseline, { reps: 3, warmup: 1 }));
    rows.push(
      comparePair(
        'grading.run via dispatch (grade, store the run, audit) vs the same SQL sum',
        () => void must(dispatch(inst, { route: 'grading.run', input: {}, session }), 'grading.run'),
        baseline,
        { reps: 3, warmup: 0 },
      ),
    );
    rows.push(
      comparePair(
        'grading.subjects page of 100 teachers by score (kept grading) vs the same SQL sum',
        () => void must(dispatch(inst, { route: 'grading.subjects', input: { kind: 'teacher', offset: 4000, limit: 100 }, session }), 'grading.subjects'),
        baseline,
        { reps: 3, warmup: 0 },
      ),
    );
    inst.close();

    const ours = measureMemory('grade', dir);
    const theirs = measureMemory('aggregate', dir);
    const mb = (m: Memory): string => `peak ${m.peakMb.toFixed(0)} MB (${m.beforeMb.toFixed(0)} MB open, before the work)`;
    const notes = [
      `grading memory, a process that opens the store and grades every subject once: ${mb(ours)}; baseline, the same for the SQL sum: ${mb(theirs)}`,
    ];
    return { rows, notes };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const childWork = process.env[CHILD_ENV];
if (childWork) {
  const [work, dir] = childWork.split('|') as ['grade' | 'aggregate', string];
  child(work, dir);
}
