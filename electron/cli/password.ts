// Reads a password for the command line (CLI process) from a file or standard input, never from
// argv, where other users of the machine could see it in the process list.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { failure, firstLine, type CliCtx } from './context';
import { t } from './text';

/** The first line without its line ending; a BOM from Windows Notepad is not part of a password. */
function firstLineOf(text: string): string {
  const clean = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const nl = clean.indexOf('\n');
  return (nl < 0 ? clean : clean.slice(0, nl)).replace(/\r$/, '');
}

async function readFirstLine(stream: NodeJS.ReadStream): Promise<string> {
  stream.setEncoding('utf8');
  let text = '';
  // Stop at the first newline rather than waiting for EOF: a caller may keep stdin open.
  for await (const chunk of stream as AsyncIterable<string>) {
    text += chunk;
    if (text.includes('\n')) break;
  }
  return firstLineOf(text);
}

/** A prompt on a terminal with echo off: readline writes the typed characters to a muted stream. */
function promptHidden(ctx: CliCtx, prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    ctx.io.err(prompt);
    const muted = new Writable({ write: (_chunk, _enc, done) => done() });
    const rl = createInterface({ input: ctx.io.stdin, output: muted, terminal: true });
    let answered = false;
    rl.once('line', (line) => {
      answered = true;
      rl.close();
      ctx.io.err('\n');
      resolve(line);
    });
    rl.on('SIGINT', () => rl.close());
    rl.once('close', () => {
      if (!answered) {
        ctx.io.err('\n');
        reject(failure(ctx, 'passwordCancelled'));
      }
    });
  });
}

/**
 * `source` is the --password-file value; absent or "-" means standard input. On a terminal the
 * password is typed without echo, twice when `confirm` is set (a new password nobody can check).
 */
export async function readPassword(ctx: CliCtx, source: string | undefined, options: { confirm?: boolean } = {}): Promise<string> {
  let password: string;
  let where: string;
  if (source !== undefined && source !== '-') {
    where = source;
    try {
      password = firstLineOf(readFileSync(source, 'utf8'));
    } catch (e) {
      throw failure(ctx, 'unreadablePasswordFile', { file: source, detail: firstLine(e) });
    }
  } else if (ctx.io.stdin.isTTY) {
    where = t(ctx.lang, 'stdin');
    password = await promptHidden(ctx, t(ctx.lang, 'promptPassword'));
    if (options.confirm && password !== '' && (await promptHidden(ctx, t(ctx.lang, 'promptPasswordAgain'))) !== password) {
      throw failure(ctx, 'passwordMismatch');
    }
  } else {
    where = t(ctx.lang, 'stdin');
    password = await readFirstLine(ctx.io.stdin);
  }
  if (password === '') throw failure(ctx, 'emptyPassword', { where });
  return password;
}
