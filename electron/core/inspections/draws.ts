// The double-random draw (core): the pool it draws from today (active institutions of the chosen
// kinds and grids with their live grades, and the active inspectors), the draw itself
// (shared/domain/draw.ts), its record — seed, rules version, pool and result, so anyone can re-run
// it — and the planned inspections it makes.
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../../shared/api/errors';
import { drawFilter, type DrawSummary, type DrawView } from '../../../shared/api/routes/inspections';
import { GRADES, type Grade } from '../../../shared/domain/creditRules';
import { drawDoubleRandom, type DrawnTarget } from '../../../shared/domain/draw';
import { CURRENT_RULES, rulesOf } from '../../../shared/domain/grading';
import type { InstitutionKind } from '../../../shared/domain/supervision';
import type { Raw } from '../db/open';
import { gradeInstitutions } from '../grading/institutions';
import { inspectorPool, peopleByIds } from './people';
import { notNow } from './refusals';

export type DrawFilter = z.infer<typeof drawFilter>;

export interface DrawParams {
  filter: DrawFilter;
  count: number;
  inspectorsPerTarget: number;
}

/** What the draws row keeps in `pool`: enough to draw again without the live data. */
const storedPool = z.object({
  filter: drawFilter,
  count: z.number().int(),
  inspectorsPerTarget: z.number().int(),
  candidates: z.array(z.object({ id: z.number().int(), grade: z.enum(GRADES), weight: z.number().int() })),
  inspectors: z.array(z.number().int()),
});
type StoredPool = z.infer<typeof storedPool>;

const storedResult = z.object({
  targets: z.array(z.object({ id: z.number().int(), grade: z.enum(GRADES), weight: z.number().int(), inspectors: z.array(z.number().int()) })),
});

/** Seeds the core picks: nine digits at most, short enough to read aloud and type back. */
const PICKED_SEED_LIMIT = 1_000_000_000;

export function pickSeed(): number {
  return randomInt(PICKED_SEED_LIMIT);
}

/** Active institutions matching the filter, graded today, and the active inspectors: what a draw made now draws from. */
export function poolToday(raw: Raw, today: string, params: DrawParams): StoredPool {
  const where = ["status = 'active'"];
  const args: string[] = [];
  if (params.filter.kinds.length > 0) {
    where.push(`kind IN (${params.filter.kinds.map(() => '?').join(',')})`);
    args.push(...params.filter.kinds);
  }
  if (params.filter.grids.length > 0) {
    where.push(`grid IN (${params.filter.grids.map(() => '?').join(',')})`);
    args.push(...params.filter.grids);
  }
  const ids = (raw.prepare(`SELECT id FROM institutions WHERE ${where.join(' AND ')} ORDER BY id`).all(...args) as { id: number }[]).map((r) => r.id);
  const grades = gradeInstitutions(raw, today, ids);
  return {
    filter: params.filter,
    count: params.count,
    inspectorsPerTarget: params.inspectorsPerTarget,
    candidates: ids.map((id) => {
      const grade = grades.get(id)!.grade;
      return { id, grade, weight: CURRENT_RULES.drawWeight[grade] };
    }),
    inspectors: inspectorPool(raw).map((p) => p.id),
  };
}

function run(pool: StoredPool, seed: number, weights: Record<Grade, number>): DrawnTarget[] {
  const outcome = drawDoubleRandom({ seed, candidates: pool.candidates, inspectors: pool.inspectors, count: pool.count, inspectorsPerTarget: pool.inspectorsPerTarget, weights });
  if (!outcome.ok) {
    throw new AppError(outcome.shortOf === 'targets' ? 'DRAW_TOO_FEW_TARGETS' : 'DRAW_TOO_FEW_INSPECTORS', { available: outcome.available, wanted: outcome.wanted });
  }
  return outcome.targets;
}

/** The draw in words: names for the ids, and the size of the pool by grade. */
function viewOf(raw: Raw, pool: StoredPool, seed: number, rulesVersion: number, targets: readonly DrawnTarget[]): DrawView {
  const ids = targets.map((t) => t.id);
  const institutions = new Map(
    (
      raw.prepare(`SELECT id, name, uscc, kind, grid FROM institutions WHERE id IN (${ids.join(',') || 'NULL'})`).all() as {
        id: number;
        name: string;
        uscc: string;
        kind: InstitutionKind;
        grid: string;
      }[]
    ).map((i) => [i.id, i]),
  );
  const people = peopleByIds(raw, targets.flatMap((t) => t.inspectors));
  const poolByGrade = Object.fromEntries(GRADES.map((g) => [g, pool.candidates.filter((c) => c.grade === g).length])) as Record<Grade, number>;
  return {
    seed,
    rulesVersion,
    filter: pool.filter,
    count: pool.count,
    inspectorsPerTarget: pool.inspectorsPerTarget,
    poolSize: pool.candidates.length,
    poolByGrade,
    inspectorPool: pool.inspectors.length,
    targets: targets.map((t) => {
      const i = institutions.get(t.id)!;
      return {
        institutionId: t.id,
        name: i.name,
        uscc: i.uscc,
        kind: i.kind,
        grid: i.grid,
        grade: t.grade,
        weight: t.weight,
        inspectors: t.inspectors.map((id) => people.get(id) ?? { id, displayName: `#${id}`, username: '' }),
      };
    }),
  };
}

export function previewDraw(raw: Raw, today: string, params: DrawParams, seed: number): DrawView {
  const pool = poolToday(raw, today, params);
  return viewOf(raw, pool, seed, CURRENT_RULES.version, run(pool, seed, CURRENT_RULES.drawWeight));
}

/**
 * Draws for a spot-check plan and records it: the draws row, then one planned inspection per
 * target, due by the end of the plan's period.
 */
export function recordDraw(
  raw: Raw,
  today: string,
  now: string,
  userId: number,
  plan: { id: number; kind: string; periodTo: string },
  params: DrawParams,
  seed: number,
): DrawView & { drawId: number; planId: number; inspectionIds: number[] } {
  const planId = plan.id;
  if (plan.kind === 'routine') throw notNow('日常检查计划不做抽取，请在抽查计划下抽取', 'a routine plan is not drawn; draw under a spot-check plan');
  if (plan.periodTo < today) throw notNow(`计划期已于 ${plan.periodTo} 结束`, `the plan's period ended on ${plan.periodTo}`);
  const pool = poolToday(raw, today, params);
  const targets = run(pool, seed, CURRENT_RULES.drawWeight);
  const drawId = Number(
    raw
      .prepare('INSERT INTO draws (plan_id, seed, rules_version, pool, result, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(planId, String(seed), CURRENT_RULES.version, JSON.stringify(pool), JSON.stringify({ targets }), userId, now).lastInsertRowid,
  );
  const insert = raw.prepare("INSERT INTO inspections (plan_id, draw_id, institution_id, inspectors, due_on, state, created_at) VALUES (?, ?, ?, ?, ?, 'planned', ?)");
  const inspectionIds = targets.map((t) => Number(insert.run(planId, drawId, t.id, JSON.stringify(t.inspectors), plan.periodTo, now).lastInsertRowid));
  return { ...viewOf(raw, pool, seed, CURRENT_RULES.version, targets), drawId, planId, inspectionIds };
}

interface DrawRow {
  id: number;
  planId: number;
  seed: string;
  rulesVersion: number;
  pool: string;
  result: string;
  createdAt: string;
  createdBy: string;
}

const DRAW_SQL = `SELECT d.id, d.plan_id AS planId, d.seed, d.rules_version AS rulesVersion, d.pool, d.result, d.created_at AS createdAt, u.display_name AS createdBy
  FROM draws d JOIN users u ON u.id = d.created_by`;

function summaryOf(d: DrawRow, pool: StoredPool): DrawSummary {
  return {
    id: d.id,
    planId: d.planId,
    seed: Number(d.seed),
    rulesVersion: d.rulesVersion,
    filter: pool.filter,
    count: pool.count,
    inspectorsPerTarget: pool.inspectorsPerTarget,
    poolSize: pool.candidates.length,
    inspectorPool: pool.inspectors.length,
    createdAt: d.createdAt,
    createdBy: d.createdBy,
  };
}

export function drawSummaries(raw: Raw): DrawSummary[] {
  return (raw.prepare(`${DRAW_SQL} ORDER BY d.id`).all() as DrawRow[]).map((d) => summaryOf(d, storedPool.parse(JSON.parse(d.pool))));
}

/**
 * A recorded draw re-run from its own record: its seed over its recorded pool, under the rules
 * version it was made with. `reproduced` says whether that draws exactly what was recorded.
 */
export function verifyDraw(raw: Raw, drawId: number): { draw: DrawSummary; result: DrawView; reproduced: boolean } {
  const d = raw.prepare(`${DRAW_SQL} WHERE d.id = ?`).get(drawId) as DrawRow | undefined;
  if (!d) throw new AppError('NOT_FOUND', undefined, `draw ${drawId}`);
  const pool = storedPool.parse(JSON.parse(d.pool));
  const recorded = storedResult.parse(JSON.parse(d.result)).targets;
  const rules = rulesOf(d.rulesVersion);
  if (!rules) throw new AppError('NOT_FOUND', undefined, `grading rules v${d.rulesVersion}`);
  const again = run(pool, Number(d.seed), rules.drawWeight);
  return { draw: summaryOf(d, pool), result: viewOf(raw, pool, Number(d.seed), d.rulesVersion, recorded), reproduced: JSON.stringify(again) === JSON.stringify(recorded) };
}
