#!/usr/bin/env node
// `edu-credit` launcher (CLI process). Runs the built command line (out/node/cli.mjs, made by
// `npm run build:node`) when it is newer than every source file, so it starts in a second; else
// registers tsx and runs the TypeScript sources as they are, so a change is never run stale.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = join(root, 'out', 'node', 'cli.mjs');

/** The newest modification time of the sources the bundle is built from. */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (/\.(ts|json|sql)$/.test(e.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of ['electron', 'shared']) walk(join(root, dir));
  return newest;
}

if (existsSync(built) && statSync(built).mtimeMs > newestSource()) {
  await import(new URL('../out/node/cli.mjs', import.meta.url).href);
} else {
  const { register } = await import('tsx/esm/api');
  // An explicit tsconfig: tsx would otherwise look for one in the caller's working directory.
  const tsconfig = join(root, 'tsconfig.json');
  register({ tsconfig: existsSync(tsconfig) ? tsconfig : false });
  await import(new URL('../electron/cli/run.ts', import.meta.url).href);
}
