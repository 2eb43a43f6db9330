// Reading credit records (core): one SQL shape for lists, files and single records, with each
// record's status worked out in SQL the same way shared/domain/creditRules.ts recordStatus() does
// (a test holds the two together), so filters and sorts on status run in the database.
import type { RecordView } from '../../../shared/api/routes/credit';
import { contribution, type RecordStatus } from '../../../shared/domain/creditRules';
import type { Polarity } from '../../../shared/domain/catalogue';
import type { Raw } from '../db/open';
import { toItemView } from '../catalogue/service';
import { containsPattern } from '../registry/sql';

/** A record's status in SQL over r (the record), s (its superseder), rp (its repair) and o (its newest objection). */
export const STATUS_SQL = `CASE
  WHEN r.kind = 'revocation' THEN 'revocation'
  WHEN s.kind = 'revocation' THEN 'revoked'
  WHEN s.kind = 'amendment' THEN 'amended'
  WHEN rp.kind IS NOT NULL AND rp.effective_on <= @today THEN CASE rp.kind WHEN 'release' THEN 'released' ELSE 'repaired' END
  WHEN r.expires_on <= @today THEN 'expired'
  WHEN o.id IS NOT NULL AND o.decision IS NULL THEN 'disputed'
  ELSE 'active' END`;

const FROM = `FROM credit_records r
  JOIN catalogue_items i ON i.id = r.item_id
  LEFT JOIN credit_records s ON s.supersedes_id = r.id
  LEFT JOIN repairs rp ON rp.record_id = r.id
  LEFT JOIN objections o ON o.id = (SELECT max(id) FROM objections WHERE record_id = r.id)
  LEFT JOIN teachers t ON r.subject_kind = 'teacher' AND t.id = r.subject_id
  LEFT JOIN students st ON r.subject_kind = 'student' AND st.id = r.subject_id
  JOIN users u ON u.id = r.author_id`;

const COLUMNS = `r.id, r.subject_kind AS subjectKind, r.subject_id AS subjectId, coalesce(t.name, st.name) AS subjectName,
  r.occurred_on AS occurredOn, r.expires_on AS expiresOn, r.description, r.kind, r.supersedes_id AS supersedesId,
  s.id AS supersededById, r.created_at AS createdAt, u.display_name AS authorName, st.class_id AS classId,
  i.id AS i_id, i.version AS i_version, i.code AS i_code, i.name_zh AS i_nameZh, i.name_en AS i_nameEn, i.info_class AS i_infoClass,
  i.subject_kinds AS i_subjectKinds, i.polarity AS i_polarity, i.points AS i_points, i.disclosure_months AS i_disclosureMonths,
  i.evidence_required AS i_evidenceRequired, i.releasable AS i_releasable,
  rp.kind AS rp_kind, rp.reason AS rp_reason, rp.effective_on AS rp_effectiveOn,
  o.id AS o_id, o.reason AS o_reason, o.raised_at AS o_raisedAt, o.decision AS o_decision, o.decision_reason AS o_decisionReason, o.decided_at AS o_decidedAt,
  (SELECT display_name FROM users WHERE id = o.decided_by) AS o_decidedBy,
  ${STATUS_SQL} AS status`;

type Row = Record<string, string | number | null>;

function toView(row: Row, evidence: RecordView['evidence'], objectionEvidence: RecordView['evidence']): RecordView {
  const item = toItemView({
    id: row.i_id as number,
    version: row.i_version as number,
    code: row.i_code as string,
    nameZh: row.i_nameZh as string,
    nameEn: row.i_nameEn as string,
    infoClass: row.i_infoClass as RecordView['item']['infoClass'],
    subjectKinds: row.i_subjectKinds as string,
    polarity: row.i_polarity as Polarity,
    points: row.i_points as number,
    disclosureMonths: row.i_disclosureMonths as number,
    evidenceRequired: row.i_evidenceRequired as number,
    releasable: row.i_releasable as number,
  });
  const status = row.status as RecordStatus;
  return {
    id: row.id as number,
    subjectKind: row.subjectKind as RecordView['subjectKind'],
    subjectId: row.subjectId as number,
    subjectName: (row.subjectName as string | null) ?? '',
    item,
    occurredOn: row.occurredOn as string,
    expiresOn: row.expiresOn as string,
    description: row.description as string,
    kind: row.kind as RecordView['kind'],
    supersedesId: row.supersedesId as number | null,
    supersededById: row.supersededById as number | null,
    status,
    contribution: row.kind === 'revocation' ? 0 : contribution(status, item.points, item.polarity).points,
    authorName: row.authorName as string,
    createdAt: row.createdAt as string,
    evidence,
    objection:
      row.o_id === null
        ? null
        : {
            id: row.o_id as number,
            reason: row.o_reason as string,
            raisedAt: row.o_raisedAt as string,
            decision: row.o_decision as 'upheld' | 'rejected' | null,
            decisionReason: row.o_decisionReason as string | null,
            decidedAt: row.o_decidedAt as string | null,
            decidedBy: row.o_decidedBy as string | null,
            evidence: objectionEvidence,
          },
    repair: row.rp_kind === null ? null : { kind: row.rp_kind as 'repair' | 'release', reason: row.rp_reason as string, effectiveOn: row.rp_effectiveOn as string },
  };
}

function withEvidence(raw: Raw, rows: Row[]): RecordView[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id as number);
  const ev = raw
    .prepare(
      `SELECT re.record_id AS recordId, re.sha256, re.file_name AS fileName, e.mime, e.bytes FROM record_evidence re JOIN evidence_files e ON e.sha256 = re.sha256
       WHERE re.record_id IN (${ids.map(() => '?').join(',')}) ORDER BY re.rowid`,
    )
    .all(...ids) as (RecordView['evidence'][number] & { recordId: number })[];
  const byRecord = new Map<number, RecordView['evidence']>();
  for (const { recordId, ...e } of ev) byRecord.set(recordId, [...(byRecord.get(recordId) ?? []), e]);
  // What the teacher attached to the newest objection of each record.
  const objectionIds = rows.map((r) => r.o_id).filter((id): id is number => typeof id === 'number');
  const byObjection = new Map<number, RecordView['evidence']>();
  if (objectionIds.length > 0) {
    const oe = raw
      .prepare(
        `SELECT oe.objection_id AS objectionId, oe.sha256, oe.file_name AS fileName, e.mime, e.bytes FROM objection_evidence oe JOIN evidence_files e ON e.sha256 = oe.sha256
         WHERE oe.objection_id IN (${objectionIds.map(() => '?').join(',')}) ORDER BY oe.rowid`,
      )
      .all(...objectionIds) as (RecordView['evidence'][number] & { objectionId: number })[];
    for (const { objectionId, ...e } of oe) byObjection.set(objectionId, [...(byObjection.get(objectionId) ?? []), e]);
  }
  return rows.map((r) => toView(r, byRecord.get(r.id as number) ?? [], typeof r.o_id === 'number' ? (byObjection.get(r.o_id) ?? []) : []));
}

export function getRecord(raw: Raw, id: number, today: string): RecordView | null {
  const row = raw.prepare(`SELECT ${COLUMNS} ${FROM} WHERE r.id = @id`).get({ id, today }) as Row | undefined;
  return row ? withEvidence(raw, [row])[0]! : null;
}

export interface RecordFilter {
  subjectKind: 'teacher' | 'student';
  subjectId?: number | undefined;
  q?: string | undefined;
  itemCode?: string | undefined;
  infoClass?: string | undefined;
  status?: RecordStatus | undefined;
  classId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** The reader sees teachers' whole ID numbers: a whole number in q may find its records. */
  wholeIdSearch?: boolean | undefined;
  sort: 'occurredOn' | 'createdAt' | 'subject' | 'item' | 'points';
  dir: 'asc' | 'desc';
  offset: number;
  limit: number;
}

const SORT_SQL: Record<RecordFilter['sort'], string> = {
  occurredOn: 'r.occurred_on',
  createdAt: 'r.id',
  subject: 'coalesce(t.name, st.name)',
  item: 'i.code',
  points: 'i.points',
};

const JOIN = {
  item: 'JOIN catalogue_items i ON i.id = r.item_id',
  subject: `LEFT JOIN teachers t ON r.subject_kind = 'teacher' AND t.id = r.subject_id
  LEFT JOIN students st ON r.subject_kind = 'student' AND st.id = r.subject_id`,
  status: `LEFT JOIN credit_records s ON s.supersedes_id = r.id
  LEFT JOIN repairs rp ON rp.record_id = r.id
  LEFT JOIN objections o ON o.id = (SELECT max(id) FROM objections WHERE record_id = r.id)`,
};

/**
 * Filtered, sorted, paged: the UI's big lists ask for one page at a time. Two steps keep a page
 * cheap at 100,000 records: first the page's ids, joining only what the filter and the sort
 * need (so an unfiltered page walks an index), then the full rows of just those ids.
 */
export function listRecords(raw: Raw, f: RecordFilter, today: string): { total: number; rows: RecordView[] } {
  const where: string[] = ['r.subject_kind = @subjectKind'];
  const params: Record<string, string | number> = { subjectKind: f.subjectKind };
  const joins = new Set<keyof typeof JOIN>();
  if (f.subjectId !== undefined) {
    where.push('r.subject_id = @subjectId');
    params.subjectId = f.subjectId;
  }
  if (f.q) {
    joins.add('subject');
    // A whole ID number matches only for readers who see whole numbers (see listTeachers).
    const id = f.wholeIdSearch ? ' OR t.id_number = @exact' : '';
    where.push(`(coalesce(t.name, st.name) LIKE @q ESCAPE '\\'${id} OR st.student_no = @exact OR r.description LIKE @q ESCAPE '\\')`);
    params.q = containsPattern(f.q);
    params.exact = f.q.toUpperCase();
  }
  if (f.itemCode) {
    joins.add('item');
    where.push('i.code = @itemCode');
    params.itemCode = f.itemCode;
  }
  if (f.infoClass) {
    joins.add('item');
    where.push('i.info_class = @infoClass');
    params.infoClass = f.infoClass;
  }
  if (f.classId !== undefined) {
    joins.add('subject');
    where.push('st.class_id = @classId');
    params.classId = f.classId;
  }
  if (f.from) {
    where.push('r.occurred_on >= @from');
    params.from = f.from;
  }
  if (f.to) {
    where.push('r.occurred_on <= @to');
    params.to = f.to;
  }
  if (f.status) {
    joins.add('status');
    where.push(`(${STATUS_SQL}) = @status`);
    params.status = f.status;
    params.today = today;
  }
  if (f.sort === 'subject') joins.add('subject');
  if (f.sort === 'item' || f.sort === 'points') joins.add('item');
  const from = `FROM credit_records r ${[...joins].map((j) => JOIN[j]).join('\n')} WHERE ${where.join(' AND ')}`;
  const total = (raw.prepare(`SELECT count(*) AS n ${from}`).get(params) as { n: number }).n;
  const dir = f.dir === 'desc' ? 'DESC' : 'ASC';
  const ids = (raw.prepare(`SELECT r.id ${from} ORDER BY ${SORT_SQL[f.sort]} ${dir}, r.id ${dir} LIMIT @limit OFFSET @offset`).all({ ...params, limit: f.limit, offset: f.offset }) as { id: number }[]).map((r) => r.id);
  if (ids.length === 0) return { total, rows: [] };
  const byId = new Map(
    (raw.prepare(`SELECT ${COLUMNS} ${FROM} WHERE r.id IN (${ids.map(() => '?').join(',')})`).all({ today }, ...ids) as Row[]).map((r) => [r.id as number, r]),
  );
  return { total, rows: withEvidence(raw, ids.map((id) => byId.get(id)!)) };
}

/** Every record of one subject, newest first: the credit file's timeline. */
export function subjectRecords(raw: Raw, subjectKind: 'teacher' | 'student', subjectId: number, today: string): RecordView[] {
  return listRecords(raw, { subjectKind, subjectId, sort: 'occurredOn', dir: 'desc', offset: 0, limit: 100_000 }, today).rows;
}
