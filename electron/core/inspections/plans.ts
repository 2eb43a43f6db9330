// Inspection plans (core): a title, a kind (routine, spot, double-random) and a period; each plan
// counts its inspections and lists the draws made for it.
import { AppError } from '../../../shared/api/errors';
import type { PlanView } from '../../../shared/api/routes/inspections';
import type { Raw } from '../db/open';
import { drawSummaries } from './draws';
import { badField } from './refusals';

export type PlanKind = PlanView['kind'];

interface PlanRow {
  id: number;
  title: string;
  kind: PlanKind;
  periodFrom: string;
  periodTo: string;
  createdAt: string;
  createdBy: string;
}

const PLAN_SQL = `SELECT p.id, p.title, p.kind, p.period_from AS periodFrom, p.period_to AS periodTo, p.created_at AS createdAt, u.display_name AS createdBy
  FROM inspection_plans p JOIN users u ON u.id = p.created_by`;

export function planRow(raw: Raw, id: number): PlanRow {
  const p = raw.prepare(`${PLAN_SQL} WHERE p.id = ?`).get(id) as PlanRow | undefined;
  if (!p) throw new AppError('NOT_FOUND', undefined, `inspection plan ${id}`);
  return p;
}

export function listPlans(raw: Raw, today: string): PlanView[] {
  const plans = raw.prepare(`${PLAN_SQL} ORDER BY p.period_from DESC, p.id DESC`).all() as PlanRow[];
  const counts = raw
    .prepare(
      `SELECT plan_id AS planId,
         sum(state = 'planned') AS planned, sum(state = 'done') AS done, sum(state = 'cancelled') AS cancelled,
         sum(state = 'planned' AND due_on < ?) AS overdue
       FROM inspections WHERE plan_id IS NOT NULL GROUP BY plan_id`,
    )
    .all(today) as { planId: number; planned: number; done: number; cancelled: number; overdue: number }[];
  const byPlan = new Map(counts.map((c) => [c.planId, c]));
  const draws = drawSummaries(raw);
  return plans.map((p) => {
    const c = byPlan.get(p.id);
    return {
      ...p,
      counts: { planned: c?.planned ?? 0, done: c?.done ?? 0, cancelled: c?.cancelled ?? 0, overdue: c?.overdue ?? 0 },
      draws: draws.filter((d) => d.planId === p.id),
    };
  });
}

export function createPlan(raw: Raw, input: { title: string; kind: PlanKind; periodFrom: string; periodTo: string }, userId: number, now: string, today: string): PlanView {
  if (input.periodTo < input.periodFrom) throw badField('periodTo', 'endBeforeStart');
  const id = Number(
    raw
      .prepare('INSERT INTO inspection_plans (title, kind, period_from, period_to, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(input.title, input.kind, input.periodFrom, input.periodTo, userId, now).lastInsertRowid,
  );
  return listPlans(raw, today).find((p) => p.id === id)!;
}
