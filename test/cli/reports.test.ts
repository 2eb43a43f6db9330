// CLI report commands (vitest): `report batch` and `verify-report` through the real bin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Installation } from '../../electron/core/app/installation';
import { makeIdNumber } from '../../shared/domain/idNumber';
import { login, ok, PASSWORD, tempDir } from '../support/installation';
import { cli } from './run';

const t = tempDir('educredit-cli-reports-');
afterAll(() => t.cleanup());
const dataDir = join(t.dir, 'school');
const out = join(t.dir, 'reports');
const passwordFile = join(t.dir, 'password.txt');
const login$ = ['--data-dir', dataDir, '--user', 'admin', '--password-file', passwordFile];

beforeAll(() => {
  writeFileSync(passwordFile, `${PASSWORD}\n`);
  expect(cli(['init', '--data-dir', dataDir, '--mode', 'school', '--name', '舞钢市实验小学', '--uscc', '91350100M000100Y43', '--admin', 'admin', '--password-file', passwordFile]).status).toBe(0);
  const inst = new Installation(dataDir);
  try {
    const admin = login(inst, 'admin');
    ['张伟', '李娜', '王芳'].forEach((name, i) => {
      ok(inst, 'teachers.create', { name, gender: i === 0 ? 'male' : 'female', idNumber: makeIdNumber('410481', '19850312', i === 0 ? '011' : `01${2 * i}`), staffNo: `T00${i + 1}`, subject: '数学', title: '一级教师', hireDate: '2010-09-01' }, admin);
    });
  } finally {
    inst.close();
  }
});

describe('report batch', () => {
  it('writes one PDF per active teacher and says where', () => {
    const year = String(new Date().getFullYear());
    const r = cli(['report', 'batch', ...login$, '--year', year, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`已生成 3 份 ${year} 年度教师信用报告`);
    const files = readdirSync(out).filter((f) => f.endsWith('.pdf')).sort();
    expect(files).toHaveLength(3);
    expect(files[0]).toMatch(/^T001-张伟-91350100M000100Y43-\d{4}-0001\.pdf$/);
  });

  it('refuses a year in the future and a malformed one', () => {
    expect(cli(['report', 'batch', ...login$, '--year', '2999', '--out', out]).status).toBe(1);
    expect(cli(['report', 'batch', ...login$, '--year', '26', '--out', out]).status).toBe(2);
  });
});

describe('verify-report', () => {
  it('says unconfirmed for a genuine report (exit 3) and tampered after a one-byte change (exit 1)', () => {
    const file = join(out, readdirSync(out).filter((f) => f.endsWith('.pdf')).sort()[1]!);
    const good = cli(['verify-report', ...login$, file]);
    expect(good.status).toBe(3);
    expect(good.stdout).toContain('未确认');
    expect(good.stdout).toContain('李娜');
    const bytes = readFileSync(file);
    const at = Math.floor(bytes.length / 3);
    bytes[at] = bytes[at]! ^ 0x20;
    const bad = join(t.dir, 'edited.pdf');
    writeFileSync(bad, bytes);
    const r = cli(['verify-report', ...login$, '--lang', 'en', bad]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('tampered');
    expect(r.stdout).toMatch(/one byte|content was changed/);
  });
});
