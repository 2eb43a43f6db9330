// Hash-chained audit log (core). An entry is appended inside the transaction of the change it
// records, so a change without its entry, or an entry without its change, cannot be committed.
import { createHash, randomBytes } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Raw } from '../db/open';

const GENESIS = '0'.repeat(64);

export interface AuditInput {
  actor: string;
  route: string;
  subject: string;
  /** What changed; never a password or a key, and nothing that names or describes a student. */
  diff: unknown;
  /**
   * The personal part of a change about a student: stored in audit_private, shown only to roles
   * that may see students, and vouched for by its hash in the diff (`private`).
   */
  private?: Record<string, unknown> | undefined;
}

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  route: string;
  subject: string;
  diff: string;
  diff_hash: string;
  prev_hash: string;
  hash: string;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function entryHash(e: Omit<AuditRow, 'hash' | 'diff'>): string {
  return sha256(
    canonicalize({ seq: e.seq, at: e.at, actor: e.actor, route: e.route, subject: e.subject, diffHash: e.diff_hash, prevHash: e.prev_hash })!,
  );
}

/**
 * The stored form of a private part: with a random nonce, so its hash in the public diff cannot
 * be checked against guessed names.
 */
function sealPrivate(detail: Record<string, unknown>): { data: string; hash: string } {
  const data = canonicalize({ nonce: randomBytes(16).toString('hex'), detail })!;
  return { data, hash: sha256(data) };
}

/** Appends one entry. Call inside the change's transaction. */
export function appendAudit(raw: Raw, input: AuditInput, now: Date = new Date()): number {
  const last = raw.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const sealed = input.private ? sealPrivate(input.private) : null;
  if (sealed && (typeof input.diff !== 'object' || input.diff === null || Array.isArray(input.diff))) throw new Error('an audit entry with a private part needs an object diff');
  const publicDiff = sealed ? { ...(input.diff as Record<string, unknown>), private: sealed.hash } : input.diff;
  const diff = canonicalize(publicDiff ?? null) ?? 'null';
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: now.toISOString(),
    actor: input.actor,
    route: input.route,
    subject: input.subject,
    diff_hash: sha256(diff),
    prev_hash: last?.hash ?? GENESIS,
  };
  const hash = entryHash(row);
  raw
    .prepare(
      'INSERT INTO audit_log (seq, at, actor, route, subject, diff, diff_hash, prev_hash, hash) VALUES (@seq, @at, @actor, @route, @subject, @diff, @diff_hash, @prev_hash, @hash)',
    )
    .run({ ...row, diff, hash });
  if (sealed) raw.prepare('INSERT INTO audit_private (seq, data) VALUES (?, ?)').run(row.seq, sealed.data);
  return row.seq;
}

/** The hash a diff names for its private part, if it has one. */
function privateHashOf(diff: string): string | null {
  const parsed = JSON.parse(diff) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const h = (parsed as Record<string, unknown>).private;
  return typeof h === 'string' ? h : null;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  reason: string | null;
}

export interface AuditCheckpoint {
  seq: number;
  hash: string;
}

/**
 * Recomputes the chain in order and names the first entry that does not hold. From a checkpoint
 * (an entry already verified) only the entries after it are recomputed, once the checkpoint
 * entry is seen to be unchanged: the dashboard's quick look; `audit.verify` always starts at 1.
 */
export function verifyAudit(raw: Raw, from?: AuditCheckpoint): VerifyResult & { last: AuditCheckpoint | null } {
  let prev = from?.hash ?? GENESIS;
  let expectedSeq = (from?.seq ?? 0) + 1;
  let checked = 0;
  let last: AuditCheckpoint | null = from ?? null;
  if (from) {
    const at = raw.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(from.seq) as { hash: string } | undefined;
    if (at?.hash !== from.hash) return { ok: false, checked, firstBrokenSeq: from.seq, reason: 'entry changed since it was verified', last };
  }
  const rows = raw.prepare('SELECT a.*, p.data AS private FROM audit_log a LEFT JOIN audit_private p ON p.seq = a.seq WHERE a.seq >= ? ORDER BY a.seq');
  for (const row of rows.iterate(expectedSeq) as IterableIterator<AuditRow & { private: string | null }>) {
    const broken = (reason: string): VerifyResult & { last: AuditCheckpoint | null } => ({ ok: false, checked, firstBrokenSeq: row.seq, reason, last });
    if (row.seq !== expectedSeq) return broken(`missing entry before ${row.seq}`);
    if (row.prev_hash !== prev) return broken('prev_hash does not match the previous entry');
    if (sha256(row.diff) !== row.diff_hash) return broken('diff does not match its hash');
    if (entryHash(row) !== row.hash) return broken('entry does not match its hash');
    const sealedHash = privateHashOf(row.diff);
    if (sealedHash !== null && (row.private === null || sha256(row.private) !== sealedHash)) return broken('private detail does not match the hash in its entry');
    if (sealedHash === null && row.private !== null) return broken('private detail without an entry naming it');
    prev = row.hash;
    expectedSeq += 1;
    checked += 1;
    last = { seq: row.seq, hash: row.hash };
  }
  return { ok: true, checked, firstBrokenSeq: null, reason: null, last };
}

export interface AuditFilter {
  actor?: string | undefined;
  /** Entries by any of these accounts (an operator found by name). */
  actorIn?: readonly string[] | undefined;
  subject?: string | undefined;
  /** Entries about any of these subjects (a person or body found by name). */
  subjectIn?: readonly string[] | undefined;
  route?: string | undefined;
  /** Local calendar days (YYYY-MM-DD), inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  offset: number;
  limit: number;
}

/** The instant a local calendar day begins: the log keeps UTC instants, people think in local days. */
function localDayStart(day: string): string {
  return new Date(`${day}T00:00:00`).toISOString();
}

function nextLocalDayStart(day: string): string {
  const d = new Date(`${day}T00:00:00`);
  d.setDate(d.getDate() + 1);
  return d.toISOString();
}

/** Newest first. `from`/`to` are local days (YYYY-MM-DD), inclusive. Private parts come only when asked for. */
export function listAudit(raw: Raw, f: AuditFilter, withPrivate: boolean): { total: number; entries: (AuditRow & { private: string | null })[] } {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (f.actor) {
    where.push('actor = @actor');
    params.actor = f.actor;
  }
  if (f.actorIn) {
    where.push('actor IN (SELECT value FROM json_each(@actorIn))');
    params.actorIn = JSON.stringify(f.actorIn);
  }
  if (f.subjectIn) {
    where.push('subject IN (SELECT value FROM json_each(@subjectIn))');
    params.subjectIn = JSON.stringify(f.subjectIn);
  }
  if (f.route) {
    where.push('route = @route');
    params.route = f.route;
  }
  if (f.subject) {
    // 'user:1' is that subject exactly; 'user' is every user subject, never 'user:10' for 'user:1'.
    where.push("(subject = @subject OR subject LIKE @subjectPrefix ESCAPE '\\')");
    params.subject = f.subject;
    params.subjectPrefix = `${f.subject.replace(/[\\%_]/g, (c) => `\\${c}`)}:%`;
  }
  if (f.from) {
    where.push('at >= @from');
    params.from = localDayStart(f.from);
  }
  if (f.to) {
    where.push('at < @to');
    params.to = nextLocalDayStart(f.to);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (raw.prepare(`SELECT count(*) AS n FROM audit_log ${clause}`).get(params) as { n: number }).n;
  const detail = withPrivate ? '(SELECT data FROM audit_private p WHERE p.seq = audit_log.seq)' : 'NULL';
  const entries = raw
    .prepare(`SELECT *, ${detail} AS private FROM audit_log ${clause} ORDER BY seq DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: f.limit, offset: f.offset }) as (AuditRow & { private: string | null })[];
  return { total, entries };
}

/** What a private part says, without the nonce that only guards its hash. */
export function privateDetail(data: string): string {
  return canonicalize((JSON.parse(data) as { detail: unknown }).detail) ?? 'null';
}

const ROUTES_THAT_WROTE_STUDENT_FIELDS: ReadonlySet<string> = new Set(['students.create', 'students.update', 'records.create', 'records.amend', 'records.revoke', 'records.repair', 'import.commit']);

/**
 * An entry about a student written before private parts existed still holds the student's fields
 * in its diff: for a reader who may not see students, only the names of those fields remain.
 */
export function withoutStudentValues(e: Pick<AuditRow, 'subject' | 'route' | 'diff'>): string {
  const aboutStudents = e.subject.startsWith('student:') || e.subject === 'import:students' || e.subject === 'import:records';
  if (!aboutStudents || !ROUTES_THAT_WROTE_STUDENT_FIELDS.has(e.route) || privateHashOf(e.diff) !== null) return e.diff;
  const parsed = JSON.parse(e.diff) as unknown;
  const fields = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? Object.keys(parsed).sort() : [];
  return canonicalize({ withheld: fields }) ?? 'null';
}
