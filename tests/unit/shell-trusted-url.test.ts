// The trusted-URL check against hostile URLs: every case here was either
// accepted or threw under the old string comparison (issue 15).

import { describe, expect, it } from 'vitest';
import { isTrustedFrame, isTrustedUrl, trustedOrigin } from '../../src/main/shell/trusted-url';

const app = trustedOrigin(undefined);
const dev = trustedOrigin('http://localhost:5173');

describe('isTrustedUrl, packaged app (app://sessiewijzer)', () => {
  it('has the app:// origin, never file://', () => {
    expect(app).toEqual({ protocol: 'app:', host: 'sessiewijzer' });
  });

  it.each([
    'app://sessiewijzer/index.html',
    'app://sessiewijzer/index.html#/publiek/3',
    'app://sessiewijzer/',
    'app://sessiewijzer/assets/index-abc.js',
  ])('accepts its own page %s', (url) => {
    expect(isTrustedUrl(url, app)).toBe(true);
  });

  it.each([
    // A copy of the renderer in Downloads, or on a network share, ends like the real one.
    ['a downloaded copy of the renderer', 'file:///home/anouk/Downloads/x/renderer/index.html'],
    ['a file on a network share', 'file://fileserver/share/sint-jan/renderer/index.html'],
    ['a Windows path to a copy', 'file:///C:/Users/Jan/Downloads/renderer/index.html'],
    ['the real renderer folder under file://', 'file:///opt/Sessiewijzer/resources/app.asar/out/renderer/index.html'],
    ['a host that starts with ours', 'app://sessiewijzer.evil.example/index.html'],
    ['another host on our scheme', 'app://evil/index.html'],
    ['credentials in front of our host', 'app://evil@sessiewijzer/index.html'],
    ['user and password', 'app://user:pw@sessiewijzer/index.html'],
    ['our host with a port', 'app://sessiewijzer:8080/index.html'],
    ['our host over https', 'https://sessiewijzer/index.html'],
    ['our host over http', 'http://sessiewijzer/index.html'],
    ['a web page naming us in its query', 'https://evil.example/?u=app://sessiewijzer/index.html'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['about:blank', 'about:blank'],
    ['devtools', 'devtools://devtools/bundled/devtools_app.html'],
    ['chrome:', 'chrome://gpu'],
    ['blob: of another origin', 'blob:https://evil.example/0b7c'],
  ])('refuses %s', (_name, url) => {
    expect(isTrustedUrl(url, app)).toBe(false);
  });

  it.each([
    ['a malformed percent escape', 'file:///home/jan/%E0%A4%A/renderer/index.html'],
    ['a lone percent sign', 'file:///home/jan/100%/renderer/index.html'],
    ['an unclosed IPv6 host', 'http://[::1'],
    ['text that is no URL', 'geen url'],
    ['an empty string', ''],
    ['a scheme without anything', 'app://'],
  ])('refuses %s without throwing', (_name, url) => {
    expect(() => isTrustedUrl(url, app)).not.toThrow();
    expect(isTrustedUrl(url, app)).toBe(false);
  });

  it('accepts its own page with a malformed escape in the path without throwing (nothing is decoded)', () => {
    expect(isTrustedUrl('app://sessiewijzer/%E0%A4%A', app)).toBe(true);
  });

  it.each([undefined, null, 42, {}])('refuses a non-string %s', (value) => {
    expect(isTrustedUrl(value, app)).toBe(false);
  });
});

describe('isTrustedUrl, development (electron-vite dev server)', () => {
  it.each(['http://localhost:5173/', 'http://localhost:5173/#/sessies/3', 'http://localhost:5173/src/main.tsx'])(
    'accepts the dev server %s',
    (url) => {
      expect(isTrustedUrl(url, dev)).toBe(true);
    },
  );

  it.each([
    ['a host that starts with the dev server', 'http://localhost:5173.evil.example/'],
    ['the dev server as credentials', 'http://localhost:5173@evil.example/'],
    ['another port that starts with ours', 'http://localhost:51730/'],
    ['https instead of http', 'https://localhost:5173/'],
    ['127.0.0.1 (another origin)', 'http://127.0.0.1:5173/'],
    ['localhost without the port', 'http://localhost/'],
    ['the packaged origin', 'app://sessiewijzer/index.html'],
    ['the old file:// page', 'file:///home/jan/sessiewijzer/out/renderer/index.html'],
  ])('refuses %s', (_name, url) => {
    expect(isTrustedUrl(url, dev)).toBe(false);
  });
});

describe('isTrustedFrame', () => {
  it('accepts a main frame on the app origin', () => {
    expect(isTrustedFrame({ url: 'app://sessiewijzer/index.html#/start', parent: null }, app)).toBe(true);
  });

  it('refuses a subframe, even one on the app origin', () => {
    const top = { url: 'app://sessiewijzer/index.html', parent: null };
    expect(isTrustedFrame({ url: 'app://sessiewijzer/index.html', parent: top }, app)).toBe(false);
  });

  it('refuses a main frame on a foreign origin', () => {
    expect(isTrustedFrame({ url: 'https://evil.example/', parent: null }, app)).toBe(false);
    expect(isTrustedFrame({ url: 'file:///home/jan/Downloads/renderer/index.html', parent: null }, app)).toBe(false);
  });

  it('refuses a missing frame (navigated away or destroyed)', () => {
    expect(isTrustedFrame(null, app)).toBe(false);
    expect(isTrustedFrame(undefined, app)).toBe(false);
  });

  it('refuses a frame whose parent is unknown rather than null', () => {
    expect(isTrustedFrame({ url: 'app://sessiewijzer/index.html', parent: undefined }, app)).toBe(false);
  });
});
