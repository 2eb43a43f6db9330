// The restriction rules of 信用审查 (shared/domain/restrictions.ts): every list with every kind of
// decision, the D grade, and the credit order of applicants, by example and by property (fast-check).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GRADES, type Grade } from '../../shared/domain/creditRules';
import {
  compareByCredit,
  CURRENT_RESTRICTIONS,
  DECISION_KINDS,
  rankByCredit,
  restrictionFor,
  RESTRICTION_RULES,
  type DecisionKind,
  type Rankable,
  type Verdict,
} from '../../shared/domain/restrictions';
import { LIST_KINDS, type ListKind } from '../../shared/domain/supervision';

/** The plan's measure 2 as a table: the verdict of a grade-B subject on one list, by decision. */
const EXPECTED: Record<ListKind, Record<DecisionKind, { verdict: Verdict; effect: 'refuse' | 'lower' | 'flag' | null }>> = {
  red: { funding: { verdict: 'allowed', effect: null }, honour: { verdict: 'allowed', effect: null }, evaluation: { verdict: 'allowed', effect: null } },
  white: { funding: { verdict: 'allowed', effect: null }, honour: { verdict: 'allowed', effect: null }, evaluation: { verdict: 'allowed', effect: null } },
  black: { funding: { verdict: 'refused', effect: 'refuse' }, honour: { verdict: 'refused', effect: 'refuse' }, evaluation: { verdict: 'flagged', effect: 'lower' } },
  key_monitoring: {
    funding: { verdict: 'refused', effect: 'refuse' },
    honour: { verdict: 'refused', effect: 'refuse' },
    evaluation: { verdict: 'flagged', effect: 'lower' },
  },
  key_supervision: { funding: { verdict: 'flagged', effect: 'flag' }, honour: { verdict: 'flagged', effect: 'flag' }, evaluation: { verdict: 'flagged', effect: 'flag' } },
};

describe('restrictionFor', () => {
  it.each(LIST_KINDS.flatMap((list) => DECISION_KINDS.map((action) => [list, action] as const)))('%s × %s', (list, action) => {
    const r = restrictionFor(action, { grade: 'B', score: 100, lists: [list] });
    const want = EXPECTED[list][action];
    expect(r.verdict).toBe(want.verdict);
    expect(r.reasons).toEqual(want.effect ? [{ source: 'list', list, effect: want.effect }] : []);
    expect(r.preferred).toBe(list === 'red' || list === 'white');
    expect(r.rulesVersion).toBe(CURRENT_RESTRICTIONS.version);
  });

  it('allows a subject on no list whose grade is A, B or C, with no reason', () => {
    for (const grade of ['A', 'B', 'C'] as const) {
      for (const action of DECISION_KINDS) expect(restrictionFor(action, { grade, score: 90, lists: [] })).toEqual({ rulesVersion: 1, verdict: 'allowed', reasons: [], preferred: false });
    }
  });

  it('flags a D grade for every kind of decision, whatever the score', () => {
    for (const action of DECISION_KINDS) {
      const r = restrictionFor(action, { grade: 'D', score: 130, lists: [] });
      expect(r.verdict).toBe('flagged');
      expect(r.reasons).toEqual([{ source: 'grade', grade: 'D', effect: 'flag' }]);
    }
  });

  it('gives every reason when several apply, and the worst verdict', () => {
    // What a key monitoring object really looks like: on the list, and graded D because of it.
    expect(restrictionFor('funding', { grade: 'D', score: 60, lists: ['key_monitoring'] })).toEqual({
      rulesVersion: 1,
      verdict: 'refused',
      reasons: [
        { source: 'list', list: 'key_monitoring', effect: 'refuse' },
        { source: 'grade', grade: 'D', effect: 'flag' },
      ],
      preferred: false,
    });
    const evaluation = restrictionFor('evaluation', { grade: 'D', score: 60, lists: ['key_supervision', 'black'] });
    expect(evaluation.verdict).toBe('flagged');
    expect(evaluation.reasons).toEqual([
      { source: 'list', list: 'black', effect: 'lower' },
      { source: 'list', list: 'key_supervision', effect: 'flag' },
      { source: 'grade', grade: 'D', effect: 'flag' },
    ]);
    // A red-list entry does not lift a black-list refusal.
    const both = restrictionFor('honour', { grade: 'D', score: 100, lists: ['red', 'black'] });
    expect(both.verdict).toBe('refused');
    expect(both.preferred).toBe(true);
  });

  it('keeps its versions in order, the current one last', () => {
    expect(RESTRICTION_RULES.map((r) => r.version)).toEqual(RESTRICTION_RULES.map((_, i) => i + 1));
    expect(CURRENT_RESTRICTIONS).toBe(RESTRICTION_RULES[RESTRICTION_RULES.length - 1]);
  });
});

function applicant(id: number, name: string, grade: Grade, score: number, lists: ListKind[] = [], action: DecisionKind = 'funding'): Rankable {
  const r = restrictionFor(action, { grade, score, lists });
  return { id, name, grade, score, lists, verdict: r.verdict, preferred: r.preferred };
}

describe('rankByCredit', () => {
  it('puts red and white lists first, then grade A→D, then score, then name, then id; refused last', () => {
    const people = [
      applicant(1, '乙校', 'B', 100),
      applicant(2, '甲校', 'B', 100),
      applicant(3, '丙校', 'A', 112),
      applicant(4, '丁校', 'D', 60, ['key_monitoring']),
      applicant(5, '戊校', 'C', 85, ['white']),
      applicant(6, '己校', 'B', 105),
      applicant(7, '甲校', 'B', 100),
      applicant(8, '庚校', 'A', 125, ['red']),
      applicant(9, '辛校', 'D', 75),
      applicant(10, '壬校', 'C', 90, ['key_supervision']),
      applicant(11, '癸校', 'C', 82),
    ];
    const order = rankByCredit(people).map((p) => p.id);
    // 庚 (red, A) and 戊 (white, C) first; 丙 A; 己 B 105; the three B 100 by name (乙 U+4E59 before
    // 甲 U+7532) and the two 甲 by id; C: 癸 allowed before 壬 flagged though 壬 scores more; 辛 D;
    // 丁 refused.
    expect(order).toEqual([8, 5, 3, 6, 1, 2, 7, 11, 10, 9, 4]);
    expect(people.map((p) => p.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('ranks a refused applicant last even when its grade and score are the best', () => {
    const order = rankByCredit([applicant(1, '甲', 'A', 150, ['red', 'black']), applicant(2, '乙', 'D', 40)]).map((p) => p.id);
    expect(order).toEqual([2, 1]);
  });
});

const standing = fc.record({
  grade: fc.constantFrom(...GRADES),
  score: fc.integer({ min: 0, max: 200 }),
  lists: fc.subarray([...LIST_KINDS]),
  // Few names, so ties on everything but the id are common.
  name: fc.constantFrom('甲校', '乙校', '丙校'),
});

const applicants = fc
  .tuple(fc.constantFrom(...DECISION_KINDS), fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 30 }), fc.array(standing, { minLength: 30, maxLength: 30 }))
  .map(([action, ids, ss]) => ids.map((id, i) => applicant(id, ss[i]!.name, ss[i]!.grade, ss[i]!.score, ss[i]!.lists, action)));

const sign = (n: number): number => (n > 0 ? 1 : n < 0 ? -1 : 0);

describe('the credit order (properties)', () => {
  it('is a total order: antisymmetric, transitive, and equal only for the same applicant', () => {
    fc.assert(
      fc.property(applicants, (xs) => {
        for (const a of xs) {
          for (const b of xs) {
            expect(sign(compareByCredit(a, b)) + sign(compareByCredit(b, a))).toBe(0);
            expect(compareByCredit(a, b) === 0).toBe(a.id === b.id);
            for (const c of xs) if (compareByCredit(a, b) < 0 && compareByCredit(b, c) < 0) expect(compareByCredit(a, c)).toBeLessThan(0);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('does not depend on the order the applicants come in', () => {
    fc.assert(
      fc.property(
        applicants.chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }))),
        ([xs, shuffled]) => {
          expect(rankByCredit(shuffled).map((a) => a.id)).toEqual(rankByCredit(xs).map((a) => a.id));
        },
      ),
    );
  });

  it('never ranks a refused applicant above one that may be granted', () => {
    fc.assert(
      fc.property(applicants, (xs) => {
        const ranked = rankByCredit(xs);
        const firstRefused = ranked.findIndex((a) => a.verdict === 'refused');
        if (firstRefused >= 0) expect(ranked.slice(firstRefused).every((a) => a.verdict === 'refused')).toBe(true);
      }),
    );
  });

  it('never ranks a restricted applicant above an unrestricted one of the same grade and the same list preference', () => {
    fc.assert(
      fc.property(applicants, (xs) => {
        const ranked = rankByCredit(xs);
        ranked.forEach((a, i) => {
          for (const b of ranked.slice(i + 1)) {
            const sameFooting = a.grade === b.grade && a.preferred === b.preferred;
            if (sameFooting && b.verdict === 'allowed') expect(a.verdict).toBe('allowed');
          }
        });
      }),
    );
  });

  it('puts every preferred (red or white list) applicant that may be granted above every other that may be', () => {
    fc.assert(
      fc.property(applicants, (xs) => {
        const open = rankByCredit(xs).filter((a) => a.verdict !== 'refused');
        const lastPreferred = open.map((a) => a.preferred).lastIndexOf(true);
        expect(open.slice(0, lastPreferred + 1).every((a) => a.preferred)).toBe(true);
      }),
    );
  });

  it('among unrestricted applicants without list preference, a better grade or a higher score of the same grade comes first', () => {
    fc.assert(
      fc.property(applicants, (xs) => {
        const plain = rankByCredit(xs).filter((a) => a.verdict === 'allowed' && !a.preferred);
        for (let i = 1; i < plain.length; i++) {
          const [a, b] = [plain[i - 1]!, plain[i]!];
          expect(GRADES.indexOf(a.grade)).toBeLessThanOrEqual(GRADES.indexOf(b.grade));
          if (a.grade === b.grade) expect(a.score).toBeGreaterThanOrEqual(b.score);
        }
      }),
    );
  });
});
