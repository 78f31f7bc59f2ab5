// A real core with the room server enabled on 127.0.0.1, a tiny phone page
// fixture, and helpers to talk to it like a phone does (real HTTP).

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Core } from '../../src/main/core';
import { openTestCore } from './core';
import type { Channel, ChannelInput, ChannelResult } from '../../src/shared/contract';
import type { PushEvent, PushEventName } from '../../src/shared/events';
import type { PhoneAnswer, PhoneAnswerReply, PhonePrompt } from '../../src/shared/phone';
import type { LanStatus } from '../../src/shared/channels/lan';

export interface LanTestCore {
  core: Core;
  dataDir: string;
  events: { event: PushEventName; payload: unknown; at: number }[];
  call<C extends Channel>(channel: C, input?: ChannelInput<C>): Promise<ChannelResult<C>>;
  close(): void;
}

/** A base port per test file and worker, away from 8787 (the app on this machine) and from other files. */
export function testPort(): number {
  return 20_000 + Math.floor(Math.random() * 2000) * 13;
}

export function participantFixture(dir: string): string {
  const out = path.join(dir, 'participant');
  fs.mkdirSync(path.join(out, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(out, 'index.html'), '<!doctype html><html lang="nl"><head><script type="module" src="./assets/telefoon.js"></script></head><body>Telefoon</body></html>');
  fs.writeFileSync(path.join(out, 'assets', 'telefoon.js'), 'console.log("telefoon");');
  return out;
}

export function openLanCore(options: { port?: number; onEmit?: (event: PushEventName, payload: unknown) => void } = {}): LanTestCore {
  const events: LanTestCore['events'] = [];
  const t = openTestCore({
    config: (dir) => ({
      // The real clock: the room server's limits and the presenting clock run on it.
      now: undefined,
      host: { chooseSavePath: async () => null },
      participantDir: participantFixture(dir),
      allowLoopback: true,
      lanPort: options.port ?? testPort(),
      emit: <E extends PushEventName>(event: E, payload: PushEvent[E]) => {
        events.push({ event, payload, at: performance.now() });
        options.onEmit?.(event, payload);
      },
    }),
  });
  return { core: t.core, dataDir: t.dataDir, events, call: t.call, close: t.close };
}

/** A planned session of the proefmodule, presenting on the slide 'peiling'. */
export async function runningSession(t: LanTestCore, slideId = 'peiling'): Promise<number> {
  const org = await t.call('organisations:create', { name: 'Stichting Sint-Jan', kind: 'stichting' });
  const group = await t.call('groups:create', { organisationId: org.id, name: 'Kernteam Anouks school', kind: 'kernteam' });
  const sessionId = (await t.call('sessions:create', { groupId: group.id, moduleId: 'proefmodule', date: '2026-11-25' })).id;
  await t.call('presenting:command', { sessionId, command: { type: 'start' } });
  await t.call('presenting:command', { sessionId, command: { type: 'goto', slideId } });
  return sessionId;
}

export const newDevice = () => randomBytes(18).toString('base64url');

export class Phone {
  readonly device = newDevice();
  constructor(private readonly status: LanStatus) {}
  get base(): string {
    return `http://${this.status.address}:${this.status.port}`;
  }
  get room(): string {
    return this.status.roomCode!;
  }
  /** As the phone page asks: with its device token, so it counts as a connected phone. */
  async prompt(): Promise<PhonePrompt> {
    return (await rawRequest(`${this.base}/api/${this.room}/prompt?device=${this.device}`)).json<PhonePrompt>();
  }
  async openQuestion(): Promise<Extract<PhonePrompt, { state: 'open' }>> {
    const p = await this.prompt();
    if (p.state !== 'open') throw new Error(`Geen open vraag maar ${p.state}`);
    return p;
  }
  async answer(answer: PhoneAnswer, question?: string): Promise<{ status: number; reply: PhoneAnswerReply }> {
    const q = question ?? (await this.openQuestion()).question;
    // A fresh connection per request (rawRequest), as fetch's pool may hold a socket a stopped server closed.
    const res = await rawRequest(`${this.base}/api/${this.room}/answer`, { body: JSON.stringify({ device: this.device, question: q, answer }) });
    return { status: res.status, reply: res.json() };
  }
}

export interface EventStream {
  /** The prompt the server sent on opening. */
  first: PhonePrompt;
  /** Cuts the connection, as a closed tab or a phone that drops off the Wi-Fi. */
  close(): void;
}

/** Opens an event stream over its own connection; resolves once the server sent the first prompt (it counts the stream before that). */
export function openEventStream(url: string): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false }, (res) => {
      res.on('error', () => {}); // the test's own close() aborts the response
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`event stream refused: ${res.statusCode}`));
        return;
      }
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        buffer += chunk;
        const match = /event: prompt\nid: \d+\ndata: (.*)\n\n/.exec(buffer);
        if (match) resolve({ first: JSON.parse(match[1]!) as PhonePrompt, close: () => req.destroy() });
      });
    });
    req.on('error', reject);
  });
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json<T = PhoneAnswerReply>(): T;
}

/**
 * A request over a fresh connection from a chosen loopback source address
 * (127.0.0.0/8 all reaches the server on 127.0.0.1): each simulated phone has
 * its own address, as on the room's Wi-Fi, so per-address limits apply per phone.
 */
export function rawRequest(
  url: string,
  options: { method?: string; body?: string | Buffer; headers?: Record<string, string>; from?: string; chunked?: boolean; agent?: http.Agent } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: options.method ?? (options.body !== undefined ? 'POST' : 'GET'),
        headers: { ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
        ...(options.from ? { localAddress: options.from } : {}),
        agent: options.agent ?? false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) {
      if (options.chunked) {
        // No content-length: the server must count while reading.
        const body = Buffer.from(options.body);
        for (let i = 0; i < body.length; i += 1024) req.write(body.subarray(i, i + 1024));
      } else {
        req.setHeader('content-length', Buffer.byteLength(options.body));
        req.write(options.body);
      }
    }
    req.end();
  });
}
