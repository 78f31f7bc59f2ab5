// app://sessiewijzer/ serves the built renderer (out/renderer) and nothing
// else. A custom, standard and secure scheme gives the renderer a real origin
// of its own: under file:// the CSP's 'self' means "any local file" and
// Electron grants file pages extra privileges; here 'self' is exactly the
// renderer folder. Every response carries the CSP as a header
// (renderer-files.ts).

import { protocol } from 'electron';
import { APP_SCHEME } from './app-origin';
import { createRendererHandler } from './renderer-files';

export { APP_ENTRY_URL, APP_HOST, APP_SCHEME } from './app-origin';
export { createRendererHandler, resolveRendererPath } from './renderer-files';

/**
 * Must run before the app is ready (Electron's rule). `standard` gives the
 * scheme normal URL parsing and relative URLs, `secure` makes it a secure
 * context like https, `supportFetchAPI` lets the renderer fetch its own files
 * (pdf.js). No bypassCSP, no service workers, no CORS grants.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** After ready: answer app:// from the renderer folder. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createRendererHandler(rendererDir));
}
