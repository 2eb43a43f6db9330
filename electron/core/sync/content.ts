// What a school sends its bureau (core): the teacher files row by row, and students only as
// counts. No student name, student number or ID number leaves the school; a teacher's ID number
// travels as a keyed hash (HMAC-SHA256 under the school's pseudonym key).
import { createHmac } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Installation } from '../app/installation';
import type { Raw } from '../db/open';
import { listReports } from '../reports/service';
import { sha256 } from './format';

export const KINDS = ['teacher', 'record', 'objection', 'repair', 'report', 'reportFile', 'studentStats'] as const;
export type Kind = (typeof KINDS)[number];
export type Row = { id: string } & Record<string, unknown>;
export type Projection = Record<Kind, Map<string, Row>>;

/** The school's content: changed or new rows per kind (nothing is ever deleted in a credit file). */
export interface SchoolContent {
  rows: Partial<Record<Kind, Row[]>>;
}

function byId(rows: Row[]): Map<string, Row> {
  return new Map(rows.map((r) => [r.id, r]));
}

const TEACHER_RECORD = "SELECT id FROM credit_records WHERE subject_kind = 'teacher'";

/** Everything the bureau may see, as of now. */
export function projectSchool(inst: Installation, pseudonymKey: Buffer): Projection {
  const raw: Raw = inst.open().raw;
  const all = (sql: string): Record<string, unknown>[] => raw.prepare(sql).all() as Record<string, unknown>[];
  const teachers = all('SELECT id, name, gender, id_number AS idNumber, staff_no AS staffNo, subject, title, hire_date AS hireDate, status FROM teachers').map(
    ({ id, idNumber, ...t }) => ({ id: String(id), ...t, idHash: createHmac('sha256', pseudonymKey).update(String(idNumber)).digest('hex') }),
  );
  const records = all(`SELECT r.id, r.subject_id AS teacherId, i.code AS itemCode, i.version AS catalogueVersion, r.occurred_on AS occurredOn,
      r.expires_on AS expiresOn, r.description, r.kind, r.supersedes_id AS supersedesId, r.created_at AS createdAt, r.source
    FROM credit_records r JOIN catalogue_items i ON i.id = r.item_id WHERE r.subject_kind = 'teacher'`).map((r) => ({ ...r, id: String(r.id) }));
  const objections = all(`SELECT id, record_id AS recordId, reason, raised_at AS raisedAt, decision, decision_reason AS decisionReason, decided_at AS decidedAt
    FROM objections WHERE record_id IN (${TEACHER_RECORD})`).map((r) => ({ ...r, id: String(r.id) }));
  const repairs = all(`SELECT id, record_id AS recordId, kind, reason, effective_on AS effectiveOn, created_at AS createdAt
    FROM repairs WHERE record_id IN (${TEACHER_RECORD})`).map((r) => ({ ...r, id: String(r.id) }));
  const reports = listReports(inst, undefined).map((r) => ({
    id: String(r.id),
    number: r.number,
    teacherId: r.teacherId,
    year: r.year,
    snapshotHash: r.snapshotHash,
    createdAt: r.createdAt,
    status: r.status,
    grade: r.grade,
    score: r.score,
    confirmation: r.confirmation ? { kind: r.confirmation.kind, confirmedAt: r.confirmation.confirmedAt } : null,
  }));
  const reportFiles = all(`SELECT f.sha256 AS id, r.number AS reportNumber, f.confirmed, f.created_at AS createdAt FROM report_files f JOIN reports r ON r.id = f.report_id`).map(
    (r) => ({ ...r, id: String(r.id), confirmed: Boolean(r.confirmed) }),
  );
  // Students: counts only. Grade and class names are the school's own labels (七年级, 1班).
  const byClass = all(`SELECT c.grade, c.name AS class, s.status, s.gender, count(*) AS count FROM students s JOIN classes c ON c.id = s.class_id
    GROUP BY c.grade, c.name, s.status, s.gender ORDER BY c.grade, c.name, s.status, s.gender`);
  const recordsByItem = all(`SELECT c.grade, i.code AS itemCode, r.kind,
      CASE WHEN s2.id IS NOT NULL THEN s2.kind WHEN rp.id IS NOT NULL THEN rp.kind ELSE 'open' END AS status, count(*) AS count
    FROM credit_records r JOIN students st ON st.id = r.subject_id JOIN classes c ON c.id = st.class_id JOIN catalogue_items i ON i.id = r.item_id
    LEFT JOIN credit_records s2 ON s2.supersedes_id = r.id LEFT JOIN repairs rp ON rp.record_id = r.id
    WHERE r.subject_kind = 'student' GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`);
  const stats: Row = { id: 'students', byClass, recordsByItem };
  return {
    teacher: byId(teachers as Row[]),
    record: byId(records as Row[]),
    objection: byId(objections as Row[]),
    repair: byId(repairs as Row[]),
    report: byId(reports),
    reportFile: byId(reportFiles as Row[]),
    studentStats: byId([stats]),
  };
}

export function rowHash(row: Row): string {
  return sha256(canonicalize(row)!);
}

export type Mark = [kind: Kind, id: string, hash: string];

/** The rows that differ from what was last sent to `recipient` (read only; markSent records them). */
export function changesSinceSent(raw: Raw, recipient: string, now: Projection): { rows: Partial<Record<Kind, Row[]>>; counts: Record<string, number>; marks: Mark[] } {
  const sent = new Map<string, string>();
  for (const r of raw.prepare('SELECT kind, remote_id AS id, hash FROM sync_sent WHERE recipient = ?').all(recipient) as { kind: string; id: string; hash: string }[]) {
    sent.set(`${r.kind}\u0000${r.id}`, r.hash);
  }
  const rows: Partial<Record<Kind, Row[]>> = {};
  const counts: Record<string, number> = {};
  const marks: Mark[] = [];
  for (const kind of KINDS) {
    const changed: Row[] = [];
    for (const [id, row] of now[kind]) {
      const h = rowHash(row);
      if (sent.get(`${kind}\u0000${id}`) === h) continue;
      changed.push(row);
      marks.push([kind, id, h]);
    }
    if (changed.length) {
      rows[kind] = changed;
      counts[kind] = changed.length;
    }
  }
  return { rows, counts, marks };
}

/** Records rows as sent, inside the transaction that stores the bundle carrying them. */
export function markSent(raw: Raw, recipient: string, marks: Mark[]): void {
  const put = raw.prepare('INSERT INTO sync_sent (recipient, kind, remote_id, hash) VALUES (?, ?, ?, ?) ON CONFLICT (recipient, kind, remote_id) DO UPDATE SET hash = excluded.hash');
  for (const [kind, id, h] of marks) put.run(recipient, kind, id, h);
}

/** The bureau's side: upserts the school's rows, keyed by (school, kind, the school's id). */
export function applySchoolContent(raw: Raw, school: string, seq: number, content: SchoolContent): Record<string, number> {
  const put = raw.prepare(
    'INSERT INTO received_rows (school, kind, remote_id, data, seq) VALUES (?, ?, ?, ?, ?) ON CONFLICT (school, kind, remote_id) DO UPDATE SET data = excluded.data, seq = excluded.seq',
  );
  const counts: Record<string, number> = {};
  for (const kind of KINDS) {
    const rows = content.rows?.[kind] ?? [];
    if (!Array.isArray(rows)) throw new Error(`content.${kind} is not a list`);
    for (const row of rows) {
      if (typeof row !== 'object' || row === null || typeof row.id !== 'string') throw new Error(`content.${kind}: a row without an id`);
      put.run(school, kind, row.id, canonicalize(row)!, seq);
    }
    if (rows.length) counts[kind] = rows.length;
  }
  return counts;
}

/** The bureau's copy of one school, as the canonical rows it holds: for checks and tests. */
export function receivedCopy(raw: Raw, school: string): Record<Kind, Map<string, string>> {
  const out = Object.fromEntries(KINDS.map((k) => [k, new Map<string, string>()])) as Record<Kind, Map<string, string>>;
  for (const r of raw.prepare('SELECT kind, remote_id AS id, data FROM received_rows WHERE school = ?').all(school) as { kind: Kind; id: string; data: string }[]) {
    out[r.kind]?.set(r.id, r.data);
  }
  return out;
}
