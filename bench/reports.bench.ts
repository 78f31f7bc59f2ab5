// Reports: time to produce the PDF (gathering from a real SQLite file and
// rendering) for a session with 30 participants, 150 entries and 8 charts,
// and for the report of a ten-meeting trajectory; and rendering the stress
// dataset of tests/fixtures/reports/stress.ts (60 participants from many
// languages, a 20-option poll, 120 cards, 50 actions; a 12-meeting trajectory
// with 15 schools). Target: p95 ≤ 300 ms.
//
//   npx tsx bench/reports.bench.ts          (BENCH_RUNS=5 for a quick check)

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../src/main/core';
import type { EntryInput, AdHocFormatInput } from '../src/shared/channels/workformats';
import { createOrganisation, createSchool } from '../src/main/db/repositories/organisations';
import { createParticipant } from '../src/main/db/repositories/participants';
import { addGroupMember, createGroup } from '../src/main/db/repositories/groups';
import { createSession } from '../src/main/db/repositories/sessions';
import { setAttendance } from '../src/main/db/repositories/attendance';
import { createTrajectory, linkSession } from '../src/main/db/repositories/trajectories';
import { setStep } from '../src/main/db/repositories/steps';
import { createWorkFormatService } from '../src/main/services/work-formats/service';
import { buildSessionReport, buildTrajectoryReport } from '../src/main/services/reports';
import { STAP_KEYS } from '../src/shared/stappenplan';
import { figures, printFigures, sample } from './stats';
import { renderSessionReport } from '../src/main/reports/session-report';
import { renderTrajectoryReport } from '../src/main/reports/trajectory-report';
import { stressSessionData, stressTrajectoryData } from '../tests/fixtures/reports/stress';

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const TARGET_MS = 300;
const PEOPLE = 30;
const MEETINGS = 10;

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sessiewijzer-bench-'));
  const repoRoot = path.resolve(__dirname, '..');
  const fontsDir = path.join(repoRoot, 'resources', 'fonts');
  let clock = Date.parse('2026-09-01T13:30:00Z');
  const core = openCore({
    dataDir: dir,
    builtinModulesDir: path.join(repoRoot, 'tests', 'fixtures', 'modules', 'valid'),
    fontsDir,
    host: { chooseSavePath: async () => null },
  });
  const { db, presenting, modules } = core;
  const workFormats = createWorkFormatService(db, presenting, () => clock);
  try {
    const module = modules.library().modules[0]!;
    const parsed = modules.get(module.id);
    const setup = db.transaction(() => {
      const org = createOrganisation(db, { name: 'Stichting Bench', kind: 'stichting' });
      const schools = ['OBS De Linde', 'Noorderlicht College', 'Het Baken'].map((name) => createSchool(db, { organisationId: org.id, name, sector: 'po' }));
      const group = createGroup(db, { organisationId: org.id, name: 'Kernteam', kind: 'kernteam' });
      const people = Array.from({ length: PEOPLE }, (_, i) => {
        const p = createParticipant(db, { organisationId: org.id, schoolId: schools[i % 3]!.id, name: `Deelnemer Ëlsa ${i + 1}`, role: 'docent/mentor', email: null });
        addGroupMember(db, group.id, p.id);
        return p.id;
      });
      const { trajectory } = createTrajectory(db, { organisationId: org.id, groupId: group.id, name: 'Traject Bench', season: '2026-2027', themes: [module.id] });
      const sessions: number[] = [];
      for (let m = 0; m < MEETINGS; m++) {
        const date = new Date(Date.parse('2026-09-01') + m * 14 * 86_400_000).toISOString().slice(0, 10);
        const s = createSession(db, { groupId: group.id, module: { id: parsed.meta.id, version: parsed.meta.version, title: parsed.meta.title }, date, startTime: '15:30', location: 'Aula', facilitator: 'Eva Bos' });
        presenting.planSession(s.id, parsed.meta.id);
        linkSession(db, s.id, trajectory.id);
        people.forEach((p, i) => setAttendance(db, { sessionId: s.id, participantId: p, status: (i + m) % 6 === 5 ? 'afgemeld' : 'aanwezig' }));
        sessions.push(s.id);
      }
      schools.forEach((school, i) =>
        STAP_KEYS.slice(0, 3 + i).forEach((stepKey, k) => setStep(db, { trajectoryId: trajectory.id, schoolId: school.id, stepKey, doneOn: `2026-10-${String(10 + k).padStart(2, '0')}`, notes: null })),
      );
      return { people, sessions, trajectoryId: trajectory.id, schools };
    });
    const { people, sessions, trajectoryId, schools } = setup();

    // The benchmarked session: presented (actual minutes) and 150 entries in 10 runs, 8 of them charts.
    const target = sessions[sessions.length - 1]!;
    let entries = 0;
    db.transaction(() => {
      presenting.command(target, { type: 'start' });
      for (const item of presenting.agendaView(target).agenda.items) {
        if (item.slideIds[0]) presenting.command(target, { type: 'goto', slideId: item.slideIds[0] });
        clock += item.minutes * 60_000;
      }
      presenting.command(target, { type: 'end' });
      const start = (f: AdHocFormatInput) => workFormats.startAdHoc(target, null, f).run.id;
      const add = (run: number, e: EntryInput, who: number | null = null) => {
        workFormats.addEntry(run, e, who);
        entries++;
      };
      const options = ['Prestatiedruk', 'Pesten', 'Somberheid', 'Thuissituatie', 'Iets anders'];
      for (let k = 0; k < 2; k++) {
        const poll = start({ type: 'peiling', prompt: `Peiling ${k + 1}: wat speelt er?`, options });
        for (let i = 0; i < 17; i++) add(poll, { kind: 'vote', option: options[(i * (k + 2)) % options.length]! });
        const st = start({ type: 'stelling', prompt: `Stelling ${k + 1}: rust gaat voor presteren.` });
        for (let i = 0; i < 12; i++) add(st, { kind: 'vote', option: ['eens', 'neutraal', 'oneens'][i % 3]! });
        for (let i = 0; i < 3; i++) add(st, { kind: 'argument', side: 'eens', text: `Argument ${i + 1} van de groep over rust in de klas.` });
        const scale = start({ type: 'schaalvraag', prompt: `Schaalvraag ${k + 1}`, scaleLabels: { low: 'slecht', high: 'goed' } });
        for (let i = 0; i < 15; i++) add(scale, { kind: 'rating', value: 3 + ((i * 7) % 8) });
      }
      const rank = start({ type: 'rangorde', prompt: 'Wat pakken we eerst op?', options: options.slice(0, 4) });
      for (let i = 0; i < 16; i++) add(rank, { kind: 'rank', order: i % 2 ? options.slice(0, 4) : options.slice(0, 4).reverse() });
      const storm = start({ type: 'brainstorm', prompt: 'Ideeën voor ontspanning', dots: 3 });
      const clusters = [0, 1, 2].map((c) => workFormats.addEntry(storm, { kind: 'cluster', name: `Cluster ${c + 1}` }).value.id);
      entries += 3;
      const cards: number[] = [];
      for (let i = 0; i < 12; i++) {
        cards.push(workFormats.addEntry(storm, { kind: 'card', text: `Idee ${i + 1}: iets met bewegen of rust`, clusterId: i < 9 ? clusters[i % 3]! : null }).value.id);
        entries++;
      }
      for (let i = 0; i < 10; i++) add(storm, { kind: 'vote', cardId: cards[i]!, dots: 2 });
      const round = start({ type: 'rondje', prompt: 'Wat neem je mee?' });
      const present = people.filter((_: number, i: number) => (i + MEETINGS - 1) % 6 !== 5);
      for (let i = 0; i < 10; i++) add(round, { kind: 'contribution', text: `Bijdrage ${i + 1} over wat werkt op school.` }, present[i]!);
      const plan = start({ type: 'actieplan', prompt: 'Afspraken' });
      for (let i = 0; i < 5; i++) add(plan, { kind: 'action', what: `Actie ${i + 1} uitvoeren`, who: `Deelnemer Ëlsa ${i + 1}`, due: '2026-12-24', schoolId: schools[i % 3]!.id });
    })();

    const sizes: string[] = [];
    const rows = [];
    for (const pseudonymise of [false, true]) {
      let size = 0;
      let pages = 0;
      const samples = await sample(async () => {
        const pdf = await buildSessionReport(db, presenting, target, { pseudonymise, fontsDir });
        size = pdf.length;
        pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
      }, RUNS, Math.min(5, RUNS));
      rows.push(figures(`sessieverslag${pseudonymise ? ' (gepseudonimiseerd)' : ''}`, samples, TARGET_MS));
      sizes.push(`sessieverslag${pseudonymise ? ' (gepseudonimiseerd)' : ''}: ${(size / 1024).toFixed(1)} KB, ${pages} pagina's`);
    }
    for (const pseudonymise of [false, true]) {
      let size = 0;
      let pages = 0;
      const samples = await sample(async () => {
        const pdf = await buildTrajectoryReport(db, presenting, trajectoryId, { pseudonymise, fontsDir }, modules);
        size = pdf.length;
        pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
      }, RUNS, Math.min(5, RUNS));
      rows.push(figures(`trajectverslag, ${MEETINGS} bijeenkomsten${pseudonymise ? ' (gepseudonimiseerd)' : ''}`, samples, TARGET_MS));
      sizes.push(`trajectverslag${pseudonymise ? ' (gepseudonimiseerd)' : ''}: ${(size / 1024).toFixed(1)} KB, ${pages} pagina's`);
    }
    // The stress dataset, rendered (its data is built once; gathering is measured above).
    const stressSession = stressSessionData();
    const stressTrajectory = stressTrajectoryData();
    for (const [name, render] of [
      ['stressverslag sessie (60 deelnemers, 20 opties, 120 kaartjes, 50 acties)', (p: boolean) => renderSessionReport(stressSession, { pseudonymise: p, fontsDir })],
      ['stressverslag traject (12 bijeenkomsten, 15 scholen)', (p: boolean) => renderTrajectoryReport(stressTrajectory, { pseudonymise: p, fontsDir })],
    ] as const) {
      for (const pseudonymise of [false, true]) {
        let size = 0;
        let pages = 0;
        const samples = await sample(async () => {
          const pdf = await render(pseudonymise);
          size = pdf.length;
          pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
        }, RUNS, Math.min(5, RUNS));
        const label = `${name}${pseudonymise ? ' (gepseudonimiseerd)' : ''}`;
        rows.push(figures(label, samples, TARGET_MS));
        sizes.push(`${label}: ${(size / 1024).toFixed(1)} KB, ${pages} pagina's`);
      }
    }
    console.log(`Sessie met ${PEOPLE} deelnemers, ${entries} invoeren, 8 grafieken; traject met ${MEETINGS} bijeenkomsten.`);
    printFigures(rows);
    for (const line of sizes) console.log(line);
    if (rows.some((r) => r.p95Ms > TARGET_MS)) process.exitCode = 1;
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
