// The double-random draw (shared/domain/draw.ts) on fixed pools: reproducible from its seed, weighted
// by grade, without duplicates, with distinct inspectors spread evenly.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Grade } from '../../shared/domain/creditRules';
import { drawDoubleRandom, type DrawCandidate, type DrawnTarget } from '../../shared/domain/draw';
import { CURRENT_RULES } from '../../shared/domain/grading';

const GRADE_CYCLE: readonly Grade[] = ['A', 'B', 'C', 'D'];
/** 40 candidates, ten of each grade, with gaps in their ids. */
const POOL: DrawCandidate[] = Array.from({ length: 40 }, (_, i) => ({ id: 3 * i + 1, grade: GRADE_CYCLE[i % 4]! }));
const INSPECTORS = [11, 12, 15, 20, 21];
const WEIGHTS = CURRENT_RULES.drawWeight;

function draw(seed: number, over: Partial<Parameters<typeof drawDoubleRandom>[0]> = {}): DrawnTarget[] {
  const r = drawDoubleRandom({ seed, candidates: POOL, inspectors: INSPECTORS, count: 6, inspectorsPerTarget: 2, weights: WEIGHTS, ...over });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.targets;
}

describe('the double-random draw', () => {
  it('draws the same for the same seed, and this exact draw for seed 20260315 on any machine', () => {
    expect(draw(20260315)).toEqual(draw(20260315));
    // Pinned: a change of generator, seeding or algorithm would silently change every recorded draw.
    expect(draw(20260315).map((t) => [t.id, t.inspectors])).toEqual([[43, [20, 11]], [73, [12, 15]], [46, [21, 11]], [70, [21, 20]], [112, [15, 12]], [55, [11, 20]]]);
  });

  it('draws differently for another seed', () => {
    const first = JSON.stringify(draw(1));
    const others = [2, 3, 4, 5, 6, 7, 8, 9].map((s) => JSON.stringify(draw(s)));
    for (const o of others) expect(o).not.toBe(first);
  });

  it('does not depend on the order the pool is given in', () => {
    const shuffled = [...POOL].reverse();
    expect(draw(99, { candidates: shuffled, inspectors: [...INSPECTORS].reverse() })).toEqual(draw(99));
  });

  it('draws D targets clearly more often than A targets, about in proportion to their weight', () => {
    const hits: Record<Grade, number> = { A: 0, B: 0, C: 0, D: 0 };
    for (let seed = 0; seed < 2000; seed++) for (const t of draw(seed, { count: 3 })) hits[t.grade] += 1;
    // With 3 of 40 drawn, the first pick alone is D with chance 8/15 and A with 1/15.
    expect(hits.D).toBeGreaterThan(4 * hits.A);
    expect(hits.D).toBeGreaterThan(hits.C);
    expect(hits.C).toBeGreaterThan(hits.B);
    expect(hits.B).toBeGreaterThan(hits.A);
    expect(hits.A).toBeGreaterThan(0);
  });

  it('weighs every target with its grade\'s weight', () => {
    for (const t of draw(5)) expect(t.weight).toBe(WEIGHTS[t.grade]);
  });

  it('never draws a target twice, and gives each target distinct inspectors spread evenly', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 5 }), (seed, count, per) => {
        const targets = draw(seed, { count, inspectorsPerTarget: per });
        expect(targets).toHaveLength(count);
        expect(new Set(targets.map((t) => t.id)).size).toBe(count);
        const load = new Map(INSPECTORS.map((i) => [i, 0]));
        for (const t of targets) {
          expect(POOL.some((c) => c.id === t.id && c.grade === t.grade)).toBe(true);
          expect(t.inspectors).toHaveLength(per);
          expect(new Set(t.inspectors).size).toBe(per);
          for (const i of t.inspectors) load.set(i, load.get(i)! + 1);
        }
        const loads = [...load.values()];
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('draws the whole pool when asked for all of it', () => {
    expect(draw(3, { count: 40 }).map((t) => t.id).sort((a, b) => a - b)).toEqual(POOL.map((c) => c.id));
  });

  it('says what is short when the pool is too small', () => {
    expect(drawDoubleRandom({ seed: 1, candidates: POOL, inspectors: INSPECTORS, count: 41, inspectorsPerTarget: 2, weights: WEIGHTS })).toEqual({ ok: false, shortOf: 'targets', available: 40, wanted: 41 });
    expect(drawDoubleRandom({ seed: 1, candidates: POOL, inspectors: [11], count: 2, inspectorsPerTarget: 2, weights: WEIGHTS })).toEqual({ ok: false, shortOf: 'inspectors', available: 1, wanted: 2 });
  });

  it('refuses a seed that is not a non-negative safe integer, duplicate ids and weights that are not positive integers', () => {
    expect(() => draw(-1)).toThrow(RangeError);
    expect(() => draw(1.5)).toThrow(RangeError);
    expect(() => draw(2 ** 53)).toThrow(RangeError);
    expect(() => draw(1, { candidates: [...POOL, POOL[0]!] })).toThrow(/twice/);
    expect(() => draw(1, { weights: { ...WEIGHTS, A: 0.5 } })).toThrow(RangeError);
    expect(draw(Number.MAX_SAFE_INTEGER)).toHaveLength(6);
    expect(draw(0)).toHaveLength(6);
  });
});
