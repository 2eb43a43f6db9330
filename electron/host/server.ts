// Web host (Node, no Electron): serves the built renderer and the API on 127.0.0.1 only, so the
// app runs and is tested in a browser where Electron cannot run. A random token made at each start
// is written into the page and required on every API call, so no other page or local program
// that cannot read our page can call the API; and only requests addressed to 127.0.0.1 or
// localhost on our port are answered at all, so a DNS-rebinding page cannot read the token.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Installation } from '../core/app/installation';
import { dispatchAsync } from '../core/api';
import { ROUTE_PREFIX } from '../../shared/api/contract';
import { MAX_FILE_BYTES } from '../../shared/api/route';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/csp';
import { apiCallerAllowed, hostAllowed, ownUrl } from './callers';
import { requestPath } from './requestPath';
import { parsePayload } from './apiPayload';
import { refusals } from './refusals';

// A call may carry a file of MAX_FILE_BYTES (20 MiB), which base64 and JSON make about 27 MiB.
const MAX_BODY_BYTES = Math.ceil((MAX_FILE_BYTES * 4) / 3) + 8 * 1024 * 1024;
export const HOST_TOKEN_HEADER = 'x-educredit-token';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

// The CSP travels as a header on every response, never in a <meta> (where frame-ancestors is
// ignored). CORP keeps other sites' pages from loading our files as scripts or images.
const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

const TEXT = 'text/plain; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const INVALID_BODY = JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT' } });

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type });
  res.end(body);
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export interface HostOptions {
  inst: Installation;
  staticDir: string;
  port: number;
  log?: (line: string) => void;
}

export interface RunningHost {
  server: Server;
  url: string;
  token: string;
  close(): Promise<void>;
}

export function startHost(opts: HostOptions): Promise<RunningHost> {
  const token = randomBytes(32).toString('base64url');
  const tokenHash = sha256(token);
  const log = opts.log ?? ((l: string) => console.error(l));
  const staticDir = resolve(opts.staticDir);
  const indexPath = join(staticDir, 'index.html');
  if (!existsSync(indexPath)) throw new Error(`renderer not built: ${indexPath} is missing (run npm run build:web)`);
  const index = readFileSync(indexPath, 'utf8').replace('</head>', `<meta name="educredit-host-token" content="${token}"></head>`);

  // Hashing both sides gives equal lengths, so the comparison takes the same time whatever is sent.
  function tokenMatches(given: string | string[] | undefined): boolean {
    return typeof given === 'string' && timingSafeEqual(sha256(given), tokenHash);
  }

  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      log(`host: ${(e as Error).message}`);
      if (!res.headersSent) send(res, 500, TEXT, refusals.failed);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // The port this connection really reached: the one listened on, also when 0 was asked for.
    const port = req.socket.localPort ?? opts.port;
    if (!hostAllowed(req, port)) return send(res, 421, TEXT, refusals.wrongHost(ownUrl(port)));
    const path = requestPath(req.url);
    if (path === null) return send(res, 400, TEXT, refusals.badPath);
    if (path.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, TEXT, refusals.postOnly);
      if (!apiCallerAllowed(req, port)) return send(res, 403, TEXT, refusals.otherSite);
      if (!tokenMatches(req.headers[HOST_TOKEN_HEADER])) return send(res, 403, TEXT, refusals.badToken);
      const payload = parsePayload(await readBody(req));
      if (!payload) return send(res, 400, JSON_TYPE, INVALID_BODY);
      const route = path.slice('/api/'.length);
      const name = route.startsWith(ROUTE_PREFIX) ? route.slice(ROUTE_PREFIX.length) : route;
      const result = await dispatchAsync(opts.inst, { route: name, session: payload.session, input: payload.input }, log);
      return send(res, 200, JSON_TYPE, JSON.stringify(result));
    }
    if (req.method !== 'GET') return send(res, 405, TEXT, refusals.getOnly);
    const rel = normalize(path).replace(/^([/\\])+/, '');
    const file = join(staticDir, rel);
    if (rel && file.startsWith(staticDir + sep) && existsSync(file) && statSync(file).isFile()) {
      return send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
    }
    return send(res, 200, TYPES['.html']!, index);
  }

  return new Promise((ready, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : opts.port;
      ready({
        server,
        token,
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}
