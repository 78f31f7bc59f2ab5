// The room server's HTTP side: exactly the routes of the phone contract
// (src/shared/phone.ts PHONE_PATHS) and nothing else. It never reaches the
// app's IPC channels: it can only read the current prompt and hand an answer
// to the callbacks it was given. Every refusal is a Dutch sentence the phone
// page can show as it is.

import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { ServerResponse } from 'node:http';
import { AppError } from '../../shared/errors';
import {
  PHONE_BODY_LIMIT,
  PHONE_DEVICE_PARAM,
  PHONE_PATHS,
  phoneAnswerBody,
  phoneDeviceToken,
  roomCode,
  type PhoneAnswerBody,
  type PhoneAnswerReply,
  type PhonePrompt,
} from '../../shared/phone';
import { createPresence, systemClock, type Presence, type PresenceClock } from './presence';

/** The strict policy of the phone page (and of every other response). */
export const PHONE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Limits (per 10 s unless said otherwise). */
export const LAN_LIMITS = {
  /** Requests from one address, every route together. */
  perAddress: 120,
  /** Answers from one device token. */
  answersPerDevice: 30,
  windowMs: 10_000,
  /** Wrong room codes from one address per minute before the address is refused for that minute. */
  wrongCodes: 10,
  wrongCodeWindowMs: 60_000,
  /** Open event streams from one address (a phone has one; a reloading phone briefly two; the tests run three phones on one address). */
  streamsPerAddress: 10,
  /** Open event streams in total (a large room has 60–100 phones). */
  streams: 500,
  heartbeatMs: 15_000,
} as const;

export const LAN_MESSAGES = {
  wrongRoom: 'Deze kamercode klopt niet (meer). Scan de QR-code op het scherm opnieuw.',
  tooManyWrong: 'Te veel verkeerde kamercodes vanaf dit toestel; probeer het over een minuut opnieuw.',
  tooMany: 'Te veel verzoeken vanaf dit toestel; wacht even en probeer het opnieuw.',
  tooFast: 'Je stuurt te snel antwoorden; wacht even en probeer het opnieuw.',
  notFound: 'Deze pagina bestaat niet.',
  tooLarge: `Dit antwoord is te groot (hoogstens ${PHONE_BODY_LIMIT / 1024} kB).`,
  unreadable: 'Dit antwoord kan Sessiewijzer niet lezen.',
  notJson: 'Stuur het antwoord als JSON.',
  empty: 'Dit antwoord is leeg.',
  internal: 'Er ging iets mis in Sessiewijzer; probeer het opnieuw.',
  streams: 'Er zijn te veel verbindingen open; herlaad de pagina over een paar seconden.',
} as const;

/** The participant build (out/participant), read once at start: index.html and assets/*. */
export interface ParticipantFiles {
  index: Buffer;
  assets: Map<string, { body: Buffer; type: string }>;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Reads the phone page; throws a Dutch AppError when the build is missing. */
export function readParticipantFiles(dir: string): ParticipantFiles {
  const indexFile = path.join(dir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    throw new AppError('intern', `De telefoonpagina ontbreekt in deze installatie (${indexFile}). Bouw de app opnieuw (npm run build).`);
  }
  const assets = new Map<string, { body: Buffer; type: string }>();
  const assetsDir = path.join(dir, 'assets');
  const walk = (folder: string, prefix: string) => {
    if (!fs.existsSync(folder)) return;
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(folder, entry.name), rel);
      else if (entry.isFile()) {
        assets.set(rel, { body: fs.readFileSync(path.join(folder, entry.name)), type: TYPES[path.extname(entry.name).toLowerCase()] ?? 'application/octet-stream' });
      }
    }
  };
  walk(assetsDir, '');
  return { index: fs.readFileSync(indexFile), assets };
}

export interface RoomServerDeps {
  files: ParticipantFiles;
  /** Whether `code` is the room code now (constant time). */
  roomMatches(code: string): boolean;
  prompt(): PhonePrompt;
  /** Stores an answer (committed when the promise resolves); rejects with a Dutch AppError when it is refused. */
  answer(body: PhoneAnswerBody): Promise<'opgeslagen' | 'wacht-op-begeleider'>;
  /** The room's HMAC of a device token: how a phone is told apart from another, in memory only. */
  deviceKey(token: string): string;
  /** The number of connected phones changed (distinct devices with an open stream or a recent poll). */
  onPhones(count: number): void;
  /** Tests: time and the sweep's timer (default: the system's). */
  clock?: PresenceClock;
}

export interface RoomServer {
  port: number;
  address: string;
  /** Distinct phones connected now. */
  phones(): number;
  /** Open event streams now (several may belong to one phone). */
  openStreams(): number;
  /** Sends the prompt to every open event stream. */
  broadcast(prompt: PhonePrompt): void;
  close(): Promise<void>;
  /** Stops listening and drops every connection at once (the core is closing; nothing may run after). */
  closeNow(): void;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': PHONE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
} as const;

function httpStatus(error: AppError): number {
  switch (error.code) {
    case 'ongeldige_invoer':
      return 400;
    case 'conflict':
      return 409;
    case 'niet_gevonden':
      return 404;
    default:
      return 500;
  }
}

function refusal(message: string): PhoneAnswerReply {
  return { ok: false, error: message };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
function dutchPage(message: string): string {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sessiewijzer</title></head><body><h1>Sessiewijzer</h1><p>${escapeHtml(message)}</p></body></html>`;
}

interface Stream {
  res: ServerResponse;
  ip: string;
  /** The phone's device key, or null when the request carried no valid token (an older page): not counted. */
  device: string | null;
}

function build(): FastifyInstance {
  const app = Fastify({
    bodyLimit: PHONE_BODY_LIMIT,
    logger: false,
    trustProxy: false,
    forceCloseConnections: true,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 100 },
    // Nothing here needs a long request; a slow sender cannot hold a connection.
    requestTimeout: 10_000,
  });
  // Only JSON is read; text/plain bodies are refused as an unknown type.
  app.removeContentTypeParser('text/plain');

  app.addHook('onSend', async (req, reply) => {
    reply.headers(SECURITY_HEADERS);
    if (!reply.hasHeader('cache-control')) reply.header('Cache-Control', 'no-store');
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, req, reply) => {
    const status = error.statusCode ?? 500;
    const message =
      status === 429 || status === 403
        ? error.message
        : error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? LAN_MESSAGES.tooLarge
          : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? LAN_MESSAGES.notJson
            : error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
              ? LAN_MESSAGES.empty
              : status < 500
                ? LAN_MESSAGES.unreadable
                : LAN_MESSAGES.internal;
    if (status >= 500) console.error('Telefoonserver:', error);
    void reply.code(status >= 500 ? 500 : status).send(refusal(message));
  });

  const notFound = (req: FastifyRequest, reply: FastifyReply, message: string = LAN_MESSAGES.notFound) => {
    if (req.url.startsWith('/api/')) return reply.code(404).send(refusal(message));
    return reply.code(404).type('text/html; charset=utf-8').send(dutchPage(message));
  };
  app.setNotFoundHandler((req, reply) => notFound(req, reply));

  return app;
}

/** The device key of a prompt or events request, from its `?device=` token; null without a valid one. */
function deviceOf(req: FastifyRequest, deps: RoomServerDeps): string | null {
  const parsed = phoneDeviceToken.safeParse((req.query as Record<string, unknown> | undefined)?.[PHONE_DEVICE_PARAM]);
  return parsed.success ? deps.deviceKey(parsed.data) : null;
}

async function routes(app: FastifyInstance, deps: RoomServerDeps, streams: Set<Stream>, presence: Presence): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: LAN_LIMITS.perAddress,
    timeWindow: LAN_LIMITS.windowMs,
    errorResponseBuilder: () => Object.assign(new Error(LAN_MESSAGES.tooMany), { statusCode: 429 }),
  });
  const perDevice = app.createRateLimit({
    max: LAN_LIMITS.answersPerDevice,
    timeWindow: LAN_LIMITS.windowMs,
    keyGenerator: (req) => `toestel:${(req.body as PhoneAnswerBody).device}`,
  });
  const wrongCodes = app.createRateLimit({
    max: LAN_LIMITS.wrongCodes,
    timeWindow: LAN_LIMITS.wrongCodeWindowMs,
    keyGenerator: (req) => `kamercode:${req.ip}`,
  });

  const html = (req: FastifyRequest, reply: FastifyReply, message: string, status: number) =>
    req.url.startsWith('/api/')
      ? reply.code(status).send(refusal(message))
      : reply.code(status).type('text/html; charset=utf-8').send(dutchPage(message));

  // Every route carries the room code. An address that tried too many wrong codes is refused
  // before its code is even compared, so guessing stops at the limit (also for a lucky guess).
  app.addHook('onRequest', async (req, reply) => {
    const room = (req.params as { room?: string } | undefined)?.room;
    if (room === undefined) return;
    const seen = await wrongCodes(req, { increment: false });
    if (!seen.isAllowed && seen.remaining === 0) return html(req, reply, LAN_MESSAGES.tooManyWrong, 429);
    if (roomCode.safeParse(room).success && deps.roomMatches(room)) return;
    const counted = await wrongCodes(req);
    if (!counted.isAllowed && counted.isExceeded) return html(req, reply, LAN_MESSAGES.tooManyWrong, 429);
    return html(req, reply, LAN_MESSAGES.wrongRoom, 404);
  });

  const page = (reply: FastifyReply) => reply.type('text/html; charset=utf-8').send(deps.files.index);
  // The QR code opens /<room>; the page's relative asset paths need the trailing slash.
  app.get(PHONE_PATHS.page, (req, reply) => reply.redirect(`/${(req.params as { room: string }).room}/`, 302));
  app.get(`${PHONE_PATHS.page}/`, (_req, reply) => page(reply));
  app.get(PHONE_PATHS.assets, (req, reply) => {
    const rel = (req.params as { '*': string })['*'];
    const asset = /^[A-Za-z0-9._/-]+$/.test(rel) && !rel.split('/').includes('..') ? deps.files.assets.get(rel) : undefined;
    if (!asset) return reply.code(404).type('text/plain; charset=utf-8').send(LAN_MESSAGES.notFound);
    // Built file names carry a content hash; a phone may keep them for the meeting.
    return reply.header('Cache-Control', 'private, max-age=3600').type(asset.type).send(asset.body);
  });

  app.get(PHONE_PATHS.prompt, (req) => {
    // A phone on the polling fallback is connected as long as it keeps asking.
    const device = deviceOf(req, deps);
    if (device !== null) presence.polled(device);
    return deps.prompt();
  });

  app.get(PHONE_PATHS.events, (req, reply) => {
    const ip = req.ip;
    let fromHere = 0;
    for (const s of streams) if (s.ip === ip) fromHere++;
    if (fromHere >= LAN_LIMITS.streamsPerAddress || streams.size >= LAN_LIMITS.streams) {
      return reply.code(429).send(refusal(LAN_MESSAGES.streams));
    }
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    const stream: Stream = { res, ip, device: deviceOf(req, deps) };
    streams.add(stream);
    // Reconnect quickly after the phone wakes or the Wi-Fi returns.
    res.write(`retry: 3000\n\n${promptEvent(deps.prompt())}`);
    if (stream.device !== null) presence.streamOpened(stream.device);
    req.raw.on('close', () => {
      if (streams.delete(stream) && stream.device !== null) presence.streamClosed(stream.device);
    });
  });

  app.post(PHONE_PATHS.answer, async (req, reply) => {
    // The contract's own Dutch messages where it has one; otherwise one plain sentence, never a
    // zod type word or a field name sent back (the per-parse map only fills issues without a message).
    const parsed = phoneAnswerBody.safeParse(req.body, { error: () => LAN_MESSAGES.unreadable });
    if (!parsed.success) return reply.code(400).send(refusal(parsed.error.issues[0]?.message ?? LAN_MESSAGES.unreadable));
    const limit = await perDevice(req);
    if (!limit.isAllowed && limit.isExceeded) return reply.code(429).send(refusal(LAN_MESSAGES.tooFast));
    try {
      const status = await deps.answer(parsed.data);
      return { ok: true, status } satisfies PhoneAnswerReply;
    } catch (error) {
      if (error instanceof AppError && error.code !== 'intern') return reply.code(httpStatus(error)).send(refusal(error.message));
      throw error;
    }
  });
}

function promptEvent(prompt: PhonePrompt): string {
  return `event: prompt\nid: ${prompt.revision}\ndata: ${JSON.stringify(prompt)}\n\n`;
}

/**
 * Starts the server on `address`, on the first free port of `ports` (the fixed
 * default first, so the address on the projector stays the same from meeting to meeting).
 */
export async function startRoomServer(address: string, ports: number[], deps: RoomServerDeps): Promise<RoomServer> {
  let lastError: unknown = null;
  for (const port of ports) {
    const streams = new Set<Stream>();
    const presence = createPresence((count) => deps.onPhones(count), deps.clock ?? systemClock);
    const app = build();
    await routes(app, deps, streams, presence);
    try {
      await app.listen({ host: address, port });
    } catch (error) {
      presence.stop();
      await app.close().catch(() => {});
      lastError = error;
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') continue;
      if ((error as NodeJS.ErrnoException).code === 'EADDRNOTAVAIL') {
        throw new AppError('conflict', `Het netwerkadres ${address} hoort niet (meer) bij deze laptop. Kies een ander netwerk.`);
      }
      throw new AppError('conflict', `De telefoonserver kan niet starten op ${address}: ${(error as Error).message}`);
    }
    const heartbeat = setInterval(() => {
      for (const s of streams) s.res.write(': hartslag\n\n');
    }, LAN_LIMITS.heartbeatMs);
    heartbeat.unref();
    return {
      port,
      address,
      phones: () => presence.count(),
      openStreams: () => streams.size,
      broadcast(prompt) {
        const data = promptEvent(prompt);
        for (const s of streams) s.res.write(data);
      },
      async close() {
        clearInterval(heartbeat);
        presence.stop();
        for (const s of streams) s.res.end();
        streams.clear();
        await app.close();
      },
      closeNow() {
        clearInterval(heartbeat);
        presence.stop();
        for (const s of streams) s.res.end();
        streams.clear();
        app.server.close();
        app.server.closeAllConnections();
        void app.close().catch(() => {});
      },
    };
  }
  throw new AppError(
    'conflict',
    `Alle poorten ${ports[0]}–${ports[ports.length - 1]} zijn bezet op deze laptop; sluit een ander programma dat ze gebruikt. (${(lastError as Error | null)?.message ?? ''})`,
  );
}
