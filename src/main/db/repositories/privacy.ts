// AVG: erase a participant, export everything about one person, and remove
// data older than a retention period. The caller runs each write in one
// transaction and then checkpoints the WAL (services/privacy.ts), so erased
// text is gone from both the database file and the -wal file; freed pages
// are zeroed because db/open.ts sets secure_delete.

import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { RetentionPreview, RetentionResult } from '../../../shared/trajectories';
import type { Db } from '../open';

export const ERASED_NAME = 'Verwijderde deelnemer';

/** Tables whose text is not personal data and too large to scan. */
const SKIP_SCRUB = new Set(['participants', 'module_snapshots', 'presenting_events']);

interface PersonRow {
  id: number;
  organisation_id: number;
  organisation_name: string;
  school_id: number | null;
  school_name: string | null;
  name: string;
  role: string;
  email: string | null;
  created_at: string;
  erased_at: string | null;
}

function getPerson(db: Db, id: number): PersonRow {
  const row = db
    .prepare(
      `SELECT p.id, p.organisation_id, o.name AS organisation_name, p.school_id, sc.name AS school_name, p.name,
              p.role, p.email, p.created_at, p.erased_at
       FROM participants p JOIN organisations o ON o.id = p.organisation_id LEFT JOIN schools sc ON sc.id = p.school_id
       WHERE p.id = ?`,
    )
    .get(id) as PersonRow | undefined;
  if (!row) throw new AppError('niet_gevonden', 'Deze deelnemer bestaat niet (meer).');
  return row;
}

/** Replaces `text` in every free-text column of every table (except the skipped ones). */
function scrubText(db: Db, text: string, replacement: string | null): void {
  if (text.trim().length < 3) return; // too short to replace safely inside other text
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[];
  for (const { name: table } of tables) {
    if (SKIP_SCRUB.has(table)) continue;
    const columns = db.prepare(`SELECT name, type, pk FROM pragma_table_info(?)`).all(table) as {
      name: string;
      type: string;
      pk: number;
    }[];
    for (const column of columns) {
      if (column.pk > 0 || !/TEXT|CHAR|CLOB|^$/i.test(column.type)) continue;
      const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
      // Whole-value match: set to the replacement (NULL for email columns may violate NOT NULL: use text then).
      db.prepare(
        `UPDATE ${q(table)} SET ${q(column.name)} = replace(${q(column.name)}, ?, ?) WHERE instr(${q(column.name)}, ?) > 0`,
      ).run(text, replacement ?? '', text);
    }
  }
}

/**
 * Erases a participant: name and email are gone from every table; the row
 * stays (anonymous) so attendance counts stay right. Idempotent.
 */
export function eraseParticipant(db: Db, id: number, erasedAt: string): void {
  const person = getPerson(db, id);
  if (person.erased_at !== null) return;
  if (person.email) {
    // Columns holding just this address lose it; elsewhere it is replaced in the text.
    db.prepare('UPDATE interest_registrations SET contact_email = NULL WHERE contact_email = ? COLLATE NOCASE').run(
      person.email,
    );
    scrubText(db, person.email, '[e-mailadres verwijderd]');
  }
  scrubText(db, person.name, ERASED_NAME);
  db.prepare('UPDATE participants SET name = ?, email = NULL, erased_at = ? WHERE id = ?').run(ERASED_NAME, erasedAt, id);
  db.prepare('DELETE FROM group_members WHERE participant_id = ?').run(id);
  db.prepare('UPDATE actions SET participant_id = NULL WHERE participant_id = ?').run(id);
}

/** Everything stored about one person, for an AVG inzageverzoek. */
export function exportPerson(db: Db, id: number, exportedAt: string): Record<string, unknown> {
  const p = getPerson(db, id);
  if (p.erased_at !== null) {
    throw new AppError('conflict', 'Deze deelnemer is verwijderd; er zijn geen persoonsgegevens meer om te exporteren.');
  }
  const groups = db
    .prepare(
      `SELECT g.name, g.kind FROM group_members gm JOIN groups g ON g.id = gm.group_id
       WHERE gm.participant_id = ? ORDER BY g.name COLLATE NOCASE`,
    )
    .all(id);
  const attendance = db
    .prepare(
      `SELECT s.date AS datum, s.module_title AS bijeenkomst, g.name AS groep, a.status, a.walk_in AS inloop
       FROM attendance a JOIN sessions s ON s.id = a.session_id JOIN groups g ON g.id = s.group_id
       WHERE a.participant_id = ? ORDER BY s.date, s.id`,
    )
    .all(id)
    .map((r) => ({ ...(r as Record<string, unknown>), inloop: (r as { inloop: number }).inloop === 1 }));
  const actions = db
    .prepare(
      `SELECT what AS wat, who AS wie, due AS wanneer, status, created_at AS aangemaakt
       FROM actions WHERE participant_id = ? ORDER BY id`,
    )
    .all(id);
  const interest = db
    .prepare(
      `SELECT organisation_name AS organisatie, contact_name AS contactpersoon, contact_email AS email,
              received_on AS ontvangen, season AS seizoen, status
       FROM interest_registrations
       WHERE id IN (SELECT id FROM interest_registrations WHERE contact_name = ? COLLATE NOCASE
                    UNION SELECT id FROM interest_registrations WHERE contact_email = ? COLLATE NOCASE)
       ORDER BY id`,
    )
    .all(p.name, p.email);
  return {
    export: 'Sessiewijzer: alle gegevens over één persoon (AVG)',
    geexporteerdOp: exportedAt,
    deelnemer: {
      id: p.id,
      naam: p.name,
      rol: p.role,
      email: p.email,
      organisatie: p.organisation_name,
      school: p.school_name,
      aangemaakt: p.created_at,
    },
    groepen: groups,
    aanwezigheid: attendance,
    acties: actions,
    aanmeldingen: interest,
  };
}

// --- retention -----------------------------------------------------------

/** today minus N years, as YYYY-MM-DD (29 February compares fine as text). */
export function retentionCutoff(years: number, today: string): string {
  const year = Number(today.slice(0, 4)) - years;
  return `${String(year).padStart(4, '0')}${today.slice(4, 10)}`;
}

// Each query selects the ids that go, given the cutoff as :cutoff.
const OLD_SESSIONS = `SELECT id FROM sessions WHERE date < :cutoff`;
const OLD_TRAJECTORIES = `
  SELECT t.id FROM trajectories t
  WHERE substr(t.season, 6, 4) || '-07-31' < :cutoff
    AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.trajectory_id = t.id AND s.date >= :cutoff)`;
const OLD_INTEREST = `SELECT id FROM interest_registrations WHERE received_on < :cutoff`;
const OLD_ACTIONS = `
  SELECT id FROM actions
  WHERE session_id IN (${OLD_SESSIONS})
     OR trajectory_id IN (${OLD_TRAJECTORIES})
     OR (session_id IS NULL AND trajectory_id IS NULL AND created_at < :cutoff)`;
// A group is active when it met on or after the cutoff, has a trajectory that
// stays, or has no sessions or trajectories at all (cannot be dated).
const ACTIVE_GROUPS = `
  SELECT g.id FROM groups g
  WHERE EXISTS (SELECT 1 FROM sessions s WHERE s.group_id = g.id AND s.date >= :cutoff)
     OR EXISTS (SELECT 1 FROM trajectories t WHERE t.group_id = g.id AND t.id NOT IN (${OLD_TRAJECTORIES}))
     OR (NOT EXISTS (SELECT 1 FROM sessions s WHERE s.group_id = g.id)
         AND NOT EXISTS (SELECT 1 FROM trajectories t WHERE t.group_id = g.id))`;
const OLD_PARTICIPANTS = `
  SELECT p.id FROM participants p
  WHERE p.created_at < :cutoff
    AND NOT EXISTS (SELECT 1 FROM attendance a JOIN sessions s ON s.id = a.session_id
                    WHERE a.participant_id = p.id AND s.date >= :cutoff)
    AND NOT EXISTS (SELECT 1 FROM group_members gm WHERE gm.participant_id = p.id AND gm.group_id IN (${ACTIVE_GROUPS}))`;

function idStats(db: Db, sql: string, cutoff: string): { n: number; sum: number } {
  return db.prepare(`SELECT count(*) AS n, coalesce(sum(id), 0) AS sum FROM (${sql})`).get({ cutoff }) as {
    n: number;
    sum: number;
  };
}

export function previewRetention(db: Db, years: number, today: string): RetentionPreview {
  if (!Number.isInteger(years) || years < 1) {
    throw new AppError('ongeldige_invoer', 'De bewaartermijn is minstens 1 jaar.');
  }
  const cutoff = retentionCutoff(years, today);
  const sessions = idStats(db, OLD_SESSIONS, cutoff);
  const trajectories = idStats(db, OLD_TRAJECTORIES, cutoff);
  const interest = idStats(db, OLD_INTEREST, cutoff);
  const actions = idStats(db, OLD_ACTIONS, cutoff);
  const participants = idStats(db, OLD_PARTICIPANTS, cutoff);
  const attendance = db
    .prepare(
      `SELECT count(*) AS n FROM attendance
       WHERE session_id IN (${OLD_SESSIONS}) OR participant_id IN (${OLD_PARTICIPANTS})`,
    )
    .get({ cutoff }) as { n: number };
  const counts = {
    sessions: sessions.n,
    attendance: attendance.n,
    trajectories: trajectories.n,
    interestRegistrations: interest.n,
    actions: actions.n,
    participants: participants.n,
  };
  const token = createHash('sha256')
    .update(JSON.stringify([years, cutoff, counts, sessions.sum, trajectories.sum, interest.sum, actions.sum, participants.sum]))
    .digest('hex')
    .slice(0, 32);
  const day = `${Number(cutoff.slice(8, 10))}-${Number(cutoff.slice(5, 7))}-${cutoff.slice(0, 4)}`;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const summary =
    total === 0
      ? `Er zijn geen gegevens van vóór ${day}; er wordt niets verwijderd.`
      : `Alles van vóór ${day} wordt definitief verwijderd: ${counts.sessions} sessies met ${counts.attendance} ` +
        `aanwezigheidsregels, ${counts.trajectories} trajecten, ${counts.interestRegistrations} aanmeldingen, ` +
        `${counts.actions} acties en ${counts.participants} deelnemers die sindsdien niet meer actief waren.`;
  return { years, cutoff, counts, summary, token };
}

/** Deletes what previewRetention listed; refuses when the data changed since (token differs). */
export function applyRetention(db: Db, years: number, today: string, token: string): RetentionResult {
  const preview = previewRetention(db, years, today);
  if (preview.token !== token) {
    throw new AppError(
      'conflict',
      'De gegevens zijn veranderd sinds de controle. Bekijk opnieuw wat er wordt verwijderd en bevestig dan.',
    );
  }
  const cutoff = preview.cutoff;
  // Ids first: deleting one kind changes which rows of another kind qualify.
  const ids = (sql: string) => (db.prepare(sql).all({ cutoff }) as { id: number }[]).map((r) => r.id);
  const sessionIds = ids(OLD_SESSIONS);
  const trajectoryIds = ids(OLD_TRAJECTORIES);
  const interestIds = ids(OLD_INTEREST);
  const actionIds = ids(OLD_ACTIONS);
  const participantIds = ids(OLD_PARTICIPANTS);
  const del = (table: string, list: number[]) => {
    const stmt = db.prepare(`DELETE FROM ${table} WHERE id = ?`);
    for (const id of list) stmt.run(id);
  };
  del('actions', actionIds);
  del('interest_registrations', interestIds);
  del('sessions', sessionIds); // attendance and presenting events cascade
  del('trajectories', trajectoryIds); // step progress cascades
  del('participants', participantIds); // group membership and remaining attendance cascade
  return { cutoff, deleted: preview.counts };
}
