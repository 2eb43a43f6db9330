// Web host (Node, no Electron): serves the built renderer and the API on 127.0.0.1 only, so the
// app runs and is tested in a browser where Electron cannot run. A random token made at each start
// is written into the page and required on every API call, so no other page or local program
// that cannot read our page can call the API.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { Installation } from '../core/app/installation';
import { dispatchAsync } from '../core/api';
import { ROUTE_PREFIX } from '../../shared/api/contract';
import { MAX_FILE_BYTES } from '../../shared/api/route';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/csp';

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

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type });
  res.end(body);
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
  const log = opts.log ?? ((l: string) => console.error(l));
  const indexPath = join(opts.staticDir, 'index.html');
  if (!existsSync(indexPath)) throw new Error(`renderer not built: ${indexPath} is missing (run npm run build:web)`);
  const index = readFileSync(indexPath, 'utf8').replace('</head>', `<meta name="educredit-host-token" content="${token}"></head>`);

  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      log(`host: ${(e as Error).message}`);
      if (!res.headersSent) send(res, 500, 'text/plain', 'error');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'POST only');
      if (req.headers[HOST_TOKEN_HEADER] !== token) return send(res, 403, 'text/plain', 'bad token');
      const route = decodeURIComponent(url.pathname.slice('/api/'.length));
      let payload: { session?: string; input?: unknown };
      try {
        payload = JSON.parse((await readBody(req)) || '{}') as typeof payload;
      } catch {
        return send(res, 400, 'application/json', JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT' } }));
      }
      const name = route.startsWith(ROUTE_PREFIX) ? route.slice(ROUTE_PREFIX.length) : route;
      const result = await dispatchAsync(opts.inst, { route: name, session: payload.session, input: payload.input }, log);
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result));
    }
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'GET only');
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
    const file = join(opts.staticDir, rel);
    if (rel && (file.startsWith(opts.staticDir + sep)) && existsSync(file) && statSync(file).isFile()) {
      return send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
    }
    return send(res, 200, TYPES['.html']!, index);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : opts.port;
      resolve({
        server,
        token,
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}
