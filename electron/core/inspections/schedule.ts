// The routine schedule (core): each active institution is inspected every
// CURRENT_RULES.inspectionMonths[grade] months, counted from its last done inspection or, never
// inspected, from the day it was registered. Lists those due within the horizon or overdue.
import dayjs from 'dayjs';
import type { ScheduleRow } from '../../../shared/api/routes/inspections';
import type { Grade } from '../../../shared/domain/creditRules';
import { CURRENT_RULES } from '../../../shared/domain/grading';
import type { InstitutionKind } from '../../../shared/domain/supervision';
import type { Raw } from '../db/open';
import { gradeInstitutions } from '../grading/institutions';

export function schedule(raw: Raw, today: string, horizonDays: number, kinds: readonly InstitutionKind[]): { asOf: string; rulesVersion: number; months: Record<Grade, number>; rows: ScheduleRow[] } {
  const where = kinds.length > 0 ? ` AND kind IN (${kinds.map(() => '?').join(',')})` : '';
  const institutions = raw
    .prepare(`SELECT id, created_at AS createdAt FROM institutions WHERE status = 'active'${where} ORDER BY id`)
    .all(...kinds) as { id: number; createdAt: string }[];
  const lastDone = new Map(
    (raw.prepare("SELECT institution_id AS id, max(done_on) AS doneOn FROM inspections WHERE state = 'done' GROUP BY institution_id").all() as { id: number; doneOn: string }[]).map((r) => [r.id, r.doneOn]),
  );
  const planned = new Map<number, { id: number; dueOn: string }>();
  for (const p of raw.prepare("SELECT institution_id AS institutionId, id, due_on AS dueOn FROM inspections WHERE state = 'planned' ORDER BY due_on, id").all() as { institutionId: number; id: number; dueOn: string }[]) {
    if (!planned.has(p.institutionId)) planned.set(p.institutionId, { id: p.id, dueOn: p.dueOn });
  }
  const grades = gradeInstitutions(raw, today, institutions.map((i) => i.id));
  const horizon = dayjs(today).add(horizonDays, 'day').format('YYYY-MM-DD');
  const rows: ScheduleRow[] = [];
  for (const i of institutions) {
    const g = grades.get(i.id)!;
    const months = CURRENT_RULES.inspectionMonths[g.grade];
    const done = lastDone.get(i.id);
    // The local day of registration: the ISO instant's first ten characters are the UTC day.
    const since = done ?? dayjs(i.createdAt).format('YYYY-MM-DD');
    const nextDueOn = dayjs(since).add(months, 'month').format('YYYY-MM-DD');
    if (nextDueOn > horizon) continue;
    rows.push({
      institutionId: i.id,
      name: g.name,
      uscc: g.uscc,
      kind: g.kind,
      grade: g.grade,
      months,
      since,
      sinceKind: done ? 'inspection' : 'registered',
      nextDueOn,
      status: nextDueOn < today ? 'overdue' : 'due',
      planned: planned.get(i.id) ?? null,
    });
  }
  rows.sort((a, b) => a.nextDueOn.localeCompare(b.nextDueOn) || a.institutionId - b.institutionId);
  return { asOf: today, rulesVersion: CURRENT_RULES.version, months: CURRENT_RULES.inspectionMonths, rows };
}
