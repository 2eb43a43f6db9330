// Key slots (core, plain Node): the random DB key wrapped once per account and once under the
// recovery key, LUKS-style. The key file holds no name of a person or school: slots are indexed by
// a hash of the user name. Without a password or the recovery key the data folder is unreadable.
import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt, scryptSync } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic';
import type { Mode } from '../../../shared/domain/roles';

export const KEYFILE_NAME = 'educredit.keys.json';
const KEYFILE_FORMAT = 1;

/** scrypt cost: ~0.1 s and 32 MiB on an old office PC, so guessing is slow but login is not. */
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

interface WrappedKey {
  salt: string;
  nonce: string;
  ct: string;
  tag: string;
}

interface Slot extends WrappedKey {
  failures: number;
  lockedUntil: number | null;
}

export interface KeyFile {
  format: number;
  mode: Mode;
  slots: Record<string, Slot>;
  recovery: WrappedKey;
}

export function slotId(username: string): string {
  return createHash('sha256').update(`educredit-slot\0${username.toLowerCase()}`).digest('hex');
}

function kek(secret: string, salt: Buffer): Buffer {
  return scryptSync(secret.normalize('NFKC'), salt, 32, SCRYPT);
}

function kekAsync(secret: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(secret.normalize('NFKC'), salt, 32, SCRYPT, (e, key) => (e ? reject(e) : resolve(key))));
}

function seal(dbKey: Buffer, key: Buffer, salt: Buffer, aad: string): WrappedKey {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([cipher.update(dbKey), cipher.final()]);
  return { salt: salt.toString('base64'), nonce: nonce.toString('base64'), ct: ct.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

export function wrapKey(dbKey: Buffer, secret: string, aad: string): WrappedKey {
  const salt = randomBytes(16);
  return seal(dbKey, kek(secret, salt), salt, aad);
}

/** A wrapped slot made off the event loop (libuv's pool), for many accounts at once. */
export interface PreparedSlot {
  username: string;
  wrapped: WrappedKey;
}

export async function prepareSlot(dbKey: Buffer, username: string, password: string): Promise<PreparedSlot> {
  const salt = randomBytes(16);
  return { username, wrapped: seal(dbKey, await kekAsync(password, salt), salt, slotId(username)) };
}

/** Returns the DB key, or null when the secret is wrong (the GCM tag does not verify). */
export function unwrapKey(w: WrappedKey, secret: string, aad: string): Buffer | null {
  const decipher = createDecipheriv('aes-256-gcm', kek(secret, Buffer.from(w.salt, 'base64')), Buffer.from(w.nonce, 'base64'));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(Buffer.from(w.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(w.ct, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

// Crockford's base32: no I, L, O or U, so a key read off paper is not misread.
const B32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new recovery key: 160 random bits as eight groups of four characters. */
export function newRecoveryKey(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/** Accepts the key as typed: any case, with or without dashes and spaces, O read as 0, I/L as 1. */
export function normaliseRecoveryKey(typed: string): string {
  const clean = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return clean.match(/.{1,4}/g)?.join('-') ?? '';
}

export const RECOVERY_AAD = 'educredit-recovery';

function readKeyFile(path: string): KeyFile {
  const data = JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
  if (data.format !== KEYFILE_FORMAT) throw new Error(`key file format ${data.format}`);
  return data;
}

/** Counters of names that have no slot; the oldest are forgotten beyond this many. */
const MAX_PHANTOMS = 10_000;
/** A wrapped random key nobody can open: unknown names are tried against it for equal work. */
let decoy: WrappedKey | null = null;
function decoyKey(): WrappedKey {
  decoy ??= wrapKey(randomBytes(32), randomBytes(32).toString('base64'), 'educredit-decoy');
  return decoy;
}

export class KeyStore {
  private readonly phantoms = new Map<string, { failures: number; lockedUntil: number | null }>();

  private constructor(
    private readonly path: string,
    private data: KeyFile,
  ) {}

  static exists(dataDir: string): boolean {
    return existsSync(join(dataDir, KEYFILE_NAME));
  }

  static load(dataDir: string): KeyStore {
    const path = join(dataDir, KEYFILE_NAME);
    return new KeyStore(path, readKeyFile(path));
  }

  /** A new key store, written to disk with the first slot: an installation without one is useless. */
  static create(dataDir: string, mode: Mode, dbKey: Buffer, recoveryKey: string): KeyStore {
    return new KeyStore(join(dataDir, KEYFILE_NAME), {
      format: KEYFILE_FORMAT,
      mode,
      slots: {},
      recovery: wrapKey(dbKey, recoveryKey, RECOVERY_AAD),
    });
  }

  get mode(): Mode {
    return this.data.mode;
  }

  hasSlot(username: string): boolean {
    return slotId(username) in this.fresh().slots;
  }

  /** Writes (or replaces) the slot of an account. The caller holds the DB key: it is logged in. */
  setSlot(username: string, password: string, dbKey: Buffer): void {
    const id = slotId(username);
    const slot: Slot = { ...wrapKey(dbKey, password, id), failures: 0, lockedUntil: null };
    this.change((d) => {
      d.slots[id] = slot;
    });
  }

  /** Writes slots prepared beforehand, in one write of the key file. */
  putSlots(prepared: readonly PreparedSlot[]): void {
    this.change((d) => {
      for (const p of prepared) d.slots[slotId(p.username)] = { ...p.wrapped, failures: 0, lockedUntil: null };
    });
  }

  /** A deactivated account keeps no way in: its password no longer unwraps the key. */
  removeSlot(username: string): void {
    this.change((d) => {
      delete d.slots[slotId(username)];
    });
  }

  lockedUntil(username: string, now: number): number | null {
    const id = slotId(username);
    const slot = this.fresh().slots[id] ?? this.phantoms.get(id);
    return slot?.lockedUntil && slot.lockedUntil > now ? slot.lockedUntil : null;
  }

  /**
   * Unwraps with the password. Counts failures per slot and locks the slot for 15 minutes after
   * five in a row; an unknown user name counts nowhere but answers the same way.
   */
  unlock(username: string, password: string, now: number): { ok: true; key: Buffer } | { ok: false; failuresLeft: number; lockedUntil: number | null } {
    const id = slotId(username);
    const slot = this.fresh().slots[id];
    if (!slot) return this.unknownName(id, password, now);
    const key = unwrapKey(slot, password, id);
    if (key) {
      if (slot.failures !== 0 || slot.lockedUntil !== null) {
        this.change((d) => {
          const s = d.slots[id];
          if (s) Object.assign(s, { failures: 0, lockedUntil: null });
        });
      }
      return { ok: true, key };
    }
    const counted = this.change((d) => {
      const s = d.slots[id] ?? slot;
      s.failures += 1;
      if (s.failures >= MAX_FAILED_LOGINS) {
        s.lockedUntil = now + LOCKOUT_MS;
        s.failures = 0;
      }
      return { failures: s.failures, lockedUntil: s.lockedUntil };
    });
    return { ok: false, failuresLeft: MAX_FAILED_LOGINS - counted.failures, lockedUntil: counted.lockedUntil };
  }

  unlockWithRecoveryKey(recoveryKey: string): Buffer | null {
    return unwrapKey(this.fresh().recovery, normaliseRecoveryKey(recoveryKey), RECOVERY_AAD);
  }

  /**
   * A name with no slot is answered as a real account with a wrong password would be: the same
   * scrypt work, the same countdown and the same lockout (kept in memory, as there is nothing to
   * protect on disk), so neither the words nor the time tell whether the name exists.
   */
  private unknownName(id: string, password: string, now: number): { ok: false; failuresLeft: number; lockedUntil: number | null } {
    unwrapKey(decoyKey(), password, id);
    const p = this.phantoms.get(id) ?? { failures: 0, lockedUntil: null };
    this.phantoms.delete(id);
    if (this.phantoms.size >= MAX_PHANTOMS) this.phantoms.delete(this.phantoms.keys().next().value as string);
    this.phantoms.set(id, p);
    p.failures += 1;
    if (p.failures >= MAX_FAILED_LOGINS) {
      p.lockedUntil = now + LOCKOUT_MS;
      p.failures = 0;
    }
    return { ok: false, failuresLeft: MAX_FAILED_LOGINS - p.failures, lockedUntil: p.lockedUntil };
  }

  /**
   * The file as it is on disk now. One program holds the folder (FolderLock), but the file is
   * still read before every use and every change, so what this object last saw can never be
   * written back over a newer file. Before the first slot is saved the file does not exist yet.
   */
  private fresh(): KeyFile {
    if (!this.holding && existsSync(this.path)) this.data = readKeyFile(this.path);
    return this.data;
  }

  private change<T>(edit: (d: KeyFile) => T): T {
    const data = this.fresh();
    const result = edit(data);
    if (!this.holding) writeFileAtomic(this.path, JSON.stringify(data, null, 1));
    return result;
  }

  private holding = false;

  /**
   * Runs `fn` with the key file's changes kept in memory, then writes them all in one write, and
   * only if `fn` succeeded. Setup writes every first account's slot this way: a key file on disk
   * then always holds all of them, so "the key file exists" means "the setup finished".
   */
  holdWrites<T>(fn: () => T): T {
    this.holding = true;
    let done = false;
    try {
      const result = fn();
      done = true;
      return result;
    } finally {
      this.holding = false;
      if (done) writeFileAtomic(this.path, JSON.stringify(this.data, null, 1));
    }
  }
}
