// Online backups and restore (core). Backups are made with VACUUM INTO, which writes a consistent
// copy encrypted with the same key while the app keeps working; the file itself is never copied
// while open. Restore keeps the current file aside first and deletes nothing.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import dayjs from 'dayjs';
import { AppError } from '../../../shared/api/errors';
import type { Installation } from '../app/installation';
import { DB_FILE_NAME, openStore, toAppError, type Store } from '../db/open';
import { readSettings } from '../settings/service';

export const BACKUP_PREFIX = 'educredit-';
export const BACKUP_EXT = '.backup.db';
const DAY_MS = 24 * 60 * 60 * 1000;

export interface BackupView {
  file: string;
  bytes: number;
  createdAt: string;
}

function view(path: string): BackupView {
  const st = statSync(path);
  return { file: path, bytes: st.size, createdAt: st.mtime.toISOString() };
}

export function listBackups(dir: string): BackupView[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.startsWith(BACKUP_PREFIX) && f.endsWith(BACKUP_EXT))
    .sort()
    .reverse()
    .map((f) => view(join(dir, f)));
}

/** Writes a backup and prunes the oldest beyond the kept number. */
export function runBackup(inst: Installation): BackupView {
  const { backupDir, backupKeep } = readSettings(inst);
  mkdirSync(backupDir, { recursive: true, mode: 0o700 });
  const stamp = dayjs(inst.clock.now()).format('YYYYMMDD-HHmmss-SSS');
  const path = join(backupDir, `${BACKUP_PREFIX}${stamp}${BACKUP_EXT}`);
  try {
    inst.open().raw.prepare('VACUUM INTO ?').run(path);
  } catch (e) {
    rmSync(path, { force: true });
    throw toAppError(e) ?? e;
  }
  for (const old of listBackups(backupDir).slice(backupKeep)) rmSync(old.file);
  return view(path);
}

/** Runs the daily backup when the newest one is a day old or there is none. */
export function backupIfDue(inst: Installation): BackupView | null {
  const newest = listBackups(readSettings(inst).backupDir)[0];
  if (newest && inst.clock.now().getTime() - new Date(newest.createdAt).getTime() < DAY_MS) return null;
  return runBackup(inst);
}

/**
 * Replaces the DB with a backup. The backup is opened and checked with the installation's key
 * first; only then is the current file renamed aside (never deleted) and the copy put in place.
 */
export function restoreBackup(inst: Installation, file: string, key: Buffer, authorise?: (backup: Store) => void): { keptAside: string } {
  const source = resolve(file);
  if (!existsSync(source) || !basename(source).endsWith(BACKUP_EXT)) throw new AppError('NOT_FOUND', undefined, source);
  const probeDir = join(inst.dataDir, `restore-check-${process.pid}`);
  mkdirSync(probeDir, { recursive: true });
  try {
    copyFileSync(source, join(probeDir, DB_FILE_NAME));
    const probe = openStore(probeDir, key, { create: false });
    try {
      if (probe.raw.pragma('integrity_check', { simple: true }) !== 'ok') throw new AppError('CORRUPT', undefined, `integrity_check failed: ${source}`);
      authorise?.(probe);
    } finally {
      probe.raw.close();
    }
  } finally {
    rmSync(probeDir, { recursive: true, force: true });
  }
  inst.close();
  const current = join(inst.dataDir, DB_FILE_NAME);
  const aside = join(inst.dataDir, `${DB_FILE_NAME}.before-restore-${dayjs(inst.clock.now()).format('YYYYMMDD-HHmmss')}`);
  if (existsSync(current)) {
    renameSync(current, aside);
    for (const suffix of ['-wal', '-shm']) if (existsSync(current + suffix)) renameSync(current + suffix, aside + suffix);
  }
  copyFileSync(source, current);
  inst.unlockWith(key);
  return { keptAside: aside };
}
