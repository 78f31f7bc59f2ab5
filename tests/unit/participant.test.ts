// The phone page's build and its pure parts: the bundle stays within the size
// budget of the issue (≤ 60 KB of JavaScript, gzipped) and fetches nothing from
// elsewhere; its meta CSP is the policy the room server sends; its copy of the
// room alphabet equals the contract's; room codes and device tokens are what
// the server accepts.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { participantViteConfig } from '../../vite.participant.config';
import { PHONE_DEVICE_PARAM, PHONE_PATHS, PHONE_POLL_MS, ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH, phoneAnswerBody, phoneDeviceToken } from '../../src/shared/phone';
import { ROOM_ALPHABET, ROOM_LENGTH, newDeviceToken, roomFromPath } from '../../src/participant/room';
import { DEFAULT_TIMING, DEVICE_PARAM, isPrompt, paths } from '../../src/participant/api';
import { PHONE_PAGE_CSP } from '../harness/phone-fixture';
import { repoRoot, tempDir } from '../helpers/temp';

/** The budget for the phone page's JavaScript, gzipped. */
const JS_BUDGET_BYTES = 60 * 1024;

describe('phone page build', () => {
  const out = tempDir('sessiewijzer-participant-');
  let files: string[] = [];
  beforeAll(async () => {
    await build({ ...participantViteConfig(out.dir), logLevel: 'silent' });
    files = fs.readdirSync(path.join(out.dir, 'assets')).map((f) => path.join(out.dir, 'assets', f));
  }, 120_000);
  afterAll(() => out.cleanup());

  it(`keeps its JavaScript within ${JS_BUDGET_BYTES / 1024} KB gzipped`, () => {
    const scripts = files.filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const gzipped = scripts.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length, 0);
    const raw = scripts.reduce((sum, f) => sum + fs.statSync(f).size, 0);
    console.log(`phone page JavaScript: ${(raw / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped (budget ${JS_BUDGET_BYTES / 1024} KB)`);
    expect(gzipped).toBeLessThanOrEqual(JS_BUDGET_BYTES);
    // React would not fit the point of this page: make sure it did not slip in through a shared import.
    const code = scripts.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    expect(code).not.toMatch(/react-dom|__SECRET_INTERNALS|ZodError|\$ZodType/);
    // The production JSX runtime: no development build with this machine's file paths in it.
    expect(code).not.toMatch(/fileName|jsxDEV|\/src\/participant\//);
  });

  it('loads only its own files, relative to the room (base ./)', () => {
    const html = fs.readFileSync(path.join(out.dir, 'index.html'), 'utf8');
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThanOrEqual(3);
    for (const ref of refs) expect(ref === 'data:,' || ref!.startsWith('./assets/'), ref).toBe(true);
    for (const file of [...files, path.join(out.dir, 'index.html')]) {
      const text = fs.readFileSync(file, 'utf8');
      // Only XML namespace names (Preact's SVG/MathML support) look like URLs; nothing is fetched from anywhere.
      const urls = [...text.matchAll(/https?:\/\/[^\s"'`)]+/g)].map((m) => m[0]).filter((u) => !u.startsWith('http://www.w3.org/'));
      expect(urls, path.basename(file)).toEqual([]);
      expect(text).not.toMatch(/@import|fonts\.googleapis|cdn/i);
    }
  });

  it('carries the room server’s CSP as a meta element (minus frame-ancestors, which a meta cannot hold)', () => {
    const html = fs.readFileSync(path.join(out.dir, 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(PHONE_PAGE_CSP.replace("; frame-ancestors 'none'", ''));
    expect(PHONE_PAGE_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/); // no inline script
    const viewport = /name="viewport" content="([^"]+)"/.exec(html)?.[1];
    expect(viewport).toBe('width=device-width, initial-scale=1'); // no maximum-scale / user-scalable: zooming stays possible
  });
});

describe('room code and device token', () => {
  it('uses the contract’s alphabet and length', () => {
    expect(ROOM_ALPHABET).toBe(ROOM_CODE_ALPHABET);
    expect(ROOM_LENGTH).toBe(ROOM_CODE_LENGTH);
  });

  it('reads the room code from the address', () => {
    expect(roomFromPath('/K7M4Q2/')).toBe('K7M4Q2');
    expect(roomFromPath('/K7M4Q2')).toBe('K7M4Q2');
    expect(roomFromPath('/k7m4q2/')).toBe('K7M4Q2'); // typed by hand in lower case
    expect(roomFromPath('/K7M4Q2/index.html')).toBe('K7M4Q2');
    expect(roomFromPath('/')).toBeNull();
    expect(roomFromPath('/K7M4Q')).toBeNull(); // too short
    expect(roomFromPath('/K7M4Q20')).toBeNull(); // too long
    expect(roomFromPath('/K7M4O2/')).toBeNull(); // O is not in the alphabet (looks like 0)
    expect(roomFromPath('/%E0%A4%A/')).toBeNull(); // broken escape
  });

  it('makes 32-byte random tokens that the server accepts', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => newDeviceToken()));
    expect(tokens.size).toBe(50);
    for (const device of tokens) {
      expect(device).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(device, 'base64url')).toHaveLength(32);
      const parsed = phoneAnswerBody.safeParse({ device, question: 'q1', answer: { kind: 'cijfer', value: 5 } });
      expect(parsed.success).toBe(true);
    }
  });

  it('sends its token with the prompt and events requests, under the contract’s parameter, and polls as often as the server expects', () => {
    expect(DEVICE_PARAM).toBe(PHONE_DEVICE_PARAM);
    expect(DEFAULT_TIMING.pollMs).toBe(PHONE_POLL_MS);
    const device = newDeviceToken();
    for (const [made, path] of [
      [paths.prompt('K7M4Q2', device), PHONE_PATHS.prompt],
      [paths.events('K7M4Q2', device), PHONE_PATHS.events],
    ] as const) {
      const url = new URL(made, 'http://192.168.1.20:8787');
      expect(url.pathname).toBe(path.replace(':room', 'K7M4Q2'));
      expect([...url.searchParams.keys()]).toEqual([PHONE_DEVICE_PARAM]);
      expect(phoneDeviceToken.parse(url.searchParams.get(PHONE_DEVICE_PARAM))).toBe(device);
    }
  });

  it('recognises prompts and rejects other shapes', () => {
    expect(isPrompt({ state: 'wachten', revision: 3 })).toBe(true);
    expect(isPrompt({ state: 'open', revision: 4, question: 'q', type: 'peiling', prompt: 'Vraag?' })).toBe(true);
    expect(isPrompt({ state: 'open', revision: 4 })).toBe(false);
    expect(isPrompt({ state: 'wachten' })).toBe(false);
    expect(isPrompt({ state: 'wachten', revision: Number.NaN })).toBe(false);
    expect(isPrompt(null)).toBe(false);
    expect(isPrompt({ ok: false, error: 'Deze kamer bestaat niet.' })).toBe(false);
  });
});

describe('colours of the phone page', () => {
  const css = fs.readFileSync(path.join(repoRoot, 'src', 'participant', 'participant.css'), 'utf8');
  const vars = (block: string) => Object.fromEntries([...block.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!]));
  const light = vars(/:root\s*\{([^}]*)\}/.exec(css)![1]!);
  const dark = vars(/prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{([^}]*)\}/.exec(css)![1]!);

  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  };

  // WCAG 2.2 AA: text 4.5:1; borders and focus rings of controls 3:1 (1.4.11).
  const TEXT: [string, string][] = [
    ['fg', 'bg'],
    ['muted', 'bg'],
    ['accent', 'bg'],
    ['accent-fg', 'accent'],
    ['fg', 'accent-soft'],
    ['accent', 'accent-soft'],
    ['ok', 'ok-soft'],
    ['problem', 'problem-soft'],
  ];
  const UI: [string, string][] = [
    ['line', 'bg'],
    ['focus', 'bg'],
    ['accent', 'bg'],
  ];

  for (const [name, scheme] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it(`meets WCAG AA contrast in ${name} mode`, () => {
      expect(Object.keys(scheme).length).toBeGreaterThanOrEqual(12);
      const low: string[] = [];
      for (const [a, b] of TEXT) if (contrast(scheme[a]!, scheme[b]!) < 4.5) low.push(`${a}/${b} ${contrast(scheme[a]!, scheme[b]!).toFixed(2)}`);
      for (const [a, b] of UI) if (contrast(scheme[a]!, scheme[b]!) < 3) low.push(`${a}/${b} ${contrast(scheme[a]!, scheme[b]!).toFixed(2)}`);
      expect(low).toEqual([]);
    });
  }
});
