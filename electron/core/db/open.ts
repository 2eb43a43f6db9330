// Opens the encrypted SQLite file of an installation (core): key first, then pragmas, a version
// check that refuses data from a newer app before anything is written, then migrations.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { migrationsFolder } from '../paths';
import * as schema from './schema';

export const DB_FILE_NAME = 'educredit.db';

export type Drizzle = BetterSQLite3Database<typeof schema>;
export type Raw = Database.Database;

export interface Store {
  raw: Raw;
  db: Drizzle;
}

/** The number of committed migrations: the schema version this build writes into user_version. */
export function supportedSchemaVersion(): number {
  const journal = JSON.parse(readFileSync(join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

/** Applies the SQLCipher-compatible key. Must run before any other statement on the connection. */
export function applyKey(raw: Raw, key: Buffer): void {
  raw.pragma(`cipher='sqlcipher'`);
  raw.pragma('legacy=4');
  raw.pragma(`key="x'${key.toString('hex')}'"`);
}

/** Turns SQLite's failure codes into the app's error kinds, each with its own screen. */
export function toAppError(e: unknown): AppError | null {
  if (e instanceof AppError) return e;
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return new AppError('DISK_FULL', undefined, code);
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return new AppError('CORRUPT', undefined, `${code}: ${(e as Error).message}`);
  return null;
}

export function openStore(dataDir: string, key: Buffer, options: { create: boolean }): Store {
  const path = join(dataDir, DB_FILE_NAME);
  const raw = new Database(path, { fileMustExist: !options.create });
  try {
    applyKey(raw, key);
    // The first read is where a wrong key or a damaged file shows itself.
    const found = raw.pragma('user_version', { simple: true }) as number;
    const supported = supportedSchemaVersion();
    if (found > supported) {
      throw new AppError('NEWER_VERSION', { found, supported });
    }
    // A damaged page anywhere shows here, at open, instead of later in the middle of some query.
    const check = raw.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new AppError('CORRUPT', undefined, `quick_check: ${String(check)}`);
    raw.pragma('journal_mode = WAL');
    // FULL: a power cut on an office PC must not lose a committed record.
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    const db = drizzle(raw, { schema });
    if (found < supported) {
      migrate(db, { migrationsFolder: migrationsFolder() });
      raw.pragma(`user_version = ${supported}`);
    }
    return { raw, db };
  } catch (e) {
    raw.close();
    throw toAppError(e) ?? e;
  }
}
