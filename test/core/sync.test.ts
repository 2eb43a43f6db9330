// Bundles between a demo school and a demo bureau, each in its own folder: enrolment, round trips
// both ways with changes between, the student-data grep, tampering, replay, gap and duplicates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomInt } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import canonicalize from 'canonicalize';
import { Installation } from '../../electron/core/app/installation';
import { dispatchAsync } from '../../electron/core/api';
import { ownKeys } from '../../electron/core/sync/keys';
import { projectSchool, receivedCopy, KINDS } from '../../electron/core/sync/content';
import { changeLines } from '../../shared/api/auditWords';
import { decryptWith, encryptTo, parseInner, signInner, MAGIC } from '../../electron/core/sync/format';
import type { RouteInput, RouteName, RouteOutput } from '../../shared/api/contract';
import type { ApiError, Result } from '../../shared/api/errors';
import { makeIdNumber } from '../../shared/domain/idNumber';
import { makeUscc } from '../../shared/domain/uscc';
import { login, ok, PASSWORD, TestClock, tempDir } from '../support/installation';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.splice(0).forEach((c) => c()));

function folder(prefix: string): string {
  const t = tempDir(prefix);
  cleanups.push(t.cleanup);
  return t.dir;
}

async function callA<R extends RouteName>(inst: Installation, route: R, input: RouteInput<R>, session: string): Promise<Result<RouteOutput<R>>> {
  return (await dispatchAsync(inst, { route, input, session })) as Result<RouteOutput<R>>;
}

async function okA<R extends RouteName>(inst: Installation, route: R, input: RouteInput<R>, session: string): Promise<RouteOutput<R>> {
  const r = await callA(inst, route, input, session);
  if (!r.ok) throw new Error(`${route} failed: ${JSON.stringify(r.error)}`);
  return r.value;
}

const fileOf = (path: string) => ({ fileName: path.split('/').pop()!, dataBase64: readFileSync(path).toString('base64') });

/** A content hash of every table an import may touch. */
function dbHash(inst: Installation): string {
  const raw = inst.open().raw;
  const h = createHash('sha256');
  for (const t of ['received_rows', 'sync_partners', 'sync_inbox', 'sync_outbox', 'institutions', 'audit_log']) {
    for (const row of raw.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()) h.update(JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
  }
  return h.digest('hex');
}

interface Side {
  inst: Installation;
  admin: string;
  clock: TestClock;
}

function demo(scale: 'school' | 'bureau'): Side {
  const clock = new TestClock();
  const inst = new Installation(folder(`educredit-sync-${scale}-`), clock);
  ok(inst, 'setup.demo', { scale, password: PASSWORD });
  return { inst, clock, admin: login(inst, 'admin') };
}

function fresh(mode: 'school' | 'bureau', uscc: string): Side {
  const clock = new TestClock();
  const inst = new Installation(folder(`educredit-sync-${mode}-`), clock);
  ok(inst, 'setup.init', { mode, orgName: mode === 'school' ? '舞钢市实验小学' : '别的教育局', uscc, admin: { username: 'admin', displayName: '管理员', password: PASSWORD } });
  return { inst, clock, admin: login(inst, 'admin') };
}

/** The bureau's copy of the school equals what the school would send now. */
function expectCopyEqual(school: Side, bureau: Side, uscc: string): void {
  const now = projectSchool(school.inst, ownKeys(school.inst).pseudonymKey);
  const copy = receivedCopy(bureau.inst.open().raw, uscc);
  for (const kind of KINDS) {
    const want = new Map([...now[kind]].map(([id, row]) => [id, canonicalize(row)!]));
    expect(copy[kind], kind).toEqual(want);
  }
}

const names = (files: string[]): string[] => files.map((f) => basename(f));

async function exportAll(side: Side): Promise<string[]> {
  const out = folder('educredit-sync-out-');
  const r = await okA(side.inst, 'sync.export', { folder: out }, side.admin);
  return r.files.map((f) => join(out, f.fileName));
}

describe('bundles between a school and its bureau', () => {
  let school: Side;
  let bureau: Side;
  let schoolUscc: string;
  const first: string[] = [];

  beforeAll(() => {
    school = demo('school');
    bureau = demo('bureau');
    schoolUscc = ok(school.inst, 'sync.state', {}, school.admin).own.uscc;
  }, 120_000);

  it('makes keys at setup and shows the same fingerprint on both ends after enrolment', () => {
    const sCard = ok(school.inst, 'sync.card', {}, school.admin);
    const bCard = ok(bureau.inst, 'sync.card', {}, bureau.admin);
    expect(sCard.fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){4}$/);
    expect(JSON.parse(sCard.card)).toMatchObject({ format: 'educredit-card/1', mode: 'school', uscc: schoolUscc });
    expect(ok(school.inst, 'sync.state', {}, school.admin).own.fingerprint).toBe(sCard.fingerprint);
    // The demo registry holds the demo school under its own code: enrolment files it there.
    const match = ok(bureau.inst, 'sync.registryMatch', { card: sCard.card }, bureau.admin);
    expect(match).toMatchObject({ exact: { name: '舞钢市第一初级中学', uscc: schoolUscc, kind: 'public_school' }, sameName: [] });
    const a = ok(bureau.inst, 'sync.enrol', { card: sCard.card }, bureau.admin);
    expect(a).toMatchObject({ added: true, partner: { uscc: schoolUscc, fingerprint: sCard.fingerprint } });
    expect(ok(school.inst, 'sync.enrol', { card: bCard.card }, school.admin).partner.fingerprint).toBe(bCard.fingerprint);
    const entry = school.inst.open().raw.prepare('SELECT route, actor, subject FROM audit_log ORDER BY seq DESC LIMIT 1').get();
    expect(entry).toEqual({ route: 'sync.enrol', actor: 'admin', subject: `partner:${JSON.parse(bCard.card).uscc}` });
    // Still one registry entry of that name.
    expect(bureau.inst.open().raw.prepare('SELECT kind, uscc FROM institutions WHERE name = ?').all('舞钢市第一初级中学')).toEqual([{ kind: 'public_school', uscc: schoolUscc }]);
    // Enrolling the same card again changes nothing; a second bureau, a bad USCC or a damaged card is refused.
    expect(ok(bureau.inst, 'sync.enrol', { card: sCard.card }, bureau.admin).added).toBe(false);
    const other = fresh('bureau', makeUscc('11', '410482', '00510024'));
    const otherCard = ok(other.inst, 'sync.card', {}, other.admin).card;
    expect(errOf(ok2(school.inst, 'sync.enrol', { card: otherCard }, school.admin))?.code).toBe('CONFLICT');
    const badUscc = JSON.stringify({ ...JSON.parse(sCard.card), uscc: '91350100M000100Y44', fingerprint: undefined });
    expect(errOf(ok2(bureau.inst, 'sync.enrol', { card: badUscc }, bureau.admin))?.code).toBe('INVALID_USCC');
    const badFp = JSON.stringify({ ...JSON.parse(sCard.card), name: '别的学校' });
    expect(errOf(ok2(bureau.inst, 'sync.enrol', { card: badFp }, bureau.admin))?.code).toBe('CARD_INVALID');
  });

  it('sends the teacher files and only counts of students, and the bureau holds an equal copy', async () => {
    const files = await exportAll(school);
    expect(files.map((f) => f.split('/').pop())).toEqual([`${schoolUscc}-1.ecb`]);
    first.push(...files);
    const r = await okA(bureau.inst, 'sync.import', fileOf(files[0]!), bureau.admin);
    expect(r.verdict).toBe('applied');
    expect(r.manifest).toMatchObject({ sequence: 1, previousSequence: 0, sender: { uscc: schoolUscc } });
    expect(r.changed.teacher).toBe(132);
    expectCopyEqual(school, bureau, schoolUscc);
  });

  it('lets no student name or student number out of the school', async () => {
    const raw = school.inst.open().raw;
    const inner = await decryptWith(readFileSync(first[0]!), ownKeys(school.inst).ageIdentity);
    const parts = parseInner(inner);
    // Teachers' names travel (the bureau needs them): take them out, then no student name may be left.
    const content = JSON.parse(gunzipSync(parts.packed).toString('utf8')) as { rows: { teacher: { name?: string }[] } };
    for (const t of content.rows.teacher) delete t.name;
    const text = parts.signed.subarray(0, parts.signed.length - parts.packed.length).toString('utf8') + JSON.stringify(content);
    const students = raw.prepare('SELECT name, student_no AS no FROM students').all() as { name: string; no: string }[];
    expect(students.length).toBeGreaterThan(2000);
    const ids = (raw.prepare('SELECT id_number AS id FROM teachers').all() as { id: string }[]).map((t) => t.id);
    for (const id of ids) expect(text.includes(id), id).toBe(false);
    let checked = 0;
    for (const s of students) {
      // As a token: a student number may occur by chance inside a hex digest (a hash or a signature).
      expect(new RegExp(`(?<![0-9A-Za-z])${s.no}(?![0-9A-Za-z])`).test(text), s.no).toBe(false);
      expect(text.includes(s.name), s.name).toBe(false);
      checked++;
    }
    expect(checked).toBe(students.length);
  });

  it('decrypts with the age command-line tool using the exported bureau identity', () => {
    const id = ok(bureau.inst, 'sync.exportAgeIdentity', {}, bureau.admin).identity;
    expect(id).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]+$/);
    const idFile = join(folder('educredit-sync-id-'), 'bureau.agekey');
    writeFileSync(idFile, `${id}\n`, { mode: 0o600 });
    const out = execFileSync('age', ['-d', '-i', idFile, first[0]!]);
    expect(out.subarray(0, MAGIC.length).equals(MAGIC)).toBe(true);
  });

  it('round trips many times with changes in between, acknowledgements flowing back', async () => {
    const items = new Map(ok(school.inst, 'catalogue.current', {}, school.admin).items.map((i) => [i.code, i.id]));
    for (let round = 1; round <= 4; round++) {
      school.clock.advance(5);
      const rec = ok(school.inst, 'records.create', { subjectKind: 'teacher', subjectId: round, itemId: items.get('T-P05')!, occurredOn: '2026-11-01', description: `第${round}轮表扬` }, school.admin);
      if (round % 2 === 0) ok(school.inst, 'records.amend', { recordId: rec.id, itemId: items.get('T-P05')!, occurredOn: '2026-11-02', description: '更正', reason: '日期' }, school.admin);
      const t = ok(school.inst, 'teachers.get', { id: 10 + round }, school.admin);
      ok(school.inst, 'teachers.update', { id: t.id, name: t.name, gender: t.gender, idNumber: t.idNumber, staffNo: t.staffNo, subject: '物理', title: t.title, hireDate: t.hireDate }, school.admin);
      ok(school.inst, 'students.create', { name: '新同学', gender: 'female', studentNo: `N${round}`, classId: 1 }, school.admin);
      const files = await exportAll(school);
      // Round 1 re-sends bundle 1 too: the bureau has not acknowledged it yet.
      const fresh = files.filter((f) => f.endsWith(`-${round + 1}.ecb`));
      expect(fresh).toHaveLength(1);
      for (const f of files) expect((await okA(bureau.inst, 'sync.import', fileOf(f), bureau.admin)).verdict).toBe(f === fresh[0] ? 'applied' : 'duplicate');
      const imported = await okA(bureau.inst, 'sync.import', fileOf(fresh[0]!), bureau.admin);
      expect(imported.verdict).toBe('duplicate');
      expectCopyEqual(school, bureau, schoolUscc);
      // The bureau acknowledges; the school then stops re-sending what was acknowledged.
      const acks = await exportAll(bureau);
      expect(acks.length).toBeGreaterThan(0);
      for (const a of acks) await okA(school.inst, 'sync.import', fileOf(a), school.admin);
      const state = ok(school.inst, 'sync.state', {}, school.admin);
      expect(state.partners[0]!.peerAcked).toBe(round + 1);
    }
    // Nothing changed: no new bundle, nothing unacknowledged to re-send.
    expect(await exportAll(school)).toEqual([]);
  });

  it('reports a gap and applies nothing until the missing bundle comes, then both in order', async () => {
    const items = new Map(ok(school.inst, 'catalogue.current', {}, school.admin).items.map((i) => [i.code, i.id]));
    ok(school.inst, 'records.create', { subjectKind: 'teacher', subjectId: 7, itemId: items.get('T-P05')!, occurredOn: '2026-11-01', description: '缺口一' }, school.admin);
    const a = await exportAll(school);
    ok(school.inst, 'records.create', { subjectKind: 'teacher', subjectId: 8, itemId: items.get('T-P05')!, occurredOn: '2026-11-01', description: '缺口二' }, school.admin);
    const b = await exportAll(school);
    expect(b).toHaveLength(2);
    const later = b.find((f) => !a.some((x) => x.split('/').pop() === f.split('/').pop()))!;
    const before = dbHash(bureau.inst);
    const gap = await callA(bureau.inst, 'sync.import', fileOf(later), bureau.admin);
    expect(errOf(gap)).toMatchObject({ code: 'BUNDLE_GAP' });
    expect(dbHash(bureau.inst)).toBe(before);
    expect((await okA(bureau.inst, 'sync.inspect', fileOf(later), bureau.admin)).verdict).toBe('gap');
    await okA(bureau.inst, 'sync.import', fileOf(a[0]!), bureau.admin);
    expect((await okA(bureau.inst, 'sync.import', fileOf(later), bureau.admin)).verdict).toBe('applied');
    expectCopyEqual(school, bureau, schoolUscc);
  });

  it('refuses a replay: an old sequence number with other content', async () => {
    const keys = ownKeys(school.inst);
    const m = parseInner(await decryptWith(readFileSync(first[0]!), keys.ageIdentity)).manifest;
    const { contentSha256: _h, contentBytes: _b, ...rest } = m;
    const { inner } = signInner(rest, { rows: { teacher: [{ id: '1', name: '伪造' }] } }, keys.signPrivate);
    const forged = join(folder('educredit-sync-replay-'), 'x.ecb');
    const bCard = JSON.parse(ok(bureau.inst, 'sync.card', {}, bureau.admin).card) as { ageRecipient: string };
    writeFileSync(forged, await encryptTo(inner, [bCard.ageRecipient]));
    const before = dbHash(bureau.inst);
    expect(errOf(await callA(bureau.inst, 'sync.import', fileOf(forged), bureau.admin))?.code).toBe('BUNDLE_REPLAY');
    expect(dbHash(bureau.inst)).toBe(before);
    // The genuine old bundle is a duplicate: a no-op.
    expect((await okA(bureau.inst, 'sync.import', fileOf(first[0]!), bureau.admin)).verdict).toBe('duplicate');
    expect(dbHash(bureau.inst)).toBe(before);
  });

  it('rejects flipped bits anywhere, truncation, a wrong recipient and an unknown sender, changing nothing', async () => {
    const items = new Map(ok(school.inst, 'catalogue.current', {}, school.admin).items.map((i) => [i.code, i.id]));
    ok(school.inst, 'records.create', { subjectKind: 'teacher', subjectId: 9, itemId: items.get('T-P05')!, occurredOn: '2026-11-01', description: '篡改测试' }, school.admin);
    const file = (await exportAll(school)).at(-1);
    const good = readFileSync(file!);
    const before = dbHash(bureau.inst);
    const dir = folder('educredit-sync-tamper-');
    const codes = new Set<string>();
    const tryBytes = async (bytes: Buffer, name: string): Promise<void> => {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const r = await callA(bureau.inst, 'sync.import', fileOf(path), bureau.admin);
      expect(r.ok, name).toBe(false);
      codes.add(errOf(r)!.code);
      expect(dbHash(bureau.inst), name).toBe(before);
    };
    // Positions spread over the header, the start of the payload, the middle and the last bytes.
    const positions = [0, 5, 20, 40, 80, 120, 160, 200, 240, good.length - 1, good.length - 17, good.length - 40];
    for (let i = 0; i < 30; i++) positions.push(randomInt(good.length));
    for (const pos of positions) {
      const bad = Buffer.from(good);
      bad[pos]! ^= 1 << randomInt(8);
      await tryBytes(bad, `flip-${pos}.ecb`);
    }
    for (const len of [0, 10, 100, Math.floor(good.length / 2), good.length - 1]) await tryBytes(good.subarray(0, len), `cut-${len}.ecb`);
    expect([...codes].every((c) => c.startsWith('BUNDLE_'))).toBe(true);

    // Not addressed to this bureau: another bureau cannot even decrypt it.
    const other = fresh('bureau', makeUscc('11', '410483', '00510025'));
    expect(errOf(await callA(other.inst, 'sync.import', fileOf(file!), other.admin))?.code).toBe('BUNDLE_UNREADABLE');
    // The school's own bundle imported back into the school (it can decrypt it: it is a recipient too).
    expect(errOf(await callA(school.inst, 'sync.import', fileOf(file!), school.admin))?.code).toBe('BUNDLE_WRONG_RECIPIENT');
    // A school the bureau never enrolled.
    const stranger = fresh('school', makeUscc('12', '410481', 'MA000199'));
    ok(stranger.inst, 'sync.enrol', { card: ok(bureau.inst, 'sync.card', {}, bureau.admin).card }, stranger.admin);
    const [strange] = await exportAll(stranger);
    expect(errOf(await callA(bureau.inst, 'sync.import', fileOf(strange!), bureau.admin))?.code).toBe('BUNDLE_UNKNOWN_SENDER');
    const inspected = await okA(bureau.inst, 'sync.inspect', fileOf(strange!), bureau.admin);
    expect(inspected).toMatchObject({ verdict: 'rejected', code: 'BUNDLE_UNKNOWN_SENDER', manifest: { sequence: 1 } });
    expect(dbHash(bureau.inst)).toBe(before);
    // The genuine file still applies.
    expect((await okA(bureau.inst, 'sync.import', fileOf(file!), bureau.admin)).verdict).toBe('applied');
    expectCopyEqual(school, bureau, schoolUscc);
  });

  it('lets the auditor read the state but not export, and keeps the age identity to the bureau administrator', async () => {
    const auditor = login(bureau.inst, 'auditor');
    expect(ok(bureau.inst, 'sync.state', {}, auditor).partners.map((p) => p.uscc)).toEqual([schoolUscc]);
    expect(errOf(await callA(bureau.inst, 'sync.export', { folder: folder('x-') }, auditor))?.code).toBe('FORBIDDEN');
    expect(errOf(await callA(school.inst, 'sync.exportAgeIdentity', {}, school.admin))?.code).toBe('FORBIDDEN');
    const exported = bureau.inst.open().raw.prepare("SELECT count(*) AS n FROM audit_log WHERE route = 'sync.exportAgeIdentity'").get() as { n: number };
    expect(exported.n).toBe(1);
    expect(readdirSync(bureau.inst.dataDir).some((f) => f.includes('age'))).toBe(false);
  });
});

function ok2<R extends RouteName>(inst: Installation, route: R, input: RouteInput<R>, session: string) {
  return dispatchSync(inst, route, input, session);
}

import { dispatch } from '../../electron/core/api';
function dispatchSync<R extends RouteName>(inst: Installation, route: R, input: RouteInput<R>, session: string): Result<RouteOutput<R>> {
  return dispatch(inst, { route, input, session }) as Result<RouteOutput<R>>;
}

function errOf(r: Result<unknown>): ApiError | null {
  return r.ok ? null : r.error;
}

describe('catalogue versions from the bureau', () => {
  it('reach the school with the acknowledgement, once, and records then use the new version', async () => {
    const schoolUscc = makeUscc('12', '410481', 'MA000300');
    const school = fresh('school', schoolUscc);
    const bureau = fresh('bureau', makeUscc('11', '410481', '00510025'));
    ok(bureau.inst, 'sync.enrol', { card: ok(school.inst, 'sync.card', {}, school.admin).card }, bureau.admin);
    ok(school.inst, 'sync.enrol', { card: ok(bureau.inst, 'sync.card', {}, bureau.admin).card }, school.admin);
    // The first word is the school's supervision status; then nothing to say until something changes.
    const first = await exportAll(bureau);
    expect(first).toHaveLength(1);
    expect((await okA(school.inst, 'sync.import', fileOf(first[0]!), school.admin)).changed).toEqual({ supervision: 1 });
    expect(names(await exportAll(bureau))).toEqual(names(first));
    const items = ok(bureau.inst, 'catalogue.current', {}, bureau.admin).items.map(({ id: _i, version: _v, ...rest }) => rest);
    const v2 = items.map((i) => (i.code === 'T-P05' ? { ...i, points: 3, nameZh: '学校表扬（师德师风，第二版）' } : i));
    ok(bureau.inst, 'catalogue.publish', { note: '2027 年版', items: v2 }, bureau.admin);
    const files = (await exportAll(bureau)).filter((f) => !names(first).includes(basename(f)));
    expect(files).toHaveLength(1);
    for (const f of files) expect((await okA(school.inst, 'sync.import', fileOf(f), school.admin)).changed).toEqual({ catalogueVersions: 1 });
    const current = ok(school.inst, 'catalogue.current', {}, school.admin);
    expect(current).toMatchObject({ version: 2, note: '2027 年版' });
    expect(current.items.find((i) => i.code === 'T-P05')).toMatchObject({ points: 3, version: 2 });
    // Once sent, a version is not sent again; an import of the same bundle is a no-op.
    expect((await exportAll(bureau)).filter((f) => ![...first, ...files].some((g) => g.endsWith(f.split('/').pop()!)))).toEqual([]);
    expect((await okA(school.inst, 'sync.import', fileOf(files[0]!), school.admin)).verdict).toBe('duplicate');
    const t = ok(school.inst, 'teachers.create', { name: '李娜', gender: 'female', idNumber: '11010519491231002X', staffNo: 'T1', subject: '数学', title: '', hireDate: '2010-09-01' }, school.admin);
    const rec = ok(school.inst, 'records.create', { subjectKind: 'teacher', subjectId: t.id, itemId: current.items.find((i) => i.code === 'T-P05')!.id, occurredOn: '2026-11-01', description: '表扬' }, school.admin);
    expect(rec).toMatchObject({ contribution: 3, item: { version: 2 } });
  });
});

describe('supervision status from the bureau', () => {
  it('tells the school its grade, the list entries naming it or its teachers, and its cases, again only when they change', async () => {
    const schoolUscc = makeUscc('12', '410481', 'MA000400');
    const school = fresh('school', schoolUscc);
    const bureau = fresh('bureau', makeUscc('11', '410481', '00510026'));
    ok(bureau.inst, 'sync.enrol', { card: ok(school.inst, 'sync.card', {}, school.admin).card }, bureau.admin);
    ok(school.inst, 'sync.enrol', { card: ok(bureau.inst, 'sync.card', {}, bureau.admin).card }, school.admin);
    expect(ok(school.inst, 'sync.supervision', {}, school.admin)).toBeNull();
    const braw = bureau.inst.open().raw;
    const institutionId = (braw.prepare('SELECT id FROM institutions WHERE uscc = ?').get(schoolUscc) as { id: number }).id;
    const adminId = (braw.prepare("SELECT id FROM users WHERE username = 'admin'").get() as { id: number }).id;
    const entry = braw.prepare(
      `INSERT INTO list_entries (list, subject_kind, subject_key, subject_name, origin, reason, proposed_by, proposed_at, state, decided_by, decided_at, decision_reason, start_on, end_on)
       VALUES (?, ?, ?, ?, 'manual', ?, ?, '2026-11-01T00:00:00Z', 'approved', ?, '2026-11-01T00:00:00Z', '同意', ?, ?)`,
    );
    entry.run('key_supervision', 'institution', String(institutionId), '测试学校', '整改逾期', adminId, adminId, '2026-11-01', '2027-10-31');
    entry.run('red', 'teacher', `${schoolUscc}/7`, '李娜', '市级优秀教师', adminId, adminId, '2026-11-01', '2027-10-31');
    entry.run('black', 'teacher', `${makeUscc('12', '410481', 'MA000500')}/7`, '别校教师', '不相干', adminId, adminId, '2026-11-01', '2027-10-31');
    entry.run('white', 'institution', String(institutionId), '测试学校', '尚未开始', adminId, adminId, '2027-01-01', '2027-12-31');
    const files = await exportAll(bureau);
    expect(files).toHaveLength(1);
    expect((await okA(school.inst, 'sync.import', fileOf(files[0]!), school.admin)).changed).toEqual({ supervision: 1 });
    const status = ok(school.inst, 'sync.supervision', {}, school.admin)!;
    // Score 100 under rules v1 is B; the key supervision entry caps at C.
    expect(status.grade).toEqual({ grade: 'C', score: 100, rulesVersion: 1 });
    expect(status.lists.map((l) => [l.list, l.subjectKind, l.teacherId, l.reason])).toEqual([
      ['key_supervision', 'institution', null, '整改逾期'],
      ['red', 'teacher', '7', '市级优秀教师'],
    ]);
    expect(status.cases).toEqual([]);
    // The teacher's entry shows in that teacher's own file at the school, and nowhere else.
    const ids = [1, 2, 3, 4, 5, 6, 7].map((n) => ok(school.inst, 'teachers.create', { name: `教师${n}`, gender: 'male', idNumber: makeIdNumber('410481', `1980010${n}`, '013'), staffNo: `T${n}`, subject: '语文', title: '', hireDate: '2010-09-01' }, school.admin).id);
    expect(ids[6]).toBe(7);
    expect(ok(school.inst, 'creditFile.teacher', { teacherId: 7 }, school.admin).lists).toEqual([{ list: 'red', startOn: '2026-11-01', endOn: '2027-10-31', reason: '市级优秀教师', asOf: status.asOf }]);
    expect(ok(school.inst, 'creditFile.teacher', { teacherId: 1 }, school.admin).lists).toEqual([]);
    // Unchanged: no new bundle. Changed (the entry ends): a new one, and the school sees B again.
    expect(names(await exportAll(bureau))).toEqual(names(files));
    braw.prepare("UPDATE list_entries SET state = 'ended' WHERE list = 'key_supervision'").run();
    const next = (await exportAll(bureau)).filter((f) => !names(files).includes(basename(f)));
    expect(next).toHaveLength(1);
    await okA(school.inst, 'sync.import', fileOf(next[0]!), school.admin);
    expect(ok(school.inst, 'sync.supervision', {}, school.admin)!.grade?.grade).toBe('B');
  });
});

describe('a school enrolled at a bureau whose registry already holds its name under another USCC', () => {
  it('is not registered twice: the administrator links it (the USCC corrected, audited) or makes a new entry knowingly', () => {
    const bureau = fresh('bureau', makeUscc('11', '410481', '00510023'));
    const raw = bureau.inst.open().raw;
    const schoolA = fresh('school', makeUscc('12', '410481', 'MA0007AB'));
    const cardA = ok(schoolA.inst, 'sync.card', {}, schoolA.admin).card;
    // The registry has 舞钢市实验小学 under an old (mistyped) code.
    const old = ok(bureau.inst, 'institutions.create', { name: '舞钢市实验小学', uscc: makeUscc('12', '410481', 'MA0007AC'), kind: 'public_school', township: '垭口街道' }, bureau.admin);
    expect(ok(bureau.inst, 'sync.registryMatch', { card: cardA }, bureau.admin)).toEqual({ exact: null, sameName: [{ id: old.id, name: '舞钢市实验小学', uscc: old.uscc, kind: 'public_school' }] });
    const count = (): number => raw.prepare('SELECT count(*) FROM institutions').pluck().get() as number;
    const before = count();
    // Without a choice: refused, nothing written.
    const refused = ok2(bureau.inst, 'sync.enrol', { card: cardA }, bureau.admin);
    expect(errOf(refused)).toEqual({ code: 'SAME_NAME_IN_REGISTRY', params: { name: '舞钢市实验小学', uscc: old.uscc } });
    expect(raw.prepare('SELECT count(*) FROM sync_partners').pluck().get()).toBe(0);
    expect(count()).toBe(before);
    // Linked: the one entry now carries the school's USCC, and the audit says so in words.
    ok(bureau.inst, 'sync.enrol', { card: cardA, registry: { action: 'link', institutionId: old.id, reason: '原代码录入有误' } }, bureau.admin);
    expect(count()).toBe(before);
    expect(raw.prepare('SELECT uscc FROM institutions WHERE id = ?').pluck().get(old.id)).toBe(JSON.parse(cardA).uscc);
    const entry = ok(bureau.inst, 'audit.list', { route: 'sync.enrol' }, bureau.admin).entries[0]!;
    expect(changeLines(entry.diff, 'zh-CN').at(-1)).toBe(`机构名录：单位编号 ${old.id}；方式 关联到同名单位并更正其代码；理由 原代码录入有误；统一社会信用代码 ${old.uscc} → ${JSON.parse(cardA).uscc}`);
    expect(ok(bureau.inst, 'sync.registryMatch', { card: cardA }, bureau.admin).exact?.id).toBe(old.id);

    // Another school of the same name, chosen to be another body: a second entry.
    const schoolB = fresh('school', makeUscc('12', '410481', 'MA0008AB'));
    const cardB = ok(schoolB.inst, 'sync.card', {}, schoolB.admin).card;
    ok(bureau.inst, 'sync.enrol', { card: cardB, registry: { action: 'create' } }, bureau.admin);
    expect(raw.prepare('SELECT count(*) FROM institutions WHERE name = ?').pluck().get('舞钢市实验小学')).toBe(2);
  });
});
