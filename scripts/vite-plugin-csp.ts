/**
 * Adds a Content-Security-Policy to the built index.html, so the browser itself enforces that the
 * page loads and sends nothing beyond its own origin (DESIGN.md: policies never leave the browser).
 * Build only: the dev server injects an inline script (React refresh) that this policy would block.
 */
import type { Plugin } from 'vite';

/** The policy: same-origin everything; inline styles for Monaco and Cytoscape; data/blob images for exports. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** The Vite plugin. */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'accessgraph-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}
