// Demo data so a newcomer sees a filled app. All names are invented.

import { addDays, format } from 'date-fns';
import type { Db } from '../db/open';
import type { ModuleService } from '../services/modules';
import type { ParticipantRole } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import type { DemoResult } from '../../shared/contract';
import { createOrganisation, createSchool, countOrganisations } from '../db/repositories/organisations';
import { createParticipant } from '../db/repositories/participants';
import { addGroupMember, createGroup } from '../db/repositories/groups';
import { createSession } from '../db/repositories/sessions';
import { setAttendance } from '../db/repositories/attendance';

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

export function loadDemoData(db: Db, modules: ModuleService, options: { today: Date }): DemoResult {
  if (countOrganisations(db) > 0) {
    throw new AppError('conflict', 'Er staan al gegevens in Sessiewijzer; voorbeeldgegevens worden alleen in een lege app geladen.');
  }
  const available = DEMO_MODULES.map((id) => modules.find(id)).filter((m) => m !== undefined);
  const fallback = modules.library().modules[0];
  const plan = available.length > 0 ? available : fallback ? [modules.get(fallback.id)] : [];

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

    let sessionCount = 0;
    plan.forEach((module, index) => {
      // The first meetings lie in the past (with attendance), the last one ahead.
      const date = addDays(options.today, (index - plan.length + 1) * 21);
      const session = createSession(db, {
        groupId: kernteam.id,
        module: { id: module.meta.id, version: module.meta.version, title: module.meta.title },
        date: format(date, 'yyyy-MM-dd'),
        startTime: '15:30',
        location: 'Noorderlicht College, aula',
        facilitator: 'Eva Bos',
      });
      sessionCount++;
      if (index < plan.length - 1) {
        people.forEach((p, i) => {
          const status = i % 5 === 4 ? 'afgemeld' : i % 7 === 6 ? 'te_laat' : 'aanwezig';
          setAttendance(db, { sessionId: session.id, participantId: p.id, status });
        });
      }
    });
    return { organisations: 1, participants: people.length, sessions: sessionCount };
  })();
}
