// Where the web host has no folder to write into, files come as downloads: the bundles to send (one
// .ecb, imported at the other end as it is), a batch of reports as one zip, a backup as it is. A
// folder typed for the app to write into must be a whole path: a relative one is refused at its
// field, before anything is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { Installation } from '../../electron/core/app/installation';
import { dispatchAsync } from '../../electron/core/api';
import type { RouteInput, RouteName, RouteOutput } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/errors';
import { makeIdNumber } from '../../shared/domain/idNumber';
import { makeUscc } from '../../shared/domain/uscc';
import { addAccount, login, ok, PASSWORD, TestClock, tempDir } from '../support/installation';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.splice(0).forEach((c) => c()));

function side(mode: 'school' | 'bureau', uscc: string, name: string): { inst: Installation; admin: string } {
  const t = tempDir(`educredit-dl-${mode}-`);
  const inst = new Installation(t.dir, new TestClock());
  cleanups.push(() => {
    inst.close();
    t.cleanup();
  });
  ok(inst, 'setup.init', { mode, orgName: name, uscc, admin: { username: 'admin', displayName: '管理员', password: PASSWORD } });
  return { inst, admin: login(inst, 'admin') };
}

async function run<R extends RouteName>(inst: Installation, route: R, input: RouteInput<R>, session: string): Promise<{ ok: true; value: RouteOutput<R> } | { ok: false; error: ApiError }> {
  return (await dispatchAsync(inst, { route, input, session })) as { ok: true; value: RouteOutput<R> } | { ok: false; error: ApiError };
}

async function must<R extends RouteName>(inst: Installation, route: R, input: RouteInput<R>, session: string): Promise<RouteOutput<R>> {
  const r = await run(inst, route, input, session);
  if (!r.ok) throw new Error(`${route}: ${JSON.stringify(r.error)}`);
  return r.value;
}

function zipNames(zip: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(zip, { lazyEntries: true }, (e, z) => {
      if (e || !z) return reject(e);
      const names: string[] = [];
      z.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        z.readEntry();
      });
      z.on('end', () => resolve(names));
      z.readEntry();
    }),
  );
}

let school: ReturnType<typeof side>;
let bureau: ReturnType<typeof side>;

beforeAll(() => {
  school = side('school', '91350100M000100Y43', '舞钢市实验小学');
  bureau = side('bureau', makeUscc('11', '410481', '00510023'), '舞钢市教育体育局');
  for (const [i, name] of ['王明', '李娜', '赵强'].entries()) {
    ok(school.inst, 'teachers.create', { name, gender: i === 1 ? 'female' : 'male', idNumber: makeIdNumber('410481', `1980010${i + 1}`, i === 1 ? '022' : '013'), staffNo: `T00${i + 1}`, subject: '语文', title: '', hireDate: '2010-09-01' }, school.admin);
  }
});

describe('a folder to write into', () => {
  it('is refused at its field when it is not a whole path, and nothing is written', async () => {
    const here = process.cwd();
    expect(existsSync(join(here, 'usb-relative'))).toBe(false);
    for (const [route, input, field] of [
      ['reports.batchStart', { folder: 'usb-relative' }, 'folder'],
      ['settings.update', { backupDir: 'usb-relative' }, 'backupDir'],
    ] as const) {
      const r = await run(school.inst, route, input as never, school.admin);
      expect(r, route).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: field, message: 'absoluteFolder' }] } });
    }
    expect(existsSync(join(here, 'usb-relative'))).toBe(false);
  });
});

describe('bundles as a download', () => {
  it('come as one .ecb that the bureau imports as it is', async () => {
    const sCard = ok(school.inst, 'sync.card', {}, school.admin);
    const bCard = ok(bureau.inst, 'sync.card', {}, bureau.admin);
    ok(bureau.inst, 'sync.enrol', { card: sCard.card }, bureau.admin);
    ok(school.inst, 'sync.enrol', { card: bCard.card }, school.admin);
    // A relative folder is refused for a bundle export too.
    expect(await run(school.inst, 'sync.export', { folder: 'usb-relative' }, school.admin)).toMatchObject({ ok: false, error: { issues: [{ path: 'folder', message: 'absoluteFolder' }] } });
    const out = await must(school.inst, 'sync.exportDownload', {}, school.admin);
    expect(out.files).toHaveLength(1);
    expect(out.download).toMatchObject({ fileName: out.files[0]!.fileName, mime: 'application/octet-stream' });
    expect(out.download!.fileName).toMatch(/\.ecb$/);
    const applied = await must(bureau.inst, 'sync.import', { fileName: out.download!.fileName, dataBase64: out.download!.dataBase64 }, bureau.admin);
    expect(applied.verdict).toBe('applied');
  });
});

describe('a batch of reports kept for a download', () => {
  it('writes no file and hands every report over as one zip once it ends', async () => {
    const started = await must(school.inst, 'reports.batchStart', { year: 2026 }, school.admin);
    expect(started.folder).toBeNull();
    let job = started;
    for (let i = 0; i < 200 && job.phase === 'running'; i += 1) {
      await new Promise((r) => setTimeout(r, 50));
      job = await must(school.inst, 'reports.batchProgress', { jobId: started.jobId }, school.admin);
    }
    expect(job).toMatchObject({ phase: 'done', done: 3, folder: null });
    const zip = await must(school.inst, 'reports.batchArchive', { jobId: started.jobId }, school.admin);
    expect(zip).toMatchObject({ fileName: '教师信用报告-2026-3份.zip', mime: 'application/zip' });
    const names = await zipNames(Buffer.from(zip.dataBase64, 'base64'));
    expect(names.sort()).toEqual([expect.stringMatching(/^T001-王明-.+\.pdf$/), expect.stringMatching(/^T002-李娜-.+\.pdf$/), expect.stringMatching(/^T003-赵强-.+\.pdf$/)]);
    // Another user cannot fetch it.
    addAccount(school.inst, school.admin, { username: 'clerk', displayName: '干事', role: 'records_clerk' });
    expect(await run(school.inst, 'reports.batchArchive', { jobId: started.jobId }, login(school.inst, 'clerk'))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('a backup as a download', () => {
  it('is the backup file as it is, and the download is audited', async () => {
    const b = ok(school.inst, 'backup.run', {}, school.admin);
    const name = b.file.split(/[\\/]/).pop()!;
    const file = await must(school.inst, 'backup.download', { file: name }, school.admin);
    expect(Buffer.from(file.dataBase64, 'base64').equals(readFileSync(b.file))).toBe(true);
    expect(ok(school.inst, 'audit.list', { route: 'backup.download' }, school.admin).entries[0]).toMatchObject({ actor: 'admin', subject: 'backup' });
    expect(await run(school.inst, 'backup.download', { file: '../educredit.keys.json' }, school.admin)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
