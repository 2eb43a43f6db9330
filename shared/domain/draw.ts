// The "double random" draw of 检查抽查 (双随机: random targets, random inspectors), reproducible
// from a seed. Pure: the same seed over the same pool draws the same on any machine, because every
// step is integer arithmetic on a fixed generator (xoroshiro128+ from pure-rand) over candidates and
// inspectors in id order. Targets are weighted by grade (GradingRules.drawWeight); the inspectors of
// each target are distinct and spread evenly over the pool.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import type { Grade } from './creditRules';

/** Seeds people can type and read aloud: any non-negative safe integer. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

export interface DrawCandidate {
  id: number;
  grade: Grade;
}

export interface DrawRequest {
  seed: number;
  candidates: readonly DrawCandidate[];
  inspectors: readonly number[];
  count: number;
  inspectorsPerTarget: number;
  /** Relative chance of each grade: positive integers, so the draw never depends on float rounding. */
  weights: Record<Grade, number>;
}

export interface DrawnTarget {
  id: number;
  grade: Grade;
  weight: number;
  /** Distinct inspector ids, in the order drawn. */
  inspectors: number[];
}

export type DrawOutcome =
  | { ok: true; targets: DrawnTarget[] }
  | { ok: false; shortOf: 'targets' | 'inspectors'; available: number; wanted: number };

const MASK64 = (1n << 64n) - 1n;

/**
 * SplitMix64, the seeding the xoroshiro authors recommend: neighbouring seeds (1, 2, 3…) give
 * unrelated states, where xoroshiro128plus(seed) alone starts from states that differ in a few bits
 * and whose first outputs are visibly alike.
 */
function splitMix64(seed: bigint): () => bigint {
  let state = seed & MASK64;
  return () => {
    state = (state + 0x9e3779b97f4a7c15n) & MASK64;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    return z ^ (z >> 31n);
  };
}

/** The generator of one draw. Two SplitMix64 outputs are never both zero, so the state is valid. */
export function drawRng(seed: number): RandomGenerator {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative safe integer, not ${seed}`);
  const next = splitMix64(BigInt(seed));
  const a = next();
  const b = next();
  const word = (x: bigint, shift: bigint): number => Number(BigInt.asIntN(32, x >> shift));
  return xoroshiro128plusFromState([word(a, 32n), word(a, 0n), word(b, 32n), word(b, 0n)]);
}

function sortedUnique<T>(items: readonly T[], id: (t: T) => number, what: string): T[] {
  const sorted = [...items].sort((x, y) => id(x) - id(y));
  for (let i = 1; i < sorted.length; i++) if (id(sorted[i]!) === id(sorted[i - 1]!)) throw new RangeError(`${what} ${id(sorted[i]!)} appears twice`);
  return sorted;
}

/**
 * Draws `count` targets without replacement, each pick with chance weight / (weight left in the
 * pool) — successive sampling, the same law as Efraimidis–Spirakis keys u^(1/w) — and then, for
 * each target in the order drawn, `inspectorsPerTarget` distinct inspectors: each slot goes to one
 * of those with the fewest assignments so far in this draw, chosen uniformly.
 */
export function drawDoubleRandom(req: DrawRequest): DrawOutcome {
  for (const [grade, w] of Object.entries(req.weights)) {
    if (!Number.isSafeInteger(w) || w < 1) throw new RangeError(`draw weight of ${grade} must be a positive integer, not ${w}`);
  }
  if (!Number.isSafeInteger(req.count) || req.count < 1) throw new RangeError(`count must be a positive integer, not ${req.count}`);
  if (!Number.isSafeInteger(req.inspectorsPerTarget) || req.inspectorsPerTarget < 1) throw new RangeError(`inspectorsPerTarget must be a positive integer, not ${req.inspectorsPerTarget}`);
  const candidates = sortedUnique(req.candidates, (c) => c.id, 'candidate');
  const inspectors = sortedUnique(req.inspectors, (i) => i, 'inspector');
  if (candidates.length < req.count) return { ok: false, shortOf: 'targets', available: candidates.length, wanted: req.count };
  if (inspectors.length < req.inspectorsPerTarget) return { ok: false, shortOf: 'inspectors', available: inspectors.length, wanted: req.inspectorsPerTarget };

  const rng = drawRng(req.seed);
  const left = candidates.map((c) => ({ ...c, weight: req.weights[c.grade] }));
  let total = left.reduce((s, c) => s + c.weight, 0);
  const picked: { id: number; grade: Grade; weight: number }[] = [];
  for (let n = 0; n < req.count; n++) {
    let x = uniformInt(rng, 0, total - 1);
    let i = 0;
    while (x >= left[i]!.weight) x -= left[i++]!.weight;
    const [c] = left.splice(i, 1);
    total -= c!.weight;
    picked.push(c!);
  }

  const load = new Map(inspectors.map((id) => [id, 0]));
  const targets: DrawnTarget[] = picked.map((c) => {
    const chosen: number[] = [];
    for (let slot = 0; slot < req.inspectorsPerTarget; slot++) {
      const free = inspectors.filter((id) => !chosen.includes(id));
      const least = Math.min(...free.map((id) => load.get(id)!));
      const eligible = free.filter((id) => load.get(id) === least);
      const id = eligible[uniformInt(rng, 0, eligible.length - 1)]!;
      chosen.push(id);
      load.set(id, least + 1);
    }
    return { id: c.id, grade: c.grade, weight: c.weight, inspectors: chosen };
  });
  return { ok: true, targets };
}
