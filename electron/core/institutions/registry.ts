// The bureau's registry of institutions (core): public schools, private schools and training
// institutions in one table. Each row carries its grade and the lists it is on today, from
// grading/institutions.ts; filtering happens in SQL, sorting by score and paging after grading
// (a bureau has hundreds of institutions, so grading the filtered set is cheap).
import type { z } from 'zod';
import { AppError } from '../../../shared/api/errors';
import type { INSTITUTION_SORTS, institutionFields, InstitutionDetail, InstitutionRow } from '../../../shared/api/routes/institutions';
import { checkUscc } from '../../../shared/domain/uscc';
import type { InstitutionKind, InstitutionStatus, ListKind } from '../../../shared/domain/supervision';
import type { Grade } from '../../../shared/domain/creditRules';
import type { Raw } from '../db/open';
import { gradeInstitutions } from '../grading/institutions';
import { containsPattern } from '../registry/sql';
import { INSTITUTION_SUBJECT_KINDS } from './creditFile';

export type InstitutionFields = z.output<typeof institutionFields>;

const SELECT = `SELECT n.id, n.name, n.uscc, n.kind, n.township, n.grid, n.address, n.legal_rep AS legalRep, n.licence_no AS licenceNo,
  n.licence_valid_until AS licenceValidUntil, n.status, n.created_at AS createdAt,
  (SELECT count(*) FROM practitioners p WHERE p.institution_id = n.id AND p.status = 'active') AS practitionerCount
  FROM institutions n`;

type Base = Omit<InstitutionRow, 'grade' | 'score' | 'lists'>;

function withGrades(raw: Raw, rows: Base[], todayIso: string): InstitutionRow[] {
  const grades = gradeInstitutions(raw, todayIso, rows.map((r) => r.id));
  return rows.map((r) => {
    const g = grades.get(r.id)!;
    return { ...r, grade: g.grade, score: g.score, lists: g.lists };
  });
}

export interface InstitutionFilter {
  q?: string | undefined;
  kind?: InstitutionKind | undefined;
  status?: InstitutionStatus | undefined;
  grid?: string | undefined;
  grade?: Grade | undefined;
  list?: ListKind | undefined;
  sort: (typeof INSTITUTION_SORTS)[number];
  dir: 'asc' | 'desc';
  offset: number;
  limit: number;
}

const SORT_KEY: Record<InstitutionFilter['sort'], (r: InstitutionRow) => string | number> = {
  name: (r) => r.name,
  uscc: (r) => r.uscc,
  kind: (r) => r.kind,
  township: (r) => r.township,
  grid: (r) => r.grid,
  score: (r) => r.score,
  // Institutions without a licence sort after every date.
  licenceValidUntil: (r) => r.licenceValidUntil ?? '9999-99-99',
};

export function listInstitutions(raw: Raw, f: InstitutionFilter, todayIso: string): { total: number; rows: InstitutionRow[]; grids: string[] } {
  const where: string[] = [];
  const params: Record<string, string> = {};
  if (f.q) {
    where.push("(n.name LIKE @q ESCAPE '\\' OR n.uscc = @exact OR n.legal_rep LIKE @q ESCAPE '\\')");
    params.q = containsPattern(f.q);
    params.exact = f.q.toUpperCase();
  }
  if (f.kind) {
    where.push('n.kind = @kind');
    params.kind = f.kind;
  }
  if (f.status) {
    where.push('n.status = @status');
    params.status = f.status;
  }
  if (f.grid) {
    where.push('n.grid = @grid');
    params.grid = f.grid;
  }
  // Grades and lists are worked out live, so they filter after the query.
  const rows = withGrades(raw, raw.prepare(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`).all(params) as Base[], todayIso).filter(
    (r) => (!f.grade || r.grade === f.grade) && (!f.list || r.lists.includes(f.list)),
  );
  const key = SORT_KEY[f.sort];
  const sign = f.dir === 'desc' ? -1 : 1;
  rows.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
    return c !== 0 ? sign * c : a.id - b.id;
  });
  const grids = (raw.prepare("SELECT DISTINCT grid FROM institutions WHERE grid <> '' ORDER BY grid").all() as { grid: string }[]).map((g) => g.grid);
  return { total: rows.length, rows: rows.slice(f.offset, f.offset + f.limit), grids };
}

export function getInstitution(raw: Raw, id: number, todayIso: string): InstitutionDetail {
  const base = raw.prepare(`${SELECT} WHERE n.id = ?`).get(id) as Base | undefined;
  if (!base) throw new AppError('NOT_FOUND', undefined, `institution ${id}`);
  const g = gradeInstitutions(raw, todayIso, [id]).get(id)!;
  const count = (sql: string): number => (raw.prepare(sql).get(id) as { n: number }).n;
  return {
    ...base,
    grade: g.grade,
    score: g.score,
    lists: g.lists,
    gradeDetail: { rulesVersion: g.rulesVersion, score: g.score, grade: g.grade, steps: g.steps },
    counts: {
      records: count(`SELECT count(*) AS n FROM credit_records WHERE subject_kind IN ${INSTITUTION_SUBJECT_KINDS} AND subject_id = ?`),
      practitioners: count('SELECT count(*) AS n FROM practitioners WHERE institution_id = ?'),
      annualReports: count('SELECT count(*) AS n FROM annual_reports r WHERE r.institution_id = ? AND NOT EXISTS (SELECT 1 FROM annual_reports s WHERE s.supersedes_id = r.id)'),
      licences: count("SELECT count(*) AS n FROM enforcement_decisions d WHERE d.institution_id = ? AND d.kind = 'licence' AND NOT EXISTS (SELECT 1 FROM enforcement_decisions s WHERE s.supersedes_id = d.id)"),
      penalties: count("SELECT count(*) AS n FROM enforcement_decisions d WHERE d.institution_id = ? AND d.kind = 'penalty' AND NOT EXISTS (SELECT 1 FROM enforcement_decisions s WHERE s.supersedes_id = d.id)"),
    },
  };
}

/** Upper-cased and checked against GB 32100; a duplicate of another institution is a conflict. */
function checkedUscc(raw: Raw, uscc: string, exceptId: number): string {
  const r = checkUscc(uscc);
  if (!r.ok) throw new AppError('INVALID_USCC', { ...r.problem });
  const other = raw.prepare('SELECT name FROM institutions WHERE uscc = ? AND id <> ?').get(r.value, exceptId) as { name: string } | undefined;
  if (other) throw new AppError('CONFLICT', { what: `${r.value}（${other.name}）` });
  return r.value;
}

/** A validity date without a number (or the reverse) is half a licence: both or neither. */
function checkLicence(f: InstitutionFields): void {
  if ((f.licenceNo ? 1 : 0) + (f.licenceValidUntil ? 1 : 0) === 1) {
    throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: f.licenceNo ? 'licenceValidUntil' : 'licenceNo', message: 'licencePair' }]);
  }
}

/** Two bodies of one name are usually one body entered twice: said before a second is made. */
export function refuseSameName(raw: Raw, name: string, exceptId: number | null): void {
  const same = raw.prepare('SELECT name, uscc FROM institutions WHERE name = ? AND id IS NOT ? ORDER BY id').get(name.trim(), exceptId) as { name: string; uscc: string } | undefined;
  if (same) throw new AppError('SAME_NAME_IN_REGISTRY', { name: same.name, uscc: same.uscc });
}

/** `sameName`: made knowing another institution has this name (refuseSameName). */
export function createInstitution(raw: Raw, f: InstitutionFields, nowIso: string, sameName = false): number {
  const uscc = checkedUscc(raw, f.uscc, -1);
  checkLicence(f);
  if (!sameName) refuseSameName(raw, f.name, null);
  return Number(
    raw
      .prepare(
        `INSERT INTO institutions (name, uscc, kind, township, status, grid, address, legal_rep, licence_no, licence_valid_until, created_at)
         VALUES (?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?)`,
      )
      .run(f.name, uscc, f.kind, f.township, f.grid, f.address, f.legalRep, f.licenceNo || null, f.licenceValidUntil, nowIso).lastInsertRowid,
  );
}

export type Changes = Record<string, { from: unknown; to: unknown }>;

/** Writes the fields and returns only those that changed, each with its old and new value. */
export function updateInstitution(raw: Raw, id: number, f: InstitutionFields, todayIso: string, sameName = false): Changes {
  const before = getInstitution(raw, id, todayIso);
  const next = { ...f, uscc: checkedUscc(raw, f.uscc, id), licenceNo: f.licenceNo || null };
  checkLicence(next);
  if (!sameName) refuseSameName(raw, f.name, id);
  const changed: Changes = {};
  for (const k of Object.keys(next) as (keyof InstitutionFields)[]) if (before[k] !== next[k]) changed[k] = { from: before[k], to: next[k] };
  raw
    .prepare('UPDATE institutions SET name = ?, uscc = ?, kind = ?, township = ?, grid = ?, address = ?, legal_rep = ?, licence_no = ?, licence_valid_until = ? WHERE id = ?')
    .run(next.name, next.uscc, next.kind, next.township, next.grid, next.address, next.legalRep, next.licenceNo, next.licenceValidUntil, id);
  return changed;
}

export function setInstitutionStatus(raw: Raw, id: number, status: InstitutionStatus, todayIso: string): Changes {
  const before = getInstitution(raw, id, todayIso);
  if (before.status === status) return {};
  raw.prepare('UPDATE institutions SET status = ? WHERE id = ?').run(status, id);
  return { status: { from: before.status, to: status } };
}

export interface InstitutionBrief {
  id: number;
  name: string;
  uscc: string;
  kind: InstitutionKind;
  legalRep: string;
}

export function institutionBrief(raw: Raw, id: number): InstitutionBrief {
  const row = raw.prepare('SELECT id, name, uscc, kind, legal_rep AS legalRep FROM institutions WHERE id = ?').get(id) as InstitutionBrief | undefined;
  if (!row) throw new AppError('NOT_FOUND', undefined, `institution ${id}`);
  return row;
}
