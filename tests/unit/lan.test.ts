// Phones over the room's network (issue 16): the real core with the room
// server on 127.0.0.1, phones simulated with real HTTP requests, answers read
// back through the same channels the presenter and audience use, and the
// entries table checked directly.

import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lanInterfaces } from '../../src/main/lan/interfaces';
import { PHONE_CSP } from '../../src/main/lan/server';
import { createRoom } from '../../src/main/lan/room';
import { ROOM_CODE_ALPHABET, type PhonePrompt } from '../../src/shared/phone';
import type { LanStatus } from '../../src/shared/channels/lan';
import type { RunResults, RunView } from '../../src/shared/work-formats';
import type { AdHocFormatInput } from '../../src/shared/channels/workformats';
import { openEventStream, openLanCore, Phone, rawRequest, runningSession, testPort, type LanTestCore } from '../helpers/lan';

let t: LanTestCore;
let sessionId: number;
let status: LanStatus;
let phones: Phone[];

beforeEach(async () => {
  t = openLanCore();
  sessionId = await runningSession(t);
  status = await t.call('lan:start', { sessionId, address: '127.0.0.1' });
  phones = [new Phone(status), new Phone(status), new Phone(status)];
});
afterEach(() => t.close());

const rows = () =>
  t.core.db.prepare('SELECT id, run_id, kind, payload, source, device_key, pending FROM entries ORDER BY id').all() as {
    id: number;
    run_id: number;
    kind: string;
    payload: string;
    source: string;
    device_key: string | null;
    pending: number;
  }[];

async function openRun(format: AdHocFormatInput, state: 'open' | 'voting' = 'open'): Promise<RunView> {
  const view = await t.call('runs:startAdHoc', { sessionId, slideId: 'peiling', format });
  return t.call('runs:phones', { runId: view.run.id, state });
}
type ResultOf<T> = RunResults extends infer R ? (R extends { type: infer U } ? (T extends U ? R : never) : never) : never;
const results = async <T extends RunResults['type']>(runId: number, type: T) => {
  const r = (await t.call('runs:results', { runId })).results!;
  expect(r.type).toBe(type);
  return r as ResultOf<T>;
};
const ok = (r: { status: number; reply: unknown }, status: 'opgeslagen' | 'wacht-op-begeleider' = 'opgeslagen') =>
  expect(r).toEqual({ status: 200, reply: { ok: true, status } });

describe('the room server', () => {
  it('starts on 127.0.0.1 with a room code, a QR code and the strict headers', async () => {
    expect(status).toMatchObject({ running: true, sessionId, address: '127.0.0.1', phones: 0, problem: null });
    expect(status.roomCode).toMatch(new RegExp(`^[${ROOM_CODE_ALPHABET}]{6}$`));
    expect(status.url).toBe(`http://127.0.0.1:${status.port}/${status.roomCode}`);
    expect(status.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(await t.call('lan:status', { sessionId })).toMatchObject({ running: true, roomCode: status.roomCode });

    const page = await fetch(status.url!, { redirect: 'manual' });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe(`/${status.roomCode}/`);
    const html = await fetch(`${status.url}/`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-security-policy')).toBe(PHONE_CSP);
    expect(html.headers.get('x-content-type-options')).toBe('nosniff');
    expect(html.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await html.text()).toContain('./assets/telefoon.js');
    const js = await fetch(`${status.url}/assets/telefoon.js`);
    expect([js.status, js.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    const prompt = await fetch(`${phones[0]!.base}/api/${status.roomCode}/prompt`);
    expect(prompt.headers.get('cache-control')).toBe('no-store');
    expect(((await prompt.json()) as PhonePrompt).state).toBe('wachten');

    // Nothing else: no other path, no path out of the assets folder, no other method.
    for (const p of ['/', '/api', `/api/${status.roomCode}`, `/${status.roomCode}/assets/..%2F..%2Fsessiewijzer.sqlite`, `/${status.roomCode}/assets/../index.html`, '/api/ipc/sessions:list']) {
      expect((await fetch(`${phones[0]!.base}${p}`)).status, p).toBe(404);
    }
    expect((await fetch(`${phones[0]!.base}/api/${status.roomCode}/prompt`, { method: 'DELETE' })).status).toBe(404);
  });

  it('refuses a wrong room code with a Dutch 404', async () => {
    const res = await fetch(`${phones[0]!.base}/api/K7M4Q2/prompt`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error: 'Deze kamercode klopt niet (meer). Scan de QR-code op het scherm opnieuw.' });
    const page = await fetch(`${phones[0]!.base}/ABCDEF/`);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Deze kamercode klopt niet');
  });

  it('falls back to the next port when the first is taken, and refuses an address the laptop does not have', async () => {
    const base = testPort();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(base, '127.0.0.1', resolve));
    const other = openLanCore({ port: base });
    try {
      const s = await runningSession(other);
      const started = await other.call('lan:start', { sessionId: s, address: '127.0.0.1' });
      expect(started.port).toBe(base + 1);
      await expect(other.call('lan:start', { sessionId: s, address: '10.254.254.254' })).rejects.toThrow(/hoort niet \(meer\) bij deze laptop/);
    } finally {
      other.close();
      blocker.close();
    }
  });

  it('lists only non-internal IPv4 addresses with Dutch labels', () => {
    const iface = (address: string, internal = false, family: 'IPv4' | 'IPv6' = 'IPv4') =>
      ({ address, internal, family, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: null }) as never;
    const list = lanInterfaces({
      lo: [iface('127.0.0.1', true)],
      wlp2s0: [iface('192.168.1.20'), iface('fe80::1', false, 'IPv6')],
      enp3s0: [iface('10.0.0.5')],
      'Local Area Connection* 2': [iface('192.168.137.1')],
      docker0: [iface('172.17.0.1')],
      eth1: [iface('169.254.3.3')],
    });
    expect(list).toEqual([
      { name: 'wlp2s0', address: '192.168.1.20', label: 'Wi-Fi' },
      { name: 'Local Area Connection* 2', address: '192.168.137.1', label: 'hotspot van deze laptop' },
      { name: 'enp3s0', address: '10.0.0.5', label: 'Ethernet (kabel)' },
      { name: 'docker0', address: '172.17.0.1', label: 'virtueel netwerk of VPN (telefoons komen hier meestal niet bij)' },
    ]);
    expect(lanInterfaces({ lo: [iface('127.0.0.1', true)] }, true).map((i) => i.address)).toEqual(['127.0.0.1']);
  });

  it('makes device keys per session that cannot be linked', () => {
    const a = createRoom(1);
    const b = createRoom(1);
    expect(a.deviceKey('telefoon-token-van-bo-123')).toMatch(/^[0-9a-f]{64}$/);
    expect(a.deviceKey('telefoon-token-van-bo-123')).toBe(a.deviceKey('telefoon-token-van-bo-123'));
    expect(a.deviceKey('telefoon-token-van-bo-123')).not.toBe(b.deviceKey('telefoon-token-van-bo-123'));
    expect(a.withNewCode().deviceKey('x'.repeat(22))).toBe(a.deviceKey('x'.repeat(22)));
    expect(a.matches(a.code)).toBe(true);
    expect(a.matches(b.code === a.code ? 'ZZZZZZ' : b.code)).toBe(false);
  });
});

describe('answers from phones become entries', () => {
  it('peiling (several answers) and stelling: three phones and a typed count in the same results', async () => {
    const poll = await openRun({ type: 'peiling', prompt: 'Wat herken je bij İlker Güneş en Małgorzata?', options: ['Druk', 'Onrust', 'Iets anders'], multiple: true });
    await t.call('entries:add', { runId: poll.run.id, entry: { kind: 'count', option: 'Druk', count: 4 } });
    const q = await phones[0]!.openQuestion();
    expect(q).toMatchObject({ type: 'peiling', options: ['Druk', 'Onrust', 'Iets anders'], multiple: true, prompt: 'Wat herken je bij İlker Güneş en Małgorzata?' });
    ok(await phones[0]!.answer({ kind: 'keuze', options: ['Druk', 'onrust'] }));
    ok(await phones[1]!.answer({ kind: 'keuze', options: ['Onrust'] }));
    ok(await phones[2]!.answer({ kind: 'keuze', options: ['Iets anders'] }));
    expect((await results(poll.run.id, 'peiling')).tallies).toEqual([
      { option: 'Druk', count: 5 },
      { option: 'Onrust', count: 2 },
      { option: 'Iets anders', count: 1 },
    ]);

    const single = await openRun({ type: 'peiling', prompt: 'Eén keuze', options: ['Ja', 'Nee'] });
    expect((await phones[0]!.answer({ kind: 'keuze', options: ['Ja', 'Nee'] })).reply).toEqual({ ok: false, error: 'Kies één antwoord.' });
    ok(await phones[0]!.answer({ kind: 'keuze', options: ['ja'] }));
    expect((await results(single.run.id, 'peiling')).tallies).toEqual([
      { option: 'Ja', count: 1 },
      { option: 'Nee', count: 0 },
    ]);
    // Opening another question closed the first one.
    expect((await t.call('runs:results', { runId: poll.run.id })).run.phoneState).toBe('closed');

    const st = await openRun({ type: 'stelling', prompt: 'Rust begint bij het team.' });
    expect(await phones[0]!.openQuestion()).toMatchObject({ type: 'stelling', options: ['eens', 'neutraal', 'oneens'], argument: true });
    await t.call('entries:add', { runId: st.run.id, entry: { kind: 'count', option: 'oneens', count: 2 } });
    ok(await phones[0]!.answer({ kind: 'stelling', side: 'eens' }));
    ok(await phones[1]!.answer({ kind: 'stelling', side: 'eens', argument: '  Anouks klas is stiller sinds de pauzes buiten zijn. ' }), 'wacht-op-begeleider');
    ok(await phones[2]!.answer({ kind: 'stelling', side: 'neutraal', argument: '' }));
    const stR = await results(st.run.id, 'stelling');
    expect(stR.tallies.map((x) => x.count)).toEqual([2, 1, 2]);
    expect(stR.arguments).toEqual([]); // waits for the facilitator
    const pending = (await t.call('runs:results', { runId: st.run.id })).entries.filter((e) => e.pending);
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ kind: 'argument', source: 'phone', payload: { side: 'eens', text: 'Anouks klas is stiller sinds de pauzes buiten zijn.' } });
    await t.call('entries:moderate', { entryId: pending[0]!.id, allow: true });
    expect((await results(st.run.id, 'stelling')).arguments).toEqual([{ entryId: pending[0]!.id, side: 'eens', text: 'Anouks klas is stiller sinds de pauzes buiten zijn.' }]);
    // The audience sees it only once revealed, and never the phone's key.
    expect((await t.call('runs:results', { runId: st.run.id, audience: true })).results).toBeNull();
  });

  it('schaalvraag, rangorde, check-in word and check-out score', async () => {
    const sc = await openRun({ type: 'schaalvraag', prompt: 'Hoeveel stress ervaar jij?', scaleLabels: { low: 'geen', high: 'heel veel' } });
    expect(await phones[0]!.openQuestion()).toMatchObject({ type: 'schaalvraag', scaleLabels: { low: 'geen', high: 'heel veel' } });
    await t.call('entries:add', { runId: sc.run.id, entry: { kind: 'rating', value: 5, count: 2 } });
    for (const [i, v] of [7, 8, 10].entries()) ok(await phones[i]!.answer({ kind: 'cijfer', value: v }));
    expect(await results(sc.run.id, 'schaalvraag')).toMatchObject({ n: 5, mean: 7, distribution: [0, 0, 0, 0, 2, 0, 1, 1, 0, 1] });

    const rk = await openRun({ type: 'rangorde', prompt: 'Wat eerst?', options: ['Rust', 'Regels', 'Relatie'] });
    await t.call('entries:add', { runId: rk.run.id, entry: { kind: 'rank', order: ['Regels', 'Rust', 'Relatie'] } });
    for (const p of phones) ok(await p.answer({ kind: 'volgorde', order: ['Rust', 'Relatie', 'Regels'] }));
    const rkR = await results(rk.run.id, 'rangorde');
    expect(rkR.n).toBe(4);
    expect(rkR.ranking[0]).toMatchObject({ option: 'Rust', points: 11, firstPlaces: 3 });

    const ci = await openRun({ type: 'check-in', prompt: 'Hoe kom je binnen?' });
    expect(await phones[0]!.openQuestion()).toMatchObject({ type: 'check-in', answerKind: 'woord' });
    await t.call('entries:add', { runId: ci.run.id, entry: { kind: 'word', text: 'Moe' } });
    for (const [i, w] of ['moe', 'Blij', 'nieuwsgierig'].entries()) ok(await phones[i]!.answer({ kind: 'woord', text: w }), 'wacht-op-begeleider');
    expect((await results(ci.run.id, 'check-in')).n).toBe(1);
    expect((await phones[0]!.answer({ kind: 'score', value: 3 })).reply).toEqual({ ok: false, error: 'Dit antwoord past niet bij deze vraag; herlaad de pagina.' });
    for (const e of (await t.call('runs:results', { runId: ci.run.id })).entries.filter((x) => x.pending)) {
      await t.call('entries:moderate', { entryId: e.id, allow: true });
    }
    expect((await results(ci.run.id, 'check-in')).words).toEqual([
      { word: 'Moe', count: 2 },
      { word: 'Blij', count: 1 },
      { word: 'nieuwsgierig', count: 1 },
    ]);

    const co = await openRun({ type: 'check-out', prompt: 'Een cijfer voor vandaag?', answerKind: 'score' });
    await t.call('entries:add', { runId: co.run.id, entry: { kind: 'score', value: 6 } });
    for (const [i, v] of [8, 9, 10].entries()) ok(await phones[i]!.answer({ kind: 'score', value: v }));
    expect(await results(co.run.id, 'check-out')).toMatchObject({ n: 4, mean: 8.25 });
  });

  it('brainstorm: cards wait, moderation lets them through or removes them, then dot voting', async () => {
    const bs = await openRun({ type: 'brainstorm', prompt: 'Wat helpt Jan en Bo?', dots: 3 });
    expect(await phones[0]!.openQuestion()).toMatchObject({ type: 'brainstorm', phase: 'kaarten' });
    const typed = await t.call('entries:add', { runId: bs.run.id, entry: { kind: 'card', text: 'Vaste pauzes' } });
    ok(await phones[0]!.answer({ kind: 'kaart', text: 'Pauzes buiten' }), 'wacht-op-begeleider');
    ok(await phones[1]!.answer({ kind: 'kaart', text: 'Minder vergaderen' }), 'wacht-op-begeleider');
    ok(await phones[2]!.answer({ kind: 'kaart', text: 'iets onaardigs over Bo' }), 'wacht-op-begeleider');
    expect((await results(bs.run.id, 'brainstorm')).cards.map((c) => c.text)).toEqual(['Vaste pauzes']);
    const pending = (await t.call('runs:results', { runId: bs.run.id })).entries.filter((e) => e.pending);
    expect(pending.map((e) => e.payload.text)).toEqual(['Pauzes buiten', 'Minder vergaderen', 'iets onaardigs over Bo']);
    await t.call('entries:moderate', { entryId: pending[0]!.id, allow: true });
    await t.call('entries:moderate', { entryId: pending[1]!.id, allow: true });
    await t.call('entries:moderate', { entryId: pending[2]!.id, allow: false });
    await expect(t.call('entries:moderate', { entryId: pending[0]!.id, allow: true })).rejects.toThrow('Deze invoer is al toegelaten.');
    await expect(t.call('entries:moderate', { entryId: pending[2]!.id, allow: true })).rejects.toThrow('Deze invoer bestaat niet (meer).');
    expect((await results(bs.run.id, 'brainstorm')).cards.map((c) => c.text)).toEqual(['Vaste pauzes', 'Pauzes buiten', 'Minder vergaderen']);

    const oldQuestion = (await phones[0]!.openQuestion()).question;
    await t.call('runs:phones', { runId: bs.run.id, state: 'voting' });
    const voting = await phones[0]!.openQuestion();
    expect(voting).toMatchObject({
      phase: 'stippen',
      dots: 3,
      cards: [
        { id: typed.id, text: 'Vaste pauzes' },
        { id: pending[0]!.id, text: 'Pauzes buiten' },
        { id: pending[1]!.id, text: 'Minder vergaderen' },
      ],
    });
    // A card sent for the card round after voting began is refused.
    expect((await phones[0]!.answer({ kind: 'kaart', text: 'Te laat' }, oldQuestion)).status).toBe(409);
    ok(await phones[0]!.answer({ kind: 'stippen', dots: [{ card: typed.id, dots: 2 }, { card: pending[0]!.id, dots: 1 }] }));
    ok(await phones[1]!.answer({ kind: 'stippen', dots: [{ card: pending[1]!.id, dots: 3 }] }));
    ok(await phones[2]!.answer({ kind: 'stippen', dots: [{ card: pending[0]!.id, dots: 1 }] }));
    expect((await phones[2]!.answer({ kind: 'stippen', dots: [{ card: typed.id, dots: 4 }] })).reply).toEqual({ ok: false, error: 'Je hebt 3 stippen; je verdeelde er 4.' });
    expect((await phones[2]!.answer({ kind: 'stippen', dots: [{ card: pending[2]!.id, dots: 1 }] })).reply).toEqual({ ok: false, error: 'Deze kaart hoort niet bij deze brainstorm.' });
    // The typed side counts too.
    await t.call('entries:add', { runId: bs.run.id, entry: { kind: 'vote', cardId: pending[1]!.id, dots: 1 } });
    const r = await results(bs.run.id, 'brainstorm');
    expect(r.cards.map((c) => [c.text, c.dots])).toEqual([
      ['Vaste pauzes', 2],
      ['Pauzes buiten', 2],
      ['Minder vergaderen', 4],
    ]);
    expect(r.dotsUsed).toBe(8);
  });

  it('one answer per phone: a new answer replaces the earlier one while the question is open', async () => {
    const sc = await openRun({ type: 'schaalvraag', prompt: 'Hoe rustig?' });
    ok(await phones[0]!.answer({ kind: 'cijfer', value: 2 }));
    ok(await phones[0]!.answer({ kind: 'cijfer', value: 9 }));
    ok(await phones[1]!.answer({ kind: 'cijfer', value: 4 }));
    expect(await results(sc.run.id, 'schaalvraag')).toMatchObject({ n: 2, mean: 6.5 });
    expect(rows().map((r) => JSON.parse(r.payload).value)).toEqual([9, 4]);
    const keys = rows().map((r) => r.device_key);
    expect(keys.every((k) => k !== null && /^[0-9a-f]{64}$/.test(k))).toBe(true);
    expect(new Set(keys).size).toBe(2);
    // The token itself is never stored.
    expect(JSON.stringify(rows())).not.toContain(phones[0]!.device);

    // A word replaces the earlier word, also one already let through.
    const co = await openRun({ type: 'check-out', prompt: 'Eén woord?' });
    ok(await phones[0]!.answer({ kind: 'woord', text: 'moe' }), 'wacht-op-begeleider');
    const first = (await t.call('runs:results', { runId: co.run.id })).entries[0]!;
    await t.call('entries:moderate', { entryId: first.id, allow: true });
    ok(await phones[0]!.answer({ kind: 'woord', text: 'voldaan' }), 'wacht-op-begeleider');
    const after = (await t.call('runs:results', { runId: co.run.id })).entries;
    expect(after.map((e) => [e.payload.text, e.pending])).toEqual([['voldaan', true]]);
  });

  it('moving the server to another address keeps one answer per phone, with a new room code', async () => {
    const sc = await openRun({ type: 'schaalvraag', prompt: 'Hoe rustig?' });
    ok(await phones[0]!.answer({ kind: 'cijfer', value: 3 }));
    const moved = await t.call('lan:start', { sessionId, address: '127.0.0.1' });
    expect(moved.roomCode).not.toBe(status.roomCode);
    const again = Object.assign(new Phone(moved), { device: phones[0]!.device });
    ok(await again.answer({ kind: 'cijfer', value: 8 }));
    expect(await results(sc.run.id, 'schaalvraag')).toMatchObject({ n: 1, mean: 8 });
    expect((await phones[0]!.prompt()) as unknown).toEqual({ ok: false, error: 'Deze kamercode klopt niet (meer). Scan de QR-code op het scherm opnieuw.' });
  });

  it('refuses answers for a closed, moved-away or other question, and after the slide changed', async () => {
    const a = await openRun({ type: 'schaalvraag', prompt: 'A?' });
    const questionA = (await phones[0]!.openQuestion()).question;
    ok(await phones[0]!.answer({ kind: 'cijfer', value: 5 }, questionA));
    await t.call('runs:phones', { runId: a.run.id, state: 'closed' });
    expect(await phones[0]!.prompt()).toMatchObject({ state: 'wachten' });
    expect(await phones[0]!.answer({ kind: 'cijfer', value: 6 }, questionA)).toEqual({ status: 409, reply: { ok: false, error: 'Deze vraag is gesloten; wacht op de volgende.' } });

    await openRun({ type: 'schaalvraag', prompt: 'B?' });
    expect(await phones[0]!.answer({ kind: 'cijfer', value: 6 }, questionA)).toEqual({ status: 409, reply: { ok: false, error: 'Deze vraag is gesloten; wacht op de volgende.' } });
    expect((await phones[0]!.answer({ kind: 'keuze', options: ['x'] })).status).toBe(400);

    // The presenter moves to another slide: phones wait, answers are refused.
    const questionB = (await phones[0]!.openQuestion()).question;
    await t.call('presenting:command', { sessionId, command: { type: 'goto', slideId: 'rondje' } });
    expect(await phones[0]!.prompt()).toMatchObject({ state: 'wachten' });
    expect((await phones[0]!.answer({ kind: 'cijfer', value: 6 }, questionB)).status).toBe(409);
    // A round stays spoken.
    const round = await t.call('runs:startAdHoc', { sessionId, slideId: 'rondje', format: { type: 'rondje', prompt: 'Rondje' } });
    await expect(t.call('runs:phones', { runId: round.run.id, state: 'open' })).rejects.toThrow(/blijft gesproken/);
    await expect(t.call('runs:phones', { runId: a.run.id, state: 'voting' })).rejects.toThrow(/alleen bij een brainstorm/);
    expect(rows()).toHaveLength(1);
    expect(JSON.parse(rows()[0]!.payload)).toEqual({ value: 5, count: 1 });
  });

  it('pushes a new prompt to open event streams with growing revisions, and counts the phones', async () => {
    const controller = new AbortController();
    const res = await fetch(`${phones[0]!.base}/api/${status.roomCode}/events?device=${phones[0]!.device}`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(PHONE_CSP);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const nextPrompt = async (): Promise<PhonePrompt> => {
      for (;;) {
        const match = /event: prompt\nid: \d+\ndata: (.*)\n\n/.exec(buffer);
        if (match) {
          buffer = buffer.slice(match.index + match[0].length);
          return JSON.parse(match[1]!) as PhonePrompt;
        }
        const { value } = await reader.read();
        buffer += decoder.decode(value);
      }
    };
    const first = await nextPrompt();
    expect(first.state).toBe('wachten');
    await expect.poll(async () => (await t.call('lan:status', { sessionId })).phones).toBe(1);
    const run = await openRun({ type: 'peiling', prompt: 'Open?', options: ['Ja', 'Nee'] });
    const opened = await nextPrompt();
    expect(opened).toMatchObject({ state: 'open', prompt: 'Open?' });
    expect(opened.revision).toBeGreaterThan(first.revision);
    await t.call('runs:phones', { runId: run.run.id, state: 'closed' });
    const closed = await nextPrompt();
    expect(closed.state).toBe('wachten');
    expect(closed.revision).toBeGreaterThan(opened.revision);
    expect(t.events.some((e) => e.event === 'lan:changed')).toBe(true);
    controller.abort();
    await expect.poll(async () => (await t.call('lan:status', { sessionId })).phones).toBe(0);
  });

  it('counts phones, not connections: one phone with two streams once, a polling phone too, an old page not at all', async () => {
    const api = `${phones[0]!.base}/api/${status.roomCode}`;
    const changes = () => t.events.filter((e) => e.event === 'lan:changed').length;
    const before = changes();
    const tabs = [await openEventStream(`${api}/events?device=${phones[0]!.device}`), await openEventStream(`${api}/events?device=${phones[0]!.device}`)];
    expect((await t.call('lan:status', { sessionId })).phones).toBe(1);
    // The second phone's stream is refused or broken: it polls, and counts as well.
    expect(await phones[1]!.prompt()).toMatchObject({ state: 'wachten' });
    expect(await phones[1]!.prompt()).toMatchObject({ state: 'wachten' });
    expect((await t.call('lan:status', { sessionId })).phones).toBe(2);
    // A page from before the count (no token) is served as ever, but not counted.
    const old = await openEventStream(`${api}/events`);
    expect(old.first.state).toBe('wachten');
    expect((await rawRequest(`${api}/prompt`)).json<PhonePrompt>().state).toBe('wachten');
    expect((await t.call('lan:status', { sessionId })).phones).toBe(2);
    expect(changes() - before).toBe(2); // 0 → 1 → 2: one push per change, none per poll or extra stream
    for (const s of [...tabs, old]) s.close();
    // The polling phone stays counted for its grace period (tests/unit/lan-presence.test.ts runs it out on a fake clock).
    await expect.poll(async () => (await t.call('lan:status', { sessionId })).phones).toBe(1);
  });
});

describe('the server stops and forgets', () => {
  /** A fresh TCP connection (not fetch's pooled keep-alive one): what a phone opening the link gets. */
  const refused = (url: string) =>
    new Promise<string>((resolve) => {
      const { hostname, port } = new URL(url);
      const socket = net.connect({ host: hostname, port: Number(port) });
      socket.once('connect', () => {
        socket.destroy();
        resolve('verbonden');
      });
      socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    });

  async function fillRoom() {
    const bs = await openRun({ type: 'brainstorm', prompt: 'Ideeën' });
    ok(await phones[0]!.answer({ kind: 'kaart', text: 'Wordt toegelaten' }), 'wacht-op-begeleider');
    ok(await phones[1]!.answer({ kind: 'kaart', text: 'Wacht nog' }), 'wacht-op-begeleider');
    const pending = (await t.call('runs:results', { runId: bs.run.id })).entries;
    await t.call('entries:moderate', { entryId: pending[0]!.id, allow: true });
    const sc = await openRun({ type: 'schaalvraag', prompt: 'Cijfer?' });
    ok(await phones[0]!.answer({ kind: 'cijfer', value: 7 }));
    expect(rows().every((r) => r.device_key !== null)).toBe(true);
    return { bs, sc };
  }

  it('after the session ends: connection refused, device keys gone, waiting text deleted', async () => {
    const { sc } = await fillRoom();
    await t.call('presenting:command', { sessionId, command: { type: 'end' } });
    expect(await refused(`${status.url}/`)).toBe('ECONNREFUSED');
    expect(await t.call('lan:status', { sessionId })).toMatchObject({ running: false, url: null, roomCode: null, phones: 0 });
    expect(rows().map((r) => [r.kind, JSON.parse(r.payload).text ?? JSON.parse(r.payload).value, r.device_key, r.pending, r.source])).toEqual([
      ['card', 'Wordt toegelaten', null, 0, 'phone'],
      ['rating', 7, null, 0, 'phone'],
    ]);
    expect((await t.call('runs:results', { runId: sc.run.id })).run.phoneState).toBe('closed');
    await expect(t.call('lan:start', { sessionId, address: '127.0.0.1' })).rejects.toThrow(/afgerond/);
  });

  it('a fresh start clears what a killed app left behind (keys that no secret matches, text with no queue)', async () => {
    const { sc } = await fillRoom();
    await t.call('lan:stop', { sessionId });
    // As if the app was killed while phones answered: a key and waiting text remain in the file.
    t.core.db.prepare(`INSERT INTO entries (run_id, kind, payload, source, device_key, pending) VALUES (?, 'rating', '{"value":2,"count":1}', 'phone', ?, 0)`).run(sc.run.id, 'a'.repeat(64));
    t.core.db.prepare(`INSERT INTO entries (run_id, kind, payload, source, device_key, pending) VALUES (?, 'rating', '{"value":9,"count":1}', 'phone', ?, 1)`).run(sc.run.id, 'b'.repeat(64));
    await t.call('lan:start', { sessionId, address: '127.0.0.1' });
    expect(rows().map((r) => [JSON.parse(r.payload).value ?? JSON.parse(r.payload).text, r.device_key, r.pending])).toEqual([
      ['Wordt toegelaten', null, 0],
      [7, null, 0],
      [2, null, 0],
    ]);
  });

  it('after lan:stop and when the core closes: connection refused and nothing kept', async () => {
    await fillRoom();
    const stopped = await t.call('lan:stop', { sessionId });
    expect(stopped.running).toBe(false);
    expect(await refused(`${status.url}/`)).toBe('ECONNREFUSED');
    expect(rows().map((r) => [r.device_key, r.pending])).toEqual([
      [null, 0],
      [null, 0],
    ]);

    // A new start: a new room code; the old link opens nothing.
    const again = await t.call('lan:start', { sessionId, address: '127.0.0.1' });
    expect(again.roomCode).not.toBe(status.roomCode);
    expect((await fetch(`${again.url!.replace(again.roomCode!, status.roomCode!)}/`)).status).toBe(404);
    expect((await fetch(`${again.url}/`)).status).toBe(200);
    const url = `${again.url}/`;
    t.core.close();
    expect(await refused(url)).toBe('ECONNREFUSED');
  });
});
