// Teachers' personal signing keys (core). Made at a teacher's first login with a password of their
// own (never under one an administrator set), the private half wrapped under that password
// (scrypt, AES-256-GCM, as the DB key slots are), so the administrator who holds the DB cannot
// sign for a teacher. When the password no longer opens the
// key (an administrator reset it, or it was recovered), the key is retired and a new one made;
// retired public keys stay to verify old signatures.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { AppError } from '../../../shared/api/errors';
import type { Installation } from '../app/installation';
import { unwrapKey, wrapKey } from '../keys/keyfile';

interface KeyRow {
  id: number;
  publicKey: string;
  fingerprint: string;
  wrappedPrivate: string;
}

const aad = (userId: number): string => `educredit-teacher-key:${userId}`;

export function fingerprintOf(publicKeyDer: Buffer): string {
  return createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 32).match(/.{4}/g)!.join(' ');
}

function activeKey(inst: Installation, userId: number): KeyRow | undefined {
  return inst
    .open()
    .raw.prepare('SELECT id, public_key AS publicKey, fingerprint, wrapped_private AS wrappedPrivate FROM teacher_keys WHERE user_id = ? AND retired_at IS NULL')
    .get(userId) as KeyRow | undefined;
}

function unwrapPrivate(row: KeyRow, userId: number, password: string): Buffer | null {
  return unwrapKey(JSON.parse(row.wrappedPrivate) as Parameters<typeof unwrapKey>[0], password, aad(userId));
}

/**
 * Makes sure a teacher account has a key its password opens; call inside a write. Returns the
 * fingerprint of a key it made, or null when the existing key still opens.
 */
export function ensureTeacherKey(inst: Installation, userId: number, teacherId: number, password: string): string | null {
  const current = activeKey(inst, userId);
  if (current && unwrapPrivate(current, userId, password)) return null;
  return renewTeacherKey(inst, userId, teacherId, password);
}

/**
 * Retires the active key, if any, and makes a new one under `password`: for a teacher leaving a
 * password an administrator set, since whoever knew that password could have copied the key.
 */
export function renewTeacherKey(inst: Installation, userId: number, teacherId: number, password: string): string {
  const raw = inst.open().raw;
  const current = activeKey(inst, userId);
  const now = inst.clock.now().toISOString();
  if (current) raw.prepare('UPDATE teacher_keys SET retired_at = ? WHERE id = ?').run(now, current.id);
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicDer = publicKey.export({ format: 'der', type: 'spki' });
  const privateDer = privateKey.export({ format: 'der', type: 'pkcs8' });
  const fingerprint = fingerprintOf(publicDer);
  raw
    .prepare('INSERT INTO teacher_keys (user_id, teacher_id, public_key, fingerprint, wrapped_private, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(userId, teacherId, publicDer.toString('base64'), fingerprint, JSON.stringify(wrapKey(privateDer, password, aad(userId))), now);
  return fingerprint;
}

/** A password change re-wraps the key, so the same key keeps signing. */
export function rewrapTeacherKey(inst: Installation, userId: number, oldPassword: string, newPassword: string): void {
  const row = activeKey(inst, userId);
  const priv = row ? unwrapPrivate(row, userId, oldPassword) : null;
  if (!row || !priv) return;
  inst.open().raw.prepare('UPDATE teacher_keys SET wrapped_private = ? WHERE id = ?').run(JSON.stringify(wrapKey(priv, newPassword, aad(userId))), row.id);
}

/** Signs with the teacher's key; a wrong password cannot sign. */
export function signAsTeacher(inst: Installation, userId: number, password: string, message: string): { keyId: number; fingerprint: string; signature: string } {
  const row = activeKey(inst, userId);
  if (!row) throw new AppError('SIGNING_KEY_MISSING');
  const priv = unwrapPrivate(row, userId, password);
  if (!priv) throw new AppError('WRONG_PASSWORD');
  const key = createPrivateKey({ key: priv, format: 'der', type: 'pkcs8' });
  return { keyId: row.id, fingerprint: row.fingerprint, signature: sign(null, Buffer.from(message, 'utf8'), key).toString('base64') };
}

export function verifyTeacherSignature(inst: Installation, keyId: number, message: string, signature: string): boolean {
  const row = inst.open().raw.prepare('SELECT public_key AS publicKey FROM teacher_keys WHERE id = ?').get(keyId) as { publicKey: string } | undefined;
  if (!row) return false;
  const key = createPublicKey({ key: Buffer.from(row.publicKey, 'base64'), format: 'der', type: 'spki' });
  return verify(null, Buffer.from(message, 'utf8'), key, Buffer.from(signature, 'base64'));
}
