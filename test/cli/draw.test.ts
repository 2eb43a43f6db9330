// `edu-credit draw` with the real bin on a demo bureau: the same seed prints the same draw, another
// seed another; --json parses; nothing is written; bad numbers are usage errors (exit 2).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PASSWORD, tempDir } from '../support/installation';
import { cli, oneLine } from './run';

const t = tempDir('educredit-cli-draw-');
afterAll(() => t.cleanup());
const pw = join(t.dir, 'password.txt');
const bureau = join(t.dir, 'bureau');
const as = ['--data-dir', bureau, '--user', 'admin', '--password-file', pw];

function draw(...args: string[]): ReturnType<typeof cli> {
  return cli(['draw', ...as, ...args]);
}

beforeAll(() => {
  writeFileSync(pw, `${PASSWORD}\n`);
  const r = cli(['demo', '--data-dir', bureau, '--scale', 'bureau', '--password-file', pw]);
  expect(r.status, r.stderr).toBe(0);
});

describe('edu-credit draw', () => {
  it('prints the same draw for the same seed and another for another seed', () => {
    const a = draw('--seed', '20261125', '--count', '6', '--inspectors', '1');
    const b = draw('--seed', '20261125', '--count', '6', '--inspectors', '1');
    const c = draw('--seed', '20261126', '--count', '6', '--inspectors', '1');
    for (const r of [a, b, c]) expect(r.status, r.stderr).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).not.toBe(a.stdout);
    expect(a.stdout).toContain('种子 20261125');
    // Six numbered lines, each with a USCC and a grade and its weight.
    const rows = a.stdout.split('\n').filter((l) => /^\s+\d+\.\s/.test(l));
    expect(rows).toHaveLength(6);
    for (const row of rows) expect(row).toMatch(/[0-9A-HJ-NPQRTUWXY]{18}\s+[ABCD]\s+(1|2|4|8)\s+\S/);
  });

  it('prints JSON that parses, with the seed, the pool and each target\'s inspectors, and writes nothing', () => {
    const before = cli(['stats', ...as, '--json']);
    const r = draw('--seed', '7', '--count', '4', '--inspectors', '1', '--json');
    expect(r.status, r.stderr).toBe(0);
    const v = JSON.parse(r.stdout) as { seed: number; poolSize: number; targets: { uscc: string; grade: string; weight: number; inspectors: { username: string }[] }[] };
    expect(v.seed).toBe(7);
    expect(v.poolSize).toBe(77);
    expect(v.targets).toHaveLength(4);
    expect(new Set(v.targets.map((x) => x.uscc)).size).toBe(4);
    for (const x of v.targets) expect(x.inspectors).toHaveLength(1);
    expect(JSON.parse(draw('--seed', '7', '--count', '4', '--inspectors', '1', '--json').stdout)).toEqual(v);
    // The counts (audit entries aside: each CLI login and logout is one) are unchanged.
    const after = JSON.parse(cli(['stats', ...as, '--json']).stdout) as Record<string, number>;
    const { auditEntries: _a, ...rest } = JSON.parse(before.stdout) as Record<string, number>;
    const { auditEntries: _b, ...restAfter } = after;
    expect(restAfter).toEqual(rest);
  });

  it('speaks English when asked', () => {
    const r = draw('--seed', '3', '--count', '2', '--inspectors', '1', '--lang', 'en');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Double-random draw: seed 3');
    expect(r.stdout).toContain('Inspectors');
  });

  it('refuses a bad --seed, --count or --inspectors as a usage error, in one line', () => {
    for (const [args, flag] of [
      [['--seed', 'abc', '--count', '3'], '--seed'],
      [['--seed', '1.5', '--count', '3'], '--seed'],
      [['--seed', '1', '--count', '0'], '--count'],
      [['--seed', '1', '--count', '3', '--inspectors', '0'], '--inspectors'],
    ] as const) {
      const r = draw(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(oneLine(r.stderr)).toContain(flag);
    }
    const missing = draw('--count', '3');
    expect(missing.status).toBe(2);
    expect(oneLine(missing.stderr)).toContain('--seed');
    expect(oneLine(draw('--seed', 'x', '--count', '3', '--lang', 'en').stderr)).toContain('must be a whole number');
  });

  it('says when the pool is too small, and exits 1', () => {
    const r = draw('--seed', '1', '--count', '78', '--inspectors', '1');
    expect(r.status).toBe(1);
    expect(oneLine(r.stderr)).toContain('77');
  });
});
