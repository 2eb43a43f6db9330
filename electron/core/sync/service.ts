// Bundle exchange (core): export to a folder, import with every check, inspect without applying,
// and the state of both ends. Sequence rules: a partner's bundle N applies only when N is one more
// than the last applied; an older N is a no-op when it is the same bundle and a refused replay
// otherwise; a newer one is a gap and waits. Every bundle also acknowledges the partner's last
// applied sequence, and an export re-writes every bundle the partner has not acknowledged.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import type { Installation } from '../app/installation';
import type { Raw } from '../db/open';
import { writeFileAtomic } from '../fs/atomic';
import { assertWholeFolderPath } from '../fs/folders';
import { readOrg } from '../setup/org';
import { z } from 'zod';
import { catalogueDocument, type CatalogueDocument } from '../../../shared/domain/catalogue';
import { currentVersion, receiveVersions, versionDocument } from '../catalogue/service';
import { applySchoolContent, changesSinceSent, markSent, projectSchool, type SchoolContent } from './content';
import { bundleFileName, decryptWith, encryptTo, parseInner, signInner, verifyInner, ALGORITHMS, FORMAT_VERSION, type Inner, type Manifest } from './format';
import { statusFor, statusHash, storeStatus } from './supervision';
import { supervisionStatus, type SupervisionStatus } from '../../../shared/api/supervisionStatus';
import { today } from '../clock';
import { ensureOwnKeys, fingerprintOf, ownCard, ownKeys, partner, partners, signPublicKey, type Partner } from './keys';

export type Verdict = 'apply' | 'duplicate' | 'replay' | 'gap';

export interface ExportedFile {
  fileName: string;
  recipient: string;
  sequence: number;
  bytes: number;
  isNew: boolean;
}

class Retry extends Error {}

function auditHead(raw: Raw): number {
  return (raw.prepare('SELECT coalesce(max(seq), 0) AS n FROM audit_log').get() as { n: number }).n;
}

/**
 * The last bundle to a partner: its sequence, the acknowledgement it carried and the newest
 * catalogue version sent so far (version 1 ships with every installation, so it is never sent).
 */
function lastOutSeq(raw: Raw, recipient: string): { seq: number; ack: number; catalogue: number; supervision: string | null } {
  const row = raw.prepare('SELECT seq, counts FROM sync_outbox WHERE recipient = ? ORDER BY seq DESC LIMIT 1').get(recipient) as { seq: number; counts: string } | undefined;
  if (!row) return { seq: 0, ack: 0, catalogue: 1, supervision: null };
  const stored = JSON.parse(row.counts) as { ack: number; catalogue?: number; supervision?: string };
  return { seq: row.seq, ack: stored.ack, catalogue: stored.catalogue ?? 1, supervision: stored.supervision ?? null };
}

/**
 * Makes the next bundle for one partner, if there is something to send: a school sends the rows
 * changed since its last bundle; a bureau acknowledges the school bundles applied since its last.
 * The content is read, signed and encrypted outside the transaction (age is asynchronous); the
 * transaction then stores it only if no audited change happened meanwhile, else it starts over.
 */
async function makeBundle(inst: Installation, actor: string, p: Partner): Promise<ExportedFile | null> {
  const raw = inst.open().raw;
  const keys = ownKeys(inst);
  const card = ownCard(inst);
  for (let attempt = 0; attempt < 5; attempt++) {
    const head = auditHead(raw);
    const fresh = partner(raw, p.uscc)!;
    const last = lastOutSeq(raw, p.uscc);
    let content: unknown;
    let counts: Record<string, number>;
    let marks: ReturnType<typeof changesSinceSent>['marks'] = [];
    let supervisionSent: string | null = null;
    if (inst.mode() === 'school') {
      const changes = changesSinceSent(raw, p.uscc, projectSchool(inst, keys.pseudonymKey));
      if (changes.marks.length === 0) return null;
      content = { rows: changes.rows } satisfies SchoolContent;
      counts = changes.counts;
      marks = changes.marks;
    } else {
      // A bureau answers with acknowledgements, the catalogue versions it published since, and the
      // school's supervision status when it changed.
      const catalogue = currentVersion(raw);
      const status = statusFor(raw, p.uscc, today(inst));
      supervisionSent = statusHash(status);
      const statusChanged = supervisionSent !== last.supervision;
      if (fresh.lastApplied <= last.ack && catalogue <= last.catalogue && !statusChanged) return null;
      const versions: CatalogueDocument[] = [];
      for (let v = last.catalogue + 1; v <= catalogue; v++) versions.push(versionDocument(raw, v));
      content = { ack: fresh.lastApplied, catalogue: versions, ...(statusChanged ? { supervision: status } : {}) } satisfies BureauContent;
      counts = { ...(versions.length ? { catalogueVersions: versions.length } : {}), ...(statusChanged ? { supervision: 1 } : {}) };
    }
    const sequence = last.seq + 1;
    const { inner, innerHash, manifest } = signInner(
      {
        format: FORMAT_VERSION,
        kind: inst.mode() === 'school' ? 'school-data' : 'bureau-ack',
        algorithms: ALGORITHMS,
        sender: { uscc: card.uscc, name: card.name, fingerprint: card.fingerprint! },
        recipient: { uscc: p.uscc, fingerprint: p.fingerprint },
        sequence,
        previousSequence: sequence - 1,
        ackSequence: fresh.lastApplied,
        createdAt: inst.clock.now().toISOString(),
        catalogueVersion: currentVersion(raw),
        counts,
      },
      content,
      keys.signPrivate,
    );
    const file = await encryptTo(inner, [p.ageRecipient, keys.ageRecipient]);
    const fileName = bundleFileName(card.uscc, sequence);
    let stored: boolean;
    try {
      stored = inst.write(
      () => ({ actor, route: 'sync.export', subject: `bundle:${fileName}`, diff: { recipient: p.uscc, sequence, counts, innerHash } }),
      () => {
        // An audited change since the read: this bundle might miss it, so drop it and read again.
        if (auditHead(raw) !== head || lastOutSeq(raw, p.uscc).seq !== last.seq) throw new Retry();
        markSent(raw, p.uscc, marks);
        raw
          .prepare('INSERT INTO sync_outbox (recipient, seq, created_at, inner_hash, file_name, counts, bytes, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(
            p.uscc,
            sequence,
            manifest.createdAt,
            innerHash,
            fileName,
            JSON.stringify({ counts, ack: fresh.lastApplied, catalogue: currentVersion(raw), ...(supervisionSent ? { supervision: supervisionSent } : {}) }),
            file.length,
            file,
          );
        return true;
      },
    );
    } catch (e) {
      if (e instanceof Retry) continue;
      throw e;
    }
    if (stored) return { fileName, recipient: p.uscc, sequence, bytes: file.length, isNew: true };
  }
  throw new AppError('CONFLICT', { what: 'export' }, 'the data kept changing during the export');
}

/**
 * Exports to `folder`: a new bundle for each partner with something to send, and every earlier
 * bundle the partner has not acknowledged (a lost file is sent again; the partner ignores
 * duplicates).
 */
export async function exportBundles(inst: Installation, actor: string, folder: string): Promise<ExportedFile[]> {
  assertWholeFolderPath(folder, 'folder');
  const files = await bundlesToSend(inst, actor);
  mkdirSync(folder, { recursive: true });
  for (const f of files) writeFileAtomic(join(folder, f.fileName), f.data);
  return files.map(({ data: _data, ...f }) => f);
}

/**
 * Makes a bundle for each partner with something new, then hands back every bundle a partner has
 * not acknowledged yet: each export carries again what is still unacknowledged, so a lost stick
 * costs nothing.
 */
export async function bundlesToSend(inst: Installation, actor: string): Promise<(ExportedFile & { data: Buffer })[]> {
  ensureOwnKeys(inst, actor);
  const raw = inst.open().raw;
  const ps = partners(raw);
  if (ps.length === 0) throw new AppError('NOT_ENROLLED');
  const made = new Set<string>();
  for (const p of ps) {
    const b = await makeBundle(inst, actor, p);
    if (b) made.add(b.fileName);
  }
  const out: (ExportedFile & { data: Buffer })[] = [];
  for (const p of partners(raw)) {
    const rows = raw
      .prepare('SELECT seq, file_name AS fileName, data FROM sync_outbox WHERE recipient = ? AND seq > ? AND data IS NOT NULL ORDER BY seq')
      .all(p.uscc, p.peerAcked) as { seq: number; fileName: string; data: Buffer }[];
    for (const r of rows) out.push({ fileName: r.fileName, recipient: p.uscc, sequence: r.seq, bytes: r.data.length, isNew: made.has(r.fileName), data: r.data });
  }
  return out;
}

export interface Checked {
  inner: Inner;
  partner: Partner;
  verdict: Verdict;
}

/** Decrypts and checks a bundle: readable, well formed, from an enrolled sender, signed, for us. */
export async function checkBundle(inst: Installation, file: Buffer): Promise<Checked> {
  const raw = inst.open().raw;
  const keys = ownKeys(inst);
  const own = readOrg(inst);
  const parts = parseInner(await decryptWith(file, keys.ageIdentity));
  const m = parts.manifest;
  if (m.sender.uscc === own.uscc) throw new AppError('BUNDLE_WRONG_RECIPIENT', { recipient: m.recipient.uscc });
  const p = partner(raw, m.sender.uscc);
  if (!p || p.fingerprint !== m.sender.fingerprint) throw new AppError('BUNDLE_UNKNOWN_SENDER', { sender: m.sender.uscc });
  const inner = verifyInner(parts, signPublicKey(p.signKey));
  const ownFingerprint = fingerprintOf(ownCard(inst));
  if (m.recipient.uscc !== own.uscc || m.recipient.fingerprint !== ownFingerprint) throw new AppError('BUNDLE_WRONG_RECIPIENT', { recipient: m.recipient.uscc });
  const want = inst.mode() === 'bureau' ? 'school-data' : 'bureau-ack';
  if (m.kind !== want) throw new AppError('BUNDLE_MALFORMED', { what: `kind ${m.kind}` });
  return { inner, partner: p, verdict: verdictOf(raw, p, m, inner.innerHash) };
}

function verdictOf(raw: Raw, p: Partner, m: Manifest, innerHash: string): Verdict {
  if (m.sequence === p.lastApplied + 1) return 'apply';
  if (m.sequence > p.lastApplied + 1) return 'gap';
  const seen = raw.prepare('SELECT inner_hash AS h FROM sync_inbox WHERE sender = ? AND seq = ?').get(p.uscc, m.sequence) as { h: string } | undefined;
  return seen?.h === innerHash ? 'duplicate' : 'replay';
}

function refuse(verdict: 'replay' | 'gap', p: Partner, m: Manifest): AppError {
  return verdict === 'gap'
    ? new AppError('BUNDLE_GAP', { sender: p.uscc, sequence: m.sequence, expected: p.lastApplied + 1 })
    : new AppError('BUNDLE_REPLAY', { sender: p.uscc, sequence: m.sequence });
}

export interface Imported {
  verdict: 'applied' | 'duplicate';
  manifest: Manifest;
  changed: Record<string, number>;
}

/** Imports one bundle, all or nothing, in one transaction with its audit entry. */
export async function importBundle(inst: Installation, actor: string, file: Buffer): Promise<Imported> {
  const { inner, partner: p, verdict } = await checkBundle(inst, file);
  const m = inner.manifest;
  const raw = inst.open().raw;
  // A duplicate is a no-op: no change and no audit entry.
  if (verdict === 'duplicate') return { verdict: 'duplicate', manifest: m, changed: {} };
  if (verdict !== 'apply') throw refuse(verdict, p, m);
  return inst.write(
    (r) => ({ actor, route: 'sync.import', subject: `bundle:${bundleFileName(m.sender.uscc, m.sequence)}`, diff: { sender: m.sender.uscc, sequence: m.sequence, verdict: r.verdict, changed: r.changed, innerHash: inner.innerHash } }),
    () => {
      // Checked again inside the transaction: another import may have landed since the check.
      const now = partner(raw, p.uscc)!;
      const again = verdictOf(raw, now, m, inner.innerHash);
      if (again !== 'apply') throw refuse(again === 'gap' ? 'gap' : 'replay', now, m);
      let changed: Record<string, number>;
      try {
        changed = m.kind === 'school-data' ? applySchoolContent(raw, p.uscc, m.sequence, inner.content as SchoolContent) : applyBureauContent(raw, inner.content);
      } catch (e) {
        if (e instanceof AppError) throw e;
        throw new AppError('BUNDLE_MALFORMED', { what: 'content' }, (e as Error).message);
      }
      const peerAcked = Math.max(now.peerAcked, m.ackSequence);
      raw.prepare('UPDATE sync_partners SET last_applied = ?, peer_acked = ? WHERE uscc = ?').run(m.sequence, peerAcked, p.uscc);
      // Acknowledged bundles need not be kept to be sent again.
      raw.prepare('UPDATE sync_outbox SET data = NULL WHERE recipient = ? AND seq <= ?').run(p.uscc, peerAcked);
      raw.prepare('INSERT INTO sync_inbox (sender, seq, inner_hash, applied_at, counts) VALUES (?, ?, ?, ?, ?)').run(p.uscc, m.sequence, inner.innerHash, inst.clock.now().toISOString(), JSON.stringify(m.counts));
      return { verdict: 'applied' as const, manifest: m, changed };
    },
  );
}

export interface BureauContent {
  ack: number;
  catalogue: CatalogueDocument[];
  supervision?: SupervisionStatus;
}

const bureauContent = z.object({ ack: z.number().int().min(0), catalogue: z.array(catalogueDocument).default([]), supervision: supervisionStatus.optional() });

/** At a school: the acknowledgement (taken from the manifest), new catalogue versions, the supervision status. */
function applyBureauContent(raw: Raw, content: unknown): Record<string, number> {
  const parsed = bureauContent.safeParse(content);
  if (!parsed.success) throw new AppError('BUNDLE_MALFORMED', { what: 'content' });
  const added = receiveVersions(raw, parsed.data.catalogue);
  if (parsed.data.supervision) storeStatus(raw, parsed.data.supervision);
  return { ...(added ? { catalogueVersions: added } : {}), ...(parsed.data.supervision ? { supervision: 1 } : {}) };
}

export type Inspection =
  | { verdict: Verdict; manifest: Manifest; code: null; params: null }
  | { verdict: 'rejected'; manifest: Manifest | null; code: string; params: Record<string, string | number> | null };

/** What importing would do, with the manifest when it can be read; nothing is applied. */
export async function inspectBundle(inst: Installation, file: Buffer): Promise<Inspection> {
  try {
    const { inner, verdict } = await checkBundle(inst, file);
    return { verdict, manifest: inner.manifest, code: null, params: null };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    let manifest: Manifest | null = null;
    try {
      manifest = parseInner(await decryptWith(file, ownKeys(inst).ageIdentity)).manifest;
    } catch {
      manifest = null;
    }
    // The values the refusal's words need (what is malformed, which sender), as import gives them.
    return { verdict: 'rejected', manifest, code: e.code, params: e.params ?? null };
  }
}

export function syncState(inst: Installation) {
  const raw = inst.open().raw;
  const ps = partners(raw);
  const acked = new Map(ps.map((p) => [p.uscc, p.peerAcked]));
  const outbox = (raw.prepare('SELECT recipient, seq, created_at AS createdAt, file_name AS fileName, counts, bytes FROM sync_outbox ORDER BY created_at DESC, seq DESC LIMIT 200').all() as {
    recipient: string;
    seq: number;
    createdAt: string;
    fileName: string;
    counts: string;
    bytes: number;
  }[]).map((r) => ({ ...r, counts: (JSON.parse(r.counts) as { counts: Record<string, number> }).counts, acknowledged: r.seq <= (acked.get(r.recipient) ?? 0) }));
  const inbox = (raw.prepare('SELECT sender, seq, applied_at AS appliedAt, counts FROM sync_inbox ORDER BY applied_at DESC, seq DESC LIMIT 200').all() as {
    sender: string;
    seq: number;
    appliedAt: string;
    counts: string;
  }[]).map((r) => ({ ...r, counts: JSON.parse(r.counts) as Record<string, number> }));
  return {
    partners: ps.map(({ signKey: _s, ageRecipient: _a, ...p }) => p),
    outbox,
    inbox,
  };
}
