// The life cycle of records (issue 11), through the real core on a temp
// SQLite file: edit in place, delete with undo, archive when history depends
// on a record, sessions rescheduled/cancelled/duplicated, CSV re-import and
// removal of one import, late and unlinked interest registrations.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
beforeEach(() => {
  t = openTestCore();
});
afterEach(() => t.close());

const count = (sql: string, ...params: unknown[]) => t.core.db.prepare(sql).pluck().get(...params) as number;

async function seed() {
  const org = await t.call('organisations:create', { name: 'Stichting Sint-Jan', kind: 'stichting' });
  const school = await t.call('schools:create', { organisationId: org.id, name: 'Basisschool Sint-Jan', sector: 'po' });
  const group = await t.call('groups:create', { organisationId: org.id, name: 'Kernteam Sint-Jan', kind: 'kernteam' });
  const jan = await t.call('participants:create', { organisationId: org.id, schoolId: school.id, name: 'Jan', role: 'intern begeleider', groupId: group.id });
  const ilker = await t.call('participants:create', { organisationId: org.id, schoolId: school.id, name: 'İlker Güneş', role: 'leerkracht' });
  return { org, school, group, jan, ilker };
}

describe('edit in place', () => {
  it('renames organisation, school, group and participant; refuses a duplicate name in Dutch', async () => {
    const { org, school, group, jan } = await seed();
    await t.call('organisations:update', { id: org.id, name: 'Stichting Sint-Jan Zuid' });
    await t.call('schools:update', { id: school.id, name: 'Sint-Jan', sector: 'go' });
    await t.call('groups:update', { id: group.id, name: 'Anouks kernteam' });
    const edited = await t.call('participants:update', { id: jan.id, name: 'Jan de Bo', role: 'teamleider', email: 'jan@sint-jan.nl' });
    expect(edited).toMatchObject({ name: 'Jan de Bo', role: 'teamleider', email: 'jan@sint-jan.nl', schoolName: 'Sint-Jan' });
    expect((await t.call('organisations:list'))[0]).toMatchObject({ name: 'Stichting Sint-Jan Zuid' });
    expect((await t.call('groups:list', { organisationId: org.id }))[0]).toMatchObject({ name: 'Anouks kernteam', memberCount: 1 });
    await t.call('organisations:create', { name: 'Małgorzata Scholen', kind: 'scholengroep' });
    await expect(t.call('organisations:update', { id: org.id, name: 'małgorzata scholen' })).rejects.toThrow(
      'Er is al een organisatie met de naam "małgorzata scholen".',
    );
  });

  it('a participant added by hand with a group joins it; the membership comes in one call', async () => {
    const { group, jan, ilker } = await seed();
    expect(await t.call('groups:memberIds', { groupId: group.id })).toEqual([jan.id]);
    expect(await t.call('groups:addMembers', { groupId: group.id, participantIds: [jan.id, ilker.id] })).toEqual({ added: 1 });
    expect((await t.call('groups:memberIds', { groupId: group.id })).sort()).toEqual([jan.id, ilker.id].sort());
  });

  it('pages participants with limit and offset', async () => {
    const { org } = await seed();
    const first = await t.call('participants:list', { organisationId: org.id, limit: 1 });
    const second = await t.call('participants:list', { organisationId: org.id, limit: 1, offset: 1 });
    // SQLite's NOCASE folds ASCII only: İ sorts after J (a known wart, left alone here).
    expect([first[0]!.name, second[0]!.name]).toEqual(['Jan', 'İlker Güneş']);
  });
});

describe('delete with undo', () => {
  it('shows what a delete removes, deletes, and undo puts every row back', async () => {
    const { group, jan, ilker } = await seed();
    const impact = await t.call('records:impact', { kind: 'participant', id: jan.id });
    expect(impact).toMatchObject({ label: 'Jan', canDelete: true, removes: [{ what: 'lidmaatschappen van groepen', count: 1 }] });
    const deleted = await t.call('records:delete', { kind: 'participant', id: jan.id });
    expect(deleted.message).toBe('De deelnemer Jan is verwijderd.');
    expect(count('SELECT count(*) FROM participants WHERE id = ?', jan.id)).toBe(0);
    expect(count('SELECT count(*) FROM group_members WHERE participant_id = ?', jan.id)).toBe(0);

    // Something else happens in between; the undo still fits.
    await t.call('groups:addMember', { groupId: group.id, participantId: ilker.id });
    expect(await t.call('records:undo', { token: deleted.undoToken })).toEqual({ message: 'De deelnemer Jan is teruggezet.' });
    const back = await t.call('participants:list', { groupId: group.id });
    expect(back.map((p) => p.name)).toEqual(['Jan', 'İlker Güneş']);
    expect(back.find((p) => p.name === 'Jan')!.id).toBe(jan.id);
    // Once undone, the token is spent.
    await expect(t.call('records:undo', { token: deleted.undoToken })).rejects.toThrow('kan niet meer ongedaan');
  });

  it('deleting a group removes its memberships and takes them back on undo', async () => {
    const { org, group } = await seed();
    const deleted = await t.call('records:delete', { kind: 'group', id: group.id });
    expect(await t.call('groups:list', { organisationId: org.id })).toEqual([]);
    await t.call('records:undo', { token: deleted.undoToken });
    expect(await t.call('groups:list', { organisationId: org.id })).toMatchObject([{ name: 'Kernteam Sint-Jan', memberCount: 1 }]);
  });

  it('a record with history is not deleted: the message says what depends on it; archive hides it and brings it back', async () => {
    const { org, group, jan } = await seed();
    const session = await t.call('sessions:create', { groupId: group.id, moduleId: 'proefmodule', date: '2026-12-01' });
    await t.call('attendance:set', { sessionId: session.id, participantId: jan.id, status: 'aanwezig' });

    const impact = await t.call('records:impact', { kind: 'participant', id: jan.id });
    expect(impact).toMatchObject({ canDelete: false, canArchive: true, blockers: [{ what: 'aanwezigheidsregistraties', count: 1 }] });
    await expect(t.call('records:delete', { kind: 'participant', id: jan.id })).rejects.toThrow(
      'Jan kan niet worden verwijderd: er hangen nog 1 aanwezigheidsregistraties aan deze deelnemer. Archiveer in plaats daarvan.',
    );
    await expect(t.call('records:delete', { kind: 'group', id: group.id })).rejects.toThrow('1 sessies');
    await expect(t.call('records:delete', { kind: 'organisation', id: org.id })).rejects.toThrow('2 deelnemers, 1 groepen');

    await t.call('records:archive', { kind: 'participant', id: jan.id, archived: true });
    expect((await t.call('participants:list', { organisationId: org.id })).map((p) => p.name)).toEqual(['İlker Güneş']);
    expect(await t.call('records:archived', { kind: 'participant', organisationId: org.id })).toEqual([{ id: jan.id, label: 'Jan' }]);
    // History stays: the attendance row is still there.
    expect(count('SELECT count(*) FROM attendance WHERE participant_id = ?', jan.id)).toBe(1);
    await t.call('records:archive', { kind: 'participant', id: jan.id, archived: false });
    expect(await t.call('participants:list', { organisationId: org.id })).toHaveLength(2);

    await t.call('records:archive', { kind: 'organisation', id: org.id, archived: true });
    expect(await t.call('organisations:list')).toEqual([]);
  });

  it('deletes an interest registration and an action with undo', async () => {
    const reg = await t.call('interest:create', {
      organisationName: 'Scholengroep Anouks', contactName: 'Bo', receivedOn: '2026-09-01', deadline: '2026-10-01', season: '2026-2027',
    });
    const deleted = await t.call('records:delete', { kind: 'interest', id: reg.id });
    expect(await t.call('interest:list')).toEqual([]);
    await t.call('records:undo', { token: deleted.undoToken });
    expect(await t.call('interest:list')).toMatchObject([{ id: reg.id, contactName: 'Bo' }]);
  });
});

describe('sessions: reschedule, cancel, duplicate, past dates', () => {
  it('a past date asks for confirmation; reschedule, cancel keeps history, duplicate copies the agenda', async () => {
    const { group, jan } = await seed();
    // The test core's today is 2026-11-25.
    await expect(
      t.call('sessions:create', { groupId: group.id, moduleId: 'proefmodule', date: '2025-11-24', confirmPast: false }),
    ).rejects.toThrow('De datum 24-11-2025 ligt in het verleden. Bevestig dat je de sessie op die datum wilt vastleggen.');
    const session = await t.call('sessions:create', { groupId: group.id, moduleId: 'proefmodule', date: '2026-12-01', confirmPast: false });
    await t.call('attendance:set', { sessionId: session.id, participantId: jan.id, status: 'aanwezig' });

    const moved = await t.call('sessions:reschedule', { id: session.id, date: '2026-12-08', startTime: '09:00', confirmPast: false });
    expect(moved).toMatchObject({ date: '2026-12-08', startTime: '09:00' });

    const cancelled = await t.call('sessions:cancel', { id: session.id, cancelled: true, reason: 'Studiedag' });
    expect(cancelled.cancelledAt).toBeTruthy();
    expect(cancelled.cancelReason).toBe('Studiedag');
    expect(count('SELECT count(*) FROM attendance WHERE session_id = ?', session.id)).toBe(1);
    await expect(t.call('sessions:reschedule', { id: session.id, date: '2026-12-09' })).rejects.toThrow('geannuleerd');
    expect((await t.call('sessions:cancel', { id: session.id, cancelled: false })).cancelledAt).toBeNull();

    const agenda = t.core.db.prepare('SELECT agenda FROM sessions WHERE id = ?').pluck().get(session.id);
    const copy = await t.call('sessions:duplicate', { id: session.id, date: '2027-01-12', confirmPast: false });
    expect(copy).toMatchObject({ groupId: group.id, moduleId: 'proefmodule', date: '2027-01-12', startTime: '09:00', status: 'gepland' });
    expect(t.core.db.prepare('SELECT agenda FROM sessions WHERE id = ?').pluck().get(copy.id)).toBe(agenda);
    expect(count('SELECT count(*) FROM attendance WHERE session_id = ?', copy.id)).toBe(0);

    // An empty planned copy can be deleted (with undo); the one with attendance cannot.
    expect((await t.call('records:impact', { kind: 'session', id: copy.id })).canDelete).toBe(true);
    await expect(t.call('records:delete', { kind: 'session', id: session.id })).rejects.toThrow('Annuleer de sessie in plaats daarvan.');
  });
});

describe('trajectories, capacity, registrations', () => {
  it('a trajectory without a group gets one, changes season and name; capacity at least 1', async () => {
    const { org, group } = await seed();
    const { trajectory } = await t.call('trajectories:create', { organisationId: org.id, name: 'Traject Sint-Jan', season: '2026-2027' });
    expect(trajectory.groupId).toBeNull();
    const edited = await t.call('trajectories:update', { id: trajectory.id, groupId: group.id, season: '2027-2028', name: 'Traject Anouks' });
    expect(edited).toMatchObject({ groupId: group.id, season: '2027-2028', name: 'Traject Anouks' });
    await expect(t.call('capacity:set', { season: '2026-2027', capacity: 0 })).rejects.toThrow('De capaciteit is minstens 1 plaats');
    await t.call('capacity:set', { season: '2026-2027', capacity: 1 });
    const other = await t.call('trajectories:create', { organisationId: org.id, name: 'Tweede', season: '2026-2027' });
    expect(other.trajectory.status).toBe('gepland');
    await expect(t.call('trajectories:update', { id: trajectory.id, season: '2026-2027' })).rejects.toThrow('Seizoen 2026-2027 is vol');
  });

  it('a late registration is accepted with a visible note; a free-typed one is linked to a new organisation', async () => {
    const late = { organisationName: 'Scholengroep Małgorzata', contactName: 'Bo', receivedOn: '2026-10-05', deadline: '2026-10-01', season: '2026-2027' };
    await expect(t.call('interest:create', late)).rejects.toThrow('Kies "Toch aannemen"');
    const reg = await t.call('interest:create', { ...late, acceptLate: true, lateNote: 'Mail kwam in de spam' });
    expect(reg.lateNote).toBe('Na de deadline (1-10-2026) ontvangen en toch aangenomen: Mail kwam in de spam');
    const linked = await t.call('interest:link', { id: reg.id, newOrganisation: { name: 'Scholengroep Małgorzata', kind: 'scholengroep' } });
    const orgs = await t.call('organisations:list');
    expect(linked.organisationId).toBe(orgs[0]!.id);
    const edited = await t.call('interest:update', { id: reg.id, contactName: 'Jan' });
    expect(edited).toMatchObject({ contactName: 'Jan', organisationId: orgs[0]!.id });
  });
});

describe('CSV import', () => {
  const CSV = 'naam;school;rol;email\nJan;Basisschool Sint-Jan;IB;\nBo;Nieuwe School;leerkracht;\nAnouk;Basisschool Sint-Jan;toverheks;\n';

  it('imports only the good rows on request, creates an unknown school, and removes the import again with undo', async () => {
    const { org } = await seed();
    // All or nothing by default: Jan exists already (skipped), the unknown school and role are errors.
    await expect(t.call('participants:importCommit', { organisationId: org.id, csv: CSV })).rejects.toThrow(
      'Kies "Alleen de goede rijen importeren"',
    );
    const result = await t.call('participants:importCommit', {
      organisationId: org.id, csv: CSV, onlyGoodRows: true, createSchools: true, newSchoolSector: 'vo', existing: 'bijwerken',
    });
    expect(result).toMatchObject({ imported: 1, updated: 1, failed: 1, schoolsCreated: 1 });
    expect(await t.call('schools:list', { organisationId: org.id })).toContainEqual(expect.objectContaining({ name: 'Nieuwe School', sector: 'vo' }));
    const jan = (await t.call('participants:list', { organisationId: org.id, search: 'Jan' }))[0]!;
    expect(jan.role).toBe('intern begeleider');

    // Re-import: existing people are skipped, the file is not refused.
    const again = await t.call('participants:importCommit', { organisationId: org.id, csv: 'naam;school;rol\nBo;Nieuwe School;leerkracht\n', existing: 'overslaan' });
    expect(again).toMatchObject({ imported: 0, skipped: 1 });

    const [latest, first] = await t.call('imports:list', { organisationId: org.id });
    expect(first).toMatchObject({ id: result.importId, participants: 1 });
    expect(latest!.participants).toBe(0);
    const removed = await t.call('imports:remove', { importId: result.importId! });
    expect(removed).toMatchObject({ removed: 1, kept: 0 });
    expect((await t.call('participants:list', { organisationId: org.id })).map((p) => p.name)).toEqual(['Jan', 'İlker Güneş']);
    await t.call('records:undo', { token: removed.undoToken });
    expect((await t.call('participants:list', { organisationId: org.id })).map((p) => p.name)).toEqual(['Bo', 'Jan', 'İlker Güneş']);
  });
});
