// 年度报告 of private schools and training institutions (core): one current report per institution
// and year; a correction is a new row that supersedes the current one, which stays as history.
import type { z } from 'zod';
import { AppError } from '../../../shared/api/errors';
import { annualReportContent, type AnnualReportView, type CONCLUSIONS } from '../../../shared/api/routes/institutions';
import type { Raw } from '../db/open';
import { institutionBrief } from './registry';

type Content = z.output<typeof annualReportContent>;

export interface ReportInput {
  submittedOn: string;
  content: Content;
  conclusion: (typeof CONCLUSIONS)[number];
}

interface Row {
  id: number;
  institutionId: number;
  year: number;
  submittedOn: string;
  content: string;
  conclusion: AnnualReportView['conclusion'];
  supersedesId: number | null;
  supersededById: number | null;
  createdByName: string;
  createdAt: string;
}

const SELECT = `SELECT r.id, r.institution_id AS institutionId, r.year, r.submitted_on AS submittedOn, r.content, r.conclusion,
  r.supersedes_id AS supersedesId, s.id AS supersededById, u.display_name AS createdByName, r.created_at AS createdAt
  FROM annual_reports r LEFT JOIN annual_reports s ON s.supersedes_id = r.id JOIN users u ON u.id = r.created_by`;

/** The stored JSON is the checked figures, plus the reason when the row corrects another. */
function toView(row: Row): AnnualReportView {
  const stored = JSON.parse(row.content) as Content & { correctionReason?: string };
  const { correctionReason, ...content } = stored;
  return { ...row, content: annualReportContent.parse(content), correctionReason: correctionReason ?? null };
}

export function getReport(raw: Raw, id: number): AnnualReportView {
  const row = raw.prepare(`${SELECT} WHERE r.id = ?`).get(id) as Row | undefined;
  if (!row) throw new AppError('NOT_FOUND', undefined, `annual report ${id}`);
  return toView(row);
}

/** Per year, newest first: the current report and the versions it replaced, newest first. */
export function listReports(raw: Raw, institutionId: number): { year: number; current: AnnualReportView; history: AnnualReportView[] }[] {
  institutionBrief(raw, institutionId);
  const all = (raw.prepare(`${SELECT} WHERE r.institution_id = ? ORDER BY r.year DESC, r.id DESC`).all(institutionId) as Row[]).map(toView);
  const out: { year: number; current: AnnualReportView; history: AnnualReportView[] }[] = [];
  for (const current of all.filter((r) => r.supersededById === null)) {
    const history: AnnualReportView[] = [];
    for (let prev = current.supersedesId; prev !== null; ) {
      const p = all.find((r) => r.id === prev)!;
      history.push(p);
      prev = p.supersedesId;
    }
    out.push({ year: current.year, current, history });
  }
  return out;
}

function checkDates(input: ReportInput, year: number, todayIso: string): void {
  if (input.submittedOn > todayIso) throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'submittedOn', message: 'dateInFuture' }]);
  if (Number(input.submittedOn.slice(0, 4)) < year) throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'submittedOn', message: 'beforeYear' }]);
}

function insert(raw: Raw, r: { institutionId: number; year: number; input: ReportInput; supersedesId: number | null; reason: string | null; by: number; nowIso: string }): number {
  const content = r.reason === null ? r.input.content : { ...r.input.content, correctionReason: r.reason };
  return Number(
    raw
      .prepare('INSERT INTO annual_reports (institution_id, year, submitted_on, content, conclusion, supersedes_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(r.institutionId, r.year, r.input.submittedOn, JSON.stringify(content), r.input.conclusion, r.supersedesId, r.by, r.nowIso).lastInsertRowid,
  );
}

/** Public schools report through their own channels: the 年度报告 here is for private schools and training institutions. */
export function submitReport(raw: Raw, institutionId: number, year: number, input: ReportInput, by: number, todayIso: string, nowIso: string): number {
  const inst = institutionBrief(raw, institutionId);
  if (inst.kind === 'public_school') throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'institutionId', message: 'reportKind' }]);
  if (year > Number(todayIso.slice(0, 4))) throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'year', message: 'yearInFuture' }]);
  checkDates(input, year, todayIso);
  const existing = raw.prepare('SELECT id FROM annual_reports WHERE institution_id = ? AND year = ? LIMIT 1').get(institutionId, year) as { id: number } | undefined;
  if (existing) throw new AppError('CONFLICT', { what: `${inst.name} ${year}` });
  return insert(raw, { institutionId, year, input, supersedesId: null, reason: null, by, nowIso });
}

export function correctReport(raw: Raw, reportId: number, input: ReportInput, reason: string, by: number, todayIso: string, nowIso: string): { id: number; old: AnnualReportView } {
  const old = getReport(raw, reportId);
  if (old.supersededById !== null) throw new AppError('RECORD_NOT_CHANGEABLE');
  checkDates(input, old.year, todayIso);
  return { id: insert(raw, { institutionId: old.institutionId, year: old.year, input, supersedesId: old.id, reason, by, nowIso }), old };
}
