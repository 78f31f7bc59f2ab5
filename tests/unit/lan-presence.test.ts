// The presenter's "N telefoons verbonden" counts phones, not connections
// (issue 16): the real room server on 127.0.0.1 with real HTTP requests, and a
// fake clock for the grace period of polling phones, so nothing sleeps.

import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readParticipantFiles, startRoomServer, type RoomServer } from '../../src/main/lan/server';
import { createRoom } from '../../src/main/lan/room';
import { PRESENCE_TIMING, type PresenceClock } from '../../src/main/lan/presence';
import { PHONE_POLL_MS, type PhonePrompt } from '../../src/shared/phone';
import { newDevice, openEventStream, participantFixture, rawRequest, testPort } from '../helpers/lan';
import { tempDir } from '../helpers/temp';

/** A clock that moves only when told, running the sweep's timer for every interval passed. */
function fakeClock() {
  let time = 0;
  const timers: { ms: number; next: number; fn: () => void; on: boolean }[] = [];
  const clock: PresenceClock & { advance(ms: number): void; running(): number } = {
    now: () => time,
    every(ms, fn) {
      const timer = { ms, next: time + ms, fn, on: true };
      timers.push(timer);
      return () => {
        timer.on = false;
      };
    },
    advance(ms) {
      const end = time + ms;
      for (;;) {
        const due = timers.filter((x) => x.on && x.next <= end).sort((a, b) => a.next - b.next)[0];
        if (!due) break;
        time = due.next;
        due.next += due.ms;
        due.fn();
      }
      time = end;
    },
    running: () => timers.filter((x) => x.on).length,
  };
  return clock;
}

const PROMPT: PhonePrompt = { state: 'wachten', revision: 7 };
const GRACE = PRESENCE_TIMING.graceMs;
const SWEEP = PRESENCE_TIMING.sweepMs;

const files = tempDir('sessiewijzer-presence-');
afterAll(() => files.cleanup());

let server: RoomServer;
let clock: ReturnType<typeof fakeClock>;
/** Every count the server reported to the app (what becomes a lan:changed push). */
let reports: number[];
/** Tokens the server asked the room to key: the count works on the room's HMACs only. */
let keyed: string[];
let api: string;

beforeEach(async () => {
  const room = createRoom(1);
  clock = fakeClock();
  reports = [];
  keyed = [];
  closed = false;
  const port = testPort();
  server = await startRoomServer('127.0.0.1', [port, port + 1, port + 2], {
    files: readParticipantFiles(participantFixture(files.dir)),
    roomMatches: (code) => room.matches(code),
    prompt: () => PROMPT,
    answer: async () => 'opgeslagen',
    deviceKey: (token) => {
      keyed.push(token);
      return room.deviceKey(token);
    },
    onPhones: (count) => reports.push(count),
    clock,
  });
  api = `http://127.0.0.1:${server.port}/api/${room.code}`;
});
afterEach(async () => {
  if (!closed) await server.close();
});
let closed = false;

const poll = async (device: string | null, query = device === null ? '' : `?device=${device}`) => {
  const res = await rawRequest(`${api}/prompt${query}`);
  expect(res.status).toBe(200);
  expect(res.json<PhonePrompt>()).toEqual(PROMPT);
};
const stream = async (query: string) => {
  const s = await openEventStream(`${api}/events${query}`);
  expect(s.first).toEqual(PROMPT);
  return s;
};
/** The server saw the closes (its 'close' handlers ran). */
const streamsOpen = (n: number) => expect.poll(() => server.openStreams()).toBe(n);

describe('counting phones, not connections', () => {
  it('counts two streams of one phone (two tabs, a reload) once and two phones twice', async () => {
    const [bo, jan] = [newDevice(), newDevice()];
    const a1 = await stream(`?device=${bo}`);
    const a2 = await stream(`?device=${bo}`);
    expect([server.openStreams(), server.phones()]).toEqual([2, 1]);
    const b = await stream(`?device=${jan}`);
    expect([server.openStreams(), server.phones()]).toEqual([3, 2]);
    expect(reports).toEqual([1, 2]);

    a1.close();
    await streamsOpen(2);
    expect(server.phones()).toBe(2); // Bo's other tab still listens
    a2.close();
    await streamsOpen(1);
    expect(server.phones()).toBe(1);
    b.close();
    await streamsOpen(0);
    expect(server.phones()).toBe(0);
    expect(reports).toEqual([1, 2, 1, 0]);
    expect(new Set(keyed)).toEqual(new Set([bo, jan]));
  });

  it('counts a polling phone while it polls and drops it after the grace period, with one report per change', async () => {
    expect(GRACE).toBe(2.5 * PHONE_POLL_MS);
    const [bo, jan] = [newDevice(), newDevice()];
    await poll(bo);
    expect(server.phones()).toBe(1);
    for (let i = 0; i < 3; i++) {
      clock.advance(PHONE_POLL_MS);
      await poll(bo);
    }
    await poll(jan);
    expect(server.phones()).toBe(2);
    expect(reports).toEqual([1, 2]); // five polls, two changes

    // Jan keeps polling, Bo stops: just before his grace ends he still counts.
    clock.advance(PHONE_POLL_MS);
    await poll(jan);
    clock.advance(GRACE - PHONE_POLL_MS - 1);
    expect(server.phones()).toBe(2);
    expect(reports).toEqual([1, 2]);
    // No request arrives; the sweep notices and reports once.
    clock.advance(SWEEP + 1);
    expect(server.phones()).toBe(1);
    expect(reports).toEqual([1, 2, 1]);
    clock.advance(GRACE + SWEEP);
    expect(server.phones()).toBe(0);
    expect(reports).toEqual([1, 2, 1, 0]);
    clock.advance(10 * SWEEP);
    expect(reports).toEqual([1, 2, 1, 0]);
  });

  it('keeps a phone counted when its stream closes while it still polls, and while its stream outlives its polls', async () => {
    const bo = newDevice();
    const s = await stream(`?device=${bo}`);
    await poll(bo); // the page catches up by one GET when its stream opens
    s.close();
    await streamsOpen(0);
    expect(server.phones()).toBe(1);
    expect(reports).toEqual([1]);
    clock.advance(PHONE_POLL_MS);
    await poll(bo); // now on the polling fallback
    clock.advance(GRACE + SWEEP);
    expect(server.phones()).toBe(0);
    expect(reports).toEqual([1, 0]);

    // A stream lasts: the old poll lapsing changes nothing.
    await poll(bo);
    const again = await stream(`?device=${bo}`);
    clock.advance(GRACE + SWEEP);
    expect(server.phones()).toBe(1);
    expect(reports).toEqual([1, 0, 1]);
    again.close();
    await streamsOpen(0);
    expect(reports).toEqual([1, 0, 1, 0]);
  });

  it('answers a request without a valid token (an old cached page) but does not count it', async () => {
    const [bo, jan] = [newDevice(), newDevice()];
    const invalid = [
      '',
      '?device=',
      '?device=kort',
      `?device=${'x'.repeat(65)}`,
      `?device=${bo.slice(0, 20)}%2F${bo.slice(20)}`,
      `?device=${bo}&device=${jan}`,
      `?toestel=${bo}`,
      `?device[]=${bo}`,
    ];
    const streams = [];
    for (const query of invalid) {
      await poll(null, query);
      streams.push(await stream(query));
    }
    expect([server.openStreams(), server.phones()]).toEqual([invalid.length, 0]);
    expect(reports).toEqual([]);
    expect(keyed).toEqual([]);
    for (const s of streams) s.close();
    await streamsOpen(0);
    expect(reports).toEqual([]);
  });

  it('stops its sweep with the server and reports nothing after', async () => {
    await stream(`?device=${newDevice()}`);
    expect(clock.running()).toBe(1);
    await server.close();
    closed = true;
    expect(clock.running()).toBe(0);
    expect(server.phones()).toBe(0);
    expect(reports).toEqual([1]); // the closing stream is not reported: the app resets its count itself
  });
});
