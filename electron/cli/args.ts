// Argument parsing for the command line (CLI process): node:util parseArgs in strict mode, with its
// errors turned into one worded line and exit code 2.
import type { Lang } from '../../shared/api/messages';
import { usageFailure, type CliCtx } from './context';

/** Options every command accepts. --lang is read before parsing (see languageFrom) and ignored here. */
export const COMMON_OPTIONS = {
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
} as const;

/** Options of every command that opens an existing installation. */
export const LOGIN_OPTIONS = {
  'data-dir': { type: 'string' },
  user: { type: 'string' },
  'password-file': { type: 'string' },
} as const;

function normaliseLang(value: string): Lang | null {
  const v = value.trim().toLowerCase();
  if (v.startsWith('zh')) return 'zh-CN';
  if (v.startsWith('en')) return 'en';
  return null;
}

/**
 * The language for every message, found before strict parsing so that even "unknown option" is
 * said in the language asked for. A bad --lang is itself a usage error, said in zh-CN.
 */
export function languageFrom(argv: readonly string[], env: NodeJS.ProcessEnv): { lang: Lang; bad: string | null } {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value === undefined) continue;
    const lang = normaliseLang(value);
    return lang ? { lang, bad: null } : { lang: 'zh-CN', bad: value };
  }
  // The environment is a standing preference, often a locale like en_US.UTF-8: fall back quietly.
  const fromEnv = env.EDUCREDIT_LANG ? normaliseLang(env.EDUCREDIT_LANG) : null;
  return { lang: fromEnv ?? 'zh-CN', bad: null };
}

export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

function quoted(message: string): string {
  return /'([^']+)'/.exec(message)?.[1] ?? message;
}

/** Runs parseArgs and rewords its errors; node's own words are English and multi-line. */
export function parseStrict<T>(ctx: CliCtx, run: () => T): T {
  try {
    return run();
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const message = e instanceof Error ? e.message : String(e);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw usageFailure(ctx, 'unknownOption', { flag: quoted(message) });
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw usageFailure(ctx, 'unexpectedArg', { value: quoted(message) });
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const flag = /--[\w-]+/.exec(message)?.[0] ?? quoted(message);
      throw usageFailure(ctx, 'missingValue', { flag });
    }
    throw usageFailure(ctx, 'badArgs', { detail: message.split('\n')[0] ?? '' });
  }
}

export function required(ctx: CliCtx, value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw usageFailure(ctx, 'missingOption', { flag });
  return value;
}

export function oneOf<C extends string>(ctx: CliCtx, value: string | undefined, flag: string, choices: readonly C[]): C {
  const v = required(ctx, value, flag);
  const found = choices.find((c) => c === v);
  if (!found) throw usageFailure(ctx, 'badChoice', { flag, choices: choices.join('|'), value: v });
  return found;
}
