// Grades of teachers the bureau knows from school bundles (core). A school sends its teacher files
// as rows (sync/content.ts: teacher, record, objection, repair), stored as canonical JSON in
// received_rows; here each record's status is worked out from those rows with the same rule the
// school uses (creditRules.recordStatus), its points come from the bureau's catalogue by (version,
// code), and lists in force cap the grade. One school at a time, so memory stays at one school's
// rows whatever the size of the city; never a query per teacher.
import { recordStatus, type RecordKind, type RecordStatus, type StatusFacts } from '../../../shared/domain/creditRules';
import { CURRENT_RULES, gradeSubject, type GradedRecord, type GradingRules, type SubjectGrade } from '../../../shared/domain/grading';
import { teacherKey, type ListKind } from '../../../shared/domain/supervision';
import type { Raw } from '../db/open';
import { listsInForce } from './institutions';

export interface TeacherGrade extends SubjectGrade {
  /** `<school USCC>/<the school's teacher id>`, as lists name the teacher. */
  key: string;
  school: string;
  schoolName: string;
  teacherId: string;
  name: string;
  lists: ListKind[];
}

type Scalar = string | number | null;

/** A record row as a school sends it (sync/content.ts projectSchool). */
export interface ReceivedRecord {
  id: string;
  teacherId: Scalar;
  itemCode: string;
  catalogueVersion: number;
  occurredOn: string;
  expiresOn: string;
  kind: RecordKind;
  supersedesId: Scalar;
}

/** Points of every catalogue item the bureau has, by version and code. */
function catalogPoints(raw: Raw): Map<string, number> {
  const out = new Map<string, number>();
  for (const [version, code, points] of raw.prepare('SELECT version, code, points FROM catalogue_items').raw().iterate() as IterableIterator<[number, string, number]>) {
    out.set(`${version}\u0000${code}`, points);
  }
  return out;
}

/** An objection and a repair row as a school sends them. */
export interface ReceivedObjection {
  id: string;
  recordId: Scalar;
  reason: string;
  raisedAt: string;
  decision: 'upheld' | 'rejected' | null;
  decisionReason: string | null;
  decidedAt: string | null;
}
export interface ReceivedRepair {
  id: string;
  recordId: Scalar;
  kind: string;
  reason: string;
  effectiveOn: string;
}

/**
 * Each record's status from one school's rows, by the rule the school itself uses: the latest
 * objection decides whether it is disputed, a repair from its date, a later row that supersedes it.
 */
export function schoolStatuses(
  objections: readonly ReceivedObjection[],
  repairs: readonly ReceivedRepair[],
  records: readonly Pick<ReceivedRecord, 'id' | 'kind' | 'supersedesId'>[],
  today: string,
): (r: { id: string; kind: RecordKind; expiresOn: string }) => RecordStatus {
  const latestObjection = new Map<string, { id: number; open: boolean }>();
  for (const o of objections) {
    const key = String(o.recordId);
    const n = Number(o.id);
    const seen = latestObjection.get(key);
    if (!seen || seen.id < n) latestObjection.set(key, { id: n, open: o.decision === null });
  }
  const repairOf = new Map<string, NonNullable<StatusFacts['repair']>>();
  for (const r of repairs) repairOf.set(String(r.recordId), { kind: r.kind === 'release' ? 'release' : 'repair', effectiveOn: r.effectiveOn });
  const supersededBy = new Map<string, RecordKind>();
  for (const r of records) if (r.supersedesId !== null) supersededBy.set(String(r.supersedesId), r.kind);
  return ({ id, kind, expiresOn }) =>
    recordStatus({ kind, supersededBy: supersededBy.get(id) ?? null, repair: repairOf.get(id) ?? null, openObjection: latestObjection.get(id)?.open ?? false, expiresOn }, today);
}

interface OneTeacher {
  school: string;
  teacherId: string;
}

/**
 * Grades the teachers of every enrolled school (or the one of `only`), calling `visit` with each
 * grade and its explanation as soon as it is made, school by school.
 */
export function forEachTeacherGrade(raw: Raw, today: string, visit: (g: TeacherGrade) => void, only?: OneTeacher, rules: GradingRules = CURRENT_RULES): void {
  const points = catalogPoints(raw);
  const lists = listsInForce(raw, 'teacher', today);
  const schools = raw.prepare(`SELECT uscc, name FROM sync_partners WHERE mode = 'school'${only ? ' AND uscc = ?' : ''} ORDER BY uscc`).all(...(only ? [only.school] : [])) as {
    uscc: string;
    name: string;
  }[];
  // Whole rows parsed in JS: one JSON.parse per row costs about half of extracting seven fields
  // with SQLite's ->> (measured at 2,000,000 records, bench/grading.ts).
  const rowsOf = raw.prepare('SELECT data FROM received_rows WHERE school = ? AND kind = ?').pluck();
  const parsed = <T>(school: string, kind: string): T[] => (rowsOf.all(school, kind) as string[]).map((d) => JSON.parse(d) as T);

  for (const school of schools) {
    const rows = parsed<ReceivedRecord>(school.uscc, 'record');
    const statusOf = schoolStatuses(parsed(school.uscc, 'objection'), parsed(school.uscc, 'repair'), rows, today);

    const byTeacher = new Map<string, { occurredOn: string; record: GradedRecord }[]>();
    for (const { id, teacherId, itemCode: code, catalogueVersion: version, occurredOn, expiresOn: expires, kind } of rows) {
      // A revocation row only marks the record it revokes, which then shows as revoked.
      if (kind === 'revocation') continue;
      const tid = String(teacherId);
      if (only && tid !== only.teacherId) continue;
      const status = statusOf({ id, kind, expiresOn: expires });
      let l = byTeacher.get(tid);
      if (!l) byTeacher.set(tid, (l = []));
      // An item the bureau does not know adds nothing: the bureau grades by its own catalogue.
      l.push({ occurredOn, record: { id: Number(id), code, status, points: points.get(`${version}\u0000${code}`) ?? 0 } });
    }

    for (const { id: teacherId, name } of parsed<{ id: string; name: Scalar }>(school.uscc, 'teacher')) {
      if (only && teacherId !== only.teacherId) continue;
      const key = teacherKey(school.uscc, teacherId);
      const onLists = lists.get(key) ?? [];
      const mine = byTeacher.get(teacherId) ?? [];
      // The order of the steps matters only to a person reading one explanation, not to the grade.
      if (only) mine.sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : Number(a.record.id) - Number(b.record.id)));
      const records = mine.map((r) => r.record);
      visit({ key, school: school.uscc, schoolName: school.name, teacherId, name: String(name ?? teacherId), lists: onLists, ...gradeSubject(records, onLists, rules) });
    }
  }
}
