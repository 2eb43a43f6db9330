// Red, black and white lists and the key lists on a real demo bureau: proposals by hand (institution,
// practitioner, teacher received from a school) and by the versioned rules over today's grades,
// approval and rejection, black displacing red and white, publication and the public view, ending
// early, and one audit entry per change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Installation } from '../../electron/core/app/installation';
import { addBureauRecord } from '../../electron/core/credit/bureauRecords';
import type { RouteInput, RouteName, RouteOutput } from '../../shared/api/contract';
import type { Result } from '../../shared/api/errors';
import { formatError } from '../../shared/api/messages';
import { CURRENT_LIST_RULES } from '../../shared/domain/listRules';
import { addAccount, call, login, ok, PASSWORD, TestClock, tempDir } from '../support/installation';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.splice(0).forEach((c) => c()));

const TODAY = '2026-11-24';
/** Demo bureau ids: public schools 1–29, private schools 30–41, training institutions 42–77. */
const PUBLIC = 3;
const TRAINING_A = 60;
const TRAINING_OLD_PENALTY = 61;
const TRAINING_D = 62;
/** A private school with a penalty a month ago: rule v2 proposes key supervision. */
const PRIVATE_PENALISED = 31;
const TEACHER_SCHOOL = '91350100M000100Y43';

describe('lists', () => {
  let inst: Installation;
  let admin: string;
  let inspector: string;
  let auditor: string;
  let practitionerId: number;

  beforeAll(() => {
    const t = tempDir('educredit-lists-');
    cleanups.push(t.cleanup);
    inst = new Installation(t.dir, new TestClock());
    ok(inst, 'setup.demo', { scale: 'bureau', password: PASSWORD });
    admin = login(inst, 'admin');
    inspector = login(inst, 'inspector');
    auditor = login(inst, 'auditor');
    const adminId = (inst.open().raw.prepare("SELECT id FROM users WHERE username = 'admin'").get() as { id: number }).id;
    // Facts the rules read, written the way the bureau's own work writes them.
    inst.write(
      () => ({ actor: 'test', route: 'test.setup', subject: 'lists', diff: {} }),
      ({ raw }) => {
        const rec = (subjectId: number, code: string, occurredOn: string, subjectKind: 'training' | 'public_school' | 'private_school' = 'training'): number =>
          addBureauRecord(inst, { subjectKind, subjectId, code, occurredOn, description: code, authorId: adminId, source: 'manual' });
        for (const id of [TRAINING_A, TRAINING_OLD_PENALTY]) {
          rec(id, 'I-C01', '2026-06-01');
          rec(id, 'I-C02', '2026-06-01');
        }
        // Two years ago: out of its 12-month disclosure period, so it no longer counts, but it is within 3 years.
        rec(TRAINING_OLD_PENALTY, 'I-PN1', '2024-12-01');
        rec(TRAINING_D, 'I-PN3', '2026-10-01');
        rec(PRIVATE_PENALISED, 'I-PN1', '2026-10-20', 'private_school');
        rec(PUBLIC, 'I-C01', '2026-06-01');
        rec(PUBLIC, 'I-C02', '2026-06-01');
        practitionerId = Number(
          raw
            .prepare(`INSERT INTO practitioners (institution_id, name, gender, id_number, post, created_at) VALUES (?, '赵老师', 'female', '11010519491231002X', '专职教师', ?)`)
            .run(TRAINING_A, new Date().toISOString()).lastInsertRowid,
        );
        raw
          .prepare(`INSERT INTO received_rows (school, kind, remote_id, data, seq) VALUES (?, 'teacher', '7', ?, 1)`)
          .run(TEACHER_SCHOOL, JSON.stringify({ id: '7', name: '李娜', staffNo: 'T0007', idNumber: 'hash' }));
      },
    );
  });

  function auditCount(): number {
    return (inst.open().raw.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  }

  function lastAudit(): { route: string; subject: string; diff: string } {
    return inst.open().raw.prepare('SELECT route, subject, diff FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { route: string; subject: string; diff: string };
  }

  /** A mutation that must succeed with exactly one audit entry of its route. */
  function change<R extends RouteName>(route: R, input: RouteInput<R>, session = admin): RouteOutput<R> {
    const before = auditCount();
    const out = ok(inst, route, input, session);
    expect(auditCount() - before, route).toBe(1);
    expect(lastAudit().route).toBe(route);
    return out;
  }

  /** A mutation that must fail and leave no audit entry. */
  function refused<R extends RouteName>(route: R, input: RouteInput<R>, session = admin): NonNullable<Extract<Result<unknown>, { ok: false }>['error']> {
    const before = auditCount();
    const r = call(inst, route, input, session);
    expect(auditCount()).toBe(before);
    if (r.ok) throw new Error(`${route} was not refused`);
    return r.error;
  }

  it('finds subjects of every kind to propose by hand', () => {
    expect(ok(inst, 'lists.subjects', { kind: 'institution', q: '' }, inspector).length).toBeGreaterThan(10);
    const training = inst.open().raw.prepare('SELECT uscc FROM institutions WHERE id = ?').get(TRAINING_A) as { uscc: string };
    expect(ok(inst, 'lists.subjects', { kind: 'institution', q: training.uscc }, admin)).toMatchObject([{ key: String(TRAINING_A), detail: `培训机构 · ${training.uscc}` }]);
    expect(ok(inst, 'lists.subjects', { kind: 'practitioner', q: '赵' }, admin).map((s) => s.key)).toContain(String(practitionerId));
    expect(ok(inst, 'lists.subjects', { kind: 'teacher', q: '李' }, auditor)).toEqual([{ kind: 'teacher', key: `${TEACHER_SCHOOL}/7`, name: '李娜', detail: `${TEACHER_SCHOOL} · T0007` }]);
    expect(ok(inst, 'lists.subjects', { kind: 'institution', q: '%' }, admin)).toEqual([]);
  });

  it('proposes by hand with the default end of each list, refuses a duplicate, an unknown subject and the auditor', () => {
    const red = change('lists.propose', { subjectKind: 'teacher', subjectKey: `${TEACHER_SCHOOL}/7`, list: 'red', reason: '市级优秀教师', startOn: TODAY }, inspector);
    expect(red).toMatchObject({ state: 'proposed', origin: 'manual', subjectName: '李娜', startOn: TODAY, endOn: '2027-11-23', inForce: false, published: false, proposedBy: '督导员' });
    const black = change('lists.propose', { subjectKind: 'practitioner', subjectKey: String(practitionerId), list: 'black', reason: '体罚学员', startOn: TODAY });
    expect(black.endOn).toBe('2029-11-23');
    const chosen = change('lists.propose', { subjectKind: 'institution', subjectKey: String(TRAINING_A), list: 'key_supervision', reason: '多次投诉', startOn: TODAY, endOn: '2027-02-28' });
    expect(chosen.endOn).toBe('2027-02-28');
    expect(refused('lists.propose', { subjectKind: 'teacher', subjectKey: `${TEACHER_SCHOOL}/7`, list: 'red', reason: '重复', startOn: TODAY })).toMatchObject({ code: 'CONFLICT', params: { code: 'duplicate', entryId: red.id } });
    expect(refused('lists.propose', { subjectKind: 'teacher', subjectKey: `${TEACHER_SCHOOL}/8`, list: 'red', reason: '不存在', startOn: TODAY }).code).toBe('NOT_FOUND');
    expect(refused('lists.propose', { subjectKind: 'institution', subjectKey: 'abc', list: 'red', reason: '不存在', startOn: TODAY }).code).toBe('NOT_FOUND');
    expect(refused('lists.propose', { subjectKind: 'institution', subjectKey: '5', list: 'red', reason: '结束早于开始', startOn: TODAY, endOn: '2026-01-01' })).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'endOn' }] });
    expect(refused('lists.propose', { subjectKind: 'institution', subjectKey: '5', list: 'red', reason: '审计员', startOn: TODAY }, auditor).code).toBe('FORBIDDEN');
    const diff = JSON.parse(lastAudit().diff) as unknown;
    expect(diff).toMatchObject({ proposed: { list: 'key_supervision', target: `institution:${TRAINING_A}` } });
  });

  it('approves and rejects with a reason, only once, and only by the administrator', () => {
    const [red] = ok(inst, 'lists.list', { list: 'red', subjectKind: 'teacher' }, admin);
    expect(refused('lists.decide', { id: red!.id, decision: 'approve', reason: '同意' }, inspector).code).toBe('FORBIDDEN');
    const { entry } = change('lists.decide', { id: red!.id, decision: 'approve', reason: '经局务会研究同意' });
    expect(entry).toMatchObject({ state: 'approved', decidedBy: '系统管理员', decisionReason: '经局务会研究同意', inForce: true });
    expect(refused('lists.decide', { id: red!.id, decision: 'reject', reason: '再审' })).toMatchObject({ code: 'INVALID_TRANSITION', params: { code: 'notProposed' } });
    const [sup] = ok(inst, 'lists.list', { list: 'key_supervision', state: 'proposed' }, admin);
    expect(change('lists.decide', { id: sup!.id, decision: 'reject', reason: '证据不足' }).entry).toMatchObject({ state: 'rejected', inForce: false });
    expect(ok(inst, 'lists.list', { inForce: true }, auditor).map((e) => e.id)).toContain(red!.id);
    expect(ok(inst, 'lists.list', { inForce: false }, auditor).map((e) => e.id)).toContain(sup!.id);
    expect(refused('lists.decide', { id: 99999, decision: 'approve', reason: '同意' }).code).toBe('NOT_FOUND');
  });

  it('black wins: approving black ends red and white; red is refused while black is in force', () => {
    const key = String(PUBLIC + 1);
    const red = change('lists.propose', { subjectKind: 'institution', subjectKey: key, list: 'red', reason: '文明校园', startOn: TODAY });
    change('lists.decide', { id: red.id, decision: 'approve', reason: '同意' });
    change('lists.publish', { id: red.id });
    const black = change('lists.propose', { subjectKind: 'institution', subjectKey: key, list: 'black', reason: '严重失信', startOn: TODAY });
    const decided = change('lists.decide', { id: black.id, decision: 'approve', reason: '同意' });
    expect(decided.ended.map((e) => [e.id, e.state, e.inForce])).toEqual([[red.id, 'ended', false]]);
    expect(decided.ended[0]!.endReason).toBe(`列入黑名单（#${black.id}）`);
    expect(JSON.parse(lastAudit().diff)).toMatchObject({ ended: [red.id] });
    const again = change('lists.propose', { subjectKind: 'institution', subjectKey: key, list: 'red', reason: '再次申报', startOn: TODAY });
    expect(refused('lists.decide', { id: again.id, decision: 'approve', reason: '同意' })).toMatchObject({ code: 'CONFLICT', params: { code: 'onBlackList', entryId: black.id } });
    // The ended red entry no longer shows on the website.
    expect(ok(inst, 'lists.published', {}, admin).some((p) => p.list === 'red' && p.name === red.subjectName)).toBe(false);
  });

  it('refuses a red or white entry for a key monitoring object, in both languages', () => {
    const key = String(PUBLIC + 2);
    const mon = change('lists.propose', { subjectKind: 'institution', subjectKey: key, list: 'key_monitoring', reason: '失信被执行人', startOn: TODAY });
    change('lists.decide', { id: mon.id, decision: 'approve', reason: '同意' });
    const red = change('lists.propose', { subjectKind: 'institution', subjectKey: key, list: 'red', reason: '文明校园', startOn: TODAY });
    const err = refused('lists.decide', { id: red.id, decision: 'approve', reason: '同意' });
    expect(err).toMatchObject({ code: 'CONFLICT', params: { code: 'onKeyMonitoring', entryId: mon.id } });
    expect(formatError(err, 'zh-CN')).toContain(`已列入重点监控对象（#${mon.id}），不能列入红名单`);
    expect(formatError(err, 'en')).toContain(`is on the key monitoring objects (#${mon.id}) and cannot go on the red list`);
    // Rejecting stays possible: the proposal is not stuck.
    expect(change('lists.decide', { id: red.id, decision: 'reject', reason: '重点监控对象不得表彰' }).entry.state).toBe('rejected');
  });

  it('publishes approved entries only, shows the public view without private data, unpublishes, and ends early', () => {
    const [teacherRed] = ok(inst, 'lists.list', { list: 'red', subjectKind: 'teacher', state: 'approved' }, admin);
    const [proposedBlack] = ok(inst, 'lists.list', { list: 'black', subjectKind: 'practitioner' }, admin);
    expect(refused('lists.publish', { id: proposedBlack!.id })).toMatchObject({ code: 'INVALID_TRANSITION', params: { code: 'notApproved' } });
    expect(refused('lists.publish', { id: teacherRed!.id }, inspector).code).toBe('FORBIDDEN');
    expect(change('lists.publish', { id: teacherRed!.id })).toMatchObject({ published: true });
    expect(refused('lists.publish', { id: teacherRed!.id })).toMatchObject({ code: 'INVALID_TRANSITION', params: { code: 'alreadyPublished' } });
    expect(ok(inst, 'lists.list', { published: true, list: 'red' }, admin).map((e) => e.id)).toContain(teacherRed!.id);
    change('lists.decide', { id: proposedBlack!.id, decision: 'approve', reason: '查证属实' });
    change('lists.publish', { id: proposedBlack!.id });

    const view = ok(inst, 'lists.published', {}, auditor);
    const teacher = view.find((p) => p.name === '李娜')!;
    expect(teacher).toEqual({ list: 'red', subjectKind: 'teacher', name: '李娜', uscc: TEACHER_SCHOOL, organisation: null, reason: '市级优秀教师', startOn: TODAY, endOn: '2027-11-23', publishedAt: expect.any(String) });
    const practitioner = view.find((p) => p.name === '赵老师')!;
    const training = inst.open().raw.prepare('SELECT name, uscc FROM institutions WHERE id = ?').get(TRAINING_A) as { name: string; uscc: string };
    expect(practitioner).toMatchObject({ list: 'black', subjectKind: 'practitioner', uscc: training.uscc, organisation: training.name });
    // No ids, keys, ID numbers or reviewers leave in the public view.
    const text = JSON.stringify(view);
    for (const secret of ['11010519491231002X', 'subjectKey', 'decidedBy', 'proposedBy', `${TEACHER_SCHOOL}/7`]) expect(text).not.toContain(secret);

    expect(change('lists.unpublish', { id: teacherRed!.id })).toMatchObject({ published: false, publishedAt: null });
    expect(refused('lists.unpublish', { id: teacherRed!.id })).toMatchObject({ code: 'INVALID_TRANSITION', params: { code: 'notPublished' } });
    const ended = change('lists.end', { id: proposedBlack!.id, reason: '处分期满，表现良好' });
    expect(ended).toMatchObject({ state: 'ended', endReason: '处分期满，表现良好', inForce: false });
    expect(ok(inst, 'lists.published', {}, admin).some((p) => p.name === '赵老师')).toBe(false);
    expect(refused('lists.end', { id: proposedBlack!.id, reason: '再次结束' })).toMatchObject({ code: 'INVALID_TRANSITION', params: { code: 'notApproved' } });
    expect(refused('lists.end', { id: teacherRed!.id, reason: '督导员' }, inspector).code).toBe('FORBIDDEN');
  });

  it('proposes by the current rules, with the rule named, and never twice', () => {
    expect(ok(inst, 'lists.rules', {}, auditor)).toMatchObject({ version: CURRENT_LIST_RULES.version, rules: CURRENT_LIST_RULES.rules.map((r) => ({ id: r.id, list: r.list })) });
    const first = change('lists.proposeByRules', {}, inspector);
    expect(first.considered).toBe(77);
    const of = (id: number): string[] => first.proposed.filter((e) => e.subjectKey === String(id)).map((e) => `${e.list}:${e.rule}`).sort();
    expect(of(TRAINING_A)).toEqual(['red:v1/red-a-commended', 'white:v1/white-training-a']);
    // Its penalty no longer counts (red), but it was less than 3 years ago (no white).
    expect(of(TRAINING_OLD_PENALTY)).toEqual(['red:v1/red-a-commended']);
    expect(of(TRAINING_D)).toEqual(['black:v1/black-d']);
    // Plan measure 2 (rules v2): a private school penalised in the last 12 months, for key supervision.
    expect(of(PRIVATE_PENALISED)).toEqual(['key_supervision:v2/key-supervision-penalty']);
    // A public school may be red, never white.
    expect(of(PUBLIC)).toEqual(['red:v1/red-a-commended']);
    // The institution already on the black list gets no red proposal; plain B grades get nothing.
    expect(of(PUBLIC + 1)).toEqual([]);
    expect(of(1)).toEqual([]);
    expect(first.proposed.every((e) => e.state === 'proposed' && e.origin === 'rule' && e.startOn === TODAY)).toBe(true);
    expect(first.proposed.find((e) => e.list === 'black')!.reason).toContain('信用等级为 D');
    expect(JSON.parse(lastAudit().diff)).toMatchObject({ rulesVersion: 2, considered: 77 });
    const second = change('lists.proposeByRules', {}, admin);
    expect(second.proposed).toEqual([]);
  });

  it('takes four eyes once there are two administrators: the proposer cannot approve, the other can; the setting lifts it', () => {
    const entry = (reason: string): number => change('lists.propose', { subjectKind: 'institution', subjectKey: String(PUBLIC), list: 'white', reason, startOn: TODAY }).id;
    // One administrator: they approve their own proposal, as before.
    const alone = entry('唯一管理员的提名');
    change('lists.decide', { id: alone, decision: 'reject', reason: '测试用' });
    addAccount(inst, admin, { username: 'admin2', displayName: '第二管理员', role: 'bureau_admin' });
    const second = login(inst, 'admin2');
    const mine = entry('守信经营');
    const r = refused('lists.decide', { id: mine, decision: 'approve', reason: '同意' });
    expect(r).toMatchObject({ code: 'INVALID_TRANSITION', params: { code: 'fourEyes' } });
    expect(formatError(r, 'zh-CN')).toContain('提名人不能批准自己的提名');
    expect(change('lists.decide', { id: mine, decision: 'approve', reason: '同意' }, second).entry.state).toBe('approved');
    // Switched off in the settings (audited), the proposer may approve again.
    change('settings.update', { fourEyes: false });
    expect(ok(inst, 'settings.get', {}, admin).fourEyes).toBe(false);
    const later = change('lists.propose', { subjectKind: 'institution', subjectKey: String(TRAINING_D), list: 'key_supervision', reason: '多次违规', startOn: TODAY }).id;
    expect(change('lists.decide', { id: later, decision: 'approve', reason: '同意' }).entry.state).toBe('approved');
  });
});
