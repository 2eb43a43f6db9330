// One installation (core): the data folder, its key slots, the encrypted store once unlocked, and
// the live sessions. Electron main, the web host and the CLI each hold one of these.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/api/errors';
import type { Mode } from '../../../shared/domain/roles';
import { DB_FILE_NAME, openStore, supportedSchemaVersion, toAppError, type Store } from '../db/open';
import * as schema from '../db/schema';
import { KEYFILE_NAME, KeyStore, newRecoveryKey } from '../keys/keyfile';
import { appendAudit, type AuditCheckpoint, type AuditInput } from '../audit/log';
import { Sessions } from '../auth/sessions';
import { FolderLock } from './folderLock';
import { sweepUnfinishedEvidence } from '../evidence/unfinished';
import { beginSetup, clearUnfinishedSetup, endSetup, settleInterruptedSetup } from './setupMarker';
import { readSettings } from '../settings/service';

export type Status =
  | { state: 'new'; setupInterrupted?: true }
  | { state: 'locked'; mode: Mode }
  | { state: 'open'; mode: Mode }
  | { state: 'error'; error: { code: string; detail?: string } };

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export class Installation {
  private keys: KeyStore | null = null;
  private store: Store | null = null;
  private dbKey: Buffer | null = null;
  private lastError: AppError | null = null;
  private pending: (() => void)[] | null = null;
  private lock: FolderLock | null = null;
  /** This start found and cleared a setup that had been cut short: the wizard says so. */
  private setupInterrupted = false;
  readonly sessions: Sessions;
  /** The newest audit entry the dashboard has seen verified, so it re-checks only what came after. */
  auditCheckpoint: AuditCheckpoint | null = null;

  constructor(
    readonly dataDir: string,
    readonly clock: Clock = systemClock,
  ) {
    this.sessions = new Sessions(() => this.idleLockMinutes() * 60_000);
    this.load();
  }

  /**
   * Takes the folder's lock, settles a setup that was cut short, and reads the key file. A folder
   * in use by another program is an error state that the next status() call retries, so the
   * screen clears itself once the other program is closed.
   */
  private load(): void {
    this.lastError = null;
    if (existsSync(this.dataDir)) {
      try {
        this.holdFolder();
      } catch (e) {
        if (e instanceof AppError && e.code === 'IN_USE') {
          this.lastError = e;
          return;
        }
        throw e;
      }
      this.setupInterrupted = settleInterruptedSetup(this.dataDir);
    }
    if (!KeyStore.exists(this.dataDir) && existsSync(join(this.dataDir, DB_FILE_NAME))) {
      // Data without its key file cannot be read: say so rather than offer to set up anew.
      this.lastError = new AppError('KEY_UNAVAILABLE', undefined, `${KEYFILE_NAME} is missing`);
    } else if (KeyStore.exists(this.dataDir)) {
      try {
        this.keys = KeyStore.load(this.dataDir);
      } catch (e) {
        this.lastError = new AppError('CORRUPT', undefined, `key file: ${(e as Error).message}`);
      }
    }
  }

  /** One writer per folder: throws IN_USE while another program (or Installation) holds it. */
  private holdFolder(): void {
    if (!this.lock) this.lock = FolderLock.acquire(this.dataDir);
  }

  status(): Status {
    if (this.lastError?.code === 'IN_USE') this.load();
    if (this.lastError) return { state: 'error', error: { code: this.lastError.code, ...(this.lastError.detail ? { detail: this.lastError.detail } : {}) } };
    if (!this.keys) return this.setupInterrupted ? { state: 'new', setupInterrupted: true } : { state: 'new' };
    return { state: this.store ? 'open' : 'locked', mode: this.keys.mode };
  }

  get isNew(): boolean {
    return this.keys === null && this.lastError === null;
  }

  keyStore(): KeyStore {
    if (this.lastError?.code === 'IN_USE') this.load();
    if (this.lastError?.code === 'IN_USE') throw this.lastError;
    if (!this.keys) throw new AppError('NOT_INITIALIZED');
    return this.keys;
  }

  /** The open store; every route that reads or writes data needs it. */
  open(): Store {
    if (!this.store) throw new AppError(this.keys ? 'DB_LOCKED' : 'NOT_INITIALIZED');
    return this.store;
  }

  key(): Buffer {
    if (!this.dbKey) throw new AppError('DB_LOCKED');
    return this.dbKey;
  }

  mode(): Mode {
    return this.keyStore().mode;
  }

  /**
   * Creates the data folder, a fresh DB key and the migrated encrypted DB, then runs `populate`
   * (organisation, first administrator, demo data) in one transaction. The key file is written
   * once, with every first account's slot, after that commit. A marker file stands beside the data
   * while this runs: if the process dies before the key file exists, the next start finds the
   * marker and clears the unreadable remains, so the wizard can simply start again.
   */
  create(mode: Mode, populate: () => AuditInput): { recoveryKey: string } {
    const dbPath = join(this.dataDir, DB_FILE_NAME);
    if (!KeyStore.exists(this.dataDir) && existsSync(dbPath)) {
      // A DB without a key file is someone's data we cannot read: never overwrite it.
      throw new AppError('CONFLICT', { what: DB_FILE_NAME }, 'a database file exists without its key file');
    }
    if (!this.isNew) throw new AppError('ALREADY_INITIALIZED');
    this.holdFolder();
    // Another program may have finished a setup while this one showed its wizard.
    if (KeyStore.exists(this.dataDir)) throw new AppError('ALREADY_INITIALIZED');
    beginSetup(this.dataDir);
    const dbKey = randomBytes(32);
    const recoveryKey = newRecoveryKey();
    try {
      this.store = openStore(this.dataDir, dbKey, { create: true });
      this.dbKey = dbKey;
      const keys = KeyStore.create(this.dataDir, mode, dbKey, recoveryKey);
      this.keys = keys;
      // Every first account's slot lands in one write of the key file, after the commit.
      keys.holdWrites(() => this.write((audit) => audit, () => populate()));
      if (!KeyStore.exists(this.dataDir)) throw new AppError('INTERNAL', undefined, 'setup created no account');
    } catch (e) {
      this.closeStore();
      this.keys = null;
      this.dbKey = null;
      clearUnfinishedSetup(this.dataDir);
      throw e;
    }
    endSetup(this.dataDir);
    this.setupInterrupted = false;
    return { recoveryKey };
  }

  /** Opens the store with a key unwrapped from a slot; a damaged file becomes the error screen. */
  unlockWith(dbKey: Buffer): void {
    if (this.store) return;
    this.holdFolder();
    try {
      this.store = openStore(this.dataDir, dbKey, { create: false });
      this.dbKey = dbKey;
      this.lastError = null;
      this.dropSlotsOfDisabledAccounts();
      // Settled against this DB before anything else (a restore included) can change what it references.
      sweepUnfinishedEvidence(this);
    } catch (e) {
      const err = toAppError(e) ?? new AppError('CORRUPT', undefined, (e as Error).message);
      if (err.code === 'CORRUPT' || err.code === 'NEWER_VERSION') this.lastError = err;
      throw err;
    }
  }

  /**
   * A disabled account must have no key slot (disabling removes it), but a folder from an older
   * version, or data restored from a backup, may still hold one: it goes as soon as the data opens.
   */
  private dropSlotsOfDisabledAccounts(): void {
    const keys = this.keyStore();
    const names = this.open().raw.prepare('SELECT username FROM users WHERE active = 0').pluck().all() as string[];
    for (const name of names) if (keys.hasSlot(name)) keys.removeSlot(name);
  }

  /**
   * A query reported damage. If the store itself fails its check, stop using it and show the
   * error screen; a damaged backup being probed for a restore leaves the store alone.
   */
  checkAfterCorruption(err: AppError): void {
    if (!this.store) return;
    let ok = false;
    try {
      ok = this.store.raw.pragma('quick_check', { simple: true }) === 'ok';
    } catch {
      ok = false;
    }
    if (!ok) {
      this.lastError = err;
      this.closeStore();
    }
  }

  /**
   * Runs `fn` and its audit entry in one transaction: both land or neither does. The entry is
   * written after `fn`, so it can name the subject that `fn` created. Work registered with
   * afterCommit (key-file writes, ending sessions) runs only once the transaction has committed.
   */
  write<T>(audit: (result: T) => AuditInput, fn: (store: Store) => T): T {
    const store = this.open();
    const outer = this.pending === null;
    if (outer) this.pending = [];
    try {
      const result = store.raw.transaction(() => {
        const r = fn(store);
        appendAudit(store.raw, audit(r), this.clock.now());
        return r;
      })();
      if (outer) for (const job of this.pending!) job();
      return result;
    } catch (e) {
      throw toAppError(e) ?? e;
    } finally {
      if (outer) this.pending = null;
    }
  }

  afterCommit(job: () => void): void {
    if (this.pending === null) throw new Error('afterCommit outside a write');
    this.pending.push(job);
  }

  findUser(username: string): typeof schema.users.$inferSelect | undefined {
    return this.open().db.select().from(schema.users).where(eq(schema.users.username, username)).get();
  }

  idleLockMinutes(): number {
    return this.store ? readSettings(this).idleLockMinutes : 10;
  }

  /** Closes the store (restore swaps the file underneath); every session ends with it. */
  closeStore(): void {
    this.sessions.clear();
    this.auditCheckpoint = null;
    if (this.store) {
      this.store.raw.close();
      this.store = null;
    }
  }

  /** The program is done with the folder: the store closes and another program may open it. */
  close(): void {
    this.closeStore();
    this.lock?.release();
    this.lock = null;
  }

  schemaVersion(): number {
    return supportedSchemaVersion();
  }
}
