// Test helper (vitest process): runs the real `edu-credit` bin in a child process, as a user would.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'edu-credit.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], opts: { input?: string; cwd?: string; env?: Record<string, string> } = {}): CliRun {
  // The caller's own language or debug settings must not change what the tests see.
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
  if (!opts.env?.EDUCREDIT_LANG) delete env.EDUCREDIT_LANG;
  delete env.EDUCREDIT_DEBUG;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, input: opts.input ?? '', encoding: 'utf8', env, timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A failure must be exactly one line on stderr, without a stack trace. */
export function oneLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  if (lines.length !== 1 || /^\s+at /m.test(stderr)) throw new Error(`expected one line on stderr, got:\n${stderr}`);
  return lines[0]!;
}
