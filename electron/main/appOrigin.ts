// The one origin the Electron window's page comes from (main process): app://educredit, served by
// protocol.ts. Navigation, IPC, permissions and the request filter all test against it.
export const APP_SCHEME = 'app';
export const APP_HOST = 'educredit';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Whether a URL (or an origin) is ours. Compared on the parsed scheme and host, never by prefix, so
 * `app://educredit.evil/` or `app://educredit@evil/` do not pass. Node reports the origin of a
 * custom scheme as "null", hence no use of `URL.origin` here.
 */
export function isOwnUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}
