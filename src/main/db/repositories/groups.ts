import type { Group, GroupKind } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { Db } from '../open';
import { getOrganisation } from './organisations';
import { getParticipant } from './participants';
import { assertNotErased } from './privacy';

interface GroupRow {
  id: number;
  organisation_id: number;
  organisation_name: string;
  name: string;
  kind: GroupKind;
  member_count: number;
}

const SELECT = `
  SELECT g.id, g.organisation_id, o.name AS organisation_name, g.name, g.kind,
         (SELECT count(*) FROM group_members gm WHERE gm.group_id = g.id) AS member_count
  FROM groups g JOIN organisations o ON o.id = g.organisation_id`;

const toGroup = (r: GroupRow): Group => ({
  id: r.id,
  organisationId: r.organisation_id,
  organisationName: r.organisation_name,
  name: r.name,
  kind: r.kind,
  memberCount: r.member_count,
});

/** Archived groups are left out unless asked for. */
export function listGroups(db: Db, filter: { organisationId?: number; includeArchived?: boolean } = {}): Group[] {
  const live = filter.includeArchived ? '' : ' AND g.archived_at IS NULL';
  const rows =
    filter.organisationId !== undefined
      ? db.prepare(`${SELECT} WHERE g.organisation_id = ?${live} ORDER BY g.name COLLATE NOCASE`).all(filter.organisationId)
      : db.prepare(`${SELECT} WHERE 1${live} ORDER BY o.name COLLATE NOCASE, g.name COLLATE NOCASE`).all();
  return (rows as GroupRow[]).map(toGroup);
}

export function getGroup(db: Db, id: number): Group {
  const row = db.prepare(`${SELECT} WHERE g.id = ?`).get(id) as GroupRow | undefined;
  if (!row) throw new AppError('niet_gevonden', 'Deze groep bestaat niet (meer).');
  return toGroup(row);
}

export function createGroup(db: Db, input: { organisationId: number; name: string; kind: GroupKind }): Group {
  getOrganisation(db, input.organisationId);
  const exists = db
    .prepare('SELECT 1 FROM groups WHERE organisation_id = ? AND name = ? COLLATE NOCASE')
    .get(input.organisationId, input.name);
  if (exists) throw new AppError('conflict', `Deze organisatie heeft al een groep "${input.name}".`);
  const { lastInsertRowid } = db
    .prepare('INSERT INTO groups (organisation_id, name, kind) VALUES (?, ?, ?)')
    .run(input.organisationId, input.name, input.kind);
  return getGroup(db, Number(lastInsertRowid));
}

export function addGroupMember(db: Db, groupId: number, participantId: number): void {
  const group = getGroup(db, groupId);
  const participant = getParticipant(db, participantId);
  assertNotErased(db, participantId);
  if (participant.organisationId !== group.organisationId) {
    throw new AppError('ongeldige_invoer', `${participant.name} hoort niet bij ${group.organisationName}.`);
  }
  db.prepare('INSERT OR IGNORE INTO group_members (group_id, participant_id) VALUES (?, ?)').run(groupId, participantId);
}

export function removeGroupMember(db: Db, groupId: number, participantId: number): void {
  getGroup(db, groupId);
  db.prepare('DELETE FROM group_members WHERE group_id = ? AND participant_id = ?').run(groupId, participantId);
}

/** The ids of a group's members in one query: the Groepen table ticks its rows from this set. */
export function listMemberIds(db: Db, groupId: number): number[] {
  getGroup(db, groupId);
  return (
    db
      .prepare(
        `SELECT gm.participant_id AS id FROM group_members gm JOIN participants p ON p.id = gm.participant_id
         WHERE gm.group_id = ? AND p.erased_at IS NULL`,
      )
      .all(groupId) as { id: number }[]
  ).map((r) => r.id);
}

/** Adds several participants at once (bulk action); returns how many were new members. */
export function addGroupMembers(db: Db, groupId: number, participantIds: number[]): number {
  const group = getGroup(db, groupId);
  const check = db.prepare('SELECT organisation_id FROM participants WHERE id = ? AND erased_at IS NULL');
  const insert = db.prepare('INSERT OR IGNORE INTO group_members (group_id, participant_id) VALUES (?, ?)');
  let added = 0;
  for (const participantId of participantIds) {
    const row = check.get(participantId) as { organisation_id: number } | undefined;
    if (!row) throw new AppError('niet_gevonden', 'Een van de gekozen deelnemers bestaat niet (meer).');
    if (row.organisation_id !== group.organisationId) {
      throw new AppError('ongeldige_invoer', `Een van de gekozen deelnemers hoort niet bij ${group.organisationName}.`);
    }
    added += insert.run(groupId, participantId).changes;
  }
  return added;
}

export function updateGroup(db: Db, id: number, input: { name?: string; kind?: GroupKind }): Group {
  const current = getGroup(db, id);
  const name = input.name ?? current.name;
  const clash = db
    .prepare('SELECT 1 FROM groups WHERE organisation_id = ? AND name = ? COLLATE NOCASE AND id <> ?')
    .get(current.organisationId, name, id);
  if (clash) throw new AppError('conflict', `Deze organisatie heeft al een groep "${name}".`);
  db.prepare('UPDATE groups SET name = ?, kind = ? WHERE id = ?').run(name, input.kind ?? current.kind, id);
  return getGroup(db, id);
}
