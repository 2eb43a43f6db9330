// The negative-list workflow on a real demo bureau: opening cases against private schools only,
// the rectification notice (numbered per year, a real PDF read back with pdftotext and rendered
// with pdftoppm, kept in the evidence store), every transition and refusal through the routes,
// the list entries and records each move makes, one audit entry per change, and the demo's cases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Installation } from '../../electron/core/app/installation';
import { dispatchAsync } from '../../electron/core/api';
import { getEvidence } from '../../electron/core/evidence/store';
import { gradeInstitutions, listsInForce } from '../../electron/core/grading/institutions';
import type { RouteInput, RouteName, RouteOutput } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/errors';
import { formatError } from '../../shared/api/messages';
import { call, login, ok, PASSWORD, TestClock, tempDir } from '../support/installation';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.splice(0).forEach((c) => c()));

function demoBureau(clock = new TestClock()): { inst: Installation; clock: TestClock; dir: string } {
  const t = tempDir('educredit-cases-');
  cleanups.push(t.cleanup);
  const inst = new Installation(t.dir, clock);
  ok(inst, 'setup.demo', { scale: 'bureau', password: PASSWORD });
  return { inst, clock, dir: t.dir };
}

async function callAsync<R extends RouteName>(inst: Installation, route: R, input: RouteInput<R>, session: string): Promise<{ ok: true; value: RouteOutput<R> } | { ok: false; error: ApiError }> {
  return (await dispatchAsync(inst, { route, input, session })) as { ok: true; value: RouteOutput<R> } | { ok: false; error: ApiError };
}

async function okAsync<R extends RouteName>(inst: Installation, route: R, input: RouteInput<R>, session: string): Promise<RouteOutput<R>> {
  const r = await callAsync(inst, route, input, session);
  if (!r.ok) throw new Error(`${route} failed: ${JSON.stringify(r.error)}`);
  return r.value;
}

function auditRows(inst: Installation): { route: string; subject: string; diff: string }[] {
  return inst.open().raw.prepare('SELECT route, subject, diff FROM audit_log ORDER BY seq').all() as { route: string; subject: string; diff: string }[];
}

/** Runs a mutation and checks it left exactly one audit entry of its route (or none when refused). */
function audited<T>(inst: Installation, route: string, run: () => T, refused = false): T {
  const before = auditRows(inst).length;
  const out = run();
  const after = auditRows(inst);
  expect(after.length - before, route).toBe(refused ? 0 : 1);
  if (!refused) expect(after[after.length - 1]!.route).toBe(route);
  return out;
}

function records(inst: Installation, caseId: number): { code: string; kind: string; supersedesId: number | null; occurredOn: string }[] {
  return inst
    .open()
    .raw.prepare(
      `SELECT i.code, r.kind, r.supersedes_id AS supersedesId, r.occurred_on AS occurredOn FROM credit_records r JOIN catalogue_items i ON i.id = r.item_id WHERE r.source = ? ORDER BY r.id`,
    )
    .all(`case:${caseId}`) as { code: string; kind: string; supersedesId: number | null; occurredOn: string }[];
}

describe('cases', () => {
  let inst: Installation;
  let clock: TestClock;
  let dir: string;
  let admin: string;
  let inspector: string;
  let auditor: string;
  let schools: RouteOutput<'cases.schools'>;

  /** Sessions end when idle: moving the clock by days means logging in again. */
  const setDay = (ms: number): void => {
    clock.ms = ms;
    admin = login(inst, 'admin');
    inspector = login(inst, 'inspector');
    auditor = login(inst, 'auditor');
  };

  beforeAll(() => {
    ({ inst, clock, dir } = demoBureau());
    setDay(clock.ms);
    schools = ok(inst, 'cases.schools', {}, admin);
  });

  const open = (n: number, session = admin, openedOn = '2026-11-20'): RouteOutput<'cases.open'> =>
    audited(inst, 'cases.open', () => ok(inst, 'cases.open', { institutionId: schools[n]!.id, matter: '超范围办学', facts: '检查发现该校超出许可范围招收学生。\n涉及学生 46 名。', openedOn }, session));

  const move = (caseId: number, event: RouteInput<'cases.transition'>['event'], occurredOn: string, session = admin, endOn?: string): RouteOutput<'cases.transition'> =>
    audited(inst, 'cases.transition', () => ok(inst, 'cases.transition', { caseId, event, reason: `理由：${event}`, occurredOn, ...(endOn ? { endOn } : {}) }, session));

  const refused = (caseId: number, event: RouteInput<'cases.transition'>['event'], occurredOn: string, session = admin): ApiError => {
    const before = ok(inst, 'cases.get', { id: caseId }, admin);
    const r = audited(inst, 'cases.transition', () => call(inst, 'cases.transition', { caseId, event, reason: '不应成功', occurredOn }, session), true);
    if (r.ok) throw new Error(`${event} was not refused`);
    // Nothing changed: same state, same history, same entries.
    expect(ok(inst, 'cases.get', { id: caseId }, admin)).toEqual(before);
    return r.error;
  };

  const issue = async (caseId: number, deadline: string, session = admin, issuedOn = '2026-11-24'): Promise<RouteOutput<'cases.issueNotice'>> => {
    const before = auditRows(inst).length;
    const out = await okAsync(inst, 'cases.issueNotice', { caseId, requirements: '1. 停止超范围招生；\n2. 清退超范围招收的学生。', issuedOn, deadline }, session);
    const rows = auditRows(inst);
    expect(rows.length - before).toBe(1);
    expect(rows[rows.length - 1]!.route).toBe('cases.issueNotice');
    return out;
  };

  it('lists the private schools only', () => {
    expect(schools.length).toBe(12);
    const kinds = inst.open().raw.prepare(`SELECT DISTINCT kind FROM institutions WHERE id IN (${schools.map((s) => s.id).join(',')})`).all();
    expect(kinds).toEqual([{ kind: 'private_school' }]);
  });

  it('opens a case against a private school, numbered per year, with its I-N01 record and first history row', () => {
    const a = open(11);
    const b = open(10, inspector);
    expect(a.number).toMatch(/^舞教体立案〔2026〕(\d+)号$/);
    const serial = (n: string): number => Number(/〔2026〕(\d+)号/.exec(n)![1]);
    expect(serial(b.number)).toBe(serial(a.number) + 1);
    expect(a).toMatchObject({ state: 'open', institutionName: schools[11]!.name, openedOn: '2026-11-20', overdue: false, notice: null });
    expect(records(inst, a.id)).toEqual([{ code: 'I-N01', kind: 'original', supersedesId: null, occurredOn: '2026-11-20' }]);
    const detail = ok(inst, 'cases.get', { id: a.id }, auditor);
    expect(detail.events).toMatchObject([{ event: 'open', fromState: null, toState: 'open', occurredOn: '2026-11-20' }]);
    expect(detail.entries).toEqual([]);
    expect(JSON.parse(auditRows(inst).at(-1)!.diff)).toMatchObject({ opened: { number: b.number } });
  });

  it('refuses a case against a public school or a training institution, a future day, and an unknown school', () => {
    for (const id of [1, 42]) {
      const r = audited(inst, 'cases.open', () => call(inst, 'cases.open', { institutionId: id, matter: '事项', facts: '事实经过', openedOn: '2026-11-20' }, admin), true);
      expect(r.ok ? null : r.error).toMatchObject({ code: 'INVALID_TRANSITION', params: { code: 'notPrivateSchool' } });
    }
    const future = call(inst, 'cases.open', { institutionId: schools[0]!.id, matter: '事项', facts: '事实经过', openedOn: '2026-12-01' }, admin);
    expect(future.ok ? null : future.error).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'openedOn' }] });
    expect(call(inst, 'cases.open', { institutionId: 9999, matter: '事项', facts: '事实经过', openedOn: '2026-11-20' }, admin)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(call(inst, 'cases.open', { institutionId: schools[0]!.id, matter: '事项', facts: '事实经过', openedOn: '2026-11-20' }, auditor)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('issues a numbered notice PDF with the school, facts, requirements and deadline, stored as evidence', async () => {
    const c = open(9);
    const bad = await callAsync(inst, 'cases.issueNotice', { caseId: c.id, requirements: '整改要求', issuedOn: '2026-11-24', deadline: '2026-11-23' }, admin);
    expect(bad.ok ? null : bad.error).toMatchObject({ code: 'INVALID_TRANSITION', params: { code: 'deadlineBeforeIssue' } });
    expect(bad.ok ? '' : String(bad.error.params?.what)).toContain('早于下达日期');

    const out = await issue(c.id, '2026-12-24', inspector);
    expect(out.case).toMatchObject({ state: 'notice_issued', overdue: false, notice: { issuedOn: '2026-11-24', deadline: '2026-12-24' } });
    const number = out.case.notice!.number;
    expect(number).toMatch(/^舞教体整改〔2026〕\d+号$/);
    const pdf = Buffer.from(out.pdf.dataBase64, 'base64');
    expect(out.pdf.fileName).toBe(`整改通知书-${schools[9]!.name}-${number}.pdf`);
    const sha = createHash('sha256').update(pdf).digest('hex');
    expect(out.case.notice!.sha256).toBe(sha);
    expect(getEvidence(inst, sha).equals(pdf)).toBe(true);
    expect(inst.open().raw.prepare('SELECT mime FROM evidence_files WHERE sha256 = ?').get(sha)).toEqual({ mime: 'application/pdf' });
    // The download is the stored file, byte for byte, for every reader.
    const again = await okAsync(inst, 'cases.notice', { caseId: c.id }, auditor);
    expect(again.dataBase64).toBe(out.pdf.dataBase64);

    const path = join(dir, 'notice.pdf');
    writeFileSync(path, pdf);
    // Lines wrap anywhere in Chinese text: compare without white space.
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
    for (const s of [number, '整改通知书', schools[9]!.name, schools[9]!.uscc, '超范围办学', '涉及学生46名', '停止超范围招生', '2026年12月24日', '2026-12-24', '舞钢市教育体育局', '2026年11月24日', c.number, '出具机关（盖章）']) {
      expect(text, s).toContain(s.replace(/\s+/g, ''));
    }
    execFileSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', path, join(dir, 'notice')]);
    expect(statSync(join(dir, 'notice-1.png')).size).toBeGreaterThan(20_000);
    expect(readFileSync(join(dir, 'notice-1.png')).subarray(1, 4).toString('latin1')).toBe('PNG');

    // The next notice takes the next number; a second notice on the same case is refused.
    const next = await issue(open(8).id, '2026-12-31');
    expect(Number(/〔2026〕(\d+)号/.exec(next.case.notice!.number)![1])).toBe(Number(/〔2026〕(\d+)号/.exec(number)![1]) + 1);
    const twice = await callAsync(inst, 'cases.issueNotice', { caseId: c.id, requirements: '再次整改', issuedOn: '2026-11-24', deadline: '2026-12-31' }, admin);
    expect(twice.ok ? null : twice.error).toMatchObject({ code: 'INVALID_TRANSITION', params: { code: 'notAllowedInState', what: '案件处于“已下达整改通知”状态，不能下达整改通知' } });
    expect((await callAsync(inst, 'cases.notice', { caseId: open(7).id }, admin)).ok).toBe(false);
  });

  it('closes a case rectified by the deadline (the inspector may confirm), and no list entry is made', async () => {
    const c = open(6);
    await issue(c.id, '2026-12-10');
    const closed = move(c.id, 'confirmRectified', '2026-11-24', inspector);
    expect(closed).toMatchObject({ state: 'closed', entries: [] });
    expect(closed.events.map((e) => [e.event, e.fromState, e.toState])).toEqual([
      ['open', null, 'open'],
      ['issueNotice', 'open', 'notice_issued'],
      ['confirmRectified', 'notice_issued', 'closed'],
    ]);
    expect(refused(c.id, 'lift', '2026-11-24')).toMatchObject({ code: 'INVALID_TRANSITION', params: { code: 'notAllowedInState', what: '案件处于“按期整改结案”状态，不能解除监管' } });
  });

  it('overdue → key supervision (I-N03, 12 months) → serious penalty → key monitoring (36 months) → lifted', async () => {
    // The demo puts the fifth and sixth schools on lists; this one has a case but no list.
    const c = open(1);
    await issue(c.id, '2026-11-30');
    setDay(Date.UTC(2026, 11, 5, 8)); // 2026-12-05: the deadline has passed.
    expect(ok(inst, 'cases.get', { id: c.id }, admin).overdue).toBe(true);
    expect(ok(inst, 'cases.list', { overdue: true }, admin).map((x) => x.id)).toContain(c.id);
    expect(ok(inst, 'cases.list', { overdue: false }, admin).map((x) => x.id)).not.toContain(c.id);

    const late = refused(c.id, 'confirmRectified', '2026-12-05', inspector);
    expect(late).toMatchObject({ code: 'INVALID_TRANSITION', params: { code: 'afterDeadline' } });
    expect(formatError(late, 'zh-CN')).toBe('当前状态下不能进行该操作：整改期限 2026-11-30 已过，不能确认按期整改。数据未改动。');
    expect(formatError(late, 'en')).toBe('Not possible in the current state: the deadline 2026-11-30 has passed: rectification in time cannot be confirmed. Nothing was changed.');
    // Backdating the confirmation to the deadline does not let the inspector close an overdue case.
    expect(refused(c.id, 'confirmRectified', '2026-11-30', inspector)).toMatchObject({ code: 'INVALID_TRANSITION', params: { code: 'overdueAdminOnly' } });
    expect(refused(c.id, 'markOverdue', '2026-12-05', inspector)).toEqual({ code: 'FORBIDDEN', params: { route: 'cases.transition' } });
    expect(refused(c.id, 'markOverdue', '2026-11-30')).toMatchObject({ code: 'INVALID_TRANSITION', params: { code: 'deadlineNotPassed' } });
    expect(refused(c.id, 'markOverdue', '2026-11-23')).toMatchObject({ code: 'INVALID_TRANSITION', params: { code: 'beforeLastEvent' } });
    const future = call(inst, 'cases.transition', { caseId: c.id, event: 'markOverdue', reason: '逾期', occurredOn: '2026-12-06' }, admin);
    expect(future.ok ? null : future.error).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'occurredOn' }] });
    if (!future.ok) expect(formatError(future.error, 'zh-CN')).toContain('发生日期：不能晚于今天');

    const sup = move(c.id, 'markOverdue', '2026-12-01');
    expect(sup.state).toBe('key_supervision');
    expect(sup.overdue).toBe(false);
    expect(records(inst, c.id).map((r) => r.code)).toEqual(['I-N01', 'I-N03']);
    expect(sup.entries).toHaveLength(1);
    expect(sup.entries[0]).toMatchObject({ list: 'key_supervision', origin: 'case', caseId: c.id, caseNumber: c.number, state: 'approved', startOn: '2026-12-01', endOn: '2027-11-30', inForce: true, subjectKind: 'institution', subjectKey: String(c.institutionId) });
    expect(sup.events.at(-1)).toMatchObject({ event: 'markOverdue', listEntryId: sup.entries[0]!.id });
    const today = '2026-12-05';
    expect(listsInForce(inst.open().raw, 'institution', today).get(String(c.institutionId))).toEqual(['key_supervision']);
    // The grading caps a school on key supervision at C.
    expect(['C', 'D']).toContain(gradeInstitutions(inst.open().raw, today, [c.institutionId]).get(c.institutionId)!.grade);

    // A case's entry follows its case: it cannot be ended by hand.
    const end = call(inst, 'lists.end', { id: sup.entries[0]!.id, reason: '提前结束' }, admin);
    expect(end.ok ? null : end.error).toMatchObject({ code: 'INVALID_TRANSITION', params: { code: 'caseEntry' } });

    expect(refused(c.id, 'recordSeriousPenalty', '2026-12-05', inspector)).toEqual({ code: 'FORBIDDEN', params: { route: 'cases.transition' } });
    const mon = move(c.id, 'recordSeriousPenalty', '2026-12-05');
    expect(mon.state).toBe('key_monitoring');
    const byList = Object.fromEntries(mon.entries.map((e) => [e.list, e]));
    expect(byList.key_supervision).toMatchObject({ state: 'ended', inForce: false });
    expect(byList.key_supervision!.endReason).toContain('记录严重行政处罚');
    expect(byList.key_monitoring).toMatchObject({ state: 'approved', startOn: '2026-12-05', endOn: '2029-12-04', inForce: true });
    expect(records(inst, c.id).map((r) => r.code)).toEqual(['I-N01', 'I-N03']);
    expect(listsInForce(inst.open().raw, 'institution', today).get(String(c.institutionId))).toEqual(['key_monitoring']);
    expect(gradeInstitutions(inst.open().raw, today, [c.institutionId]).get(c.institutionId)!.grade).toBe('D');

    expect(refused(c.id, 'lift', '2026-12-05', inspector)).toEqual({ code: 'FORBIDDEN', params: { route: 'cases.transition' } });
    const lifted = move(c.id, 'lift', '2026-12-05');
    expect(lifted.state).toBe('lifted');
    expect(lifted.entries.every((e) => e.state === 'ended' && !e.inForce)).toBe(true);
    expect(listsInForce(inst.open().raw, 'institution', today).get(String(c.institutionId))).toBeUndefined();
    expect(refused(c.id, 'recordJudgmentDebtor', '2026-12-05')).toMatchObject({ code: 'INVALID_TRANSITION', params: { code: 'notAllowedInState', what: '案件处于“已解除”状态，不能记录失信被执行人' } });
    setDay(Date.UTC(2026, 10, 24, 8));
  });

  it('penalty → key supervision with a chosen end; judgment debtor → key monitoring with an I-N02 record', async () => {
    const c = open(4);
    await issue(c.id, '2026-12-31');
    const endOnWrong = call(inst, 'cases.transition', { caseId: c.id, event: 'confirmRectified', reason: '已整改', occurredOn: '2026-11-24', endOn: '2027-01-01' }, admin);
    expect(endOnWrong.ok ? null : endOnWrong.error).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'endOn' }] });
    if (!endOnWrong.ok) expect(formatError(endOnWrong.error, 'en')).toContain('Ends on: this step puts no one on a list');
    const sup = move(c.id, 'recordPenalty', '2026-11-24', admin, '2027-05-31');
    expect(sup.entries[0]).toMatchObject({ list: 'key_supervision', startOn: '2026-11-24', endOn: '2027-05-31' });
    const mon = move(c.id, 'recordJudgmentDebtor', '2026-11-24');
    expect(mon.state).toBe('key_monitoring');
    expect(records(inst, c.id).map((r) => r.code)).toEqual(['I-N01', 'I-N02']);
    expect(mon.entries.map((e) => [e.list, e.state])).toEqual([
      ['key_monitoring', 'approved'],
      ['key_supervision', 'ended'],
    ]);
  });

  it('goes straight from an open case to key monitoring on a serious penalty', () => {
    const c = open(3);
    const mon = move(c.id, 'recordSeriousPenalty', '2026-11-24');
    expect(mon.state).toBe('key_monitoring');
    expect(mon.entries.map((e) => [e.list, e.state])).toEqual([['key_monitoring', 'approved']]);
  });

  it('withdraws an unfounded case and revokes its I-N01 record, so it no longer counts', () => {
    const c = open(2);
    const gradeOf = (): number => gradeInstitutions(inst.open().raw, '2026-11-24', [c.institutionId]).get(c.institutionId)!.score;
    const withRecord = gradeOf();
    expect(refused(c.id, 'withdraw', '2026-11-24', inspector)).toEqual({ code: 'FORBIDDEN', params: { route: 'cases.transition' } });
    const w = move(c.id, 'withdraw', '2026-11-24');
    expect(w.state).toBe('withdrawn');
    const recs = records(inst, c.id);
    expect(recs.map((r) => [r.code, r.kind])).toEqual([
      ['I-N01', 'original'],
      ['I-N01', 'revocation'],
    ]);
    expect(gradeOf()).toBe(withRecord + 15);
  });

  it('filters the list by state and school, and refuses every mutation to the auditor', () => {
    const byState = ok(inst, 'cases.list', { state: 'key_monitoring' }, auditor);
    expect(byState.length).toBeGreaterThanOrEqual(2);
    expect(byState.every((c) => c.state === 'key_monitoring')).toBe(true);
    const one = ok(inst, 'cases.list', { institutionId: schools[11]!.id }, inspector);
    expect(one.every((c) => c.institutionId === schools[11]!.id)).toBe(true);
    expect(ok(inst, 'cases.schools', {}, admin).find((s) => s.id === schools[11]!.id)!.activeCases).toBeGreaterThanOrEqual(1);
    expect(call(inst, 'cases.transition', { caseId: byState[0]!.id, event: 'lift', reason: '期满', occurredOn: '2026-11-24' }, auditor)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a penalty on a private school moves its open case to key supervision; with no case open, key supervision is proposed by rule', () => {
    const penalty = (institutionId: number, docNo: string, session = admin) =>
      ok(
        inst,
        'penalties.create',
        {
          institutionId,
          docNo,
          decidedOn: '2026-11-22',
          validUntil: '2027-11-21',
          content: '警告。',
          authority: '舞钢市教育体育局',
          authorityUscc: ok(inst, 'sync.state', {}, admin).own.uscc,
          fields: { violationType: '超范围办学', facts: '超出许可范围招收学生。', basis: '《中华人民共和国民办教育促进法》第六十二条', categories: ['warning'], fineWan: null },
        },
        session,
      );
    const withCase = open(5);
    const moved = penalty(schools[5]!.id, '舞教体罚〔2026〕P01号');
    expect(moved.followUp).toMatchObject({ kind: 'caseMoved', caseId: withCase.id, caseNumber: withCase.number });
    const detail = ok(inst, 'cases.get', { id: withCase.id }, admin);
    expect(detail.state).toBe('key_supervision');
    expect(detail.events.at(-1)).toMatchObject({ event: 'recordPenalty', toState: 'key_supervision', occurredOn: '2026-11-22' });
    expect(detail.entries.map((e) => [e.list, e.state])).toEqual([['key_supervision', 'approved']]);

    // No case open: proposed for the administrator, naming the rule; a second penalty adds no second proposal.
    const listed = new Set(ok(inst, 'lists.list', { subjectKind: 'institution' }, admin).map((e) => e.subjectKey));
    const free = schools.find((x, i) => i !== 5 && x.activeCases === 0 && !listed.has(String(x.id)))!;
    const proposed = penalty(free.id, '舞教体罚〔2026〕P02号', inspector);
    expect(proposed.followUp).toMatchObject({ kind: 'proposed' });
    const entry = ok(inst, 'lists.list', { subjectKind: 'institution', list: 'key_supervision' }, admin).find((e) => e.subjectKey === String(free.id))!;
    expect(entry).toMatchObject({ state: 'proposed', origin: 'rule', rule: 'v2/key-supervision-penalty' });
    expect(proposed.followUp).toEqual({ kind: 'proposed', listEntryId: entry.id });
    expect(penalty(free.id, '舞教体罚〔2026〕P03号').followUp).toEqual({ kind: 'alreadyListed', listEntryId: entry.id });
  });
});

describe('demo cases', () => {
  function build(): { inst: Installation; admin: string } {
    const { inst } = demoBureau();
    return { inst, admin: login(inst, 'admin') };
  }

  it('makes one case in each state, one overdue, and red, white, black and proposed entries; the same every time', async () => {
    const a = build();
    const b = build();
    const cases = ok(a.inst, 'cases.list', {}, a.admin);
    expect(cases).toHaveLength(7);
    const states = new Set(cases.map((c) => c.state));
    for (const s of ['open', 'notice_issued', 'closed', 'key_supervision', 'key_monitoring', 'withdrawn']) expect(states, s).toContain(s);
    expect(cases.filter((c) => c.overdue)).toHaveLength(1);
    const entries = ok(a.inst, 'lists.list', {}, a.admin);
    const has = (list: string, state: string): boolean => entries.some((e) => e.list === list && e.state === state);
    for (const [list, state] of [['red', 'approved'], ['white', 'approved'], ['black', 'approved'], ['red', 'proposed'], ['white', 'proposed'], ['key_supervision', 'approved'], ['key_monitoring', 'approved'], ['key_supervision', 'ended']]) {
      expect(has(list!, state!), `${list} ${state}`).toBe(true);
    }
    expect(ok(a.inst, 'lists.published', {}, a.admin).map((p) => p.list).sort()).toEqual(['red', 'white']);
    // Same clock, same story.
    expect(ok(b.inst, 'cases.list', {}, b.admin)).toEqual(cases);
    expect(ok(b.inst, 'lists.list', {}, b.admin)).toEqual(entries);
    // A demo notice has no stored file; it is rendered from the case on request.
    const withNotice = cases.find((c) => c.notice !== null)!;
    expect(withNotice.notice!.sha256).toBeNull();
    const pdf = await okAsync(a.inst, 'cases.notice', { caseId: withNotice.id }, a.admin);
    expect(Buffer.from(pdf.dataBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
