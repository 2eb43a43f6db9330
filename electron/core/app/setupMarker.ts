// A setup in progress, marked on disk (core). Setup writes the encrypted DB first and the key file
// last; a process killed in between once left a DB nobody could open and a wizard that refused to
// start again. The marker says "these files are a setup that has not finished": the next start
// either sees the key file (the setup did finish, only the marker's removal was lost) or clears the
// remains, which no one can read anyway — their key existed only in the dead process's memory.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DB_FILE_NAME } from '../db/open';
import { writeFileAtomic } from '../fs/atomic';
import { KeyStore } from '../keys/keyfile';

const MARKER_NAME = 'educredit.setup-unfinished';

/** What an interrupted setup can have written: the DB with its journal, and evidence (demo PDFs). */
const SETUP_LEFTOVERS = [DB_FILE_NAME, `${DB_FILE_NAME}-wal`, `${DB_FILE_NAME}-shm`, `${DB_FILE_NAME}-journal`, 'evidence'];

export function beginSetup(dataDir: string): void {
  writeFileAtomic(join(dataDir, MARKER_NAME), `setup started ${new Date().toISOString()}\n`);
}

export function endSetup(dataDir: string): void {
  rmSync(join(dataDir, MARKER_NAME), { force: true });
}

/** Removes what a failed or interrupted setup wrote, the marker last. Call with the folder's lock held. */
export function clearUnfinishedSetup(dataDir: string): void {
  // Evidence goes too: its files are encrypted under the lost key, and being content-addressed a
  // new setup would otherwise find them "already stored" and never write readable ones.
  for (const name of SETUP_LEFTOVERS) rmSync(join(dataDir, name), { recursive: true, force: true });
  endSetup(dataDir);
}

/**
 * At start, with the folder's lock held: settles a marker left by a setup that was cut short.
 * Returns true when unfinished remains were cleared, so the wizard can say the setup starts again.
 */
export function settleInterruptedSetup(dataDir: string): boolean {
  if (!existsSync(join(dataDir, MARKER_NAME))) return false;
  if (KeyStore.exists(dataDir)) {
    endSetup(dataDir);
    return false;
  }
  clearUnfinishedSetup(dataDir);
  return true;
}
