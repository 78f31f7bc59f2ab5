import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/main/db/open';
import * as orgs from '../../src/main/db/repositories/organisations';
import * as people from '../../src/main/db/repositories/participants';
import * as groups from '../../src/main/db/repositories/groups';
import * as sessions from '../../src/main/db/repositories/sessions';
import * as attendance from '../../src/main/db/repositories/attendance';
import { AppError } from '../../src/shared/errors';
import { tempDir } from '../helpers/temp';

let dir: string;
let cleanup: () => void;
let db: Db;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  db = openDatabase(path.join(dir, 'test.sqlite'));
});
afterEach(() => {
  db.close();
  cleanup();
});

function seed() {
  const org = orgs.createOrganisation(db, { name: 'Stichting Noorderlicht', kind: 'stichting' });
  const po = orgs.createSchool(db, { organisationId: org.id, name: 'OBS De Regenboog', sector: 'po' });
  const vo = orgs.createSchool(db, { organisationId: org.id, name: 'Noorderlicht College', sector: 'vo' });
  const anouk = people.createParticipant(db, { organisationId: org.id, schoolId: po.id, name: 'Anouk de Vries', role: 'zorgcoördinator' });
  const noelle = people.createParticipant(db, { organisationId: org.id, schoolId: vo.id, name: 'Noëlle Bakker', role: 'schoolleiding', email: 'n.bakker@school.nl' });
  const group = groups.createGroup(db, { organisationId: org.id, name: 'Kernteams', kind: 'kernteam' });
  groups.addGroupMember(db, group.id, anouk.id);
  groups.addGroupMember(db, group.id, noelle.id);
  const session = sessions.createSession(db, {
    groupId: group.id,
    module: { id: 'inspiratiesessie', version: '1.0.0', title: 'Integraal werken aan welbevinden' },
    date: '2026-11-25',
    startTime: '15:30',
  });
  return { org, po, vo, anouk, noelle, group, session };
}

describe('repositories', () => {
  it('store and read organisations, schools, participants, groups and sessions', () => {
    const { org, anouk, noelle, group, session } = seed();
    expect(orgs.listOrganisations(db).map((o) => o.name)).toEqual(['Stichting Noorderlicht']);
    expect(orgs.listSchools(db, org.id).map((s) => `${s.name}/${s.sector}`)).toEqual([
      'Noorderlicht College/vo',
      'OBS De Regenboog/po',
    ]);
    expect(people.listParticipants(db, { groupId: group.id }).map((p) => p.name)).toEqual([anouk.name, noelle.name]);
    expect(noelle.schoolName).toBe('Noorderlicht College');
    expect(noelle.email).toBe('n.bakker@school.nl');
    expect(anouk.email).toBeNull();
    expect(groups.getGroup(db, group.id).memberCount).toBe(2);
    expect(sessions.listSessions(db)).toEqual([expect.objectContaining({ id: session.id, groupName: 'Kernteams', moduleVersion: '1.0.0', date: '2026-11-25' })]);
  });

  it('refuses duplicates and unknown ids with Dutch messages', () => {
    const { org } = seed();
    expect(() => orgs.createOrganisation(db, { name: 'stichting noorderlicht', kind: 'stichting' })).toThrowError(/al een organisatie/);
    expect(() => people.createParticipant(db, { organisationId: 999, name: 'X', role: 'anders' })).toThrowError(/bestaat niet/);
    const other = orgs.createOrganisation(db, { name: 'Andere stichting', kind: 'stichting' });
    const school = orgs.createSchool(db, { organisationId: other.id, name: 'Elders', sector: 'mbo' });
    expect(() => people.createParticipant(db, { organisationId: org.id, schoolId: school.id, name: 'X', role: 'anders' })).toThrowError(AppError);
  });

  it('records attendance per person, updates it, clears it, and keeps walk-ins', () => {
    const { org, anouk, noelle, session } = seed();
    attendance.setAttendance(db, { sessionId: session.id, participantId: anouk.id, status: 'aanwezig' });
    attendance.setAttendance(db, { sessionId: session.id, participantId: noelle.id, status: 'afgemeld' });
    attendance.setAttendance(db, { sessionId: session.id, participantId: noelle.id, status: 'te_laat' });
    const walkIn = people.createParticipant(db, { organisationId: org.id, name: 'Sanne Visser', role: 'gedragswetenschapper' });
    attendance.setAttendance(db, { sessionId: session.id, participantId: walkIn.id, status: 'aanwezig' });

    const rows = attendance.listAttendance(db, session.id);
    expect(rows.map((r) => [r.name, r.status, r.walkIn])).toEqual([
      ['Anouk de Vries', 'aanwezig', false],
      ['Noëlle Bakker', 'te_laat', false],
      ['Sanne Visser', 'aanwezig', true],
    ]);
    attendance.setAttendance(db, { sessionId: session.id, participantId: anouk.id, status: null });
    expect(attendance.listAttendance(db, session.id)[0]).toMatchObject({ name: 'Anouk de Vries', status: null });
  });

  it('keeps foreign keys: a group with sessions cannot disappear under them', () => {
    const { group } = seed();
    expect(() => db.prepare('DELETE FROM groups WHERE id = ?').run(group.id)).toThrowError(/FOREIGN KEY/);
  });
});
