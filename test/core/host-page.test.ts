// The page the hosts serve (build time, renderer/csp-plugin.ts): the Content Security Policy comes
// as a response header only, so a build whose index.html carries it in a <meta> fails.
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { cspPlugin } from '../../renderer/csp-plugin';
import { tempDir } from '../support/installation';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function buildPage(head: string): Promise<unknown> {
  const root = tempDir('educredit-page-');
  cleanups.push(root.cleanup);
  writeFileSync(join(root.dir, 'index.html'), `<!doctype html><html><head>${head}</head><body><div id="root"></div></body></html>`);
  return build({ root: root.dir, configFile: false, logLevel: 'silent', plugins: [cspPlugin()], build: { outDir: join(root.dir, 'dist') } });
}

describe('CSP in the built page', () => {
  it('refuses to build a page that carries the CSP in a meta tag, however it is spelled', async () => {
    for (const meta of [
      `<meta http-equiv="Content-Security-Policy" content="default-src 'self'">`,
      `<meta content="default-src 'self'" HTTP-EQUIV='content-security-policy'>`,
      `<meta http-equiv=Content-Security-Policy content="default-src 'self'">`,
    ]) {
      await expect(buildPage(meta)).rejects.toThrow(/sent as a header/);
    }
  });

  it('builds a page without one', async () => {
    await expect(buildPage('<meta charset="UTF-8"><meta name="viewport" content="width=device-width">')).resolves.toBeDefined();
  });
});
