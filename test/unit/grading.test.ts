// The grading rules (shared/domain/grading.ts) on worked examples computed by hand, the list caps,
// agreement with creditRules.grade() on random files (fast-check), and the words of each step.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { grade, RECORD_STATUSES, type RecordStatus } from '../../shared/domain/creditRules';
import { CURRENT_RULES, gradeSubject, rulesOf, worse, type GradedRecord } from '../../shared/domain/grading';
import { LIST_KINDS } from '../../shared/domain/supervision';
import { gradeLabel, stepPoints, stepText } from '../../shared/api/gradingMessages';

let nextId = 1;
const rec = (points: number, status: RecordStatus = 'active', code = 'X'): GradedRecord => ({ id: nextId++, code, status, points });

describe('worked examples (rules version 1)', () => {
  it('starts from a base of 100: no record is B', () => {
    const g = gradeSubject([], []);
    expect(g).toEqual({ rulesVersion: 1, score: 100, grade: 'B', steps: [{ key: 'base', points: 100 }, { key: 'threshold', grade: 'B', min: 95, score: 100 }] });
  });

  it('adds each counting record: 100 + 10 = 110 is A, exactly at the threshold', () => {
    expect(gradeSubject([rec(10)], [])).toMatchObject({ score: 110, grade: 'A' });
    expect(gradeSubject([rec(9)], [])).toMatchObject({ score: 109, grade: 'B' });
  });

  it('draws the lines at 110, 95 and 80', () => {
    // 100 − 5 = 95: B; 100 − 6 = 94: C; 100 − 20 = 80: C; 100 − 21 = 79: D.
    expect(gradeSubject([rec(-5)], []).grade).toBe('B');
    expect(gradeSubject([rec(-6)], []).grade).toBe('C');
    expect(gradeSubject([rec(-10), rec(-10)], [])).toMatchObject({ score: 80, grade: 'C' });
    const d = gradeSubject([rec(-10), rec(-11)], []);
    expect(d).toMatchObject({ score: 79, grade: 'D' });
    expect(d.steps.at(-1)).toEqual({ key: 'belowAll', min: 80, score: 79 });
  });

  it('makes a −30 record D whatever the score, and names it', () => {
    // 100 − 30 + 20 + 20 = 110 would be A; the serious breach makes it D.
    const breach = rec(-30);
    const g = gradeSubject([breach, rec(20), rec(20)], []);
    expect(g).toMatchObject({ score: 110, grade: 'D' });
    expect(g.steps.slice(-2)).toEqual([
      { key: 'threshold', grade: 'A', min: 110, score: 110 },
      { key: 'severe', recordIds: [breach.id] },
    ]);
    // −29 is not serious: 100 − 29 = 71, D only because it is below 80; + 20 makes it 91, C.
    expect(gradeSubject([rec(-29), rec(20)], [])).toMatchObject({ score: 91, grade: 'C' });
  });

  it('adds 0 for records that do not count, and a disputed record still counts', () => {
    const statuses: RecordStatus[] = ['amended', 'revoked', 'repaired', 'released', 'expired', 'revocation'];
    const records = statuses.map((s) => rec(-40, s));
    const g = gradeSubject([...records, rec(2, 'disputed'), rec(3, 'active')], []);
    expect(g).toMatchObject({ score: 105, grade: 'B' });
    expect(g.steps.filter((s) => s.key === 'record' && !s.counted).map((s) => stepPoints(s))).toEqual([0, 0, 0, 0, 0, 0]);
    // A revoked −40 is not a serious breach either.
    expect(g.steps.some((s) => s.key === 'severe')).toBe(false);
  });

  it('caps at C on the key supervision list, at D on the black list or as a key monitoring object', () => {
    const a = [rec(15)];
    expect(gradeSubject(a, [])).toMatchObject({ score: 115, grade: 'A' });
    expect(gradeSubject(a, ['key_supervision'])).toMatchObject({ score: 115, grade: 'C' });
    expect(gradeSubject(a, ['key_supervision']).steps.at(-1)).toEqual({ key: 'listCap', list: 'key_supervision', cap: 'C' });
    expect(gradeSubject(a, ['black'])).toMatchObject({ score: 115, grade: 'D' });
    expect(gradeSubject(a, ['key_monitoring'])).toMatchObject({ grade: 'D' });
    // A cap never lifts a grade, and red and white lists cap nothing.
    const d = gradeSubject([rec(-25)], ['key_supervision', 'red', 'white']);
    expect(d).toMatchObject({ score: 75, grade: 'D' });
    expect(d.steps.some((s) => s.key === 'listCap')).toBe(false);
    // Two caps: the worse one decides; each cap that lowers the grade is a step.
    const both = gradeSubject(a, ['key_supervision', 'black']);
    expect(both.grade).toBe('D');
    expect(both.steps.filter((s) => s.key === 'listCap')).toEqual([
      { key: 'listCap', list: 'key_supervision', cap: 'C' },
      { key: 'listCap', list: 'black', cap: 'D' },
    ]);
  });

  it('keeps its versions: version 1 is found and current', () => {
    expect(rulesOf(1)).toBe(CURRENT_RULES);
    expect(rulesOf(99)).toBeUndefined();
    expect(worse('A', 'C')).toBe('C');
    expect(worse('D', 'B')).toBe('D');
  });
});

describe('agreement with creditRules.grade()', () => {
  const record = fc.record({ id: fc.nat(), status: fc.constantFrom(...RECORD_STATUSES), points: fc.integer({ min: -60, max: 30 }) });

  it('gives the same score and grade without lists, on random files', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), (records) => {
        const ours = gradeSubject(records.map((r) => ({ ...r, code: 'X' })), []);
        const theirs = grade(records);
        expect(ours.score).toBe(theirs.score);
        expect(ours.grade).toBe(theirs.grade);
        // The explanation adds up: base plus every step's points is the score.
        expect(ours.steps.reduce((n, s) => n + (stepPoints(s) ?? 0), 0)).toBe(ours.score);
      }),
      { numRuns: 500 },
    );
  });

  it('with lists, is never better than without and never better than any cap', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 20 }), fc.subarray([...LIST_KINDS]), (records, lists) => {
        const graded = records.map((r) => ({ ...r, code: 'X' }));
        const free = gradeSubject(graded, []).grade;
        const capped = gradeSubject(graded, lists).grade;
        expect(worse(capped, free)).toBe(capped);
        for (const l of lists) {
          const cap = CURRENT_RULES.listCaps[l];
          if (cap) expect(worse(capped, cap)).toBe(capped);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the words of a grade', () => {
  const names = new Map([['T-P03', '市级表彰奖励']]);

  it('words each step in Chinese and English', () => {
    expect(stepText({ key: 'base', points: 100 }, 'zh-CN')).toBe('基础分');
    expect(stepText({ key: 'record', recordId: 7, code: 'T-P03', status: 'active', points: 10, counted: true }, 'zh-CN', names)).toBe('记录 #7 T-P03 市级表彰奖励（有效，计分）');
    expect(stepText({ key: 'record', recordId: 8, code: 'T-V04', status: 'revoked', points: 0, counted: false }, 'en')).toBe('Record #8 T-V04: revoked, does not count');
    expect(stepText({ key: 'threshold', grade: 'B', min: 95, score: 102 }, 'zh-CN')).toBe('得分 102 分，不低于 95 分，评为 B 级');
    expect(stepText({ key: 'severe', recordIds: [3, 9] }, 'zh-CN')).toBe('严重失信：记录 #3、#9 单条扣分达 30 分及以上，无论得分多少均为 D 级');
    expect(stepText({ key: 'listCap', list: 'black', cap: 'D' }, 'en')).toBe('On the black list: graded no better than D');
    expect(gradeLabel('D', 'zh-CN')).toBe('D 严重失信');
    expect(gradeLabel('A', 'en')).toBe('A (Trustworthy)');
  });
});
