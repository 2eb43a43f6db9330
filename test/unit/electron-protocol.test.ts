// The app:// scheme (electron/main/protocol.ts) on a real folder of files: it serves the built
// renderer with the CSP and security headers on every response, and nothing outside the folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Protocol } from 'electron';
import { build } from 'vite';
import { registerAppScheme, serveRenderer } from '../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/csp';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SECRET = 'the key file must never be served';
let base = '';
let serve: (url: string, method?: string) => Promise<Response>;

/** The app:// handler serveRenderer registers for `root`. */
function handlerFor(root: string): (url: string, method?: string) => Promise<Response> {
  let handler: ((request: Request) => Response | Promise<Response>) | null = null;
  const protocol: Pick<Protocol, 'handle'> = {
    handle: (scheme, h) => {
      expect(scheme).toBe('app');
      handler = h;
    },
  };
  serveRenderer(protocol, root);
  return async (url, method = 'GET') => {
    if (!handler) throw new Error('no app:// handler registered');
    return handler(new Request(url, { method }));
  };
}

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'educredit-protocol-'));
  const root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>EduCredit</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1);');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, 'notes.md'), '# not part of the build');
  // A sibling of the renderer folder, as educredit.keys.json would be beside an unpacked app.
  writeFileSync(join(base, 'secret.txt'), SECRET);
  serve = handlerFor(root);
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

function expectSecurityHeaders(res: Response): void {
  expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
}

describe('app:// serves the renderer', () => {
  it('serves index.html with its type, the CSP and the security headers', async () => {
    const res = await serve('app://educredit/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expectSecurityHeaders(res);
    expect(await res.text()).toBe('<!doctype html><title>EduCredit</title>');
  });

  it('serves the root as index.html', async () => {
    const res = await serve('app://educredit/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>EduCredit</title>');
  });

  it('serves scripts and styles with their types (the page runs under nosniff)', async () => {
    const js = await serve('app://educredit/assets/index-abc.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expectSecurityHeaders(js);
    expect(await js.text()).toBe('console.log(1);');
    const css = await serve('app://educredit/assets/index-abc.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers HEAD without a body', async () => {
    const res = await serve('app://educredit/index.html', 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toBe('');
  });
});

describe('app:// refuses everything else', () => {
  const traversals = [
    'app://educredit/..%2fsecret.txt',
    'app://educredit/assets/..%2f..%2fsecret.txt',
    'app://educredit/%2e%2e%2fsecret.txt',
    'app://educredit/..%5csecret.txt',
    'app://educredit/assets%2f..%2f..%2fsecret.txt',
  ];

  it.each(traversals)('refuses the traversal %s', async (url) => {
    const res = await serve(url);
    expect(res.status).toBe(400);
    expectSecurityHeaders(res);
    expect(await res.text()).not.toContain(SECRET);
  });

  it('never reads an absolute path, encoded or as a drive', async () => {
    const posix = await serve(`app://educredit/${encodeURIComponent(join(base, 'secret.txt'))}`);
    expect(posix.status).not.toBe(200);
    expect(await posix.text()).not.toContain(SECRET);
    const drive = await serve('app://educredit/C:%5CWindows%5Cwin.ini');
    expect(drive.status).toBe(400);
  });

  it('refuses a path that does not decode', async () => {
    expect((await serve('app://educredit/%E0%A4%A')).status).toBe(400);
  });

  it('refuses another host of the scheme', async () => {
    const res = await serve('app://other/index.html');
    expect(res.status).toBe(404);
    expectSecurityHeaders(res);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await serve('app://educredit/index.html', 'POST')).status).toBe(405);
  });

  it('refuses missing files and files of a type the build does not emit', async () => {
    expect((await serve('app://educredit/missing.js')).status).toBe(404);
    expect((await serve('app://educredit/assets')).status).toBe(404);
    const md = await serve('app://educredit/notes.md');
    expect(md.status).toBe(404);
    expectSecurityHeaders(md);
  });
});

describe('the scheme registration', () => {
  it('makes app:// standard and secure, without bypassing the CSP or allowing service workers', () => {
    let schemes: Parameters<Protocol['registerSchemesAsPrivileged']>[0] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (s) => (schemes = s) });
    expect(schemes).toHaveLength(1);
    const [app] = schemes;
    expect(app?.scheme).toBe('app');
    expect(app?.privileges).toMatchObject({ standard: true, secure: true });
    expect(app?.privileges?.bypassCSP).toBeFalsy();
    expect(app?.privileges?.allowServiceWorkers).toBeFalsy();
  });
});

describe('the real renderer build under app://', () => {
  function files(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
  }

  it('serves every file the build emits with its type and the CSP, and the page finds its assets', async () => {
    const outDir = join(base, 'built');
    await build({ configFile: join(ROOT, 'renderer', 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    const serveBuilt = handlerFor(outDir);
    const built = files(outDir);
    expect(built.length).toBeGreaterThan(2);
    for (const file of built) {
      const res = await serveBuilt(`app://educredit/${relative(outDir, file).split(sep).join('/')}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
    const page = await (await serveBuilt('app://educredit/index.html')).text();
    const assets = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => new URL(m[1]!, 'app://educredit/index.html').href);
    expect(assets.some((u) => u.endsWith('.js'))).toBe(true);
    for (const url of assets) {
      const res = await serveBuilt(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type'), url).toMatch(/^text\/(javascript|css)/);
    }
  });
});
