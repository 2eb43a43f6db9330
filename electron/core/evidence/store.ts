// Evidence files (core): content-addressed by the SHA-256 of their content and stored encrypted
// (AES-256-GCM under a key derived from the DB key) in evidence/ beside the DB, so a scanned
// document with names on it is as unreadable on disk as the DB itself. A new file is written only
// inside a write, marked unfinished until that write commits (see unfinished.ts).
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { AppError } from '../../../shared/api/errors';
import { MAX_FILE_BYTES } from '../../../shared/api/route';
import { writeFileAtomic } from '../fs/atomic';
import type { Installation } from '../app/installation';
import { blobDir, blobPath } from './layout';
import { markUnfinished } from './unfinished';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** What a file is, from its first bytes: the name a user gave it proves nothing. */
export function sniffMime(data: Buffer): 'application/pdf' | 'image/png' | 'image/jpeg' | null {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  return null;
}

function evidenceKey(inst: Installation): Buffer {
  return Buffer.from(hkdfSync('sha256', inst.key(), Buffer.alloc(0), 'educredit-evidence', 32));
}

export interface StoredEvidence {
  sha256: string;
  mime: string;
  bytes: number;
}

/**
 * Decodes, checks and stores one file, inside the write that registers it; storing the same
 * content twice writes nothing new.
 */
export function putEvidence(inst: Installation, fileName: string, dataBase64: string): StoredEvidence {
  const data = Buffer.from(dataBase64, 'base64');
  if (data.length === 0 || data.length > MAX_FILE_BYTES) throw new AppError('BAD_FILE', { what: fileName }, `size ${data.length}`);
  const mime = sniffMime(data);
  if (!mime) throw new AppError('BAD_FILE', { what: fileName }, 'not a PDF, PNG or JPEG');
  const sha256 = createHash('sha256').update(data).digest('hex');
  const path = blobPath(inst, sha256);
  if (!existsSync(path)) {
    markUnfinished(inst, sha256);
    mkdirSync(blobDir(inst, sha256), { recursive: true, mode: 0o700 });
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', evidenceKey(inst), nonce);
    cipher.setAAD(Buffer.from(sha256));
    const ct = Buffer.concat([cipher.update(data), cipher.final()]);
    writeFileAtomic(path, Buffer.concat([nonce, ct, cipher.getAuthTag()]));
  }
  return { sha256, mime, bytes: data.length };
}

/** Reads a file back and checks it is the content its name promises. */
export function getEvidence(inst: Installation, sha256: string): Buffer {
  const path = blobPath(inst, sha256);
  if (!existsSync(path)) throw new AppError('NOT_FOUND', undefined, `evidence ${sha256}`);
  const blob = readFileSync(path);
  const decipher = createDecipheriv('aes-256-gcm', evidenceKey(inst), blob.subarray(0, NONCE_BYTES));
  decipher.setAAD(Buffer.from(sha256));
  decipher.setAuthTag(blob.subarray(blob.length - TAG_BYTES));
  let data: Buffer;
  try {
    data = Buffer.concat([decipher.update(blob.subarray(NONCE_BYTES, blob.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new AppError('CORRUPT', undefined, `evidence ${sha256} fails its authentication tag`);
  }
  if (createHash('sha256').update(data).digest('hex') !== sha256) throw new AppError('CORRUPT', undefined, `evidence ${sha256} does not match its hash`);
  return data;
}
