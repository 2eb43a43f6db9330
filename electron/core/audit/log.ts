// Hash-chained audit log (core). An entry is appended inside the transaction of the change it
// records, so a change without its entry, or an entry without its change, cannot be committed.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Raw } from '../db/open';

const GENESIS = '0'.repeat(64);

export interface AuditInput {
  actor: string;
  route: string;
  subject: string;
  /** What changed; never a password or a key. */
  diff: unknown;
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

/** Appends one entry. Call inside the change's transaction. */
export function appendAudit(raw: Raw, input: AuditInput, now: Date = new Date()): number {
  const last = raw.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const diff = canonicalize(input.diff ?? null) ?? 'null';
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
  return row.seq;
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
  for (const row of raw.prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq').iterate(expectedSeq) as IterableIterator<AuditRow>) {
    const broken = (reason: string): VerifyResult & { last: AuditCheckpoint | null } => ({ ok: false, checked, firstBrokenSeq: row.seq, reason, last });
    if (row.seq !== expectedSeq) return broken(`missing entry before ${row.seq}`);
    if (row.prev_hash !== prev) return broken('prev_hash does not match the previous entry');
    if (sha256(row.diff) !== row.diff_hash) return broken('diff does not match its hash');
    if (entryHash(row) !== row.hash) return broken('entry does not match its hash');
    prev = row.hash;
    expectedSeq += 1;
    checked += 1;
    last = { seq: row.seq, hash: row.hash };
  }
  return { ok: true, checked, firstBrokenSeq: null, reason: null, last };
}

export interface AuditFilter {
  actor?: string | undefined;
  subject?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  offset: number;
  limit: number;
}

/** Newest first. `from`/`to` are dates (YYYY-MM-DD), inclusive. */
export function listAudit(raw: Raw, f: AuditFilter): { total: number; entries: AuditRow[] } {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (f.actor) {
    where.push('actor = @actor');
    params.actor = f.actor;
  }
  if (f.subject) {
    // 'user:1' is that subject exactly; 'user' is every user subject, never 'user:10' for 'user:1'.
    where.push("(subject = @subject OR subject LIKE @subjectPrefix ESCAPE '\\')");
    params.subject = f.subject;
    params.subjectPrefix = `${f.subject.replace(/[\\%_]/g, (c) => `\\${c}`)}:%`;
  }
  if (f.from) {
    where.push('at >= @from');
    params.from = f.from;
  }
  if (f.to) {
    where.push('at < @to');
    params.to = `${f.to}T99`;
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (raw.prepare(`SELECT count(*) AS n FROM audit_log ${clause}`).get(params) as { n: number }).n;
  const entries = raw
    .prepare(`SELECT * FROM audit_log ${clause} ORDER BY seq DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: f.limit, offset: f.offset }) as AuditRow[];
  return { total, entries };
}
