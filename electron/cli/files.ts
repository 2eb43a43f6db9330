// Reading a file named on the command line (CLI process): plain words for a missing or too big file.
import { readFileSync, statSync } from 'node:fs';
import { MAX_FILE_BYTES } from '../../shared/api/route';
import { failure, firstLine, type CliCtx } from './context';

/** Reads a file a command works on, before any password is asked for: a wrong path should not cost a login. */
export function readInput(ctx: CliCtx, file: string): Buffer {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    throw failure(ctx, 'unreadableFile', { file, detail: firstLine(e) });
  }
  // Said here in plain words, rather than as the contract's "input too long".
  if (size > MAX_FILE_BYTES) throw failure(ctx, 'fileTooBig', { file, max: MAX_FILE_BYTES / 1024 / 1024 });
  try {
    return readFileSync(file);
  } catch (e) {
    throw failure(ctx, 'unreadableFile', { file, detail: firstLine(e) });
  }
}

