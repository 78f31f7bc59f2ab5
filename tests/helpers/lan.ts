// A real core with the room server enabled on 127.0.0.1, a tiny phone page
// fixture, and helpers to talk to it like a phone does (real HTTP).

import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { openCore, type Core } from '../../src/main/core';
import { dispatch } from '../../src/main/ipc/dispatch';
import type { Channel, ChannelInput, ChannelResult } from '../../src/shared/contract';
import type { PushEvent, PushEventName } from '../../src/shared/events';
import type { PhoneAnswer, PhoneAnswerReply, PhonePrompt } from '../../src/shared/phone';
import type { LanStatus } from '../../src/shared/channels/lan';
import { repoRoot, tempDir } from './temp';

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
  const { dir, cleanup } = tempDir();
  const events: LanTestCore['events'] = [];
  const core = openCore({
    dataDir: dir,
    builtinModulesDir: path.join(repoRoot, 'tests', 'fixtures', 'modules', 'valid'),
    fontsDir: path.join(repoRoot, 'resources', 'fonts'),
    host: { chooseSavePath: async () => null },
    participantDir: participantFixture(dir),
    allowLoopback: true,
    lanPort: options.port ?? testPort(),
    emit: <E extends PushEventName>(event: E, payload: PushEvent[E]) => {
      events.push({ event, payload, at: performance.now() });
      options.onEmit?.(event, payload);
    },
  });
  return {
    core,
    dataDir: dir,
    events,
    async call(channel, input) {
      const result = await dispatch(core.handlers, channel, input);
      if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
      return result.value as never;
    },
    close() {
      core.close();
      cleanup();
    },
  };
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
  async prompt(): Promise<PhonePrompt> {
    const res = await fetch(`${this.base}/api/${this.room}/prompt`);
    return (await res.json()) as PhonePrompt;
  }
  async openQuestion(): Promise<Extract<PhonePrompt, { state: 'open' }>> {
    const p = await this.prompt();
    if (p.state !== 'open') throw new Error(`Geen open vraag maar ${p.state}`);
    return p;
  }
  async answer(answer: PhoneAnswer, question?: string): Promise<{ status: number; reply: PhoneAnswerReply }> {
    const q = question ?? (await this.openQuestion()).question;
    return postJson(`${this.base}/api/${this.room}/answer`, { device: this.device, question: q, answer });
  }
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; reply: PhoneAnswerReply }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, reply: (await res.json()) as PhoneAnswerReply };
}
