// The `edu-credit` command line (CLI process): picks the command, runs it, and turns every failure
// into one line on stderr and a non-zero exit code. bin/edu-credit.js loads this through tsx.
import { z } from 'zod';
import { languageFrom, wantsHelp } from './args';
import { CliFailure, EXIT_FAILURE, EXIT_OK, firstLine, usageFailure, type CliCtx, type Io } from './context';
import { toAppError } from '../core/db/open';
import { apiFailure } from './call';
import { demoCommand } from './commands/demo';
import { doctorCommand } from './commands/doctor';
import { importCommand } from './commands/import';
import { initCommand } from './commands/init';
import { statsCommand } from './commands/stats';
import { reportCommand, verifyReportCommand } from './commands/report';
import { bundleCommand, keysCommand } from './commands/sync';
import { gradeCommand } from './commands/grade';
import { drawCommand } from './commands/draw';
import { t, USAGE } from './text';

type Command = (ctx: CliCtx, args: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  init: initCommand,
  demo: demoCommand,
  doctor: doctorCommand,
  stats: statsCommand,
  import: importCommand,
  'verify-report': verifyReportCommand,
  report: reportCommand,
  keys: keysCommand,
  bundle: bundleCommand,
  grade: gradeCommand,
  draw: drawCommand,
};

export const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  stdin: process.stdin,
};

function lineFor(ctx: CliCtx, e: unknown): { line: string; code: number } {
  if (e instanceof CliFailure) return { line: e.line, code: e.exitCode };
  // A core error thrown outside dispatch (a damaged file met by doctor, a full disk) keeps its words.
  const known = toAppError(e);
  if (known) return { line: apiFailure(ctx, known.toApiError()).line, code: EXIT_FAILURE };
  return { line: t(ctx.lang, 'internal', { detail: firstLine(e) }), code: EXIT_FAILURE };
}

/** Runs one command line and returns the exit code; never throws and never prints a stack. */
export async function runCli(argv: string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { lang, bad } = languageFrom(argv, env);
  const ctx: CliCtx = { lang, io, internalLog: [] };
  // zod words its own input issues (too short, …); this process speaks one language, so set it once.
  z.config(lang === 'en' ? z.locales.en() : z.locales.zhCN());
  try {
    if (bad !== null) throw usageFailure(ctx, 'badChoice', { flag: '--lang', choices: 'zh-CN|en', value: bad });
    if (wantsHelp(argv)) {
      io.out(USAGE);
      return EXIT_OK;
    }
    // --lang may come before the command as well as after it; it was read above.
    let start = 0;
    while (argv[start] === '--lang' || argv[start]?.startsWith('--lang=')) start += argv[start] === '--lang' ? 2 : 1;
    const [name, ...rest] = argv.slice(start);
    if (name === undefined) {
      io.out(USAGE);
      return EXIT_OK;
    }
    if (name.startsWith('-')) throw usageFailure(ctx, 'unknownOption', { flag: name });
    const command = COMMANDS[name];
    if (!command) throw usageFailure(ctx, 'unknownCommand', { value: name });
    return await command(ctx, rest);
  } catch (e) {
    const { line, code } = lineFor(ctx, e);
    io.err(`edu-credit: ${line.replace(/\s*\n\s*/g, ' ')}\n`);
    if (env.EDUCREDIT_DEBUG) for (const entry of ctx.internalLog) io.err(`${entry}\n`);
    return code;
  }
}
