// CLI keys and bundle commands (vitest): a school and a bureau enrol each other and exchange
// bundles through a folder with the real bin; a duplicate is a no-op, a tampered bundle exits 1.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PASSWORD, tempDir } from '../support/installation';
import { cli } from './run';

const t = tempDir('educredit-cli-sync-');
afterAll(() => t.cleanup());
const pw = join(t.dir, 'password.txt');
writeFileSync(pw, `${PASSWORD}\n`);
const school = join(t.dir, 'school');
const bureau = join(t.dir, 'bureau');
const as = (dir: string): string[] => ['--data-dir', dir, '--user', 'admin', '--password-file', pw];

function run(args: string[]): ReturnType<typeof cli> {
  const r = cli(args);
  expect(r.status, `${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
}

describe('keys and bundles on the command line', () => {
  it('enrols both ways, sends a bundle, acknowledges it, and refuses a tampered copy', () => {
    run(['demo', '--data-dir', school, '--scale', 'school', '--password-file', pw]);
    run(['demo', '--data-dir', bureau, '--scale', 'bureau', '--password-file', pw]);
    const schoolCard = join(t.dir, 'school-card.json');
    const bureauCard = join(t.dir, 'bureau-card.json');
    expect(run(['keys', 'export-card', ...as(school), '--out', schoolCard]).stdout).toMatch(/指纹：([0-9A-F]{4} ){4}[0-9A-F]{4}/i);
    run(['keys', 'export-card', ...as(bureau), '--out', bureauCard]);
    expect(run(['keys', 'enrol', ...as(bureau), schoolCard]).stdout).toContain('已登记');
    expect(run(['keys', 'enrol', ...as(bureau), schoolCard]).stdout).toContain('已登记过');
    run(['keys', 'enrol', ...as(school), bureauCard]);

    const outbox = join(t.dir, 'usb');
    // The size in the words the screens use (4.5 MB), never a count of bytes.
    expect(run(['bundle', 'export', ...as(school), '--out', outbox]).stdout).toMatch(/新数据包 .*（序号 1，\d+(\.\d)? (KB|MB)）/);
    const [file] = readdirSync(outbox).filter((f) => f.endsWith('.ecb'));
    expect(file).toMatch(/^12410481\w+-1\.ecb$/);
    const bundle = join(outbox, file!);
    // The verdict in the user's language, with the manifest's content in words.
    const inspected = run(['bundle', 'inspect', ...as(bureau), bundle]).stdout;
    expect(inspected).toContain('：可以导入');
    expect(inspected).toMatch(/生成于 \d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d，内容 教师 \d+/);
    const stats = (dir: string): Record<string, number> => JSON.parse(run(['stats', ...as(dir), '--json']).stdout) as Record<string, number>;
    const before = stats(bureau);
    expect(run(['bundle', 'import', ...as(bureau), bundle]).stdout).toContain('已导入');
    // The bureau counts the teachers whose files its schools sent, and the schools enrolled with it.
    const after = stats(bureau);
    expect(after.teachers).toBe(before.teachers! + stats(school).teachers!);
    expect(after.teachers).toBeGreaterThan(0);
    expect(after.schools).toBe(1);
    expect(run(['bundle', 'import', ...as(bureau), bundle]).stdout).toContain('已导入过');

    const bytes = readFileSync(bundle);
    bytes[Math.floor(bytes.length / 2)] = bytes[Math.floor(bytes.length / 2)]! ^ 0x04;
    const tampered = join(t.dir, 'tampered.ecb');
    writeFileSync(tampered, bytes);
    const refused = cli(['bundle', 'import', ...as(bureau), tampered]);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);

    const back = join(t.dir, 'back');
    run(['bundle', 'export', ...as(bureau), '--out', back]);
    const acks = readdirSync(back).filter((f) => f.endsWith('.ecb'));
    expect(acks).toHaveLength(1);
    run(['bundle', 'import', ...as(school), join(back, acks[0]!)]);

    const identity = join(t.dir, 'bureau.age');
    run(['keys', 'export-age-identity', ...as(bureau), '--out', identity]);
    expect(readFileSync(identity, 'utf8')).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]+\n$/);
    const plain = execFileSync('age', ['-d', '-i', identity, bundle]);
    expect(plain.length).toBeGreaterThan(100);
    expect(cli(['keys', 'export-age-identity', ...as(school), '--out', join(t.dir, 'x.age')]).status).toBe(1);
  });
});
