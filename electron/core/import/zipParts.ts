// The zip inside an .xlsx, read with yauzl before exceljs sees it (core). The central directory
// declares every part's size: checking it costs nothing and refuses a zip bomb before anything is
// inflated (main thread). The declared sizes may lie, so the xlsx worker then inflates every part
// counting bytes, and stops a part the moment it passes its declared size.
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { FileRefusal } from '../../../shared/api/importMessages';
import { MAX_COMPRESSION_RATIO, MAX_UNPACKED_BYTES, MAX_ZIP_ENTRIES, RATIO_CHECKED_FROM_BYTES } from './limits';

// yauzl's own size check is off: counting here says which part lied, in the user's words.
const OPTIONS: yauzl.Options = { lazyEntries: true, validateEntrySizes: false, decodeStrings: true };

/** The directory's declarations, added up entry by entry: the first limit passed refuses. */
class Declared {
  private total = 0;

  entry(entry: yauzl.Entry): FileRefusal | null {
    this.total += entry.uncompressedSize;
    if (this.total > MAX_UNPACKED_BYTES) return { reason: 'unpackedTooLarge', maxBytes: MAX_UNPACKED_BYTES };
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize >= RATIO_CHECKED_FROM_BYTES && ratio > MAX_COMPRESSION_RATIO) {
      return { reason: 'compressionRatio', part: entry.fileName, max: MAX_COMPRESSION_RATIO };
    }
    return null;
  }
}

function countRefusal(zip: yauzl.ZipFile): FileRefusal | null {
  return zip.entryCount > MAX_ZIP_ENTRIES ? { reason: 'tooManyParts', max: MAX_ZIP_ENTRIES } : null;
}

/**
 * What the directory gives away: too many parts, too much once unpacked, or a part compressed the
 * way only a bomb is. Null when it is within the limits. A file that is no zip throws yauzl's error.
 */
export async function directoryRefusal(bytes: Buffer): Promise<FileRefusal | null> {
  const zip = await yauzl.fromBufferPromise(bytes, OPTIONS);
  try {
    const tooMany = countRefusal(zip);
    if (tooMany) return tooMany;
    const declared = new Declared();
    for await (const entry of zip.eachEntry()) {
      const refusal = declared.entry(entry);
      if (refusal) return refusal;
    }
    return null;
  } finally {
    zip.close();
  }
}

/** Sees each part's bytes as they are inflated; a refusal from it stops the reading. */
export interface PartVisitor {
  chunk(part: string, bytes: Buffer): FileRefusal | null;
  end(part: string): FileRefusal | null;
}

/** Inflates one part, refusing it as soon as it gives more bytes than its entry declares. */
function inflatePart(stream: Readable, entry: yauzl.Entry, visit: PartVisitor): Promise<FileRefusal | null> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    const stop = (refusal: FileRefusal): void => {
      stream.destroy();
      resolve(refusal);
    };
    stream.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > entry.uncompressedSize) return stop({ reason: 'sizeMismatch', part: entry.fileName });
      const refusal = visit.chunk(entry.fileName, chunk);
      if (refusal) stop(refusal);
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(seen === entry.uncompressedSize ? visit.end(entry.fileName) : { reason: 'sizeMismatch', part: entry.fileName }));
  });
}

/**
 * Inflates every part in turn, each within its declared size and all within the directory's
 * limits, so no more than MAX_UNPACKED_BYTES is ever inflated whatever the directory claims.
 */
export async function inflateParts(bytes: Buffer, visit: PartVisitor): Promise<FileRefusal | null> {
  const zip = await yauzl.fromBufferPromise(bytes, OPTIONS);
  try {
    const tooMany = countRefusal(zip);
    if (tooMany) return tooMany;
    const declared = new Declared();
    for await (const entry of zip.eachEntry()) {
      const refusal = declared.entry(entry) ?? (entry.fileName.endsWith('/') ? null : await inflatePart(await zip.openReadStreamPromise(entry), entry, visit));
      if (refusal) return refusal;
    }
    return null;
  } finally {
    zip.close();
  }
}
