// Load benchmark (issue 16): simulated phones answering questions in bursts
// through the real room server on the loopback address (never another
// network), with the real core and SQLite file. Each phone has its own
// loopback source address (127.0.0.N, as each phone has its own address on the
// Wi-Fi), its own keep-alive connection and an open event stream.
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
//
// Small run: BENCH_PHONES=10 BENCH_QUESTIONS=3 npm run bench lan

import http from 'node:http';
import { figures, printFigures } from './stats';
import { openLanCore, rawRequest, runningSession, newDevice } from '../tests/helpers/lan';
import type { AdHocFormatInput } from '../src/shared/channels/workformats';
import type { PhoneAnswer, PhonePrompt } from '../src/shared/phone';

// Bounded: at most 200 phones and 50 questions, whatever the environment says.
const PHONES = Math.min(200, Math.max(1, Number(process.env.BENCH_PHONES ?? 60)));
const QUESTIONS = Math.min(50, Math.max(1, Number(process.env.BENCH_QUESTIONS ?? 10)));
/** Every CHANGE-th phone answers twice in a burst (changes its mind); it must still count once. */
const CHANGE = 5;

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

async function main() {
  const sendTimes = new Map<string, number[]>(); // device key → POST start times not yet pushed
  const pushLatencies: number[] = [];
  let runOfBurst = 0;
  let sinceOpen = 0;
  const reached: number[] = [];
  const t = openLanCore({
    onEmit: (event, payload) => {
      if (event !== 'workformat:changed') return;
      const { runId } = payload as { runId: number };
      if (runId !== runOfBurst) return;
      const at = performance.now();
      // The push follows the answer's insert in the same tick: the run's newest entry is that answer's.
      const row = t.core.db.prepare('SELECT device_key FROM entries WHERE run_id = ? ORDER BY id DESC LIMIT 1').get(runId) as { device_key: string | null } | undefined;
      const queue = row?.device_key ? sendTimes.get(row.device_key) : undefined;
      const sent = queue?.shift();
      if (sent !== undefined) pushLatencies.push(at - sent);
    },
  });
  try {
    const sessionId = await runningSession(t);
    const status = await t.call('lan:start', { sessionId, address: '127.0.0.1' });
    if (status.address !== '127.0.0.1') throw new Error('Deze benchmark draait alleen op het loopback-adres.');
    const room = t.core.lan.runningRoom()!;
    const base = `http://127.0.0.1:${status.port}`;
    const phones = Array.from({ length: PHONES }, (_, i) => {
      const from = `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`;
      const device = newDevice();
      return { from, device, key: room.deviceKey(device), agent: new http.Agent({ keepAlive: true, maxSockets: 2 }) };
    });

    // Every phone holds an event stream open, as the phone page does.
    let waitingFor: { revision: number; left: Set<number>; done: () => void } | null = null;
    const streams = phones.map((p, i) =>
      http.get(`${base}/api/${status.roomCode}/events`, { localAddress: p.from, agent: false }, (res) => {
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let match: RegExpExecArray | null;
          while ((match = /event: prompt\nid: \d+\ndata: (.*)\n\n/.exec(buffer))) {
            buffer = buffer.slice(match.index + match[0].length);
            const prompt = JSON.parse(match[1]!) as PhonePrompt;
            const w = waitingFor;
            if (w && prompt.state === 'open' && prompt.revision >= w.revision && w.left.delete(i)) {
              reached.push(performance.now() - sinceOpen);
              if (w.left.size === 0) w.done();
            }
          }
        });
      }),
    );
    while ((await t.call('lan:status', { sessionId })).phones < PHONES) await new Promise((r) => setTimeout(r, 20));

    const stored: number[] = [];
    let lost = 0;
    let doubled = 0;
    let refused = 0;
    for (let q = 0; q < QUESTIONS; q++) {
      const kind = QUESTION_KINDS[q % QUESTION_KINDS.length]!;
      const view = await t.call('runs:startAdHoc', { sessionId, slideId: 'peiling', format: { ...kind.format, prompt: `${kind.format.prompt} (${q + 1})` } });
      runOfBurst = view.run.id;
      const all = new Promise<void>((resolve) => {
        waitingFor = { revision: 0, left: new Set(phones.map((_, i) => i)), done: resolve };
      });
      sinceOpen = performance.now();
      await t.call('runs:phones', { runId: view.run.id, state: 'open' });
      await all;
      const prompt = (await rawRequest(`${base}/api/${status.roomCode}/prompt`, { from: phones[0]!.from })).json<{ question: string }>();

      // The burst: every phone at once; every CHANGE-th phone sends a second answer right after its first.
      const post = async (i: number, second: boolean) => {
        const p = phones[i]!;
        const body = JSON.stringify({ device: p.device, question: prompt.question, answer: kind.answer(i, second) });
        const t0 = performance.now();
        const queue = sendTimes.get(p.key) ?? [];
        queue.push(t0);
        sendTimes.set(p.key, queue);
        const res = await rawRequest(`${base}/api/${status.roomCode}/answer`, { body, from: p.from, agent: p.agent });
        if (res.status !== 200) {
          refused++;
          console.error(`Geweigerd (${res.status}): ${res.text}`);
          return;
        }
        stored.push(performance.now() - t0);
      };
      await Promise.all(phones.map(async (_, i) => {
        await post(i, false);
        if (i % CHANGE === 0) await post(i, true);
      }));

      const rows = t.core.db.prepare('SELECT device_key, count(*) AS n FROM entries WHERE run_id = ? GROUP BY device_key').all(view.run.id) as { device_key: string; n: number }[];
      const byKey = new Map(rows.map((r) => [r.device_key, r.n]));
      for (const p of phones) {
        const n = byKey.get(p.key) ?? 0;
        if (n < kind.perPhone) lost++;
        if (n > kind.perPhone) doubled++;
      }
      if (rows.length > phones.length) doubled += rows.length - phones.length;
      await t.call('runs:phones', { runId: view.run.id, state: 'closed' });
    }
    for (const s of streams) s.destroy();
    for (const p of phones) p.agent.destroy();

    console.log(`${PHONES} telefoons, ${QUESTIONS} vragen, elke ${CHANGE}e telefoon antwoordt twee keer per vraag (loopback, echte server en SQLite-bestand)`);
    console.log(`antwoorden kwijt: ${lost}   dubbel: ${doubled}   geweigerd: ${refused}`);
    printFigures([
      figures('antwoord opgeslagen (POST → 200)', stored, 50),
      figures('telling begeleider bijgewerkt (POST → workformat:changed)', pushLatencies, 250),
      figures('vraag bereikt telefoons (runs:phones → SSE)', reached),
    ]);
    if (lost > 0 || doubled > 0 || refused > 0) process.exitCode = 1;
  } finally {
    t.close();
  }
}

void main();
