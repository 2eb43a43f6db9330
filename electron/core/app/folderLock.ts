// One writer per data folder (core, any process): a lock that the operating system holds for us.
// Two processes on one folder once lost updates to the key file (a stale process rewrote it and
// undid a password reset). The lock is SQLite's own exclusive file lock on a small plain file
// beside the data, so it dies with the process that held it: a crash or a kill -9 never leaves a
// stale lock behind, and nothing has to guess from process ids whether its holder is still alive.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/api/errors';

export const LOCK_FILE_NAME = 'educredit.lock';

export class FolderLock {
  private constructor(private db: Database.Database | null) {}

  /** Takes the folder's lock, or fails at once with IN_USE while another holder has it. */
  static acquire(dataDir: string): FolderLock {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    // timeout 0: a second program is told at once instead of waiting for the first to quit.
    const db = new Database(join(dataDir, LOCK_FILE_NAME), { timeout: 0 });
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      // Nothing here is worth a journal file beside the data.
      db.pragma('journal_mode = MEMORY');
      // In exclusive mode the first write takes the lock and the connection keeps it until closed.
      db.exec('CREATE TABLE IF NOT EXISTS holder (id INTEGER PRIMARY KEY CHECK (id = 1), pid INTEGER NOT NULL, since TEXT NOT NULL)');
      db.prepare('INSERT OR REPLACE INTO holder (id, pid, since) VALUES (1, ?, ?)').run(process.pid, new Date().toISOString());
      return new FolderLock(db);
    } catch (e) {
      db.close();
      const code = (e as { code?: unknown }).code;
      // The detail names the lock, not the folder: system.status answers it to anyone, without a session.
      if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw new AppError('IN_USE', undefined, `${LOCK_FILE_NAME} is held by another program`);
      throw e;
    }
  }

  release(): void {
    this.db?.close();
    this.db = null;
  }
}
