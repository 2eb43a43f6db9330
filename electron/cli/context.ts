// What every command of the command line (CLI process) shares: the language, the output streams,
// and the one kind of failure a command throws — already worded, with its exit code.
import type { Lang } from '../../shared/api/messages';
import { t, type TextKey } from './text';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export interface Io {
  out(text: string): void;
  err(text: string): void;
  stdin: NodeJS.ReadStream;
}

export interface CliCtx {
  lang: Lang;
  io: Io;
  /** Lines the dispatcher logs about internal failures; the last one explains an INTERNAL error. */
  internalLog: string[];
}

/** A failure with its one line for stderr; main prints it and exits with `exitCode`. */
export class CliFailure extends Error {
  constructor(
    readonly line: string,
    readonly exitCode: number = EXIT_FAILURE,
  ) {
    super(line);
  }
}

export function usageFailure(ctx: CliCtx, key: TextKey, params: Record<string, string | number> = {}): CliFailure {
  return new CliFailure(t(ctx.lang, key, params), EXIT_USAGE);
}

export function failure(ctx: CliCtx, key: TextKey, params: Record<string, string | number> = {}): CliFailure {
  return new CliFailure(t(ctx.lang, key, params), EXIT_FAILURE);
}

/** The first line of an error's message: enough to act on, and never a stack trace. */
export function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0]?.trim() ?? '';
}
