// The path of a request to the web host (Node, web host), decoded once; null for what is no path.
/**
 * Only origin-form targets (`/…`) are taken: an absolute URL or `*` is not for this host. A
 * malformed percent-escape (`/%zz`, a cut UTF-8 sequence) is the caller's mistake, not ours.
 */
export function requestPath(target: string | undefined): string | null {
  if (!target?.startsWith('/')) return null;
  const raw = target.split(/[?#]/, 1)[0] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
