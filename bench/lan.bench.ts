// Load benchmark (issue 16): simulated phones answering questions in bursts
// through the real room server on the loopback address (never another
// network), with the real core and SQLite file. The phones run in a worker
// thread (on a real network they are other devices: their work must not
// stall the laptop's event loop). Each phone has its own loopback source
// address (127.0.x.y, as each phone has its own address on the Wi-Fi), its
// own keep-alive connection and an open event stream.
//
// Prints:
// - answers lost / doubled (must both be 0): per question, every phone's
//   answer is in the entries table exactly once (a phone that changes its mind
//   still has one answer);
// - answer stored: from sending the POST to the 200 reply (target p95 ≤ 50 ms);
// - presenter count updated: from sending the POST to the 'workformat:changed'
//   push the presenter's window reloads its count on (target p95 ≤ 250 ms);
// - question reaches phones: from opening a run for phones to the event on
//   every phone's stream.
// Times across the two threads are absolute (performance.timeOrigin + now()).
// Also printed: how long the main thread was busy per answer during the bursts
// (event-loop utilisation), the laptop's own cost apart from other load on the machine.
//
// Small run: BENCH_PHONES=10 BENCH_QUESTIONS=3 npm run bench lan

import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { figures, printFigures } from './stats';
import { openLanCore, runningSession, newDevice } from '../tests/helpers/lan';
import type { AdHocFormatInput } from '../src/shared/channels/workformats';
import type { PhoneAnswer } from '../src/shared/phone';

// Bounded: at most 200 phones and 50 questions, whatever the environment says.
const PHONES = Math.min(200, Math.max(1, Number(process.env.BENCH_PHONES ?? 60)));
const QUESTIONS = Math.min(50, Math.max(1, Number(process.env.BENCH_QUESTIONS ?? 10)));
/** Every CHANGE-th phone answers twice in a burst (changes its mind); it must still count once. */
const CHANGE = 5;

const now = () => performance.timeOrigin + performance.now();

interface Question {
  format: AdHocFormatInput;
  answer(phone: number, second: boolean): PhoneAnswer;
  /** Entries one phone's answer becomes. */
  perPhone: number;
}

const OPTIONS = Array.from({ length: 20 }, (_, i) => `Optie ${i + 1}: een lang label over werkdruk, rust en samenwerking in het team van Sint-Jan`);
const QUESTION_KINDS: Question[] = [
  { format: { type: 'schaalvraag', prompt: 'Hoeveel stress ervaar jij?' }, answer: (p, s) => ({ kind: 'cijfer', value: ((p + (s ? 3 : 0)) % 10) + 1 }), perPhone: 1 },
  {
    format: { type: 'peiling', prompt: 'Wat herken je?', options: OPTIONS, multiple: true },
    answer: (p, s) => ({ kind: 'keuze', options: [OPTIONS[p % 20]!, OPTIONS[(p + (s ? 7 : 1)) % 20]!] }),
    perPhone: 2,
  },
  { format: { type: 'stelling', prompt: 'Rust begint bij het team.' }, answer: (p, s) => ({ kind: 'stelling', side: (['eens', 'neutraal', 'oneens'] as const)[(p + (s ? 1 : 0)) % 3]! }), perPhone: 1 },
  {
    format: { type: 'rangorde', prompt: 'Wat eerst?', options: ['Rust', 'Regels', 'Relatie', 'Ruimte'] },
    answer: (p, s) => ({ kind: 'volgorde', order: p % 2 === (s ? 1 : 0) ? ['Rust', 'Regels', 'Relatie', 'Ruimte'] : ['Ruimte', 'Relatie', 'Regels', 'Rust'] }),
    perPhone: 1,
  },
  { format: { type: 'check-out', prompt: 'Een cijfer voor vandaag?', answerKind: 'score' }, answer: (p, s) => ({ kind: 'score', value: ((p * 3 + (s ? 1 : 0)) % 10) + 1 }), perPhone: 1 },
];

// The phones: plain JavaScript in a worker thread (node:http only).
const PHONES_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const now = () => performance.timeOrigin + performance.now();
const { base, room, phones } = workerData;
const agents = phones.map(() => new http.Agent({ keepAlive: true, maxSockets: 2 }));
let waiting = null; // { left: Set, times: [] }
let lastQuestion = null;
let connected = 0;
const streams = phones.map((p, i) => http.get(base + '/api/' + room + '/events?device=' + encodeURIComponent(p.device), { localAddress: p.from, agent: false }, (res) => {
  let buffer = '';
  let first = true;
  res.setEncoding('utf8');
  res.on('data', (chunk) => {
    buffer += chunk;
    let m;
    while ((m = /event: prompt\\nid: \\d+\\ndata: (.*)\\n\\n/.exec(buffer))) {
      buffer = buffer.slice(m.index + m[0].length);
      const prompt = JSON.parse(m[1]);
      if (first) { first = false; if (++connected === phones.length) parentPort.postMessage({ type: 'connected' }); }
      if (waiting && prompt.state === 'open' && prompt.question !== waiting.previous && waiting.left.delete(i)) {
        waiting.times.push(now());
        waiting.question = prompt.question;
        if (waiting.left.size === 0) { const w = waiting; waiting = null; parentPort.postMessage({ type: 'reached', times: w.times, question: w.question }); }
      }
    }
  });
}));
function post(i, body) {
  return new Promise((resolve) => {
    const t0 = now();
    const req = http.request(base + '/api/' + room + '/answer', { method: 'POST', agent: agents[i], localAddress: phones[i].from,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ i, t0, t1: now(), status: res.statusCode, text }));
    });
    req.on('error', (e) => resolve({ i, t0, t1: now(), status: 0, text: String(e) }));
    req.end(body);
  });
}
parentPort.on('message', async (msg) => {
  if (msg.type === 'expect-open') { waiting = { left: new Set(phones.map((_, i) => i)), times: [], previous: lastQuestion }; }
  if (msg.type === 'burst') {
    lastQuestion = msg.question;
    const results = [];
    await Promise.all(msg.answers.map(async (a) => {
      results.push(await post(a.i, a.first));
      if (a.second) results.push(await post(a.i, a.second));
    }));
    parentPort.postMessage({ type: 'burst-done', results });
  }
  if (msg.type === 'stop') { for (const s of streams) s.destroy(); for (const a of agents) a.destroy(); parentPort.close(); }
});
`;

async function main() {
  /** Per push: its absolute time and the entries it made visible, by device key. */
  let pushes: { at: number; keys: Map<string, number> }[] = [];
  let runOfBurst = 0;
  let lastSeenId = 0;
  const t = openLanCore({
    onEmit: (event, payload) => {
      if (event !== 'workformat:changed') return;
      const { runId } = payload as { runId: number };
      if (runId !== runOfBurst) return;
      const at = now();
      // The push follows the batch's commit: the entries new since the last push are the ones it shows.
      const rows = t.core.db.prepare('SELECT id, device_key FROM entries WHERE run_id = ? AND id > ? ORDER BY id').all(runId, lastSeenId) as { id: number; device_key: string | null }[];
      const keys = new Map<string, number>();
      for (const r of rows) {
        lastSeenId = Math.max(lastSeenId, r.id);
        if (r.device_key) keys.set(r.device_key, (keys.get(r.device_key) ?? 0) + 1);
      }
      pushes.push({ at, keys });
    },
  });
  const sessionId = await runningSession(t);
  const status = await t.call('lan:start', { sessionId, address: '127.0.0.1' });
  if (status.address !== '127.0.0.1') throw new Error('Deze benchmark draait alleen op het loopback-adres.');
  const room = t.core.lan.runningRoom()!;
  const phones = Array.from({ length: PHONES }, (_, i) => ({ from: `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`, device: newDevice() }));
  const keyToPhone = new Map(phones.map((p, i) => [room.deviceKey(p.device), i]));
  const worker = new Worker(PHONES_WORKER, {
    eval: true,
    workerData: { base: `http://127.0.0.1:${status.port}`, room: status.roomCode, phones },
  });
  const next = <T>(type: string) =>
    new Promise<T>((resolve) => {
      const on = (msg: { type: string }) => {
        if (msg.type !== type) return;
        worker.off('message', on);
        resolve(msg as T);
      };
      worker.on('message', on);
    });

  try {
    await next('connected');
    // The presenter's count is of phones (their device tokens), so every simulated phone shows.
    const counted = (await t.call('lan:status', { sessionId })).phones;
    if (counted !== PHONES) throw new Error(`De presentator telt ${counted} telefoons in plaats van ${PHONES}.`);
    const stored: number[] = [];
    const pushLatencies: number[] = [];
    const reached: number[] = [];
    let lost = 0;
    let doubled = 0;
    let refused = 0;
    /** Time the laptop's main thread (server, SQLite) was busy during the bursts. */
    let busyMs = 0;
    for (let q = 0; q < QUESTIONS; q++) {
      const kind = QUESTION_KINDS[q % QUESTION_KINDS.length]!;
      const view = await t.call('runs:startAdHoc', { sessionId, slideId: 'peiling', format: { ...kind.format, prompt: `${kind.format.prompt} (${q + 1})` } });
      runOfBurst = view.run.id;
      pushes = [];
      worker.postMessage({ type: 'expect-open' });
      const reachedMsg = next<{ times: number[]; question: string }>('reached');
      const openedAt = now();
      await t.call('runs:phones', { runId: view.run.id, state: 'open' });
      const { times, question } = await reachedMsg;
      for (const at of times) reached.push(at - openedAt);

      // The burst: every phone at once; every CHANGE-th phone sends a second answer right after its first.
      const body = (i: number, second: boolean) => JSON.stringify({ device: phones[i]!.device, question, answer: kind.answer(i, second) });
      const done = next<{ results: { i: number; t0: number; t1: number; status: number; text: string }[] }>('burst-done');
      worker.postMessage({
        type: 'burst',
        question,
        answers: phones.map((_, i) => ({ i, first: body(i, false), second: i % CHANGE === 0 ? body(i, true) : null })),
      });
      const elu0 = performance.eventLoopUtilization();
      const { results } = await done;
      busyMs += performance.eventLoopUtilization(elu0).active;
      const sends = new Map<number, number[]>();
      for (const r of results.sort((a, b) => a.t0 - b.t0)) {
        if (r.status !== 200) {
          refused++;
          console.error(`Geweigerd (${r.status}): ${r.text}`);
          continue;
        }
        stored.push(r.t1 - r.t0);
        sends.set(r.i, [...(sends.get(r.i) ?? []), r.t0]);
      }
      // Each answer's push: the first push that showed this phone's answer (in send order).
      for (const push of pushes) {
        for (const [key, entries] of push.keys) {
          const queue = sends.get(keyToPhone.get(key)!) ?? [];
          for (let a = 0; a < Math.round(entries / kind.perPhone); a++) {
            const sent = queue.shift();
            if (sent !== undefined) pushLatencies.push(push.at - sent);
          }
        }
      }

      const rows = t.core.db.prepare('SELECT device_key, count(*) AS n FROM entries WHERE run_id = ? GROUP BY device_key').all(view.run.id) as { device_key: string; n: number }[];
      const byKey = new Map(rows.map((r) => [r.device_key, r.n]));
      for (const [key] of keyToPhone) {
        const n = byKey.get(key) ?? 0;
        if (n < kind.perPhone) lost++;
        if (n > kind.perPhone) doubled++;
      }
      if (rows.length > phones.length) doubled += rows.length - phones.length;
      await t.call('runs:phones', { runId: view.run.id, state: 'closed' });
    }

    console.log(`${PHONES} telefoons, ${QUESTIONS} vragen, elke ${CHANGE}e telefoon antwoordt twee keer per vraag (loopback, echte server en SQLite-bestand)`);
    console.log(`antwoorden kwijt: ${lost}   dubbel: ${doubled}   geweigerd: ${refused}   pushes naar de begeleider: ${pushLatencies.length} antwoorden`);
    console.log(
      `hoofdthread bezig tijdens de bursts: ${busyMs.toFixed(0)} ms voor ${stored.length} antwoorden = ${(busyMs / Math.max(1, stored.length)).toFixed(2)} ms per antwoord (belasting van deze machine: ${os.loadavg()[0]!.toFixed(1)} op ${os.cpus().length} kernen)`,
    );
    printFigures([
      figures('antwoord opgeslagen (POST → 200)', stored, 50),
      figures('telling begeleider bijgewerkt (POST → workformat:changed)', pushLatencies, 250),
      figures('vraag bereikt telefoons (runs:phones → SSE)', reached),
    ]);
    if (lost > 0 || doubled > 0 || refused > 0) process.exitCode = 1;
  } finally {
    worker.postMessage({ type: 'stop' });
    await worker.terminate();
    t.close();
  }
}

void main();
