// A stand-in room server for testing the phone page alone: it serves the built
// page (out/participant) at /<ROOM>/ and implements the three endpoints of
// PHONE_PATHS (prompt, events, answer) with scripted prompts and no database.
// Answers are checked with the real contract schema (phoneAnswerBody). The real
// server lives in src/main/lan/ and is tested with the real core elsewhere.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo, Socket } from 'node:net';
import { PHONE_BODY_LIMIT, phoneAnswerBody, type PhoneAnswerBody, type PhoneAnswerReply, type PhonePrompt } from '../../src/shared/phone';
import { repoRoot } from '../helpers/temp';

export const participantDir = path.join(repoRoot, 'out', 'participant');

/** The header the room server sends with the page (ISSUE16 plan); the page's meta carries the same minus frame-ancestors. */
export const PHONE_PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

type OpenFields = Omit<Extract<PhonePrompt, { state: 'open' }>, 'revision'>;
export type PromptInput = { state: 'wachten' } | { state: 'einde' } | OpenFields;

export interface ScriptedReply {
  status: number;
  body: unknown;
}

export interface PhoneFixture {
  /** http://127.0.0.1:<port> */
  origin: string;
  readonly room: string;
  /** The address a phone opens (what the QR code holds). */
  pageUrl: string;
  /** The prompt a GET returns now. */
  readonly current: PhonePrompt;
  /** Sets the prompt with the next revision; `stream: false` keeps it from the events stream (GET only). */
  setPrompt(input: PromptInput, options?: { stream?: boolean }): PhonePrompt;
  /** Sends a prompt on every open events stream as-is (any revision), without changing what GET returns. */
  pushEvent(prompt: PhonePrompt): void;
  /** Answers accepted, in order. */
  readonly answers: PhoneAnswerBody[];
  /** Requests seen per endpoint (refused ones included). */
  readonly counts: { page: number; prompt: number; events: number; answer: number };
  /** The `device` query parameter of every prompt and events request, in order (null when absent). */
  readonly devices: { prompt: (string | null)[]; events: (string | null)[] };
  /** Events streams open now. */
  openStreams(): number;
  /** Refuse the events stream (503), as a proxy or an old server would: the page must fall back to polling. */
  refuseEvents: boolean;
  /** The next answers get this reply instead of the normal handling (one per call, oldest first). */
  scriptReply(reply: ScriptedReply): void;
  /** Withholds answer replies until released (the request stays in flight). */
  holdAnswers(): { release(): void };
  /** From now on serve another room code (the old one answers 404), as a new session on the same laptop. */
  switchRoom(code: string): void;
  /** The room ends (a new session has another code): every API call answers 404 from now on. */
  endRoom(): void;
  /** Stops listening and cuts every connection, as when the laptop's Wi-Fi drops. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

/** Which answers wait for the facilitator (free text), as the plan says. */
function replyStatus(body: PhoneAnswerBody): 'opgeslagen' | 'wacht-op-begeleider' {
  const a = body.answer;
  if (a.kind === 'kaart' || a.kind === 'woord') return 'wacht-op-begeleider';
  if (a.kind === 'stelling' && a.argument) return 'wacht-op-begeleider';
  return 'opgeslagen';
}

export async function startPhoneFixture(options: { room?: string; port?: number } = {}): Promise<PhoneFixture> {
  const indexFile = path.join(participantDir, 'index.html');
  if (!fs.existsSync(indexFile)) throw new Error('out/participant ontbreekt: draai eerst `npx electron-vite build`.');
  let room = options.room ?? 'K7M4Q2';
  let revision = 1000;
  let current: PhonePrompt = { state: 'wachten', revision };
  const answers: PhoneAnswerBody[] = [];
  const counts = { page: 0, prompt: 0, events: 0, answer: 0 };
  const devices: PhoneFixture['devices'] = { prompt: [], events: [] };
  const streams = new Set<http.ServerResponse>();
  const sockets = new Set<Socket>();
  const scripted: ScriptedReply[] = [];
  let held: (() => void)[] | null = null;
  let ended = false;

  const send = (res: http.ServerResponse, prompt: PhonePrompt) => res.write(`event: prompt\nid: ${prompt.revision}\ndata: ${JSON.stringify(prompt)}\n\n`);

  const fixture: PhoneFixture = {
    origin: '',
    get room() {
      return room;
    },
    pageUrl: '',
    get current() {
      return current;
    },
    setPrompt(input, opts = {}) {
      revision += 1;
      current = { ...input, revision } as PhonePrompt;
      if (opts.stream !== false) for (const s of streams) send(s, current);
      return current;
    },
    pushEvent(prompt) {
      for (const s of streams) send(s, prompt);
    },
    answers,
    counts,
    devices,
    openStreams: () => streams.size,
    refuseEvents: false,
    scriptReply(reply) {
      scripted.push(reply);
    },
    holdAnswers() {
      held = [];
      return {
        release() {
          const waiting = held ?? [];
          held = null;
          for (const go of waiting) go();
        },
      };
    },
    switchRoom(code) {
      room = code;
      ended = false;
      fixture.pageUrl = `${fixture.origin}/${room}/`;
    },
    endRoom() {
      ended = true;
      for (const s of streams) s.end();
    },
    async down() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of streams) s.destroy();
        streams.clear();
        for (const socket of sockets) socket.destroy();
      });
    },
    async up() {
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    async close() {
      if (server.listening) await fixture.down();
    },
  };

  const handleAnswer = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= PHONE_BODY_LIMIT) chunks.push(chunk);
    });
    req.on('end', () => {
      const reply = () => {
        if (size > PHONE_BODY_LIMIT) return json(res, 413, { ok: false, error: 'Dit antwoord is te groot.' } satisfies PhoneAnswerReply);
        const script = scripted.shift();
        if (script) return json(res, script.status, script.body);
        let raw: unknown;
        try {
          raw = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          return json(res, 400, { ok: false, error: 'Dit antwoord kan Sessiewijzer niet lezen.' } satisfies PhoneAnswerReply);
        }
        const parsed = phoneAnswerBody.safeParse(raw);
        if (!parsed.success) return json(res, 400, { ok: false, error: parsed.error.issues[0]?.message ?? 'Ongeldig.' } satisfies PhoneAnswerReply);
        if (current.state !== 'open' || current.question !== parsed.data.question) {
          return json(res, 409, { ok: false, error: 'Deze vraag is gesloten; je antwoord is niet opgeslagen.' } satisfies PhoneAnswerReply);
        }
        answers.push(parsed.data);
        return json(res, 200, { ok: true, status: replyStatus(parsed.data) } satisfies PhoneAnswerReply);
      };
      if (held) held.push(reply);
      else reply();
    });
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fixture');
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] === 'api') {
      if (parts[1] !== room || ended) return json(res, 404, { ok: false, error: 'Deze kamer bestaat niet.' });
      if (parts[2] === 'prompt' && req.method === 'GET') {
        counts.prompt += 1;
        devices.prompt.push(url.searchParams.get('device'));
        return json(res, 200, current);
      }
      if (parts[2] === 'events' && req.method === 'GET') {
        counts.events += 1;
        devices.events.push(url.searchParams.get('device'));
        if (fixture.refuseEvents) return json(res, 503, { ok: false, error: 'Geen stroom.' });
        res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': verbonden\n\n');
        streams.add(res);
        const beat = setInterval(() => res.write(': nog hier\n\n'), 15_000);
        res.on('close', () => {
          clearInterval(beat);
          streams.delete(res);
        });
        return undefined;
      }
      if (parts[2] === 'answer' && req.method === 'POST') {
        counts.answer += 1;
        return handleAnswer(req, res);
      }
      return json(res, 404, { ok: false, error: 'Onbekend adres.' });
    }
    if (parts[0] !== room) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      return res.end('Deze kamer bestaat niet.');
    }
    if (parts.length === 1 && !url.pathname.endsWith('/')) {
      res.writeHead(302, { location: `/${room}/` });
      return res.end();
    }
    const file =
      parts.length === 1 ? indexFile : parts[1] === 'assets' && parts.length === 3 ? path.join(participantDir, 'assets', path.basename(parts[2]!)) : null;
    if (!file || !fs.existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      return res.end('Niet gevonden.');
    }
    if (file === indexFile) counts.page += 1;
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': PHONE_PAGE_CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    return res.end(fs.readFileSync(file));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  fixture.origin = `http://127.0.0.1:${port}`;
  fixture.pageUrl = `${fixture.origin}/${room}/`;
  return fixture;
}
