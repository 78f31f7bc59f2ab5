// The life cycle of records (issue 11): what a delete would remove, what
// depends on a record (then it is archived, not deleted), the delete itself
// and its undo.
//
// A delete is real (the rows leave the file, so nothing personal lingers),
// but first the rows it removes – the record, the rows that cascade with it
// and the links that SQLite would set to NULL – are captured in a snapshot
// that main keeps in memory for the rest of the app session. "Ongedaan maken"
// puts exactly those rows back. The cascade is read from the schema's own
// foreign keys (PRAGMA foreign_key_list), so a new table is covered without
// a change here.

import type { RecordImpact, RecordKind, ImpactLine } from '../../../shared/records';
import { AppError } from '../../../shared/errors';
import type { Db } from '../open';

type Row = Record<string, unknown>;

interface ForeignKey {
  child: string;
  from: string;
  to: string;
  onDelete: string;
}

/** A captured delete: rows to insert back (parents first) and links to set again. */
export interface Snapshot {
  rows: { table: string; row: Row }[];
  links: { table: string; rowid: number; column: string; value: unknown }[];
}

const childKeysCache = new WeakMap<Db, Map<string, ForeignKey[]>>();

/** For each table, the foreign keys in other tables that point at it. */
function childKeys(db: Db): Map<string, ForeignKey[]> {
  const cached = childKeysCache.get(db);
  if (cached) return cached;
  const map = new Map<string, ForeignKey[]>();
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[];
  for (const { name } of tables) {
    const keys = db.prepare(`PRAGMA foreign_key_list("${name}")`).all() as {
      table: string;
      from: string;
      to: string | null;
      on_delete: string;
    }[];
    for (const k of keys) {
      const list = map.get(k.table) ?? [];
      list.push({ child: name, from: k.from, to: k.to ?? 'id', onDelete: k.on_delete.toUpperCase() });
      map.set(k.table, list);
    }
  }
  childKeysCache.set(db, map);
  return map;
}

function hasRowid(db: Db, table: string): boolean {
  try {
    db.prepare(`SELECT rowid FROM "${table}" LIMIT 0`).all();
    return true;
  } catch {
    return false;
  }
}

/** Captures `rows` of `table` and, recursively, everything a DELETE of them would take along or unlink. */
function capture(db: Db, table: string, rows: Row[], snapshot: Snapshot): void {
  for (const row of rows) snapshot.rows.push({ table, row });
  for (const key of childKeys(db).get(table) ?? []) {
    const values = [...new Set(rows.map((r) => r[key.to]))].filter((v) => v !== null && v !== undefined);
    if (values.length === 0) continue;
    // Chunked: SQLite limits the number of bound parameters.
    for (let i = 0; i < values.length; i += 500) {
      const chunk = values.slice(i, i + 500);
      const marks = chunk.map(() => '?').join(',');
      if (key.onDelete === 'CASCADE') {
        const children = db.prepare(`SELECT * FROM "${key.child}" WHERE "${key.from}" IN (${marks})`).all(...chunk) as Row[];
        // A self-reference would loop; the schema has none, but stay safe.
        if (children.length > 0 && key.child !== table) capture(db, key.child, children, snapshot);
      } else if (key.onDelete === 'SET NULL' && hasRowid(db, key.child)) {
        const linked = db
          .prepare(`SELECT rowid AS rid, "${key.from}" AS value FROM "${key.child}" WHERE "${key.from}" IN (${marks})`)
          .all(...chunk) as { rid: number; value: unknown }[];
        for (const l of linked) snapshot.links.push({ table: key.child, rowid: l.rid, column: key.from, value: l.value });
      }
    }
  }
}

/** Puts a captured delete back. Fails whole (one transaction by the caller) if a row cannot return. */
export function restoreSnapshot(db: Db, snapshot: Snapshot): void {
  for (const { table, row } of snapshot.rows) {
    const cols = Object.keys(row);
    try {
      db.prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(',')}) VALUES (${cols.map(() => '?').join(',')})`).run(
        ...cols.map((c) => row[c]),
      );
    } catch (e) {
      const message = (e as Error).message;
      if (/UNIQUE|PRIMARY KEY|FOREIGN KEY/i.test(message)) {
        throw new AppError('conflict', 'Ongedaan maken lukt niet meer: er is intussen iets anders op die plek gekomen of verdwenen.');
      }
      throw e;
    }
  }
  for (const link of snapshot.links) {
    db.prepare(`UPDATE "${link.table}" SET "${link.column}" = ? WHERE rowid = ? AND "${link.column}" IS NULL`).run(link.value, link.rowid);
  }
}

// --- per record kind ------------------------------------------------------------

interface KindSpec {
  table: string;
  /** The Dutch word for one record of this kind, with article ("de organisatie"). */
  noun: string;
  label: (db: Db, id: number) => string | undefined;
  /** Records with history that stop a delete (then: archive or cancel). */
  blockers: [string, string][];
  /** Parts that go with the record; counted so the user sees what the delete removes. */
  removes: [string, string][];
  archivable: boolean;
}

const nameOf = (table: string, column = 'name') => (db: Db, id: number) =>
  (db.prepare(`SELECT ${column} AS label FROM ${table} WHERE id = ?`).get(id) as { label: string } | undefined)?.label;

// Each count is one query with the record's id as its only parameter.
const KINDS: Record<RecordKind, KindSpec> = {
  organisation: {
    table: 'organisations',
    noun: 'de organisatie',
    label: nameOf('organisations'),
    blockers: [
      ['deelnemers', 'SELECT count(*) FROM participants WHERE organisation_id = ? AND erased_at IS NULL'],
      ['groepen', 'SELECT count(*) FROM groups WHERE organisation_id = ?'],
      ['trajecten', 'SELECT count(*) FROM trajectories WHERE organisation_id = ?'],
    ],
    removes: [['scholen', 'SELECT count(*) FROM schools WHERE organisation_id = ?']],
    archivable: true,
  },
  school: {
    table: 'schools',
    noun: 'de school',
    label: nameOf('schools'),
    blockers: [
      ['deelnemers', 'SELECT count(*) FROM participants WHERE school_id = ? AND erased_at IS NULL'],
      ['groepen', 'SELECT count(*) FROM groups WHERE school_id = ?'],
      ['stappen in het stappenplan', 'SELECT count(*) FROM step_progress WHERE school_id = ?'],
      ['acties', 'SELECT count(*) FROM actions WHERE school_id = ?'],
    ],
    removes: [],
    archivable: false,
  },
  group: {
    table: 'groups',
    noun: 'de groep',
    label: nameOf('groups'),
    blockers: [
      ['sessies', 'SELECT count(*) FROM sessions WHERE group_id = ?'],
      ['trajecten', 'SELECT count(*) FROM trajectories WHERE group_id = ?'],
      ['acties', 'SELECT count(*) FROM actions WHERE group_id = ?'],
    ],
    removes: [['lidmaatschappen', 'SELECT count(*) FROM group_members WHERE group_id = ?']],
    archivable: true,
  },
  participant: {
    table: 'participants',
    noun: 'de deelnemer',
    label: nameOf('participants'),
    blockers: [
      ['aanwezigheidsregistraties', 'SELECT count(*) FROM attendance WHERE participant_id = ?'],
      ['bijdragen in werkvormen', 'SELECT count(*) FROM entries WHERE participant_id = ?'],
      ['acties', 'SELECT count(*) FROM actions WHERE participant_id = ?'],
    ],
    removes: [['lidmaatschappen van groepen', 'SELECT count(*) FROM group_members WHERE participant_id = ?']],
    archivable: true,
  },
  session: {
    table: 'sessions',
    noun: 'de sessie',
    label: (db, id) =>
      (db.prepare("SELECT module_title || ' op ' || date AS label FROM sessions WHERE id = ?").get(id) as { label: string } | undefined)?.label,
    blockers: [
      ['aanwezigheidsregistraties', 'SELECT count(*) FROM attendance WHERE session_id = ?'],
      ['werkvormen met invoer', 'SELECT count(*) FROM work_format_runs r WHERE r.session_id = ? AND EXISTS (SELECT 1 FROM entries e WHERE e.run_id = r.id)'],
      ['acties', 'SELECT count(*) FROM actions WHERE session_id = ?'],
      ['presentatiemomenten', 'SELECT count(*) FROM presenting_events WHERE session_id = ?'],
    ],
    removes: [['werkvormen zonder invoer', 'SELECT count(*) FROM work_format_runs r WHERE r.session_id = ? AND NOT EXISTS (SELECT 1 FROM entries e WHERE e.run_id = r.id)']],
    archivable: false,
  },
  trajectory: {
    table: 'trajectories',
    noun: 'het traject',
    label: nameOf('trajectories'),
    blockers: [
      ['sessies', 'SELECT count(*) FROM sessions WHERE trajectory_id = ?'],
      ['stappen in het stappenplan', 'SELECT count(*) FROM step_progress WHERE trajectory_id = ?'],
      ['acties', 'SELECT count(*) FROM actions WHERE trajectory_id = ?'],
    ],
    removes: [],
    archivable: true,
  },
  interest: {
    table: 'interest_registrations',
    noun: 'de aanmelding',
    label: (db, id) =>
      (db.prepare("SELECT organisation_name || ' (' || contact_name || ')' AS label FROM interest_registrations WHERE id = ?").get(id) as
        | { label: string }
        | undefined)?.label,
    blockers: [],
    removes: [],
    archivable: false,
  },
  action: {
    table: 'actions',
    noun: 'de actie',
    label: nameOf('actions', 'what'),
    blockers: [],
    removes: [],
    archivable: false,
  },
};

function count(db: Db, sql: string, id: number): number {
  return (db.prepare(sql).pluck().get(id) as number) ?? 0;
}

function labelOrFail(db: Db, kind: RecordKind, id: number): string {
  const label = KINDS[kind].label(db, id);
  if (label === undefined) throw new AppError('niet_gevonden', `Dit record bestaat niet (meer): ${KINDS[kind].noun}.`);
  return label;
}

/** What deleting this record would remove, and what stops it. */
export function recordImpact(db: Db, kind: RecordKind, id: number): RecordImpact {
  const spec = KINDS[kind];
  const label = labelOrFail(db, kind, id);
  const lines = (list: [string, string][]): ImpactLine[] =>
    list.map(([what, sql]) => ({ what, count: count(db, sql, id) })).filter((l) => l.count > 0);
  const blockers = lines(spec.blockers);
  const archivedAt = spec.archivable
    ? (db.prepare(`SELECT archived_at FROM ${spec.table} WHERE id = ?`).pluck().get(id) as string | null)
    : null;
  return {
    kind,
    id,
    label,
    noun: spec.noun,
    removes: lines(spec.removes),
    blockers,
    canDelete: blockers.length === 0,
    canArchive: spec.archivable,
    archived: archivedAt !== null,
  };
}

export function describeBlockers(impact: RecordImpact): string {
  return impact.blockers.map((b) => `${b.count} ${b.what}`).join(', ');
}

/** Deletes a record whose impact allows it; returns the snapshot that undoes it. */
export function deleteRecord(db: Db, kind: RecordKind, id: number): { snapshot: Snapshot; impact: RecordImpact } {
  const impact = recordImpact(db, kind, id);
  if (!impact.canDelete) {
    const what = impact.noun.replace(/^(de|het) /, '');
    throw new AppError(
      'conflict',
      `${impact.label} kan niet worden verwijderd: er hangen nog ${describeBlockers(impact)} aan deze ${what}.` +
        (impact.canArchive ? ' Archiveer in plaats daarvan.' : kind === 'session' ? ' Annuleer de sessie in plaats daarvan.' : ''),
    );
  }
  const table = KINDS[kind].table;
  const snapshot: Snapshot = { rows: [], links: [] };
  capture(db, table, db.prepare(`SELECT * FROM "${table}" WHERE id = ?`).all(id) as Row[], snapshot);
  db.prepare(`DELETE FROM "${table}" WHERE id = ?`).run(id);
  return { snapshot, impact };
}

/** Archives (hides from lists, keeps all history) or brings back. */
export function setArchived(db: Db, kind: RecordKind, id: number, archived: boolean, at: string): RecordImpact {
  const spec = KINDS[kind];
  labelOrFail(db, kind, id);
  if (!spec.archivable) throw new AppError('ongeldige_invoer', `Archiveren kan niet voor ${spec.noun}.`);
  db.prepare(`UPDATE ${spec.table} SET archived_at = ? WHERE id = ?`).run(archived ? at : null, id);
  return recordImpact(db, kind, id);
}

/** Archived records of a kind, for the "Archief" lists: id and label, one query. */
export function listArchived(db: Db, kind: RecordKind, organisationId?: number): { id: number; label: string }[] {
  const spec = KINDS[kind];
  if (!spec.archivable) return [];
  const label = kind === 'organisation' || kind === 'group' || kind === 'participant' || kind === 'trajectory' ? 'name' : 'id';
  const byOrg = organisationId !== undefined && kind !== 'organisation';
  return db
    .prepare(
      `SELECT id, ${label} AS label FROM ${spec.table} WHERE archived_at IS NOT NULL${byOrg ? ' AND organisation_id = ?' : ''}
       ${kind === 'participant' ? 'AND erased_at IS NULL' : ''} ORDER BY ${label} COLLATE NOCASE`,
    )
    .all(...(byOrg ? [organisationId] : [])) as { id: number; label: string }[];
}
