// The files behind app://sessiewijzer/: the built renderer folder and
// nothing else, every response with the CSP header. Plain Node (no Electron
// import), so unit tests and a browser test in Chromium use the very handler
// the app installs with protocol.handle.

import fs from 'node:fs/promises';
import path from 'node:path';
import { CSP_HEADER } from '../../shared/csp';
import { APP_HOST, APP_SCHEME } from './app-origin';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
};

function reply(status: number, body: Uint8Array | null, contentType = 'text/plain; charset=utf-8'): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': contentType,
      'Content-Security-Policy': CSP_HEADER,
      'X-Content-Type-Options': 'nosniff',
      // The renderer never changes while the app runs, but a stale cache after an update would mix versions.
      'Cache-Control': 'no-cache',
    },
  });
}

/**
 * The file inside `rendererDir` a request asks for, or null when the URL is
 * not ours or points outside (`..`, encoded `%2e%2e%2f`, backslashes,
 * NUL bytes, a malformed escape). Pure: no file system access.
 */
export function resolveRendererPath(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, relative);
  const inside = path.relative(root, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return file;
}

/** The protocol.handle handler for app://: files of the renderer folder, with the CSP header. */
export function createRendererHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return reply(405, null);
    const file = resolveRendererPath(rendererDir, request.url);
    if (!file) return reply(404, null);
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) return reply(404, null);
      const body = request.method === 'HEAD' ? null : new Uint8Array(await fs.readFile(file));
      return reply(200, body, TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
    } catch {
      return reply(404, null);
    }
  };
}
