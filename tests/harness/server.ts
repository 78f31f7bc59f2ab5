// Test harness: serves the built renderer (out/renderer) to real Chromium
// and puts the real core behind the same contract the preload exposes in
// Electron. POST /api/<channel> goes through the same dispatch (zod
// validation, Dutch errors) as ipcMain; main's pushed events arrive as
// server-sent events. Only the transport differs from the app.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Core } from '../../src/main/core';
import { CoreOwner } from '../../src/main/services/core-owner';
import { dispatch } from '../../src/main/ipc/dispatch';
import { CSP_HEADER } from '../../src/shared/csp';
import { AUDIENCE_CHANNELS } from '../../src/shared/audience';

const AUDIENCE_SET: ReadonlySet<string> = new Set(AUDIENCE_CHANNELS);
import { repoRoot, tempDir } from '../helpers/temp';

export interface Harness {
  url: string;
  /** The current core (a restore replaces it); throws when the database could not be opened. */
  readonly core: Core;
  /** Owns the core, as the Electron shell does. */
  owner: CoreOwner;
  dataDir: string;
  /** Paths the "save dialog" answered, in order. */
  saved: string[];
  /** Change what the open dialog answers from now on. */
  setOpenPath(answer: string | null): void;
  /**
   * Withholds the answers of one channel (computed when asked, sent when
   * released), so a test can make answers arrive late or out of order.
   */
  hold(channel: string): HeldAnswers;
  close(): Promise<void>;
}

export interface HeldAnswers {
  /** The inputs of the answers withheld so far, oldest first (released ones included). */
  readonly inputs: unknown[];
  /** How many answers are still withheld. */
  pending(): number;
  /** Sends the answer to the n-th request (0 = oldest); resolves when it has been written. */
  release(n: number): Promise<void>;
  /** Stops withholding and sends what is left, oldest first. */
  stop(): Promise<void>;
}

export interface HarnessOptions {
  modulesDir?: string;
  /** Reuse a data folder (to test a restart); a fresh temp folder otherwise. */
  dataDir?: string;
  /** What the save dialog answers; a file in the data folder by default, null = cancelled. */
  savePath?: (defaultName: string) => string | null;
  /** What the open dialog answers (a path, or null = cancelled); cancelled by default. */
  openPath?: () => string | null;
  now?: () => Date;
}

const rendererDir = path.join(repoRoot, 'out', 'renderer');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error('out/renderer ontbreekt: draai eerst `npm run build`.');
  }
  const temp = options.dataDir ? null : tempDir();
  const dataDir = options.dataDir ?? temp!.dir;
  const saved: string[] = [];
  let openAnswer = options.openPath;
  const listeners = new Set<http.ServerResponse>();
  const holds = new Map<string, { inputs: unknown[]; sends: ((() => Promise<void>) | null)[] }>();
  const owner = await CoreOwner.open({
    dataDir,
    builtinModulesDir: options.modulesDir ?? path.join(repoRoot, 'modules'),
    fontsDir: path.join(repoRoot, 'resources', 'fonts'),
    appVersion: 'test',
    // Phones in Playwright join the room server on 127.0.0.1, with the built phone page.
    participantDir: path.join(repoRoot, 'out', 'participant'),
    allowLoopback: true,
    ...(options.now ? { now: options.now } : {}),
    host: {
      chooseSavePath: async ({ defaultName }) => {
        const target = options.savePath ? options.savePath(defaultName) : path.join(dataDir, defaultName);
        if (target) saved.push(target);
        return target;
      },
      chooseOpenFile: async () => (openAnswer ? openAnswer() : null),
    },
    emit: (event, payload) => {
      const data = `data: ${JSON.stringify({ event, payload })}\n\n`;
      for (const res of listeners) res.write(data);
    },
  });

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let input: unknown;
        try {
          input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}').input;
        } catch {
          input = Symbol('invalid');
        }
        const channel = decodeURIComponent(url.pathname.slice(5));
        // The audience page (bridge.js marks it) gets what main gives the audience window in Electron
        // (src/main/ipc/register.ts): only the audience channels, results always without names. So a
        // browser test catches an audience view that reads more than its preload exposes.
        const audience = req.headers['x-sessiewijzer-window'] === 'audience';
        if (audience && !AUDIENCE_SET.has(channel)) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ok: false, error: { code: 'geweigerd', message: 'Het publieksvenster mag alleen tonen wat er gepresenteerd wordt.' } }));
          return;
        }
        if (audience && channel === 'runs:results' && typeof input === 'object' && input !== null) {
          input = { ...input, audience: true };
        }
        void dispatch(owner.handlers, channel, input).then((envelope) => {
          const send = () =>
            new Promise<void>((resolve) => {
              res.writeHead(200, { 'content-type': 'application/json' });
              res.end(JSON.stringify(envelope), () => resolve());
            });
          const held = holds.get(channel);
          if (!held) return void send();
          held.inputs.push(input);
          held.sends.push(send);
        });
      });
      return;
    }
    if (url.pathname === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      res.write(': verbonden\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    const file = path.join(rendererDir, url.pathname === '/' ? 'index.html' : path.normalize(url.pathname));
    if (!file.startsWith(rendererDir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP_HEADER,
    });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    get core() {
      return owner.current();
    },
    owner,
    dataDir,
    saved,
    setOpenPath(answer) {
      openAnswer = () => answer;
    },
    hold(channel) {
      const held = { inputs: [] as unknown[], sends: [] as ((() => Promise<void>) | null)[] };
      holds.set(channel, held);
      const release = async (n: number) => {
        const send = held.sends[n];
        if (!send) throw new Error(`Antwoord ${n} op ${channel} is er niet (of al verstuurd).`);
        held.sends[n] = null;
        await send();
      };
      return {
        inputs: held.inputs,
        pending: () => held.sends.filter(Boolean).length,
        release,
        async stop() {
          holds.delete(channel);
          for (let n = 0; n < held.sends.length; n++) if (held.sends[n]) await release(n);
        },
      };
    },
    async close() {
      for (const res of listeners) res.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await owner.dailyBackupDone;
      owner.close();
      temp?.cleanup();
    },
  };
}

/**
 * The page-side bridge: the same `window.sessiewijzer` shape as the preload,
 * over fetch and EventSource. Plain JavaScript in bridge.js, injected with
 * page.addInitScript({ path: bridgeScriptPath }) so it runs before the app's
 * own scripts and no compiler touches it.
 */
export const bridgeScriptPath = path.join(__dirname, 'bridge.js');
