#!/usr/bin/env node
// `edu-credit` launcher (CLI process): registers tsx so the TypeScript sources run as they are,
// with no build step after `npm ci`, then hands argv to electron/cli/main.ts.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// An explicit tsconfig: tsx would otherwise look for one in the caller's working directory.
const tsconfig = fileURLToPath(new URL('../tsconfig.json', import.meta.url));
register({ tsconfig: existsSync(tsconfig) ? tsconfig : false });

const { runCli } = await import(new URL('../electron/cli/main.ts', import.meta.url).href);
process.exitCode = await runCli(process.argv.slice(2));
