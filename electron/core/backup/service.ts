// Online backups and restore (core). Backups are made with VACUUM INTO, which writes a consistent
// copy encrypted with the same key while the app keeps working; the file itself is never copied
// while open. Restore keeps the current file aside first and deletes nothing.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
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

const NAME = /^educredit-(\d{6})-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z\.backup\.db$/;

interface Named extends BackupView {
  seq: number;
}

function parse(dir: string, name: string): Named | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [y, mo, d, h, mi, s, ms] = m.slice(2).map(Number) as [number, number, number, number, number, number, number];
  const file = join(dir, name);
  return { file, seq: Number(m[1]), bytes: statSync(file).size, createdAt: new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms)).toISOString() };
}

/**
 * Newest first, by the sequence number in the name. School PCs' clocks are often wrong and may
 * go backwards, so the time in the name (the clock's, when the backup was made) is a label and
 * the age of the newest backup, never the order.
 */
function listNamed(dir: string): Named[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((f) => parse(dir, f))
    .filter((b): b is Named => b !== null)
    .sort((a, b) => b.seq - a.seq);
}

export function listBackups(dir: string): BackupView[] {
  return listNamed(dir).map(({ file, bytes, createdAt }) => ({ file, bytes, createdAt }));
}

/** Writes a backup and prunes the oldest beyond the kept number. */
export function runBackup(inst: Installation): BackupView {
  const { backupDir, backupKeep } = readSettings(inst);
  mkdirSync(backupDir, { recursive: true, mode: 0o700 });
  const existing = listNamed(backupDir);
  const seq = (existing[0]?.seq ?? 0) + 1;
  const stamp = inst.clock.now().toISOString().replace(/[-:]/g, '').replace('.', '');
  const name = `${BACKUP_PREFIX}${String(seq).padStart(6, '0')}-${stamp}${BACKUP_EXT}`;
  const path = join(backupDir, name);
  try {
    inst.open().raw.prepare('VACUUM INTO ?').run(path);
  } catch (e) {
    rmSync(path, { force: true });
    throw toAppError(e) ?? e;
  }
  for (const old of existing.slice(Math.max(0, backupKeep - 1))) rmSync(old.file);
  return parse(backupDir, name)!;
}

/** Runs the daily backup when the newest one is a day old or there is none. */
export function backupIfDue(inst: Installation): BackupView | null {
  const newest = listBackups(readSettings(inst).backupDir)[0];
  const ageMs = newest ? inst.clock.now().getTime() - new Date(newest.createdAt).getTime() : Infinity;
  // A negative age means the clock went back: back up once now, and the new backup carries the
  // clock's new time, so the next check measures from it.
  if (ageMs >= 0 && ageMs < DAY_MS) return null;
  return runBackup(inst);
}

/** The backup folder a new installation uses, known even when the DB (and its settings) cannot be read. */
export function defaultBackupDir(inst: Installation): string {
  return join(inst.dataDir, 'backups');
}

/**
 * Opens a copy of a backup with the key and checks it, then lets `look` read it. The copy is
 * taken so that opening (which may migrate) never touches the backup itself.
 */
export function probeBackup<T>(inst: Installation, file: string, key: Buffer, look: (backup: Store) => T): T {
  const source = resolve(file);
  if (!existsSync(source) || !basename(source).endsWith(BACKUP_EXT)) throw new AppError('NOT_FOUND', undefined, basename(source));
  const probeDir = join(inst.dataDir, `restore-check-${process.pid}`);
  mkdirSync(probeDir, { recursive: true });
  try {
    copyFileSync(source, join(probeDir, DB_FILE_NAME));
    const probe = openStore(probeDir, key, { create: false });
    try {
      if (probe.raw.pragma('integrity_check', { simple: true }) !== 'ok') throw new AppError('CORRUPT', undefined, `integrity_check failed: ${basename(source)}`);
      return look(probe);
    } finally {
      probe.raw.close();
    }
  } finally {
    rmSync(probeDir, { recursive: true, force: true });
  }
}

/**
 * The newest state of the data that can still be read when the DB itself cannot: the newest of
 * these backup files (by the time in their names) that opens with the key and passes its check.
 * `look` reads it; null when none can be read.
 */
export function readNewestReadable<T>(inst: Installation, files: string[], key: Buffer, look: (backup: Store) => T): { file: string; value: T } | null {
  const dated = [...new Set(files.map((f) => resolve(f)))]
    .map((file) => ({ file, at: (existsSync(file) ? parse(dirname(file), basename(file))?.createdAt : undefined) ?? '' }))
    .sort((a, b) => b.at.localeCompare(a.at));
  for (const { file } of dated) {
    try {
      return { file, value: probeBackup(inst, file, key, look) };
    } catch (e) {
      const err = toAppError(e);
      if (!err || (err.code !== 'CORRUPT' && err.code !== 'NOT_FOUND' && err.code !== 'NEWER_VERSION')) throw e;
    }
  }
  return null;
}

/**
 * Replaces the DB with a backup. The backup is opened and checked with the installation's key
 * first; only then is the current file renamed aside (never deleted) and the copy put in place.
 */
export function restoreBackup(inst: Installation, file: string, key: Buffer, authorise?: (backup: Store) => void): { keptAside: string } {
  const source = resolve(file);
  probeBackup(inst, source, key, (backup) => authorise?.(backup));
  inst.closeStore();
  const current = join(inst.dataDir, DB_FILE_NAME);
  const asideBase = join(inst.dataDir, `${DB_FILE_NAME}.before-restore-${dayjs(inst.clock.now()).format('YYYYMMDD-HHmmss-SSS')}`);
  let aside = asideBase;
  // Never rename onto an existing file: every kept-aside copy survives.
  for (let n = 2; existsSync(aside) || existsSync(`${aside}-wal`); n++) aside = `${asideBase}-${n}`;
  if (existsSync(current)) {
    renameSync(current, aside);
    for (const suffix of ['-wal', '-shm']) if (existsSync(current + suffix)) renameSync(current + suffix, aside + suffix);
  }
  copyFileSync(source, current);
  inst.unlockWith(key);
  return { keptAside: aside };
}
