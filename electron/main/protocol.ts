// The app:// scheme (main process): the window's page and its assets are served from the built
// renderer folder only, each response with the Content-Security-Policy and the other security
// headers, so the page never runs from file:// (whose extra privileges the fuses switch off).
import type { Protocol } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/csp';
import { APP_SCHEME, isOwnUrl } from './appOrigin';

/**
 * What the renderer build emits, and nothing else: an allowlist rather than a guess from a MIME
 * database, so the origin can never serve a file as a type we did not mean (with nosniff, a file of
 * any other kind is refused instead of being run or shown as something else).
 */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Must run before the app's ready event. standard: relative URLs and a real origin for 'self';
 * secure: a secure context like https; corsEnabled and supportFetchAPI: Vite's module script and
 * modulepreload are CORS-mode fetches, which Chromium refuses for a scheme without them. No
 * bypassCSP, no service workers.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, corsEnabled: true, supportFetchAPI: true } },
  ]);
}

/** After ready: answers every app:// request from `rendererDir`. */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  const root = resolve(rendererDir);
  protocol.handle(APP_SCHEME, (request) => rendererResponse(root, request));
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * The file a URL path names inside root, or null. Refused: a path that does not decode, a NUL, a
 * backslash (a separator on Windows), a drive or stream colon, and any `..` segment, since an
 * encoded slash (`..%2f`) survives the URL parser's own dot-segment removal; then the resolved
 * path must still lie inside root.
 */
function fileInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (/[\0\\:]/.test(decoded)) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return null;
  const file = resolve(root, ...(segments.length > 0 ? segments : ['index.html']));
  const rel = relative(root, file);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return file;
}

async function rendererResponse(root: string, request: Request): Promise<Response> {
  if (!isOwnUrl(request.url)) return plain(404, 'Not Found');
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method Not Allowed');
  const file = fileInside(root, new URL(request.url).pathname);
  if (!file) return plain(400, 'Bad Request');
  const type = CONTENT_TYPES[extname(file).toLowerCase()];
  if (!type) return plain(404, 'Not Found');
  try {
    if (!(await stat(file)).isFile()) return plain(404, 'Not Found');
    const headers = { ...SECURITY_HEADERS, 'Content-Type': type };
    if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
    return new Response(await readFile(file), { status: 200, headers });
  } catch {
    return plain(404, 'Not Found');
  }
}
