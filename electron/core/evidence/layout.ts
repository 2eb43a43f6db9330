// Where evidence files live in the data folder (core): the encrypted files by hash, and the
// markers of files written by a transaction that has not committed yet.
import { join } from 'node:path';
import type { Installation } from '../app/installation';

export function evidenceRoot(inst: Installation): string {
  return join(inst.dataDir, 'evidence');
}

/** `evidence/<first two hex>/<sha256>`: a folder never holds more than a 256th of the files. */
export function blobDir(inst: Installation, sha256: string): string {
  return join(evidenceRoot(inst), sha256.slice(0, 2));
}

export function blobPath(inst: Installation, sha256: string): string {
  return join(blobDir(inst, sha256), sha256);
}

/** Not two hex characters, so it never clashes with a folder of files. */
export function pendingDir(inst: Installation): string {
  return join(evidenceRoot(inst), 'pending');
}

export function pendingPath(inst: Installation, sha256: string): string {
  return join(pendingDir(inst), sha256);
}
