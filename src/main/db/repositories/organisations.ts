import type { Organisation, OrganisationKind, School } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { Db } from '../open';

interface OrganisationRow {
  id: number;
  name: string;
  kind: OrganisationKind;
  created_at: string;
}

const toOrganisation = (r: OrganisationRow): Organisation => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  createdAt: r.created_at,
});

/** Archived organisations are left out unless asked for (they keep all their history). */
export function listOrganisations(db: Db, options: { includeArchived?: boolean } = {}): Organisation[] {
  const rows = db
    .prepare(
      `SELECT id, name, kind, created_at FROM organisations${options.includeArchived ? '' : ' WHERE archived_at IS NULL'} ORDER BY name COLLATE NOCASE`,
    )
    .all() as OrganisationRow[];
  return rows.map(toOrganisation);
}

export function getOrganisation(db: Db, id: number): Organisation {
  const row = db.prepare('SELECT id, name, kind, created_at FROM organisations WHERE id = ?').get(id) as
    | OrganisationRow
    | undefined;
  if (!row) throw new AppError('niet_gevonden', 'Deze organisatie bestaat niet (meer).');
  return toOrganisation(row);
}

export function createOrganisation(db: Db, input: { name: string; kind: OrganisationKind }): Organisation {
  const exists = db.prepare('SELECT 1 FROM organisations WHERE name = ? COLLATE NOCASE').get(input.name);
  if (exists) throw new AppError('conflict', `Er is al een organisatie met de naam "${input.name}".`);
  const { lastInsertRowid } = db
    .prepare('INSERT INTO organisations (name, kind) VALUES (?, ?)')
    .run(input.name, input.kind);
  return getOrganisation(db, Number(lastInsertRowid));
}

export function countOrganisations(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM organisations').get() as { n: number }).n;
}

interface SchoolRow {
  id: number;
  organisation_id: number;
  name: string;
  sector: School['sector'];
}

const toSchool = (r: SchoolRow): School => ({
  id: r.id,
  organisationId: r.organisation_id,
  name: r.name,
  sector: r.sector,
});

export function listSchools(db: Db, organisationId: number): School[] {
  const rows = db
    .prepare(
      'SELECT id, organisation_id, name, sector FROM schools WHERE organisation_id = ? ORDER BY name COLLATE NOCASE',
    )
    .all(organisationId) as SchoolRow[];
  return rows.map(toSchool);
}

export function createSchool(
  db: Db,
  input: { organisationId: number; name: string; sector: School['sector'] },
): School {
  getOrganisation(db, input.organisationId);
  const exists = db
    .prepare('SELECT 1 FROM schools WHERE organisation_id = ? AND name = ? COLLATE NOCASE')
    .get(input.organisationId, input.name);
  if (exists) throw new AppError('conflict', `Deze organisatie heeft al een school "${input.name}".`);
  const { lastInsertRowid } = db
    .prepare('INSERT INTO schools (organisation_id, name, sector) VALUES (?, ?, ?)')
    .run(input.organisationId, input.name, input.sector);
  return toSchool(
    db.prepare('SELECT id, organisation_id, name, sector FROM schools WHERE id = ?').get(lastInsertRowid) as SchoolRow,
  );
}

export function getSchool(db: Db, id: number): School {
  const row = db.prepare('SELECT id, organisation_id, name, sector FROM schools WHERE id = ?').get(id) as
    | SchoolRow
    | undefined;
  if (!row) throw new AppError('niet_gevonden', 'Deze school bestaat niet (meer).');
  return toSchool(row);
}

export function updateOrganisation(db: Db, id: number, input: { name?: string; kind?: OrganisationKind }): Organisation {
  const current = getOrganisation(db, id);
  const name = input.name ?? current.name;
  const clash = db.prepare('SELECT 1 FROM organisations WHERE name = ? COLLATE NOCASE AND id <> ?').get(name, id);
  if (clash) throw new AppError('conflict', `Er is al een organisatie met de naam "${name}".`);
  db.prepare('UPDATE organisations SET name = ?, kind = ? WHERE id = ?').run(name, input.kind ?? current.kind, id);
  return getOrganisation(db, id);
}

export function updateSchool(db: Db, id: number, input: { name?: string; sector?: School['sector'] }): School {
  const current = getSchool(db, id);
  const name = input.name ?? current.name;
  const clash = db
    .prepare('SELECT 1 FROM schools WHERE organisation_id = ? AND name = ? COLLATE NOCASE AND id <> ?')
    .get(current.organisationId, name, id);
  if (clash) throw new AppError('conflict', `Deze organisatie heeft al een school "${name}".`);
  db.prepare('UPDATE schools SET name = ?, sector = ? WHERE id = ?').run(name, input.sector ?? current.sector, id);
  return getSchool(db, id);
}
