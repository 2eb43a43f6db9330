// Layer rules of docs/ARCHITECTURE.md, enforced by reading every import in the source tree.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SOURCE_DIRS = ['electron', 'shared', 'renderer', 'bench', 'bin'];
const SOURCE_EXT = /\.(?:[cm]?[jt]s|tsx|jsx)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'out', 'build', '.git', 'coverage']);
/** npm packages shared/ may use: pure, no I/O, fine in the renderer and in Node. Add here on purpose only. */
// Schemas, date arithmetic, and the seeded generator behind the inspection draw.
const SHARED_PACKAGES = new Set(['zod', 'dayjs', 'pure-rand']);
/** Build configuration that runs in Node at build time, not in the renderer. */
const BUILD_CONFIG = /\.config\.[cm]?[jt]s$/;

type Target =
  | { kind: 'builtin'; name: string }
  | { kind: 'electron' }
  | { kind: 'package'; name: string }
  | { kind: 'file'; path: string };

interface Import {
  file: string;
  spec: string;
  target: Target;
}

/** Removes comments, keeping string contents (an import can sit in no comment, a URL in a string stays). */
function stripComments(src: string): string {
  let out = '';
  let i = 0;
  let quote: string | null = null;
  while (i < src.length) {
    const c = src[i]!;
    const next = src[i + 1];
    if (quote) {
      out += c;
      if (c === '\\') {
        out += next ?? '';
        i += 2;
        continue;
      }
      if (c === quote) quote = null;
      i += 1;
      continue;
    }
    if (c === '/' && next === '/') {
      while (i < src.length && src[i] !== '\n') i += 1;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end === -1 ? src.length : end + 2;
      out += ' ';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    out += c;
    i += 1;
  }
  return out;
}

const PATTERNS = [
  /(?:^|[\s;}])(?:import|export)\s[^'"`;]*?\bfrom\s*(['"])([^'"\n]+)\1/g,
  /(?:^|[\s;}])import\s*(['"])([^'"\n]+)\1/g,
  /\bimport\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g,
  /\brequire\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g,
];

function importSpecifiers(src: string): string[] {
  const code = stripComments(src);
  const found = new Set<string>();
  for (const re of PATTERNS) for (const m of code.matchAll(re)) found.add(m[2]!);
  return [...found];
}

const BUILTINS = new Set(builtinModules.map((m) => m.replace(/^node:/, '')));

function classify(fromFile: string, spec: string): Target {
  if (spec.startsWith('.')) return { kind: 'file', path: relative(ROOT, resolve(dirname(join(ROOT, fromFile)), spec)).split(sep).join('/') };
  if (spec.startsWith('node:')) return { kind: 'builtin', name: spec };
  const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
  if (BUILTINS.has(name)) return { kind: 'builtin', name: spec };
  if (name === 'electron') return { kind: 'electron' };
  return { kind: 'package', name };
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir)) {
    if (SKIP_DIRS.has(entry)) continue;
    const full = join(dir, entry);
    const st = statSync(full);
    if (st.isDirectory()) walk(full, out);
    else if (SOURCE_EXT.test(entry) && !entry.endsWith('.d.ts')) out.push(relative(ROOT, full).split(sep).join('/'));
  }
}

function sourceFiles(): string[] {
  const files: string[] = [];
  for (const d of SOURCE_DIRS) if (existsSync(join(ROOT, d))) walk(join(ROOT, d), files);
  return files.sort();
}

function allImports(): Import[] {
  return sourceFiles().flatMap((file) => importSpecifiers(readFileSync(join(ROOT, file), 'utf8')).map((spec) => ({ file, spec, target: classify(file, spec) })));
}

const under = (path: string, ...dirs: string[]): boolean => dirs.some((d) => path === d || path.startsWith(`${d}/`));

/** Every rule violation, as "file imports spec (why)". */
function violations(imports: Import[]): string[] {
  const bad: string[] = [];
  const flag = (i: Import, why: string): void => {
    bad.push(`${i.file} imports '${i.spec}' (${why})`);
  };
  for (const i of imports) {
    const { file, target } = i;
    if (target.kind === 'electron' && !under(file, 'electron/main', 'electron/preload')) flag(i, "only electron/main and electron/preload may import 'electron'");
    if (under(file, 'shared')) {
      if (target.kind === 'builtin') flag(i, 'shared/ imports no Node module');
      if (target.kind === 'package' && !SHARED_PACKAGES.has(target.name)) flag(i, `shared/ may use only ${[...SHARED_PACKAGES].join(', ')}`);
      if (target.kind === 'file' && !under(target.path, 'shared')) flag(i, 'shared/ imports nothing outside shared/');
    }
    if (under(file, 'renderer')) {
      if (target.kind === 'file' && !under(target.path, 'renderer', 'shared')) flag(i, 'renderer/ imports only shared/ and npm packages');
      if (target.kind === 'builtin' && !BUILD_CONFIG.test(file)) flag(i, 'renderer code runs in a sandbox: no Node modules');
    }
    if (under(file, 'electron/core') && target.kind === 'file') {
      if (under(target.path, 'renderer', 'electron/main', 'electron/preload', 'electron/host', 'electron/cli')) {
        flag(i, 'electron/core never imports renderer/ or electron/main|preload|host|cli');
      }
    }
  }
  return bad;
}

describe('the import scanner', () => {
  it('finds every form of import and ignores comments', () => {
    const src = [
      "import { a } from './a';",
      'import type {',
      '  B,',
      "} from '../b';",
      "import './side-effect';",
      "export * from './re-export';",
      "export { c } from \"./c\";",
      "const d = await import('./dynamic');",
      "const e = require('node:fs');",
      "// import x from 'electron';",
      "/* import y from 'electron'; */",
      "const url = 'https://example.org/x'; import z from 'zod';",
    ].join('\n');
    expect(importSpecifiers(src).sort()).toEqual(['../b', './a', './c', './dynamic', './re-export', './side-effect', 'node:fs', 'zod'].sort());
  });

  it('reports what each rule forbids', () => {
    const sample: Import[] = [
      { file: 'shared/domain/x.ts', spec: 'node:crypto', target: classify('shared/domain/x.ts', 'node:crypto') },
      { file: 'shared/domain/x.ts', spec: 'fs', target: classify('shared/domain/x.ts', 'fs') },
      { file: 'shared/domain/x.ts', spec: 'lodash', target: classify('shared/domain/x.ts', 'lodash') },
      { file: 'shared/domain/x.ts', spec: '../../electron/core/api', target: classify('shared/domain/x.ts', '../../electron/core/api') },
      { file: 'renderer/src/x.ts', spec: '../../electron/core/api', target: classify('renderer/src/x.ts', '../../electron/core/api') },
      { file: 'renderer/src/x.ts', spec: 'electron', target: classify('renderer/src/x.ts', 'electron') },
      { file: 'renderer/src/x.ts', spec: 'node:path', target: classify('renderer/src/x.ts', 'node:path') },
      { file: 'electron/core/x.ts', spec: '../main/index', target: classify('electron/core/x.ts', '../main/index') },
      { file: 'electron/core/x.ts', spec: '../../renderer/src/y', target: classify('electron/core/x.ts', '../../renderer/src/y') },
      { file: 'electron/host/x.ts', spec: 'electron', target: classify('electron/host/x.ts', 'electron') },
    ];
    expect(violations(sample)).toHaveLength(sample.length);
    const fine: Import[] = [
      { file: 'shared/api/x.ts', spec: 'zod', target: classify('shared/api/x.ts', 'zod') },
      { file: 'shared/api/x.ts', spec: '../domain/roles', target: classify('shared/api/x.ts', '../domain/roles') },
      { file: 'renderer/src/x.ts', spec: '../../shared/api/contract', target: classify('renderer/src/x.ts', '../../shared/api/contract') },
      { file: 'renderer/vite.config.ts', spec: 'node:url', target: classify('renderer/vite.config.ts', 'node:url') },
      { file: 'electron/main/x.ts', spec: 'electron', target: classify('electron/main/x.ts', 'electron') },
      { file: 'electron/preload/x.ts', spec: 'electron', target: classify('electron/preload/x.ts', 'electron') },
      { file: 'electron/host/x.ts', spec: '../core/api', target: classify('electron/host/x.ts', '../core/api') },
    ];
    expect(violations(fine)).toEqual([]);
  });
});

describe('layer boundaries of the source tree', () => {
  const imports = allImports();
  const files = sourceFiles();

  it('reads the real tree', () => {
    expect(files.filter((f) => under(f, 'shared')).length).toBeGreaterThan(0);
    expect(files.filter((f) => under(f, 'electron/core')).length).toBeGreaterThan(0);
    // The core does import shared/: the scanner sees real relative imports.
    expect(imports.some((i) => under(i.file, 'electron/core') && i.target.kind === 'file' && under(i.target.path, 'shared'))).toBe(true);
    // Where the Electron layer exists, its own 'electron' imports are seen (and allowed).
    if (files.some((f) => under(f, 'electron/main'))) expect(imports.some((i) => under(i.file, 'electron/main') && i.target.kind === 'electron')).toBe(true);
  });

  it('has no import that crosses a layer the wrong way', () => {
    expect(violations(imports)).toEqual([]);
  });
});
