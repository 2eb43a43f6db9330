// What a refused input says: the dispatcher turns every validator issue into one of our message
// keys, and the words name the field as a person knows it, in either language, never by its key
// and never in the validator's own phrasing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Installation } from '../../electron/core/app/installation';
import { formatError, issueMessage } from '../../shared/api/messages';
import type { ApiError } from '../../shared/api/errors';
import { makeIdNumber } from '../../shared/domain/idNumber';
import { call, login, PASSWORD, TestClock, tempDir } from '../support/installation';

let inst: Installation;
let cleanup: () => void;
let admin: string;

beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  inst = new Installation(t.dir, new TestClock());
  const r = call(inst, 'setup.init', { mode: 'school', orgName: '舞钢市实验小学', uscc: '91350100M000100Y43', admin: { username: 'admin', displayName: '王校长', password: PASSWORD } });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  admin = login(inst, 'admin');
});
afterAll(() => {
  inst.close();
  cleanup();
});

function refusal(input: Record<string, unknown>): ApiError {
  const teacher = { name: '王明', gender: 'male', idNumber: makeIdNumber('410481', '19800101', '013'), staffNo: 'T1', subject: '语文', title: '', hireDate: '2010-09-01', ...input };
  const r = call(inst, 'teachers.create', teacher as never, admin);
  if (r.ok) throw new Error('not refused');
  return r.error;
}

describe('a refused input', () => {
  it('says required for an empty field and the limit for a long one, as keys', () => {
    expect(refusal({ name: '   ' }).issues).toEqual([{ path: 'name', message: 'required' }]);
    expect(refusal({ staffNo: 'S'.repeat(31) }).issues).toEqual([{ path: 'staffNo', message: 'maxChars:30' }]);
    expect(refusal({ gender: 'other' }).issues).toEqual([{ path: 'gender', message: 'choice' }]);
    expect(refusal({ subject: undefined }).issues).toEqual([{ path: 'subject', message: 'required' }]);
  });

  it('is worded with the field’s name in both languages, never the key or the validator’s phrase', () => {
    const e = refusal({ name: '', staffNo: 'S'.repeat(31) });
    expect(formatError(e, 'zh-CN')).toBe('输入有误，请检查标出的项目。 姓名：必须填写；工号：最多 30 个字');
    expect(formatError(e, 'en')).toBe('Some input is not valid; check the marked fields. Name: required; Staff no.: at most 30 characters');
    expect(formatError(e, 'zh-CN')).not.toMatch(/name|staffNo|string|>=|<=/);
  });

  it('keeps a feature’s own message keys as they are', () => {
    expect(issueMessage('maxChars:1000', 'zh-CN')).toBe('最多 1000 个字');
    expect(issueMessage('studentNoTakenBy:李明', 'en')).toBe('already the student number of 李明');
  });
});
