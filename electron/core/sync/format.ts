// Bundle format v2 (core; docs/BUNDLE-FORMAT.md): sign-then-encrypt. The inner message is
// MAGIC | u16 version | u32 manifest length | manifest (canonical JSON) | u32 content length |
// content (gzip of canonical JSON) | Ed25519 signature over everything before it; the outer
// file is that message encrypted with age to the recipient and to the sender.
import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import canonicalize from 'canonicalize';
import { z } from 'zod';
import { Decrypter, Encrypter } from 'age-encryption';
import { AppError } from '../../../shared/api/errors';

export const MAGIC = Buffer.from('EDUCREDIT-BUNDLE', 'ascii');
export const FORMAT_VERSION = 2;
const SIGNATURE_BYTES = 64;
/** A decompressed content larger than this is refused (a gzip bomb would fill the memory). */
const MAX_CONTENT_BYTES = 512 * 1024 * 1024;
export const ALGORITHMS = { signature: 'ed25519', hash: 'sha256', encryption: 'age-x25519', content: 'gzip+json' } as const;

export const manifestSchema = z.object({
  format: z.literal(FORMAT_VERSION),
  kind: z.enum(['school-data', 'bureau-ack']),
  algorithms: z.object({ signature: z.literal('ed25519'), hash: z.literal('sha256'), encryption: z.literal('age-x25519'), content: z.literal('gzip+json') }),
  sender: z.object({ uscc: z.string(), name: z.string(), fingerprint: z.string() }),
  recipient: z.object({ uscc: z.string(), fingerprint: z.string() }),
  sequence: z.number().int().min(1),
  previousSequence: z.number().int().min(0),
  /** The last of the recipient's sequences the sender has applied. */
  ackSequence: z.number().int().min(0),
  createdAt: z.string(),
  catalogueVersion: z.number().int(),
  counts: z.record(z.string(), z.number().int().min(0)),
  contentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  contentBytes: z.number().int().min(0),
});
export type Manifest = z.infer<typeof manifestSchema>;

export interface Inner {
  manifest: Manifest;
  /** The parsed content. */
  content: unknown;
  /** SHA-256 of the signed part: the identity of a bundle, the same however often it is encrypted. */
  innerHash: string;
  signed: Buffer;
  signature: Buffer;
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

/** Builds and signs the inner message. The manifest's content hash and size are filled in here. */
export function signInner(manifest: Omit<Manifest, 'contentSha256' | 'contentBytes'>, content: unknown, key: KeyObject): { inner: Buffer; innerHash: string; manifest: Manifest } {
  const packed = gzipSync(Buffer.from(canonicalize(content)!, 'utf8'));
  const full: Manifest = { ...manifest, contentSha256: sha256(packed), contentBytes: packed.length };
  const m = Buffer.from(canonicalize(full)!, 'utf8');
  const version = Buffer.alloc(2);
  version.writeUInt16BE(FORMAT_VERSION);
  const signed = Buffer.concat([MAGIC, version, u32(m.length), m, u32(packed.length), packed]);
  const signature = sign(null, signed, key);
  return { inner: Buffer.concat([signed, signature]), innerHash: sha256(signed), manifest: full };
}

const malformed = (what: string): AppError => new AppError('BUNDLE_MALFORMED', { what });

/**
 * Splits an inner message and checks its shape, but not its signature: the sender's key is found
 * from the manifest, so the caller verifies with verifyInner() before trusting anything in it.
 */
export function parseInner(inner: Buffer): Omit<Inner, 'content'> & { packed: Buffer } {
  if (inner.length < MAGIC.length + 2 || !inner.subarray(0, MAGIC.length).equals(MAGIC)) throw malformed('magic');
  const version = inner.readUInt16BE(MAGIC.length);
  if (version > FORMAT_VERSION) throw new AppError('BUNDLE_NEWER_FORMAT', { found: version, supported: FORMAT_VERSION });
  if (version !== FORMAT_VERSION) throw malformed(`version ${version}`);
  let at = MAGIC.length + 2;
  const take = (): Buffer => {
    if (at + 4 > inner.length) throw malformed('length');
    const n = inner.readUInt32BE(at);
    at += 4;
    if (at + n > inner.length - SIGNATURE_BYTES) throw malformed('length');
    const part = inner.subarray(at, at + n);
    at += n;
    return part;
  };
  const m = take();
  const packed = take();
  if (at + SIGNATURE_BYTES !== inner.length) throw malformed('length');
  let json: unknown;
  try {
    json = JSON.parse(m.toString('utf8'));
  } catch {
    throw malformed('manifest');
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw malformed('manifest');
  const signed = inner.subarray(0, at);
  return { manifest: parsed.data, innerHash: sha256(signed), signed, signature: inner.subarray(at), packed };
}

/** Checks the signature, then the content against the signed manifest, and unpacks it. */
export function verifyInner(parts: ReturnType<typeof parseInner>, key: KeyObject): Inner {
  if (!verify(null, parts.signed, key, parts.signature)) throw new AppError('BUNDLE_BAD_SIGNATURE');
  if (parts.packed.length !== parts.manifest.contentBytes || sha256(parts.packed) !== parts.manifest.contentSha256) throw malformed('content hash');
  let content: unknown;
  try {
    content = JSON.parse(gunzipSync(parts.packed, { maxOutputLength: MAX_CONTENT_BYTES }).toString('utf8'));
  } catch {
    throw malformed('content');
  }
  const { packed: _p, ...rest } = parts;
  return { ...rest, content };
}

export async function encryptTo(inner: Buffer, recipients: string[]): Promise<Buffer> {
  const e = new Encrypter();
  for (const r of recipients) e.addRecipient(r);
  return Buffer.from(await e.encrypt(inner));
}

export async function decryptWith(file: Buffer, identity: string): Promise<Buffer> {
  const d = new Decrypter();
  d.addIdentity(identity);
  try {
    return Buffer.from(await d.decrypt(file));
  } catch (e) {
    throw new AppError('BUNDLE_UNREADABLE', undefined, String((e as Error).message ?? e).split('\n')[0]!.slice(0, 200));
  }
}

export function bundleFileName(senderUscc: string, sequence: number): string {
  return `${senderUscc}-${sequence}.ecb`;
}
