// Demo data so a newcomer sees a filled app. All names are invented.
// One trajectory for the kernteam with three meetings held (attendance,
// presenting log with actual minutes, work format results, actions,
// stappenplan progress) and one ahead, so both reports have content.

import { addDays, format } from 'date-fns';
import type { Db } from '../db/open';
import type { ModuleService } from '../services/modules';
import type { ParsedModule } from '../../shared/module-format';
import type { ParticipantRole } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import type { DemoResult } from '../../shared/contract';
import type { EntryInput, AdHocFormatInput } from '../../shared/channels/workformats';
import { createOrganisation, createSchool, countOrganisations } from '../db/repositories/organisations';
import { createParticipant } from '../db/repositories/participants';
import { addGroupMember, createGroup } from '../db/repositories/groups';
import { createSession } from '../db/repositories/sessions';
import { setAttendance } from '../db/repositories/attendance';
import { createTrajectory, linkSession, setTrajectoryStatus } from '../db/repositories/trajectories';
import { listActions, updateAction } from '../db/repositories/actions';
import { setStep } from '../db/repositories/steps';
import { createPresentingService } from '../services/presenting';
import { createWorkFormatService } from '../services/work-formats/service';

const SCHOOLS = [
  { name: 'OBS De Regenboog', sector: 'po' },
  { name: 'Noorderlicht College', sector: 'vo' },
  { name: 'Het Baken (speciaal onderwijs)', sector: 'go' },
] as const;

const PEOPLE: { name: string; school: number; role: ParticipantRole; email?: string }[] = [
  { name: 'Anouk de Vries', school: 0, role: 'zorgcoördinator', email: 'a.devries@voorbeeld.nl' },
  { name: 'Jeroen Hoekstra', school: 0, role: 'schoolleiding' },
  { name: 'Noëlle Bakker', school: 1, role: 'zorgcoördinator' },
  { name: 'Daniël Öztürk', school: 1, role: 'docent/mentor' },
  { name: 'Fatima El Amrani', school: 1, role: 'schoolleiding' },
  { name: 'Sanne Visser', school: 2, role: 'gedragswetenschapper' },
  { name: 'Joëlle Smit', school: 2, role: 'schoolleiding' },
  { name: 'Mark Jansen', school: 0, role: 'Gezonde School-adviseur' },
];

/** Modules the demo plans, in order of preference; missing ones are skipped. */
const DEMO_MODULES = ['inspiratiesessie', 'stappenplan', 'prestatiedruk', 'groepsdynamiek'];
/** Meetings of the demo trajectory: all but the last lie in the past. */
const MEETINGS = 4;

function seasonOf(day: Date): string {
  const y = day.getFullYear();
  return day.getMonth() >= 7 ? `${y}-${y + 1}` : `${y - 1}-${y}`;
}

export function loadDemoData(db: Db, modules: ModuleService, options: { today: Date }): DemoResult {
  if (countOrganisations(db) > 0) {
    throw new AppError('conflict', 'Er staan al gegevens in Sessiewijzer; voorbeeldgegevens worden alleen in een lege app geladen.');
  }
  const available = DEMO_MODULES.map((id) => modules.find(id)).filter((m): m is ParsedModule => m !== undefined);
  const fallback = modules.library().modules[0];
  const plan = available.length > 0 ? available : fallback ? [modules.get(fallback.id)] : [];

  // The demo's presenting log and entries carry the meeting's own clock.
  let clock = options.today.getTime();
  const presenting = createPresentingService(db, modules, () => clock);
  const workFormats = createWorkFormatService(db, presenting, () => clock);

  return db.transaction((): DemoResult => {
    const org = createOrganisation(db, { name: 'Stichting Noorderlicht (voorbeeld)', kind: 'stichting' });
    const schools = SCHOOLS.map((s) => createSchool(db, { organisationId: org.id, ...s }));
    const people = PEOPLE.map((p) =>
      createParticipant(db, {
        organisationId: org.id,
        schoolId: schools[p.school]!.id,
        name: p.name,
        role: p.role,
        email: p.email ?? null,
      }),
    );
    const kernteam = createGroup(db, { organisationId: org.id, name: 'Kernteams Noorderlicht', kind: 'kernteam' });
    for (const p of people) addGroupMember(db, kernteam.id, p.id);

    const meetings = plan.length === 0 ? [] : Array.from({ length: Math.max(MEETINGS, plan.length) }, (_, i) => plan[i % plan.length]!);
    const { trajectory } = createTrajectory(db, {
      organisationId: org.id,
      groupId: kernteam.id,
      name: 'Gezonde School Noorderlicht',
      season: seasonOf(options.today),
      themes: [...new Set(meetings.map((m) => m.meta.id))],
      notes: 'Drie scholen werken samen aan welbevinden; de kernteams komen elke drie weken bij elkaar.',
    });
    if (trajectory.status === 'gepland') setTrajectoryStatus(db, trajectory.id, 'lopend');

    let sessionCount = 0;
    meetings.forEach((module, index) => {
      // The first meetings lie in the past (held, with results), the last one ahead.
      const day = addDays(options.today, (index - meetings.length + 1) * 21);
      const date = format(day, 'yyyy-MM-dd');
      const session = createSession(db, {
        groupId: kernteam.id,
        module: { id: module.meta.id, version: module.meta.version, title: module.meta.title },
        date,
        startTime: '15:30',
        location: 'Noorderlicht College, aula',
        facilitator: 'Eva Bos',
      });
      presenting.planSession(session.id, module.meta.id);
      linkSession(db, session.id, trajectory.id);
      sessionCount++;
      if (index === meetings.length - 1) return;

      const present: number[] = [];
      people.forEach((p, i) => {
        const status = (i + index) % 5 === 4 ? 'afgemeld' : (i + index) % 7 === 6 ? 'te_laat' : 'aanwezig';
        setAttendance(db, { sessionId: session.id, participantId: p.id, status });
        if (status !== 'afgemeld') present.push(p.id);
      });

      // Present the meeting: start at 15:30, each block a little shorter or longer than planned.
      clock = new Date(`${date}T15:30:00`).getTime();
      const agenda = presenting.agendaView(session.id).agenda;
      presenting.command(session.id, { type: 'start' });
      const slideOf = (block: number) => agenda.items[Math.min(block, agenda.items.length - 1)]?.slideIds[0] ?? null;
      agenda.items.forEach((item, i) => {
        const first = item.slideIds[0];
        if (first) presenting.command(session.id, { type: 'goto', slideId: first });
        // Work formats are recorded while their block is on screen.
        if (i === Math.min(1, agenda.items.length - 1)) recordWorkFormats(index, slideOf(i));
        clock += (item.minutes + ((i + index) % 3) - 1) * 60_000;
      });
      presenting.command(session.id, { type: 'end' });

      function recordWorkFormats(meeting: number, slideId: string | null): void {
        const start = (f: AdHocFormatInput) => workFormats.startAdHoc(session.id, slideId, f).run.id;
        const add = (runId: number, entry: EntryInput, participantId: number | null = null) => {
          clock += 15_000;
          return workFormats.addEntry(runId, entry, participantId).value.id;
        };
        const who = (i: number) => present[i % present.length]!;
        const schoolOf = (i: number) => schools[i % schools.length]!.id;

        if (meeting % 2 === 0) {
          const poll = start({ type: 'peiling', prompt: 'Wat speelt er het meest bij jullie leerlingen?', options: ['Prestatiedruk', 'Pesten', 'Somberheid', 'Iets anders'] });
          add(poll, { kind: 'count', option: 'Prestatiedruk', count: 4 + meeting });
          add(poll, { kind: 'count', option: 'Pesten', count: 2 });
          add(poll, { kind: 'count', option: 'Somberheid', count: 3 });
          add(poll, { kind: 'vote', option: 'Iets anders' });

          const scale = start({ type: 'schaalvraag', prompt: 'Hoe tevreden zijn jullie over de samenwerking met de zorg?', scaleLabels: { low: 'zeer ontevreden', high: 'zeer tevreden' } });
          [6, 7, 7, 8, 5, 7, 9].forEach((value, i) => add(scale, { kind: 'rating', value }, i < 2 ? who(i) : null));

          const storm = start({ type: 'brainstorm', prompt: 'Wat helpt leerlingen om te ontspannen?', dots: 3 });
          const rust = add(storm, { kind: 'cluster', name: 'Rust in de klas' });
          const buiten = add(storm, { kind: 'cluster', name: 'Bewegen en buiten' });
          const cards = [
            add(storm, { kind: 'card', text: 'Vaste stilteplek in elk lokaal', clusterId: rust }),
            add(storm, { kind: 'card', text: 'Ademhalingsoefening na de pauze', clusterId: rust }),
            add(storm, { kind: 'card', text: 'Buitenles één keer per week', clusterId: buiten }),
            add(storm, { kind: 'card', text: 'Sportdag met ouders', clusterId: buiten }),
            add(storm, { kind: 'card', text: 'Minder toetsen in dezelfde week' }),
          ];
          [3, 2, 4, 1, 2].forEach((dots, i) => add(storm, { kind: 'vote', cardId: cards[i]!, dots }));

          const round = start({ type: 'rondje', prompt: 'Wat neem je mee naar je eigen school?' });
          add(round, { kind: 'contribution', text: 'We beginnen met een stiltemoment bij de start van de dag.' }, who(0));
          add(round, { kind: 'contribution', text: 'Mentorgesprekken plannen vóór de toetsweek.' }, who(2));
          add(round, { kind: 'contribution', text: 'Het zorgteam wil de signalenlijst eens per maand bespreken.' }, who(4));
        } else {
          const stelling = start({ type: 'stelling', prompt: 'Elke school heeft een eigen aanpak voor prestatiedruk nodig.' });
          add(stelling, { kind: 'count', option: 'eens', count: 5 });
          add(stelling, { kind: 'count', option: 'neutraal', count: 1 });
          add(stelling, { kind: 'count', option: 'oneens', count: 2 });
          add(stelling, { kind: 'argument', side: 'eens', text: 'Elke school heeft een andere populatie en cultuur.' });
          add(stelling, { kind: 'argument', side: 'oneens', text: 'Samen optrekken scheelt werk en zorgt voor één lijn naar ouders.' });

          const rank = start({ type: 'rangorde', prompt: 'Wat pakken we als eerste op?', options: ['Signaleren', 'Ouders betrekken', 'Teamscholing', 'Leerlingenraad'] });
          const orders = [
            ['Signaleren', 'Teamscholing', 'Ouders betrekken', 'Leerlingenraad'],
            ['Teamscholing', 'Signaleren', 'Leerlingenraad', 'Ouders betrekken'],
            ['Signaleren', 'Ouders betrekken', 'Teamscholing', 'Leerlingenraad'],
            ['Ouders betrekken', 'Signaleren', 'Teamscholing', 'Leerlingenraad'],
          ];
          orders.forEach((order) => add(rank, { kind: 'rank', order }));

          const checkout = start({ type: 'check-out', prompt: 'Eén woord voor hoe je naar huis gaat.', answerKind: 'woord' });
          ['Energiek', 'tevreden', 'Moe', 'Tevreden', 'Geïnspireerd', 'Tevreden'].forEach((text) => add(checkout, { kind: 'word', text }));

          const checkin = start({ type: 'check-in', prompt: 'Hoe sta je er vandaag bij (1–10)?', answerKind: 'score' });
          [7, 8, 6, 7, 8, 5].forEach((value) => add(checkin, { kind: 'score', value }));
        }

        const plan = start({ type: 'actieplan', prompt: 'Wat gaan we doen vóór de volgende bijeenkomst?' });
        add(plan, { kind: 'action', what: 'Stilteplek inrichten in groep 6 tot en met 8', who: 'Anouk de Vries', due: format(addDays(day, 14), 'yyyy-MM-dd'), schoolId: schoolOf(0) });
        add(plan, { kind: 'action', what: 'Signalenlijst bespreken in het zorgteam', due: format(addDays(day, 21), 'yyyy-MM-dd'), schoolId: schoolOf(1) }, who(2));
        add(plan, { kind: 'action', what: `Teamvergadering over welbevinden voorbereiden (ronde ${meeting + 1})`, who: 'de intern begeleider', due: format(addDays(day, 28), 'yyyy-MM-dd'), schoolId: schoolOf(2) });
      }
    });

    // Earlier actions moved on: some done, some in progress, the rest stays open (carried over).
    const actions = listActions(db, { trajectoryId: trajectory.id });
    actions.forEach((a, i) => {
      if (i < 2) updateAction(db, { id: a.id, status: 'gedaan' });
      else if (i === 2) updateAction(db, { id: a.id, status: 'bezig' });
    });

    // Stappenplan progress per school.
    const keys = ['draagvlak', 'coordinator', 'inventariseren', 'prioriteren', 'plan'] as const;
    schools.forEach((school, s) => {
      keys.slice(0, 4 - s + (s === 2 ? 1 : 0)).forEach((stepKey, k) => {
        setStep(db, {
          trajectoryId: trajectory.id,
          schoolId: school.id,
          stepKey,
          doneOn: format(addDays(options.today, -60 + 14 * k + 3 * s), 'yyyy-MM-dd'),
          notes: k === 1 && s === 0 ? 'Werkgroep van vier collega’s, voorzitter is de zorgcoördinator.' : null,
        });
      });
    });

    return { organisations: 1, participants: people.length, sessions: sessionCount };
  })();
}
