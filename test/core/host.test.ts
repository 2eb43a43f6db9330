// The web host (electron/host/server.ts) over real HTTP, against a real installation in a temp
// folder and the renderer built into another: DNS rebinding, foreign origins, malformed requests, CSP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { build } from 'vite';
import { Installation } from '../../electron/core/app/installation';
import { startHost, HOST_TOKEN_HEADER, type RunningHost } from '../../electron/host/server';
import { TestClock, tempDir } from '../support/installation';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Ask {
  method?: string;
  path?: string;
  host?: string;
  headers?: Record<string, string>;
  body?: string;
}

let host: RunningHost;
let inst: Installation;
let port: number;
const cleanups: (() => void)[] = [];

/** One request to the host with any Host header (fetch cannot set Host; node:http can). */
function ask(a: Ask = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: a.method ?? 'GET',
        path: a.path ?? '/',
        headers: { host: a.host ?? `127.0.0.1:${port}`, ...a.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(a.body);
  });
}

/** An API call as the page makes it, with the page's token; Host and headers can be changed. */
function api(route: string, body: string, a: Ask = {}): Promise<Reply> {
  return ask({
    method: 'POST',
    path: `/api/edu:${route}`,
    body,
    ...a,
    headers: { 'content-type': 'application/json', [HOST_TOKEN_HEADER]: host.token, ...a.headers },
  });
}

/** A raw HTTP/1.0 request without any Host header: node:http always sends one. */
function askWithoutHost(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(`GET ${path} HTTP/1.0\r\n\r\n`));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}

const STATUS = JSON.stringify({ input: {} });

beforeAll(async () => {
  const web = tempDir('educredit-web-');
  const data = tempDir('educredit-host-');
  cleanups.push(web.cleanup, data.cleanup);
  // The real renderer, built as `npm run build:web` builds it, so the page served is the shipped one.
  await build({ configFile: 'renderer/vite.config.ts', logLevel: 'silent', build: { outDir: web.dir, emptyOutDir: true } });
  inst = new Installation(data.dir, new TestClock());
  host = await startHost({ inst, staticDir: web.dir, port: 0, log: () => {} });
  port = Number(new URL(host.url).port);
});

afterAll(async () => {
  await host.close();
  inst.close();
  cleanups.forEach((c) => c());
});

describe('web host: who may talk to it', () => {
  it('answers the page and the API at 127.0.0.1 and localhost on its own port (port 0 given)', async () => {
    expect(port).toBeGreaterThan(0);
    for (const name of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      const page = await ask({ host: name });
      expect(page.status).toBe(200);
      expect(page.body).toContain(`<meta name="educredit-host-token" content="${host.token}">`);
      const status = await api('system.status', STATUS, { host: name, headers: { origin: `http://${name.toLowerCase()}` } });
      expect(status.status).toBe(200);
      expect(JSON.parse(status.body)).toMatchObject({ ok: true, value: { status: { state: 'new' } } });
    }
  });

  it('refuses any other Host — a rebinding name, another port, no port — for pages, files and the API, and gives no token', async () => {
    const asset = (await ask()).body.match(/src="\.\/(assets\/[^"]+\.js)"/)?.[1];
    expect(asset).toBeDefined();
    for (const name of [`evil.example:${port}`, `127.0.0.1:${port + 1}`, `localhost:${port + 1}`, '127.0.0.1', 'localhost', `127.0.0.1.nip.io:${port}`, `[::1]:${port}`]) {
      for (const reply of [await ask({ host: name }), await ask({ host: name, path: `/${asset}` }), await api('system.status', STATUS, { host: name })]) {
        expect(reply.status).toBe(421);
        expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8');
        expect(reply.body).toContain(`http://127.0.0.1:${port}/`);
        expect(reply.body).not.toContain(host.token);
      }
    }
    const bare = await askWithoutHost('/');
    expect(bare).toMatch(/^HTTP\/1\.[01] 421 /);
    expect(bare).not.toContain(host.token);
  });

  it('refuses API calls from another origin or another site, and takes calls from its own origin', async () => {
    for (const origin of ['http://evil.example', `http://evil.example:${port}`, `http://127.0.0.1:${port + 1}`, `https://127.0.0.1:${port}`, 'null']) {
      const reply = await api('system.status', STATUS, { headers: { origin } });
      expect(reply.status).toBe(403);
      expect(reply.body).not.toContain('"ok":true');
    }
    for (const site of ['cross-site', 'same-site']) {
      expect((await api('system.status', STATUS, { headers: { 'sec-fetch-site': site } })).status).toBe(403);
    }
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      const reply = await api('system.status', STATUS, { headers: { origin, 'sec-fetch-site': 'same-origin' } });
      expect(reply.status).toBe(200);
    }
    expect((await api('system.status', STATUS, { headers: { [HOST_TOKEN_HEADER]: 'x'.repeat(host.token.length) } })).status).toBe(403);
  });
});

describe('web host: malformed requests', () => {
  it('answers a malformed percent-escape in the path with 400, not 500', async () => {
    for (const path of ['/%E0%A4%A', '/%zz', '/assets/%']) {
      const reply = await ask({ path });
      expect(reply.status).toBe(400);
      expect(reply.body).not.toContain(host.token);
    }
    expect((await api('x', STATUS, { path: '/api/%zz' })).status).toBe(400);
    expect((await api('x', STATUS, { path: '/api/edu:system.status%E0%A4%A' })).status).toBe(400);
  });

  it('answers a body that is not a JSON object with 400 INVALID_INPUT, not 500', async () => {
    for (const body of ['null', '[]', '[{"input":{}}]', '42', '"text"', 'true', '{']) {
      const reply = await api('system.status', body);
      expect(reply.status).toBe(400);
      expect(reply.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(reply.body)).toEqual({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });
});

describe('web host: Content Security Policy', () => {
  it('sends the CSP with frame-ancestors none as a header on every response, and none in the page', async () => {
    const page = await ask();
    const asset = page.body.match(/src="\.\/(assets\/[^"]+\.js)"/)?.[1];
    const replies = [
      page,
      await ask({ path: `/${asset}` }),
      await ask({ path: '/some/route' }),
      await ask({ host: 'evil.example' }),
      await ask({ path: '/%zz' }),
      await ask({ method: 'DELETE' }),
      await api('system.status', STATUS),
      await api('system.status', 'null'),
    ];
    for (const reply of replies) {
      expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
    }
    expect(page.body).toContain('<div id="root">');
    expect(page.body).not.toMatch(/http-equiv\s*=\s*["']?content-security-policy/i);
  });
});

describe('web host: static files stay inside the renderer folder', () => {
  it('serves the page, not a file outside, for an escaped path that climbs out', async () => {
    for (const path of ['/..%2F..%2F..%2Fetc%2Fpasswd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/..%2F..%2F..%2Fpackage.json']) {
      const reply = await ask({ path });
      expect(reply.status).toBe(200);
      expect(reply.body).toContain('<div id="root">');
    }
  });
});
