// Every route tried with every role of both modes, without a session, and with bad input: the dispatcher's access rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Installation } from '../../electron/core/app/installation';
import { dispatch, dispatchAsync } from '../../electron/core/api';
import { contract, ROUTE_NAMES, type RouteName } from '../../shared/api/contract';
import type { ApiError, Result } from '../../shared/api/errors';
import { MODES, ROLES_BY_MODE, type Role } from '../../shared/domain/roles';
import { unnamedAuditKeys, unreadableAuditText } from '../support/auditKeys';
import { login, TestClock } from '../support/installation';
import type { Fixture } from './samples/fixture';
import { allowed, buildFixture, DEMO_USERS, EMPTY_TEACHER, ENDS_ALL_SESSIONS, PUBLIC_ROUTES, ROLE_ROUTES, SAMPLES } from './samples/routes';

function errorOf(r: Result<unknown>): ApiError | null {
  return r.ok ? null : r.error;
}

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.splice(0).forEach((c) => c()));


describe('the sample table', () => {
  it('has a valid sample for every route of the contract, and nothing else', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...ROUTE_NAMES].sort());
    const fake: Fixture = {
      mode: 'school',
      inst: new Installation('/nonexistent'),
      clock: new TestClock(),
      targetId: 1,
      backupFile: '/x.backup.db',
      counter: 0,
      teacher: { id: 1, ...EMPTY_TEACHER },
      classId: 1,
      items: { 'T-P05': 1 },
      recordId: 1,
      evidence: { recordId: 1, sha256: 'a'.repeat(64) },
      objectionId: 1,
      ownRecordId: 1,
      reportId: 1,
      paperReportId: 2,
    };
    for (const route of ROUTE_NAMES) {
      const parsed = contract[route].input.safeParse((SAMPLES[route] as (f: Fixture) => unknown)(fake));
      expect(parsed.success, route).toBe(true);
    }
  });

  it('knows a demo account for every role of each mode', () => {
    for (const mode of MODES) expect(Object.keys(DEMO_USERS[mode]).sort()).toEqual([...ROLES_BY_MODE[mode]].sort());
  });
});

describe.each(MODES)('%s installation', (mode) => {
  let f: Fixture;
  const sessions = new Map<Role, string>();

  beforeAll(async () => {
    f = await buildFixture(mode, cleanups);
  });

  function sessionOf(role: Role): string {
    let s = sessions.get(role);
    if (!s) {
      s = login(f.inst, DEMO_USERS[mode][role]!);
      sessions.set(role, s);
    }
    return s;
  }

  // A restore swaps the store: the keys of the entries it drops are gathered first.
  const unnamedBeforeRestores = new Set<string>();
  const unreadableBeforeRestores = new Set<string>();

  function tryRoute(route: RouteName, session: string | undefined): Promise<Result<unknown>> {
    // One second between calls: backups and kept-aside files are named by the clock.
    f.clock.ms += 1000;
    if (ENDS_ALL_SESSIONS.includes(route)) {
      for (const k of unnamedAuditKeys(f.inst.open().raw)) unnamedBeforeRestores.add(k);
      for (const k of unreadableAuditText(f.inst.open().raw)) unreadableBeforeRestores.add(k);
    }
    return dispatchAsync(f.inst, { route, input: (SAMPLES[route] as (fx: Fixture) => unknown)(f), session });
  }

  it.each(ROLE_ROUTES)('%s: refused to roles outside its access list, open to those in it', async (route) => {
    for (const role of ROLES_BY_MODE[mode]) {
      const r = await tryRoute(route, sessionOf(role));
      const err = errorOf(r);
      if (allowed(route, role, mode)) {
        expect(err?.code, `${role} on ${route}: ${JSON.stringify(err)}`).not.toBe('FORBIDDEN');
        expect(err?.code, `${role} on ${route}: ${JSON.stringify(err)}`).not.toBe('UNAUTHENTICATED');
        // The sample is valid and the core handles it: an allowed call must not fail on input or crash.
        expect(err?.code, `${role} on ${route}`).not.toBe('INVALID_INPUT');
        expect(err?.code, `${role} on ${route}`).not.toBe('INTERNAL');
      } else {
        expect(err, `${role} on ${route}`).toEqual({ code: 'FORBIDDEN', params: { route } });
      }
      if (route === 'auth.logout' && r.ok) {
        expect(errorOf(await tryRoute('auth.me', sessionOf(role)))?.code).toBe('UNAUTHENTICATED');
        sessions.delete(role);
      }
      if (ENDS_ALL_SESSIONS.includes(route) && r.ok) {
        // Restore swaps the store: every session has ended, and the data is the backup's.
        for (const s of sessions.values()) expect(errorOf(await tryRoute('auth.me', s))?.code).toBe('UNAUTHENTICATED');
        sessions.clear();
      }
    }
  });

  it.each(ROLE_ROUTES)('%s: refused without a session or with an unknown token', async (route) => {
    expect(errorOf(await tryRoute(route, undefined))).toEqual({ code: 'UNAUTHENTICATED' });
    expect(errorOf(await tryRoute(route, 'not-a-session-token'))).toEqual({ code: 'UNAUTHENTICATED' });
  });

  it.each(PUBLIC_ROUTES)('%s: public, answered without a session', async (route) => {
    const r = await tryRoute(route, undefined);
    if (ENDS_ALL_SESSIONS.includes(route) && r.ok) sessions.clear();
    const err = errorOf(r);
    expect(err?.code).not.toBe('UNAUTHENTICATED');
    expect(err?.code).not.toBe('FORBIDDEN');
    expect(err?.code).not.toBe('INVALID_INPUT');
    expect(err?.code).not.toBe('INTERNAL');
  });

  it('answers a made-up route with UNKNOWN_ROUTE, with or without a session', () => {
    const s = sessionOf(mode === 'school' ? 'school_admin' : 'bureau_admin');
    for (const session of [undefined, s]) {
      expect(errorOf(dispatch(f.inst, { route: 'users.dropAll', input: {}, session }))).toEqual({ code: 'UNKNOWN_ROUTE', params: { route: 'users.dropAll' } });
    }
    // Names from Object.prototype are not routes either.
    expect(errorOf(dispatch(f.inst, { route: 'constructor', input: {} }))?.code).toBe('UNKNOWN_ROUTE');
    expect(errorOf(dispatch(f.inst, { route: '__proto__', input: {} }))?.code).toBe('UNKNOWN_ROUTE');
  });

  it('answers invalid input with INVALID_INPUT and issues that name each path', () => {
    const admin = sessionOf(mode === 'school' ? 'school_admin' : 'bureau_admin');
    const bad = errorOf(dispatch(f.inst, { route: 'users.create', session: admin, input: { username: 'x', displayName: '', role: 'superuser', password: 'short' } }));
    expect(bad?.code).toBe('INVALID_INPUT');
    expect((bad?.issues ?? []).map((i) => i.path).sort()).toEqual(['displayName', 'password', 'role', 'username']);

    const nested = errorOf(
      dispatch(f.inst, {
        route: 'setup.init',
        input: { mode, orgName: '舞钢市实验小学', uscc: '91350100M000100Y43', admin: { username: 'admin9', displayName: '王', password: 'short' } },
      }),
    );
    expect(nested?.code).toBe('INVALID_INPUT');
    expect(nested?.issues?.map((i) => i.path)).toEqual(['admin.password']);

    const range = errorOf(dispatch(f.inst, { route: 'settings.update', session: admin, input: { backupKeep: 0, idleLockMinutes: 1000 } }));
    expect(range?.issues?.map((i) => i.path).sort()).toEqual(['backupKeep', 'idleLockMinutes']);

    const notObject = errorOf(dispatch(f.inst, { route: 'audit.list', session: admin, input: 'everything' }));
    expect(notObject?.code).toBe('INVALID_INPUT');

    // A role without access learns nothing about the input rules: FORBIDDEN comes first.
    const auditor = sessionOf('auditor');
    expect(errorOf(dispatch(f.inst, { route: 'users.create', session: auditor, input: { username: 'x' } }))?.code).toBe('FORBIDDEN');
    // Issues carry no stack trace and no echo of a password.
    expect(JSON.stringify(bad)).not.toContain('short');
    expect(JSON.stringify(bad)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('has words for every field its audit entries hold, so the audit screen never shows a key', () => {
    expect([...new Set([...unnamedBeforeRestores, ...unnamedAuditKeys(f.inst.open().raw)])].sort()).toEqual([]);
    expect([...new Set([...unreadableBeforeRestores, ...unreadableAuditText(f.inst.open().raw)])].sort()).toEqual([]);
  });
});
