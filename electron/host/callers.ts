// Who the web host answers (Node, web host): only this computer's browser at 127.0.0.1 or localhost
// on the port the host really listens on. A DNS-rebinding page reaches the same socket under its own
// name, so the Host header is what tells it apart; a page of another site calling the API is told
// apart by Origin and Sec-Fetch-Site.
import type { IncomingMessage } from 'node:http';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost'];

/** The Host values that name this host: browsers leave out port 80, so there the bare name too. */
function authorities(port: number): string[] {
  const named = LOOPBACK_NAMES.map((n) => `${n}:${port}`);
  return port === 80 ? [...named, ...LOOPBACK_NAMES] : named;
}

/** The address to tell someone who used another name. */
export function ownUrl(port: number): string {
  return `http://127.0.0.1:${port}/`;
}

/** The request names this host (host names are case-insensitive; a missing Host is refused). */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host?.toLowerCase();
  return host !== undefined && authorities(port).includes(host);
}

/**
 * An API call comes from our own page: an Origin, when sent, is ours, and a browser that says
 * where the call comes from says same-origin. Programs that send neither still need the token.
 */
export function apiCallerAllowed(req: IncomingMessage, port: number): boolean {
  const { origin } = req.headers;
  if (origin !== undefined && !authorities(port).some((a) => origin.toLowerCase() === `http://${a}`)) return false;
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin';
}
