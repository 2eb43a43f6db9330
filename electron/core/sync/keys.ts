// Installation keys for bundles (core): an Ed25519 signing key and an age X25519 identity, kept
// encrypted in the DB (AES-256-GCM under a key derived from the DB key), the public identity
// card, and enrolment of a partner by its card.
import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';
import { z } from 'zod';
import { AppError } from '../../../shared/api/errors';
import { checkUscc } from '../../../shared/domain/uscc';
import type { Mode } from '../../../shared/domain/roles';
import type { InstitutionKind } from '../../../shared/domain/supervision';
import type { Installation } from '../app/installation';
import type { Raw } from '../db/open';
import { readOrg } from '../setup/org';
import { bech32Decode, bech32Encode } from './bech32';

export const CARD_FORMAT = 'educredit-card/1';
const META_KEY = 'syncKeys';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

interface Secrets {
  /** Ed25519 private key, PKCS#8 DER in base64. */
  signPkcs8: string;
  /** AGE-SECRET-KEY-1… */
  ageIdentity: string;
  /** 32 random bytes (base64): the key of the keyed hashes that stand in for ID numbers. */
  pseudonymKey: string;
}

export interface OwnKeys {
  signPrivate: KeyObject;
  signPublicRaw: Buffer;
  ageIdentity: string;
  ageRecipient: string;
  pseudonymKey: Buffer;
}

export const cardSchema = z.object({
  format: z.literal(CARD_FORMAT),
  mode: z.enum(['school', 'bureau']),
  name: z.string().min(1).max(200),
  uscc: z.string().min(1).max(40),
  signKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  ageRecipient: z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/),
  fingerprint: z.string().optional(),
});
export type Card = z.infer<typeof cardSchema>;

function secretsKey(dbKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dbKey, Buffer.alloc(0), 'educredit-sync-keys', 32));
}

/** age's X25519 identity for 32 raw private bytes, and its recipient. */
export function ageIdentityOf(privateRaw: Buffer): string {
  return bech32Encode('age-secret-key-', privateRaw).toUpperCase();
}

export function ageRecipientOf(identity: string): string {
  const { hrp, bytes } = bech32Decode(identity);
  if (hrp !== 'age-secret-key-' || bytes.length !== 32) throw new Error('not an age X25519 identity');
  const d = bytes.toString('base64url');
  // node:crypto derives the public half; the JWK needs x, so take it from a fresh import.
  const priv = createPrivateKey({ key: { kty: 'OKP', crv: 'X25519', d, x: '' }, format: 'jwk' });
  const x = Buffer.from(createPublicKey(priv).export({ format: 'jwk' }).x!, 'base64url');
  return bech32Encode('age', x);
}

function makeSecrets(): Secrets {
  const sign = generateKeyPairSync('ed25519');
  const x = generateKeyPairSync('x25519');
  const d = Buffer.from(x.privateKey.export({ format: 'jwk' }).d!, 'base64url');
  return {
    signPkcs8: sign.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    ageIdentity: ageIdentityOf(d),
    pseudonymKey: randomBytes(32).toString('base64'),
  };
}

function seal(dbKey: Buffer, s: Secrets): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', secretsKey(dbKey), nonce);
  cipher.setAAD(Buffer.from(META_KEY));
  const ct = Buffer.concat([cipher.update(JSON.stringify(s), 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, ct, cipher.getAuthTag()]).toString('base64');
}

function open(dbKey: Buffer, sealed: string): Secrets {
  const blob = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', secretsKey(dbKey), blob.subarray(0, NONCE_BYTES));
  decipher.setAAD(Buffer.from(META_KEY));
  decipher.setAuthTag(blob.subarray(blob.length - TAG_BYTES));
  const pt = Buffer.concat([decipher.update(blob.subarray(NONCE_BYTES, blob.length - TAG_BYTES)), decipher.final()]);
  return JSON.parse(pt.toString('utf8')) as Secrets;
}

function sealed(raw: Raw): string | undefined {
  return (raw.prepare('SELECT value FROM meta WHERE key = ?').get(META_KEY) as { value: string } | undefined)?.value;
}

/** Makes this installation's keys; call inside a write (setup does). Does nothing if they exist. */
export function makeOwnKeys(inst: Installation): boolean {
  const raw = inst.open().raw;
  if (sealed(raw) !== undefined) return false;
  raw.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(META_KEY, seal(inst.key(), makeSecrets()));
  return true;
}

export function hasOwnKeys(inst: Installation): boolean {
  return sealed(inst.open().raw) !== undefined;
}

/**
 * An installation set up before bundles existed has no keys yet: make them, audited, on first use.
 */
export function ensureOwnKeys(inst: Installation, actor: string): void {
  if (hasOwnKeys(inst)) return;
  inst.write(() => ({ actor, route: 'sync.keys', subject: 'installation', diff: { keysMade: true } }), () => makeOwnKeys(inst));
}

export function ownKeys(inst: Installation): OwnKeys {
  const s = sealed(inst.open().raw);
  if (s === undefined) throw new AppError('KEY_UNAVAILABLE', undefined, 'this installation has no bundle keys');
  let secrets: Secrets;
  try {
    secrets = open(inst.key(), s);
  } catch {
    throw new AppError('CORRUPT', undefined, 'bundle keys cannot be opened');
  }
  const signPrivate = createPrivateKey({ key: Buffer.from(secrets.signPkcs8, 'base64'), format: 'der', type: 'pkcs8' });
  const signPublicRaw = Buffer.from(createPublicKey(signPrivate).export({ format: 'jwk' }).x!, 'base64url');
  return { signPrivate, signPublicRaw, ageIdentity: secrets.ageIdentity, ageRecipient: ageRecipientOf(secrets.ageIdentity), pseudonymKey: Buffer.from(secrets.pseudonymKey, 'base64') };
}

/** Short SHA-256 of the canonical card (without its fingerprint): 80 bits in groups of four. */
export function fingerprintOf(card: Card): string {
  const { fingerprint: _f, ...rest } = card;
  const hex = createHash('sha256').update(canonicalize(rest)!).digest('hex').slice(0, 20).toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

export function ownCard(inst: Installation): Card {
  const org = readOrg(inst);
  const k = ownKeys(inst);
  const card: Card = { format: CARD_FORMAT, mode: org.mode, name: org.name, uscc: org.uscc, signKey: k.signPublicRaw.toString('base64'), ageRecipient: k.ageRecipient };
  return { ...card, fingerprint: fingerprintOf(card) };
}

export function signPublicKey(raw32Base64: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw32Base64, 'base64').toString('base64url') }, format: 'jwk' });
}

/** Reads a card file's text: well formed, a valid USCC, keys that parse, and a fingerprint that matches. */
export function parseCard(text: string): Card {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('CARD_INVALID', { what: 'JSON' });
  }
  const parsed = cardSchema.safeParse(json);
  if (!parsed.success) throw new AppError('CARD_INVALID', { what: parsed.error.issues.map((i) => i.path.join('.') || 'card').join(', ') });
  const card = parsed.data;
  const uscc = checkUscc(card.uscc);
  if (!uscc.ok) throw new AppError('INVALID_USCC', { ...uscc.problem });
  try {
    signPublicKey(card.signKey);
    bech32Decode(card.ageRecipient);
  } catch {
    throw new AppError('CARD_INVALID', { what: 'keys' });
  }
  const fp = fingerprintOf(card);
  if (card.fingerprint !== undefined && card.fingerprint !== fp) throw new AppError('CARD_INVALID', { what: 'fingerprint' });
  return { ...card, uscc: uscc.value, fingerprint: fp };
}

export interface Partner {
  uscc: string;
  mode: Mode;
  name: string;
  signKey: string;
  ageRecipient: string;
  fingerprint: string;
  enrolledAt: string;
  lastApplied: number;
  peerAcked: number;
}

const PARTNER_COLUMNS = 'uscc, mode, name, sign_key AS signKey, age_recipient AS ageRecipient, fingerprint, enrolled_at AS enrolledAt, last_applied AS lastApplied, peer_acked AS peerAcked';

export function partners(raw: Raw): Partner[] {
  return raw.prepare(`SELECT ${PARTNER_COLUMNS} FROM sync_partners ORDER BY uscc`).all() as Partner[];
}

export function partner(raw: Raw, uscc: string): Partner | undefined {
  return raw.prepare(`SELECT ${PARTNER_COLUMNS} FROM sync_partners WHERE uscc = ?`).get(uscc) as Partner | undefined;
}

/**
 * Enrols a partner by its card, inside the caller's write: a bureau registers schools (registerSchool);
 * a school accepts exactly one bureau. Enrolling
 * the same card again changes nothing; another card for an enrolled USCC is a conflict.
 */
export interface RegistryBrief {
  id: number;
  name: string;
  uscc: string;
  kind: InstitutionKind;
}

export type RegistryChoice = { action: 'link'; institutionId: number; reason: string } | { action: 'create' };

/** What the registry already holds of the school on a card: its USCC's entry, or entries of its name. */
export function registryMatch(raw: Raw, cardText: string): { exact: RegistryBrief | null; sameName: RegistryBrief[] } {
  const card = parseCard(cardText);
  const exact = (raw.prepare('SELECT id, name, uscc, kind FROM institutions WHERE uscc = ?').get(card.uscc) as RegistryBrief | undefined) ?? null;
  const sameName = exact ? [] : (raw.prepare('SELECT id, name, uscc, kind FROM institutions WHERE name = ? ORDER BY id').all(card.name.trim()) as RegistryBrief[]);
  return { exact, sameName };
}

/** What enrolment did to the bureau's registry, for its audit entry. */
export type RegistryEffect = { entry: number; how: 'existing' | 'created' } | { entry: number; how: 'linked'; uscc: { from: string; to: string }; reason: string };

/**
 * A school's registry entry at enrolment: the one of its USCC; else, with a school of that name
 * already registered, the one the administrator links to (its USCC corrected) or a new one as
 * they chose — never a silent duplicate; else a new public school.
 */
function registerSchool(raw: Raw, card: { uscc: string; name: string }, choice: RegistryChoice | undefined): RegistryEffect {
  const exact = raw.prepare('SELECT id FROM institutions WHERE uscc = ?').pluck().get(card.uscc) as number | undefined;
  if (exact !== undefined) return { entry: exact, how: 'existing' };
  if (choice?.action === 'link') {
    const target = raw.prepare('SELECT id, uscc FROM institutions WHERE id = ?').get(choice.institutionId) as { id: number; uscc: string } | undefined;
    if (!target) throw new AppError('NOT_FOUND', undefined, `institution ${choice.institutionId}`);
    raw.prepare('UPDATE institutions SET uscc = ? WHERE id = ?').run(card.uscc, target.id);
    return { entry: target.id, how: 'linked', uscc: { from: target.uscc, to: card.uscc }, reason: choice.reason };
  }
  const same = raw.prepare('SELECT name, uscc FROM institutions WHERE name = ? ORDER BY id').get(card.name.trim()) as { name: string; uscc: string } | undefined;
  if (same && choice?.action !== 'create') throw new AppError('SAME_NAME_IN_REGISTRY', { name: same.name, uscc: same.uscc });
  const id = raw.prepare("INSERT INTO institutions (name, uscc, kind, township, status) VALUES (?, ?, 'public_school', '', 'active')").run(card.name, card.uscc).lastInsertRowid;
  return { entry: Number(id), how: 'created' };
}

export function enrol(inst: Installation, cardText: string, choice?: RegistryChoice): { partner: Partner; added: boolean; registry: RegistryEffect | null } {
  const card = parseCard(cardText);
  const raw = inst.open().raw;
  const mode = inst.mode();
  const org = readOrg(inst);
  if (card.uscc === org.uscc) throw new AppError('CARD_INVALID', { what: 'own card' });
  const want: Mode = mode === 'bureau' ? 'school' : 'bureau';
  if (card.mode !== want) throw new AppError('CARD_INVALID', { what: `mode ${card.mode}` });
  const existing = partner(raw, card.uscc);
  if (existing) {
    if (existing.fingerprint === card.fingerprint) return { partner: existing, added: false, registry: null };
    throw new AppError('CONFLICT', { what: card.uscc }, 'another card is enrolled for this USCC');
  }
  if (mode === 'school' && partners(raw).length > 0) throw new AppError('CONFLICT', { what: card.uscc }, 'a bureau is already enrolled');
  const registry = mode === 'bureau' ? registerSchool(raw, card, choice) : null;
  raw
    .prepare('INSERT INTO sync_partners (uscc, mode, name, sign_key, age_recipient, fingerprint, enrolled_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(card.uscc, card.mode, card.name, card.signKey, card.ageRecipient, card.fingerprint, inst.clock.now().toISOString());
  return { partner: partner(raw, card.uscc)!, added: true, registry };
}
