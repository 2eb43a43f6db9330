// Vite plugin (build time, Node): keeps the Content Security Policy out of index.html. The policy
// (shared/api/csp.ts) is sent as a response header by the web host and by the Electron window's
// app:// protocol; a <meta> copy would ignore frame-ancestors and make Chromium log an error on
// every page, so a build whose page carries one fails.
import type { Plugin } from 'vite';

const CSP_META = /<meta\b[^>]*\bhttp-equiv\s*=\s*["']?content-security-policy\b/i;

export function cspPlugin(): Plugin {
  return {
    name: 'educredit-csp',
    transformIndexHtml(html, ctx) {
      if (CSP_META.test(html)) {
        throw new Error(`${ctx.filename}: the Content Security Policy is sent as a header (shared/api/csp.ts); remove its <meta http-equiv> tag`);
      }
      return html;
    },
  };
}
