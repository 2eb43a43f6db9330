// Evidence files whose registering transaction never committed (core). The file must be on disk
// before the row that names it commits, so a process killed in between (or a transaction rolled
// back) leaves a file nothing references. A marker written before the file says "not committed
// yet"; the commit removes it. A marker still there at the next sweep names a file that is removed
// unless a committed row references it. Files without a marker are never touched: after a restore
// of an older backup, files only newer backups reference must stay.
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Installation } from '../app/installation';
import { blobDir, blobPath, pendingDir, pendingPath } from './layout';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Makes a new directory entry survive a power cut, not just a killed process. */
function syncDir(dir: string): void {
  // Windows cannot open a folder as a file; NTFS journals its directory entries itself.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Marks a file about to be written inside the current write: the marker is durable before the
 * file exists, and goes once the write commits. Outside a write this throws before anything is
 * on disk, since a file no transaction registers would be an orphan from the start.
 */
export function markUnfinished(inst: Installation, sha256: string): void {
  const marker = pendingPath(inst, sha256);
  inst.afterCommit(() => rmSync(marker, { force: true }));
  mkdirSync(pendingDir(inst), { recursive: true, mode: 0o700 });
  const fd = openSync(marker, 'w', 0o600);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  syncDir(pendingDir(inst));
}

function isMissing(e: unknown): boolean {
  return (e as { code?: unknown }).code === 'ENOENT';
}

/**
 * Removes the files of writes that never committed and returns their hashes. Call it outside any
 * write, in the one process that holds the data folder: then every marker left names a write that
 * is over, and the database says whether it committed.
 */
export function sweepUnfinishedEvidence(inst: Installation): string[] {
  let markers: string[];
  try {
    markers = readdirSync(pendingDir(inst)).filter((name) => SHA256_HEX.test(name));
  } catch (e) {
    if (isMissing(e)) return [];
    throw e;
  }
  const referenced = inst.open().raw.prepare('SELECT 1 FROM evidence_files WHERE sha256 = ? UNION ALL SELECT 1 FROM report_files WHERE sha256 = ? LIMIT 1');
  const removed: string[] = [];
  for (const sha256 of markers) {
    if (!referenced.get(sha256, sha256)) {
      // The half-written sibling of an atomic write killed before its rename goes too.
      let siblings: string[] = [];
      try {
        siblings = readdirSync(blobDir(inst, sha256)).filter((name) => name.startsWith(`${sha256}.tmp-`));
      } catch (e) {
        if (!isMissing(e)) throw e;
      }
      for (const name of siblings) rmSync(join(blobDir(inst, sha256), name), { force: true });
      rmSync(blobPath(inst, sha256), { force: true });
      removed.push(sha256);
    }
    rmSync(pendingPath(inst, sha256), { force: true });
  }
  return removed;
}
