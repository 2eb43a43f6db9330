// Inspections (core): planned by a draw or by hand, then done with a result — which becomes a
// credit record in the institution's file (I-INS1/2/3, source `inspection:<id>`) — or cancelled
// with a reason. An inspector records only the inspections they are one of the inspectors of.
import { AppError } from '../../../shared/api/errors';
import { RESULT_ITEM, type InspectionResult, type InspectionView } from '../../../shared/api/routes/inspections';
import type { Grade } from '../../../shared/domain/creditRules';
import type { Role } from '../../../shared/domain/roles';
import type { InstitutionKind } from '../../../shared/domain/supervision';
import type { Installation } from '../app/installation';
import { addBureauRecord } from '../credit/bureauRecords';
import type { Raw } from '../db/open';
import { gradeInstitutions } from '../grading/institutions';
import { inspectorPool, peopleByIds } from './people';
import { planRow } from './plans';
import { badField, notNow } from './refusals';

interface Row {
  id: number;
  planId: number | null;
  planTitle: string | null;
  drawId: number | null;
  institutionId: number;
  institutionName: string;
  uscc: string;
  kind: InstitutionKind;
  inspectors: string;
  dueOn: string;
  state: InspectionView['state'];
  doneOn: string | null;
  result: InspectionResult | null;
  findings: string | null;
  recordId: number | null;
  recordedBy: string | null;
  createdAt: string;
}

const ROW_SQL = `SELECT i.id, i.plan_id AS planId, p.title AS planTitle, i.draw_id AS drawId, i.institution_id AS institutionId,
    n.name AS institutionName, n.uscc, n.kind, i.inspectors, i.due_on AS dueOn, i.state, i.done_on AS doneOn, i.result,
    i.findings, i.record_id AS recordId, u.display_name AS recordedBy, i.created_at AS createdAt
  FROM inspections i JOIN institutions n ON n.id = i.institution_id
  LEFT JOIN inspection_plans p ON p.id = i.plan_id
  LEFT JOIN users u ON u.id = i.recorded_by`;

function inspectorIds(row: { inspectors: string }): number[] {
  return JSON.parse(row.inspectors) as number[];
}

function views(raw: Raw, today: string, rows: readonly Row[]): InspectionView[] {
  const grades = gradeInstitutions(raw, today, [...new Set(rows.map((r) => r.institutionId))]);
  const people = peopleByIds(raw, rows.flatMap(inspectorIds));
  return rows.map(({ inspectors, findings, ...r }) => ({
    ...r,
    grade: grades.get(r.institutionId)!.grade,
    inspectors: (JSON.parse(inspectors) as number[]).map((id) => people.get(id) ?? { id, displayName: `#${id}`, username: '' }),
    overdue: r.state === 'planned' && r.dueOn < today,
    // One column holds what was written at the end: the findings of a done inspection, the reason of a cancelled one.
    findings: r.state === 'done' ? findings : null,
    cancelReason: r.state === 'cancelled' ? findings : null,
  }));
}

function row(raw: Raw, id: number): Row {
  const r = raw.prepare(`${ROW_SQL} WHERE i.id = ?`).get(id) as Row | undefined;
  if (!r) throw new AppError('NOT_FOUND', undefined, `inspection ${id}`);
  return r;
}

export function inspectionView(raw: Raw, today: string, id: number): InspectionView {
  return views(raw, today, [row(raw, id)])[0]!;
}

export interface InspectionFilter {
  state?: InspectionView['state'] | undefined;
  planId?: number | undefined;
  institutionId?: number | undefined;
  overdue?: boolean | undefined;
  /** Only the inspections this user is one of the inspectors of. */
  inspectorId?: number | undefined;
  offset: number;
  limit: number;
}

/** Planned first (soonest due first), then done and cancelled. */
export function listInspections(raw: Raw, today: string, f: InspectionFilter): { total: number; rows: InspectionView[] } {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (f.state) {
    where.push('i.state = ?');
    args.push(f.state);
  }
  if (f.planId !== undefined) {
    where.push('i.plan_id = ?');
    args.push(f.planId);
  }
  if (f.institutionId !== undefined) {
    where.push('i.institution_id = ?');
    args.push(f.institutionId);
  }
  if (f.overdue !== undefined) {
    where.push(f.overdue ? "(i.state = 'planned' AND i.due_on < ?)" : "NOT (i.state = 'planned' AND i.due_on < ?)");
    args.push(today);
  }
  if (f.inspectorId !== undefined) {
    where.push('EXISTS (SELECT 1 FROM json_each(i.inspectors) WHERE value = ?)');
    args.push(f.inspectorId);
  }
  const clause = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '';
  const total = (raw.prepare(`SELECT count(*) AS n FROM inspections i${clause}`).get(...args) as { n: number }).n;
  const rows = raw
    .prepare(`${ROW_SQL}${clause} ORDER BY CASE i.state WHEN 'planned' THEN 0 WHEN 'done' THEN 1 ELSE 2 END, i.due_on, i.id LIMIT ? OFFSET ?`)
    .all(...args, f.limit, f.offset) as Row[];
  return { total, rows: views(raw, today, rows) };
}

export function createInspection(raw: Raw, today: string, now: string, input: { institutionId: number; planId?: number | undefined; inspectorIds: number[]; dueOn: string }): InspectionView {
  const institution = raw.prepare('SELECT status FROM institutions WHERE id = ?').get(input.institutionId) as { status: string } | undefined;
  if (!institution) throw new AppError('NOT_FOUND', undefined, `institution ${input.institutionId}`);
  if (institution.status !== 'active') throw notNow('该机构不在正常办学状态', 'the institution is not active');
  if (input.planId !== undefined) planRow(raw, input.planId);
  if (new Set(input.inspectorIds).size !== input.inspectorIds.length) throw badField('inspectorIds', 'duplicate');
  const pool = new Set(inspectorPool(raw).map((p) => p.id));
  if (input.inspectorIds.some((id) => !pool.has(id))) throw badField('inspectorIds', 'notInspector');
  const id = Number(
    raw
      .prepare("INSERT INTO inspections (plan_id, draw_id, institution_id, inspectors, due_on, state, created_at) VALUES (?, NULL, ?, ?, ?, 'planned', ?)")
      .run(input.planId ?? null, input.institutionId, JSON.stringify(input.inspectorIds), input.dueOn, now).lastInsertRowid,
  );
  return inspectionView(raw, today, id);
}

function gradeOf(raw: Raw, today: string, institutionId: number): Grade {
  return gradeInstitutions(raw, today, [institutionId]).get(institutionId)!.grade;
}

/** The result, recorded once: the inspection is done and its credit record is in the institution's file. */
export function recordInspection(
  inst: Installation,
  today: string,
  by: { userId: number; role: Role },
  input: { id: number; result: InspectionResult; findings: string; doneOn: string },
): { inspection: InspectionView; gradeBefore: Grade; gradeAfter: Grade } {
  const raw = inst.open().raw;
  const r = row(raw, input.id);
  if (by.role !== 'bureau_admin' && !inspectorIds(r).includes(by.userId)) throw new AppError('FORBIDDEN', { route: 'inspections.record' });
  if (r.state !== 'planned') throw notNow(r.state === 'done' ? '该检查已记录结果' : '该检查已取消', r.state === 'done' ? 'the result is already recorded' : 'the inspection was cancelled');
  if (input.doneOn > today) throw badField('doneOn', 'dateInFuture');
  // An inspection of a plan happens within the plan's period: an earlier date would be a backdated
  // record, possibly already past its publicity period and so never counted. (One entered without a
  // plan may record a visit made before it was entered.)
  if (r.planId !== null && input.doneOn < planRow(raw, r.planId).periodFrom) throw badField('doneOn', 'beforePlanPeriod');
  const gradeBefore = gradeOf(raw, today, r.institutionId);
  const recordId = addBureauRecord(inst, {
    subjectKind: r.kind,
    subjectId: r.institutionId,
    code: RESULT_ITEM[input.result],
    occurredOn: input.doneOn,
    description: input.findings,
    authorId: by.userId,
    source: `inspection:${r.id}`,
  });
  raw
    .prepare("UPDATE inspections SET state = 'done', done_on = ?, result = ?, findings = ?, record_id = ?, recorded_by = ? WHERE id = ?")
    .run(input.doneOn, input.result, input.findings, recordId, by.userId, r.id);
  return { inspection: inspectionView(raw, today, r.id), gradeBefore, gradeAfter: gradeOf(raw, today, r.institutionId) };
}

export function cancelInspection(raw: Raw, today: string, id: number, reason: string): InspectionView {
  const r = row(raw, id);
  if (r.state !== 'planned') throw notNow(r.state === 'done' ? '该检查已记录结果' : '该检查已取消', r.state === 'done' ? 'the result is already recorded' : 'the inspection was already cancelled');
  raw.prepare("UPDATE inspections SET state = 'cancelled', findings = ? WHERE id = ?").run(reason, id);
  return inspectionView(raw, today, id);
}
