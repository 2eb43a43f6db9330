// `edu-credit keys …` and `edu-credit bundle …` (CLI process): identity cards, enrolment and
// bundles through the same routes as the UI (shared/api/routes/sync.ts).
import { writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { COMMON_OPTIONS, LOGIN_OPTIONS, parseStrict, required } from '../args';
import { apiFailure, call, callAsync, withLogin } from '../call';
import { EXIT_FAILURE, EXIT_OK, usageFailure, type CliCtx } from '../context';
import { readInput } from '../files';
import { t } from '../text';
import { dispatchAsync } from '../../core/api';
import { BUNDLE_VERDICTS, bundleCountsText } from '../../../shared/api/syncWords';
import { bytesText, dateTimeText } from '../../../shared/format/dates';

type Values = { 'data-dir'?: string | undefined; user?: string | undefined; 'password-file'?: string | undefined; out?: string | undefined; json?: boolean | undefined };

/** Every keys/bundle command takes the login options; those that write a file also take --out. */
function parse(ctx: CliCtx, args: string[], withOut: boolean): { values: Values; positionals: string[] } {
  const { values, positionals } = parseStrict(ctx, () => parseArgs({ args, strict: true, allowPositionals: true, options: { ...COMMON_OPTIONS, ...LOGIN_OPTIONS, out: { type: 'string' } } }));
  if (!withOut && values.out !== undefined) throw usageFailure(ctx, 'unknownOption', { flag: '--out' });
  return { values, positionals };
}

function loginOptions(ctx: CliCtx, v: Values): { dataDir: string; user: string; passwordSource: string | undefined } {
  return { dataDir: required(ctx, v['data-dir'], '--data-dir'), user: required(ctx, v.user, '--user'), passwordSource: v['password-file'] };
}

function noPositionals(ctx: CliCtx, positionals: string[]): void {
  if (positionals[0] !== undefined) throw usageFailure(ctx, 'unexpectedArg', { value: positionals[0] });
}

export async function keysCommand(ctx: CliCtx, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'export-card') {
    const { values, positionals } = parse(ctx, rest, true);
    noPositionals(ctx, positionals);
    const out = resolve(required(ctx, values.out, '--out'));
    const card = await withLogin(ctx, loginOptions(ctx, values), ({ inst, session }) => callAsync(ctx, inst, 'sync.card', {}, session));
    writeFileSync(out, card.card);
    ctx.io.out(`${t(ctx.lang, 'cardWritten', { file: out, fingerprint: card.fingerprint })}\n`);
    return EXIT_OK;
  }
  if (sub === 'enrol') {
    const { values, positionals } = parse(ctx, rest, false);
    const [file, extra] = positionals;
    if (file === undefined) throw usageFailure(ctx, 'missingOption', { flag: 'CARDFILE' });
    if (extra !== undefined) throw usageFailure(ctx, 'unexpectedArg', { value: extra });
    const card = readInput(ctx, file).toString('utf8');
    const r = await withLogin(ctx, loginOptions(ctx, values), ({ inst, session }) => call(ctx, inst, 'sync.enrol', { card }, session));
    ctx.io.out(`${t(ctx.lang, r.added ? 'enrolled' : 'alreadyEnrolled', { name: r.partner.name, uscc: r.partner.uscc, fingerprint: r.partner.fingerprint })}\n`);
    return EXIT_OK;
  }
  if (sub === 'export-age-identity') {
    const { values, positionals } = parse(ctx, rest, true);
    noPositionals(ctx, positionals);
    const out = resolve(required(ctx, values.out, '--out'));
    const r = await withLogin(ctx, loginOptions(ctx, values), ({ inst, session }) => callAsync(ctx, inst, 'sync.exportAgeIdentity', {}, session));
    // A secret key: readable by its owner only.
    writeFileSync(out, `${r.identity}\n`, { mode: 0o600 });
    ctx.io.out(`${t(ctx.lang, 'identityWritten', { file: out })}\n`);
    return EXIT_OK;
  }
  throw usageFailure(ctx, 'unknownCommand', { value: `keys ${sub ?? ''}`.trim() });
}

/** Bundles named <USCC>-<sequence>.ecb are applied in sequence order, whatever order they were given in. */
function bySequence(files: string[]): string[] {
  const seq = (f: string): number => Number(/-(\d+)\.ecb$/.exec(basename(f))?.[1] ?? Number.MAX_SAFE_INTEGER);
  return [...files].sort((a, b) => basename(a).replace(/-\d+\.ecb$/, '').localeCompare(basename(b).replace(/-\d+\.ecb$/, '')) || seq(a) - seq(b));
}

export async function bundleCommand(ctx: CliCtx, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'export') {
    const { values, positionals } = parse(ctx, rest, true);
    noPositionals(ctx, positionals);
    const folder = resolve(required(ctx, values.out, '--out'));
    const r = await withLogin(ctx, loginOptions(ctx, values), ({ inst, session }) => callAsync(ctx, inst, 'sync.export', { folder }, session));
    if (values.json) ctx.io.out(`${JSON.stringify(r)}\n`);
    else {
      for (const f of r.files) ctx.io.out(`${t(ctx.lang, f.isNew ? 'bundleNew' : 'bundleAgain', { file: join(folder, f.fileName), seq: f.sequence, size: bytesText(f.bytes) })}\n`);
      if (r.files.length === 0) ctx.io.out(`${t(ctx.lang, 'bundleNothing')}\n`);
    }
    return EXIT_OK;
  }
  if (sub === 'import') {
    const { values, positionals } = parse(ctx, rest, false);
    if (positionals.length === 0) throw usageFailure(ctx, 'missingOption', { flag: 'FILE...' });
    const files = bySequence(positionals);
    const inputs = files.map((f) => ({ file: f, bytes: readInput(ctx, f) }));
    const failed = await withLogin(ctx, loginOptions(ctx, values), async ({ inst, session }) => {
      let bad = 0;
      for (const { file, bytes } of inputs) {
        const r = await dispatchAsync(inst, { route: 'sync.import', input: { fileName: basename(file), dataBase64: bytes.toString('base64') }, session }, (l) => ctx.internalLog.push(l));
        if (r.ok) {
          const v = r.value as { verdict: 'applied' | 'duplicate'; manifest: { sequence: number; sender: { name: string } } };
          ctx.io.out(`${t(ctx.lang, v.verdict === 'applied' ? 'bundleApplied' : 'bundleDuplicate', { file: basename(file), seq: v.manifest.sequence, sender: v.manifest.sender.name })}\n`);
        } else {
          bad += 1;
          ctx.io.err(`edu-credit: ${basename(file)}: ${apiFailure(ctx, r.error).line}\n`);
        }
      }
      return bad;
    });
    return failed === 0 ? EXIT_OK : EXIT_FAILURE;
  }
  if (sub === 'inspect') {
    const { values, positionals } = parse(ctx, rest, false);
    const [file, extra] = positionals;
    if (file === undefined) throw usageFailure(ctx, 'missingOption', { flag: 'FILE' });
    if (extra !== undefined) throw usageFailure(ctx, 'unexpectedArg', { value: extra });
    const bytes = readInput(ctx, file);
    const r = await withLogin(ctx, loginOptions(ctx, values), ({ inst, session }) => callAsync(ctx, inst, 'sync.inspect', { fileName: basename(file), dataBase64: bytes.toString('base64') }, session));
    if (values.json) ctx.io.out(`${JSON.stringify(r)}\n`);
    else {
      ctx.io.out(`${t(ctx.lang, 'inspectVerdict', { file: basename(file), verdict: BUNDLE_VERDICTS[ctx.lang][r.verdict] ?? r.verdict })}\n`);
      if (r.manifest) {
        const m = r.manifest;
        ctx.io.out(`  ${t(ctx.lang, 'inspectManifest', { sender: `${m.sender.name} (${m.sender.uscc})`, recipient: m.recipient.uscc, seq: m.sequence, created: dateTimeText(m.createdAt, ctx.lang), counts: bundleCountsText(m.counts, ctx.lang) || '—' })}\n`);
      }
    }
    return r.verdict === 'apply' || r.verdict === 'duplicate' ? EXIT_OK : EXIT_FAILURE;
  }
  throw usageFailure(ctx, 'unknownCommand', { value: `bundle ${sub ?? ''}`.trim() });
}
