// Vite plugin (build time): writes the one CSP from shared/api/csp.ts into index.html, so the
// Electron window (file://, no response headers) and the web host enforce the same policy.
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../shared/api/csp';

export function cspPlugin(): Plugin {
  return {
    name: 'educredit-csp',
    transformIndexHtml: (html) => html.replace('%EDUCREDIT_CSP%', CONTENT_SECURITY_POLICY),
  };
}
