// Property test of bundles (fast-check): whatever a school changes, in whatever order, with
// bundles lost, imported twice or out of order, the bureau's copy equals the school's once every
// bundle has been exported and imported.
import { afterAll, beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import { Installation } from '../../electron/core/app/installation';
import { dispatchAsync } from '../../electron/core/api';
import { ownKeys } from '../../electron/core/sync/keys';
import { KINDS, projectSchool, receivedCopy } from '../../electron/core/sync/content';
import { makeIdNumber } from '../../shared/domain/idNumber';
import { makeUscc } from '../../shared/domain/uscc';
import { login, ok, PASSWORD, TestClock, tempDir } from '../support/installation';

interface Side {
  inst: Installation;
  admin: string;
}

const dirs: (() => void)[] = [];
let school: Side;
let bureau: Side;
let schoolUscc: string;
let teachers: number[] = [];
let items: number[] = [];

function side(mode: 'school' | 'bureau', uscc: string): Side {
  const t = tempDir(`educredit-prop-${mode}-`);
  dirs.push(t.cleanup);
  const inst = new Installation(t.dir, new TestClock());
  ok(inst, 'setup.init', { mode, orgName: mode === 'school' ? '舞钢市实验小学' : '舞钢市教育体育局', uscc, admin: { username: 'admin', displayName: '管理员', password: PASSWORD } });
  return { inst, admin: login(inst, 'admin') };
}

/** Exports everything pending from one side and returns the files' contents in sequence order. */
async function exportFrom(s: Side): Promise<{ fileName: string; dataBase64: string }[]> {
  const out = mkdtempSync(join(tmpdir(), 'educredit-prop-out-'));
  try {
    const r = await dispatchAsync(s.inst, { route: 'sync.export', input: { folder: out }, session: s.admin });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return (r.value as { files: { fileName: string }[] }).files.map((f) => ({ fileName: f.fileName, dataBase64: readFileSync(join(out, f.fileName)).toString('base64') }));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function importInto(s: Side, file: { fileName: string; dataBase64: string }): Promise<string> {
  const r = await dispatchAsync(s.inst, { route: 'sync.import', input: file, session: s.admin });
  return r.ok ? (r.value as { verdict: string }).verdict : r.error.code;
}

beforeAll(() => {
  schoolUscc = makeUscc('12', '410481', 'MA000200');
  school = side('school', schoolUscc);
  bureau = side('bureau', makeUscc('11', '410481', '00510023'));
  ok(bureau.inst, 'sync.enrol', { card: ok(school.inst, 'sync.card', {}, school.admin).card }, bureau.admin);
  ok(school.inst, 'sync.enrol', { card: ok(bureau.inst, 'sync.card', {}, bureau.admin).card }, school.admin);
  items = ok(school.inst, 'catalogue.current', {}, school.admin).items.filter((i) => i.subjectKinds.includes('teacher') && !i.evidenceRequired).map((i) => i.id);
}, 60_000);
afterAll(() => dirs.splice(0).forEach((c) => c()));

type Change = { op: 'teacher' } | { op: 'record'; who: number; item: number; day: number } | { op: 'amend'; who: number } | { op: 'revoke'; who: number } | { op: 'subject'; who: number };
type Step = { op: 'change'; change: Change } | { op: 'sync'; lose: boolean; twice: boolean; reverse: boolean; ack: boolean };

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.constant<Change>({ op: 'teacher' }),
  fc.record({ op: fc.constant<'record'>('record'), who: fc.nat(), item: fc.nat(), day: fc.integer({ min: 1, max: 28 }) }),
  fc.record({ op: fc.constant<'amend'>('amend'), who: fc.nat() }),
  fc.record({ op: fc.constant<'revoke'>('revoke'), who: fc.nat() }),
  fc.record({ op: fc.constant<'subject'>('subject'), who: fc.nat() }),
);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: change.map((c): Step => ({ op: 'change', change: c })) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant<'sync'>('sync'), lose: fc.boolean(), twice: fc.boolean(), reverse: fc.boolean(), ack: fc.boolean() }) },
);

let serial = 0;
function apply(c: Change): void {
  const { inst, admin } = school;
  if (c.op === 'teacher' || teachers.length === 0) {
    serial += 1;
    const t = ok(inst, 'teachers.create', { name: `教师${serial}`, gender: 'male', idNumber: makeIdNumber('410481', '19800101', String(2 * serial + 1).padStart(3, '0')), staffNo: `P${serial}`, subject: '语文', title: '', hireDate: '2010-09-01' }, admin);
    teachers.push(t.id);
    return;
  }
  const who = teachers[c.op === 'record' ? c.who % teachers.length : (c as { who: number }).who % teachers.length]!;
  if (c.op === 'record') {
    ok(inst, 'records.create', { subjectKind: 'teacher', subjectId: who, itemId: items[c.item % items.length]!, occurredOn: `2026-10-${String(c.day).padStart(2, '0')}`, description: '随机记录' }, admin);
    return;
  }
  if (c.op === 'subject') {
    const t = ok(inst, 'teachers.get', { id: who }, admin);
    ok(inst, 'teachers.update', { id: t.id, name: t.name, gender: t.gender, idNumber: t.idNumber, staffNo: t.staffNo, subject: t.subject === '语文' ? '数学' : '语文', title: t.title, hireDate: t.hireDate }, admin);
    return;
  }
  const live = ok(inst, 'records.list', { subjectKind: 'teacher', subjectId: who, status: 'active', limit: 1 }, admin).rows[0];
  if (!live) return;
  if (c.op === 'amend') ok(inst, 'records.amend', { recordId: live.id, itemId: live.item.id, occurredOn: live.occurredOn, description: `${live.description}（更正）`, reason: '更正' }, admin);
  else ok(inst, 'records.revoke', { recordId: live.id, reason: '撤销' }, admin);
}

async function sync(s: Extract<Step, { op: 'sync' }>): Promise<void> {
  let files = await exportFrom(school);
  // A lost USB stick: the newest bundle never arrives; the next export writes it again.
  if (s.lose) files = files.slice(0, -1);
  if (s.reverse) files = [...files].reverse();
  for (const f of files) {
    await importInto(bureau, f);
    if (s.twice) expect(['duplicate', 'BUNDLE_GAP']).toContain(await importInto(bureau, f));
  }
  if (s.ack) for (const f of await exportFrom(bureau)) await importInto(school, f);
}

/** Exports and imports until nothing is pending, both ways. */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    for (const f of await exportFrom(school)) await importInto(bureau, f);
    for (const f of await exportFrom(bureau)) await importInto(school, f);
  }
}

it('keeps the bureau’s copy equal to the school’s after any changes and any delivery order', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
      for (const s of steps) {
        if (s.op === 'change') apply(s.change);
        else await sync(s);
      }
      await settle();
      const now = projectSchool(school.inst, ownKeys(school.inst).pseudonymKey);
      const copy = receivedCopy(bureau.inst.open().raw, schoolUscc);
      for (const kind of KINDS) expect(copy[kind], kind).toEqual(new Map([...now[kind]].map(([id, row]) => [id, canonicalize(row)!])));
      expect(ok(bureau.inst, 'audit.verify', {}, bureau.admin).ok).toBe(true);
    }),
    { numRuns: 12, seed: 20261125 },
  );
}, 240_000);
