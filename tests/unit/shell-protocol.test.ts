// app:// serves the built renderer's files and nothing else, each response
// with the CSP header. A real folder on disk with a secret beside it, and
// real Request/Response objects, as protocol.handle passes them.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CSP_HEADER } from '../../src/shared/csp';
import { tempDir } from '../helpers/temp';
import { createFakeElectron } from '../helpers/fake-electron';

const temp = tempDir('sessiewijzer-protocol-');
const rendererDir = path.join(temp.dir, 'renderer');
const fake = createFakeElectron({ userData: temp.dir, appPath: temp.dir });
vi.doMock('electron', () => fake.module);
const { createRendererHandler, registerAppScheme, handleAppProtocol, resolveRendererPath } = await import('../../src/main/shell/protocol');

const handler = createRendererHandler(rendererDir);
const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

beforeAll(() => {
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Sessiewijzer</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index-abc.js'), 'console.log("app")');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'atkinson.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  // Beside the renderer: what a traversal would be after.
  fs.writeFileSync(path.join(temp.dir, 'sessiewijzer.sqlite'), 'GEHEIM: Małgorzata, İlker Güneş');
  // A sibling whose name starts with "renderer": a startsWith() check would let it through.
  fs.mkdirSync(path.join(temp.dir, 'renderer-evil'));
  fs.writeFileSync(path.join(temp.dir, 'renderer-evil', 'x.js'), 'GEHEIM');
});
afterAll(() => temp.cleanup());

describe('app:// handler', () => {
  it('serves index.html for / and by name, with the CSP header and its type', async () => {
    for (const url of ['app://sessiewijzer/', 'app://sessiewijzer/index.html']) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe(CSP_HEADER);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toContain('<title>Sessiewijzer</title>');
    }
  });

  it('serves scripts and fonts from the renderer folder with their types', async () => {
    const js = await get('app://sessiewijzer/assets/index-abc.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('content-security-policy')).toBe(CSP_HEADER);
    expect(await js.text()).toBe('console.log("app")');
    const font = await get('app://sessiewijzer/assets/atkinson.woff2');
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
  });

  it.each([
    ['dot segments (normalised by the URL parser)', 'app://sessiewijzer/../sessiewijzer.sqlite'],
    ['an encoded slash after ..', 'app://sessiewijzer/..%2fsessiewijzer.sqlite'],
    ['encoded dots and slash', 'app://sessiewijzer/%2e%2e%2fsessiewijzer.sqlite'],
    ['traversal from a subfolder', 'app://sessiewijzer/assets/..%2f..%2fsessiewijzer.sqlite'],
    ['a backslash', 'app://sessiewijzer/..%5csessiewijzer.sqlite'],
    ['a sibling folder starting with "renderer"', 'app://sessiewijzer/..%2frenderer-evil%2fx.js'],
    ['an absolute path', 'app://sessiewijzer/%2fetc%2fpasswd'],
    ['a NUL byte', 'app://sessiewijzer/index.html%00.js'],
    ['a malformed escape', 'app://sessiewijzer/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['a missing file', 'app://sessiewijzer/assets/bestaat-niet.js'],
    ['a folder', 'app://sessiewijzer/assets'],
  ])('refuses %s with 404 and still sends the CSP', async (_name, url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(CSP_HEADER);
    expect(await res.text()).not.toContain('GEHEIM');
  });

  it('answers only GET and HEAD', async () => {
    const post = await get('app://sessiewijzer/index.html', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe(CSP_HEADER);
    const head = await get('app://sessiewijzer/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('resolves paths without touching the disk, inside the folder only', () => {
    expect(resolveRendererPath(rendererDir, 'app://sessiewijzer/assets/index-abc.js')).toBe(
      path.join(rendererDir, 'assets', 'index-abc.js'),
    );
    expect(resolveRendererPath(rendererDir, 'app://sessiewijzer/..%2f..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveRendererPath(rendererDir, 'file:///etc/passwd')).toBeNull();
    expect(resolveRendererPath(rendererDir, 'geen url')).toBeNull();
    // A Request cannot even carry credentials; the resolver refuses them on its own too.
    expect(resolveRendererPath(rendererDir, 'app://x@sessiewijzer/index.html')).toBeNull();
  });
});

describe('scheme registration', () => {
  it('registers app:// as standard, secure and fetchable before ready, without CSP bypass', () => {
    registerAppScheme();
    expect(fake.module.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('installs the handler for app:// after ready', async () => {
    fake.app.readyResolve();
    handleAppProtocol(rendererDir);
    const installed = fake.protocolHandlers.get('app');
    expect(installed).toBeDefined();
    const res = await installed!(new Request('app://sessiewijzer/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CSP_HEADER);
  });
});
