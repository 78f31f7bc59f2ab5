// Bad input at the phone endpoints (issue 16): invalid JSON, huge bodies,
// wrong and old room codes, replayed answers after closing, unknown kinds, a
// flood from one device, and a seeded random fuzz. Every refusal is a clear
// Dutch sentence with the right status, nothing answers 500, and afterwards the
// entries table holds exactly the valid answers.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAN_LIMITS, LAN_MESSAGES } from '../../src/main/lan/server';
import { PHONE_BODY_LIMIT } from '../../src/shared/phone';
import type { LanStatus } from '../../src/shared/channels/lan';
import { newDevice, openLanCore, rawRequest, runningSession, type LanTestCore } from '../helpers/lan';

let t: LanTestCore;
let sessionId: number;
let status: LanStatus;
let runId: number;
let question: string;
let base: string;
/** Each scenario sends from its own loopback address (its own "phone"), so limits are per scenario. */
let nextHost = 10;
const from = () => `127.0.0.${nextHost++}`;

/** What the database must hold at the end: device token → the value it answered last (accepted). */
const expected = new Map<string, number>();

beforeEach(async () => {
  t = openLanCore();
  sessionId = await runningSession(t);
  status = await t.call('lan:start', { sessionId, address: '127.0.0.1' });
  base = `http://127.0.0.1:${status.port}`;
  const view = await t.call('runs:startAdHoc', { sessionId, slideId: 'peiling', format: { type: 'schaalvraag', prompt: 'Hoeveel stress ervaar jij?' } });
  runId = view.run.id;
  await t.call('runs:phones', { runId, state: 'open' });
  const prompt = (await rawRequest(`${base}/api/${status.roomCode}/prompt`, { from: from() })).json<{ question: string }>();
  question = prompt.question;
  expected.clear();
});
afterEach(() => t.close());

const answerUrl = () => `${base}/api/${status.roomCode}/answer`;
const body = (device: string, value: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ device, question, answer: { kind: 'cijfer', value }, ...extra });

async function valid(device: string, value: number, host = from()) {
  const res = await rawRequest(answerUrl(), { body: body(device, value), from: host });
  expect([res.status, res.json()]).toEqual([200, { ok: true, status: 'opgeslagen' }]);
  expected.set(device, value);
}

/** The entries table against `expected`: one rating per device that got an accepted answer, nothing else. */
function assertDatabase() {
  const room = t.core.lan.runningRoom()!;
  const rows = t.core.db.prepare('SELECT run_id, kind, payload, source, device_key, pending FROM entries ORDER BY id').all() as {
    run_id: number;
    kind: string;
    payload: string;
    source: string;
    device_key: string;
    pending: number;
  }[];
  const want = [...expected].map(([device, value]) => ({ key: room.deviceKey(device), value })).sort((a, b) => a.key.localeCompare(b.key));
  const got = rows
    .map((r) => {
      expect([r.run_id, r.kind, r.source, r.pending]).toEqual([runId, 'rating', 'phone', 0]);
      return { key: r.device_key, value: (JSON.parse(r.payload) as { value: number }).value };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
  expect(got).toEqual(want);
}

const refusal = (res: { status: number; json: () => unknown }, status: number, error: string) => expect([res.status, res.json()]).toEqual([status, { ok: false, error }]);

describe('the phone endpoints refuse bad input clearly and store nothing wrong', () => {
  it('invalid JSON, empty and non-JSON bodies, unknown kinds, wrong fields', async () => {
    await valid(newDevice(), 4);
    const host = from();
    const post = (b: string, headers?: Record<string, string>) => rawRequest(answerUrl(), { body: b, from: host, ...(headers ? { headers } : {}) });
    refusal(await post('{"device":'), 400, LAN_MESSAGES.unreadable);
    refusal(await post('{"device": "x" "question": 1}'), 400, LAN_MESSAGES.unreadable);
    refusal(await post(''), 400, LAN_MESSAGES.empty);
    refusal(await post('cijfer=7', { 'content-type': 'application/x-www-form-urlencoded' }), 415, LAN_MESSAGES.notJson);
    refusal(await post(body(newDevice(), 7), { 'content-type': 'text/plain' }), 415, LAN_MESSAGES.notJson);
    refusal(await post('[]'), 400, 'Dit antwoord kan Sessiewijzer niet lezen.');
    refusal(await post('null'), 400, 'Dit antwoord kan Sessiewijzer niet lezen.');
    refusal(await post('"cijfer"'), 400, 'Dit antwoord kan Sessiewijzer niet lezen.');
    // Prototype pollution is refused by the JSON parser itself.
    refusal(await post(`{"device":"${newDevice()}","question":"${question}","answer":{"kind":"cijfer","value":7},"__proto__":{"x":1}}`), 400, LAN_MESSAGES.unreadable);
    refusal(await post(body(newDevice(), 7, { naam: 'Jan' })), 400, 'Dit antwoord kan Sessiewijzer niet lezen.');
    refusal(
      await post(JSON.stringify({ device: newDevice(), question, answer: { kind: 'sql', value: "'; DROP TABLE entries; --" } })),
      400,
      'Dit soort antwoord kent Sessiewijzer niet.',
    );
    refusal(await post(JSON.stringify({ device: newDevice(), question, answer: { value: 7 } })), 400, 'Dit soort antwoord kent Sessiewijzer niet.');
    refusal(await post(body(newDevice(), 11)), 400, 'Het cijfer is een heel getal van 1 tot en met 10.');
    refusal(await post(body(newDevice(), 6.5)), 400, 'Het cijfer is een heel getal van 1 tot en met 10.');
    refusal(await post(body(newDevice(), '7')), 400, 'Het cijfer moet een getal zijn.');
    refusal(await post(body('kort', 7)), 400, 'Dit toestel heeft geen geldige sleutel; herlaad de pagina.');
    refusal(await post(body('../../etc/passwd'.padEnd(30, 'x'), 7)), 400, 'Dit toestel heeft geen geldige sleutel; herlaad de pagina.');
    refusal(await post(JSON.stringify({ device: newDevice(), answer: { kind: 'cijfer', value: 7 } })), 400, 'Deze vraag bestaat niet (meer).');
    // Well-formed, but not this question's kind, or another question.
    refusal(await post(JSON.stringify({ device: newDevice(), question, answer: { kind: 'kaart', text: 'x' } })), 400, 'Dit antwoord past niet bij deze vraag; herlaad de pagina.');
    refusal(await post(JSON.stringify({ device: newDevice(), question: 'AAAAAAAAAAAAAAAA', answer: { kind: 'cijfer', value: 7 } })), 409, 'Deze vraag is gesloten; wacht op de volgende.');
    assertDatabase();
  });

  it('huge bodies are refused unread (with and without a length), and the server stays up', async () => {
    await valid(newDevice(), 6);
    const padded = (size: number) => body(newDevice(), 7, { x: 'a'.repeat(size) });
    refusal(await rawRequest(answerUrl(), { body: padded(PHONE_BODY_LIMIT), from: from() }), 413, LAN_MESSAGES.tooLarge);
    refusal(await rawRequest(answerUrl(), { body: padded(5_000_000), from: from() }), 413, LAN_MESSAGES.tooLarge);
    refusal(await rawRequest(answerUrl(), { body: padded(64 * 1024), from: from(), chunked: true }), 413, LAN_MESSAGES.tooLarge);
    // Just under the limit: read, then refused for what it is (an unknown field), not for its size.
    const under = padded(PHONE_BODY_LIMIT - 200);
    expect(Buffer.byteLength(under)).toBeLessThan(PHONE_BODY_LIMIT);
    refusal(await rawRequest(answerUrl(), { body: under, from: from() }), 400, 'Dit antwoord kan Sessiewijzer niet lezen.');
    await valid(newDevice(), 8);
    assertDatabase();
  });

  it('wrong and old room codes: 404 in Dutch, then the address is refused, also with the right code', async () => {
    const host = from();
    for (const code of ['K7M4Q2', 'abcdef', '000000', 'K7M4Q', 'K7M4Q22', '%00%00', 'K7M4Q3', 'K7M4Q4', 'K7M4Q5', 'K7M4Q6']) {
      const res = await rawRequest(`${base}/api/${code}/answer`, { body: body(newDevice(), 5), from: host });
      refusal(res, 404, LAN_MESSAGES.wrongRoom);
    }
    expect(LAN_LIMITS.wrongCodes).toBe(10);
    refusal(await rawRequest(`${base}/api/K7M4Q7/prompt`, { from: host }), 429, LAN_MESSAGES.tooManyWrong);
    // A lucky guess after the limit is refused all the same.
    refusal(await rawRequest(`${base}/api/${status.roomCode}/answer`, { body: body(newDevice(), 5), from: host }), 429, LAN_MESSAGES.tooManyWrong);
    const page = await rawRequest(`${base}/${status.roomCode}/`, { from: host });
    expect([page.status, page.text]).toEqual([429, expect.stringContaining('Te veel verkeerde kamercodes')]);
    // Another phone is not affected.
    await valid(newDevice(), 3);

    // After a restart the old code opens nothing.
    const old = status.roomCode!;
    await t.call('lan:stop', { sessionId });
    expected.clear(); // a stop forgets device keys; the rating stays without one
    status = await t.call('lan:start', { sessionId, address: '127.0.0.1' });
    base = `http://127.0.0.1:${status.port}`;
    expect(status.roomCode).not.toBe(old);
    refusal(await rawRequest(`${base}/api/${old}/prompt`, { from: from() }), 404, LAN_MESSAGES.wrongRoom);
    const rows = t.core.db.prepare('SELECT device_key, payload FROM entries').all();
    expect(rows).toEqual([{ device_key: null, payload: '{"value":3,"count":1}' }]);
  });

  it('replayed answers after closing are refused; a replay while open replaces, never doubles', async () => {
    const device = newDevice();
    const host = from();
    const sent = body(device, 9);
    await valid(device, 9, host);
    // The same request again while open: still one answer for this phone.
    expect((await rawRequest(answerUrl(), { body: sent, from: host })).status).toBe(200);
    assertDatabase();
    await t.call('runs:phones', { runId, state: 'closed' });
    for (let i = 0; i < 3; i++) refusal(await rawRequest(answerUrl(), { body: sent, from: host }), 409, 'Deze vraag is gesloten; wacht op de volgende.');
    // Another run opened meanwhile: the old question's answer is still refused.
    const other = await t.call('runs:startAdHoc', { sessionId, slideId: 'peiling', format: { type: 'schaalvraag', prompt: 'Andere vraag' } });
    await t.call('runs:phones', { runId: other.run.id, state: 'open' });
    refusal(await rawRequest(answerUrl(), { body: sent, from: host }), 409, 'Deze vraag is gesloten; wacht op de volgende.');
    // After the session: the server is gone, the end refused at the service too.
    await t.call('runs:phones', { runId: other.run.id, state: 'closed' });
    expect(() => t.core.phones.answer(sessionId, 'f'.repeat(64), JSON.parse(sent), () => question)).toThrow('Deze vraag is gesloten; wacht op de volgende.');
    assertDatabase();
  });

  it('a flood from one device and from one address gets 429 in Dutch; the phone keeps one answer', async () => {
    const device = newDevice();
    const host = from();
    const replies = await Promise.all(
      Array.from({ length: LAN_LIMITS.answersPerDevice + 10 }, (_, i) => rawRequest(answerUrl(), { body: body(device, (i % 10) + 1), from: host })),
    );
    const accepted = replies.filter((r) => r.status === 200);
    expect(accepted).toHaveLength(LAN_LIMITS.answersPerDevice);
    for (const r of replies.filter((x) => x.status !== 200)) refusal(r, 429, LAN_MESSAGES.tooFast);
    const rows = t.core.db.prepare('SELECT payload FROM entries').all() as { payload: string }[];
    expect(rows).toHaveLength(1);
    expected.set(device, (JSON.parse(rows[0]!.payload) as { value: number }).value);
    assertDatabase();

    // One address asking too often (any route).
    const busy = from();
    const gets = await Promise.all(Array.from({ length: LAN_LIMITS.perAddress + 5 }, () => rawRequest(`${base}/api/${status.roomCode}/prompt`, { from: busy })));
    expect(gets.filter((r) => r.status === 200)).toHaveLength(LAN_LIMITS.perAddress);
    for (const r of gets.filter((x) => x.status !== 200)) refusal(r, 429, LAN_MESSAGES.tooMany);
    // Another phone still gets through.
    await valid(newDevice(), 2);
    assertDatabase();
  });

  it('a seeded random fuzz: never a 500, always a Dutch refusal or an answer that is stored exactly once', async () => {
    let seed = 20261130;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)]!;
    const devices = Array.from({ length: 12 }, () => newDevice());
    const values: unknown[] = [1, 5, 10, 0, -1, 11, 3.5, '7', null, true, [], {}, 1e308, Number.MAX_SAFE_INTEGER, 'tien'];
    const mutate = (): string => {
      const device = pick([...devices, 'kort', '', 'ü'.repeat(30), 'a'.repeat(65)]);
      const answer = pick<unknown>([
        { kind: 'cijfer', value: pick(values) },
        { kind: 'cijfer', value: pick(values), extra: 1 },
        { kind: pick(['CIJFER', 'score', 'woord', 'stippen', '', 'constructor']), value: pick(values) },
        { kind: 'cijfer' },
        'cijfer',
        null,
      ]);
      const shape = pick<unknown>([
        { device, question, answer },
        { device, question: pick([question, question.toLowerCase(), '', 'x'.repeat(100)]), answer },
        { device, answer },
        { question, answer },
        [device, question, answer],
      ]);
      const text = JSON.stringify(shape);
      // Sometimes break the JSON itself.
      return pick([text, text, text, text.slice(0, Math.floor(rnd() * text.length)), text.replace(/"/, "'"), `${text}}`]);
    };
    const dutch = /[a-zë]+ .*[.!?]$/;
    for (let round = 0; round < 10; round++) {
      const host = from();
      const bodies = Array.from({ length: 25 }, mutate);
      // One after the other: the store order is the send order, so the expected last answer per device is exact.
      const replies = [];
      for (const b of bodies) replies.push(await rawRequest(answerUrl(), { body: b, from: host }));
      replies.forEach((r, i) => {
        expect(r.status, bodies[i]).not.toBe(500);
        const reply = r.json<{ ok: boolean; error?: string }>();
        if (r.status === 200) {
          expect(reply.ok).toBe(true);
          const sent = JSON.parse(bodies[i]!) as { device: string; answer: { value: number } };
          expected.set(sent.device, sent.answer.value);
        } else {
          expect(reply.ok).toBe(false);
          expect(reply.error, bodies[i]).toMatch(dutch);
          expect([400, 409, 413, 415, 429]).toContain(r.status);
        }
      });
    }
    expect(expected.size).toBeGreaterThan(0);
    assertDatabase();
  });
});
