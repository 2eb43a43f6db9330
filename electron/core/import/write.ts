// Carrying out an import plan (core), inside the one transaction the dispatcher opens for
// import.commit: all rows land, or none do. Teachers and students go through the registry's own
// create/update functions; records are inserted in a batch with one prepared statement.
import { expiresOn } from '../../../shared/domain/creditRules';
import { appendAudit } from '../audit/log';
import type { Raw } from '../db/open';
import { createStudent, ensureClass, updateStudent } from '../registry/students';
import { createTeacher, updateTeacher } from '../registry/teachers';
import type { Plan, RecordRow, StudentRow } from './check';

export interface WriteEnv {
  raw: Raw;
  today: string;
  now: Date;
  /** The user committing: author of records, actor of the per-person audit entries. */
  userId: number;
  username: string;
  /** Names the import in each per-person audit entry. */
  sha256: string;
}

export interface Written {
  inserted: number;
  updated: number;
  classesCreated: number;
}

/**
 * An update changes a person's file, so each one is audited under that person, with every field
 * before and after, just as the edit form does; the import's own entry carries the counts.
 */
function auditUpdate(env: WriteEnv, subject: string, changed: Record<string, { from: unknown; to: unknown }>): void {
  appendAudit(env.raw, { actor: env.username, route: 'import.commit', subject, diff: { changed, import: env.sha256 } }, env.now);
}

function classIds(raw: Raw): { idOf(row: StudentRow): number; created(): number } {
  const cache = new Map<string, number>();
  const before = (raw.prepare('SELECT count(*) AS n FROM classes').get() as { n: number }).n;
  return {
    idOf(row) {
      const key = `${row.grade}\u0000${row.className}`;
      let id = cache.get(key);
      if (id === undefined) {
        id = ensureClass(raw, row.grade, row.className);
        cache.set(key, id);
      }
      return id;
    },
    created: () => (raw.prepare('SELECT count(*) AS n FROM classes').get() as { n: number }).n - before,
  };
}

/**
 * createRecord (electron/core/credit/records.ts) re-reads and returns a full record view per row,
 * which costs milliseconds a row: at 100,000 rows that is minutes. The checks it makes were made
 * by checkRecords on the same transaction's data; the row written is the same, with the same
 * expiry rule (shared/domain/creditRules.ts), as an original record without evidence.
 */
function insertRecords(env: WriteEnv, rows: RecordRow[]): void {
  const insert = env.raw.prepare(
    `INSERT INTO credit_records (subject_kind, subject_id, item_id, occurred_on, expires_on, description, kind, supersedes_id, author_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 'original', NULL, ?, ?)`,
  );
  const createdAt = env.now.toISOString();
  // expiresOn goes through dayjs (~15 µs a call); a file has few distinct (date, period) pairs.
  const expiry = new Map<string, string>();
  for (const r of rows) {
    const key = `${r.occurredOn}|${r.disclosureMonths}`;
    let expires = expiry.get(key);
    if (expires === undefined) {
      expires = expiresOn(r.occurredOn, r.disclosureMonths);
      expiry.set(key, expires);
    }
    insert.run(r.subjectKind, r.subjectId, r.itemId, r.occurredOn, expires, r.description, env.userId, createdAt);
  }
}

export function writePlan(env: WriteEnv, plan: Plan): Written {
  switch (plan.kind) {
    case 'teachers': {
      for (const f of plan.inserts) createTeacher(env.raw, f, env.today);
      for (const u of plan.updates) {
        const { changed } = updateTeacher(env.raw, u.id, u.fields, env.today);
        auditUpdate(env, `teacher:${u.id}`, changed);
      }
      return { inserted: plan.inserts.length, updated: plan.updates.length, classesCreated: 0 };
    }
    case 'students': {
      const classes = classIds(env.raw);
      for (const s of plan.inserts) {
        createStudent(env.raw, { name: s.name, gender: s.gender, studentNo: s.studentNo, classId: classes.idOf(s), guardianContact: s.guardianContact });
      }
      for (const u of plan.updates) {
        const s = u.fields;
        const { changed } = updateStudent(env.raw, u.id, { name: s.name, gender: s.gender, studentNo: s.studentNo, classId: classes.idOf(s), guardianContact: s.guardianContact });
        auditUpdate(env, `student:${u.id}`, changed);
      }
      return { inserted: plan.inserts.length, updated: plan.updates.length, classesCreated: classes.created() };
    }
    case 'records': {
      insertRecords(env, plan.inserts);
      return { inserted: plan.inserts.length, updated: 0, classesCreated: 0 };
    }
  }
}
