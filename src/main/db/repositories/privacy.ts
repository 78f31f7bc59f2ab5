// AVG: erase a participant, export everything about one person, and remove
// data older than a retention period. The caller runs each write in one
// transaction and then checkpoints the WAL (services/privacy.ts), so erased
// text is gone from both the database file and the -wal file; freed pages
// are zeroed because db/open.ts sets secure_delete.

import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { RetentionPreview, RetentionResult } from '../../../shared/trajectories';
import type { Db } from '../open';
import type { ErasurePreview } from '../../../shared/channels/privacy';
import { excerpt, fold, nameMatcher } from './name-match';

export const ERASED_NAME = 'Verwijderde deelnemer';

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

/** Refuses to link an erased participant again (groups, attendance, entries). */
export function assertNotErased(db: Db, participantId: number): void {
  const row = db.prepare('SELECT erased_at FROM participants WHERE id = ?').get(participantId) as { erased_at: string | null } | undefined;
  if (row && row.erased_at !== null) {
    throw new AppError('conflict', 'Deze deelnemer is gewist (AVG) en kan niet opnieuw worden gekoppeld. Voeg de persoon zo nodig opnieuw toe.');
  }
}

// --- erasure -------------------------------------------------------------
//
// Scope, so that nothing unrelated is touched: first everything linked to the
// person by id (their row, group memberships, attendance, linked entries and
// actions, their own interest registrations); then mentions of the name in
// free text, only in texts that belong to the sessions they attended or
// recorded in, the trajectories of those sessions and of their groups, and
// the actions of those. Free-text fields only: option labels and module
// declarations are content, not mentions, and JSON keys are never rewritten.

/** One free-text value that mentions the person, and how to write it back. */
interface TextHit {
  kind: string;
  where: string;
  value: string;
  first: [number, number];
  write: (value: string) => void;
}

const ENTRY_TEXT_FIELDS = ['text', 'name', 'what', 'who'] as const;
const sqlList = (ids: number[]) => `SELECT value FROM json_each('${JSON.stringify(ids)}')`;

interface ErasureScope {
  person: PersonRow;
  sessionIds: number[];
  trajectoryIds: number[];
  ownInterestIds: number[];
  counts: Omit<ErasurePreview['counts'], 'mentions'>;
  hits: TextHit[];
}

function erasureScope(db: Db, id: number): ErasureScope {
  const person = getPerson(db, id);
  const ids = (sql: string, ...params: unknown[]) => (db.prepare(sql).all(...params) as { id: number }[]).map((r) => r.id);
  const sessionIds = ids(
    `SELECT session_id AS id FROM attendance WHERE participant_id = ?
     UNION SELECT r.session_id FROM entries e JOIN work_format_runs r ON r.id = e.run_id WHERE e.participant_id = ?
     UNION SELECT session_id FROM actions WHERE participant_id = ? AND session_id IS NOT NULL`,
    id,
    id,
    id,
  );
  const trajectoryIds = ids(
    `SELECT trajectory_id AS id FROM sessions WHERE id IN (${sqlList(sessionIds)}) AND trajectory_id IS NOT NULL
     UNION SELECT t.id FROM trajectories t JOIN group_members gm ON gm.group_id = t.group_id WHERE gm.participant_id = ?
     UNION SELECT trajectory_id FROM actions WHERE participant_id = ? AND trajectory_id IS NOT NULL`,
    id,
    id,
  );
  // Their own registrations: the same email, or the same name (folded) within their organisation or without one.
  const own = fold(person.name).folded.trim().replace(/\s+/g, ' ');
  const ownInterestIds = (
    db
      .prepare('SELECT id, contact_name, contact_email, organisation_id FROM interest_registrations')
      .all() as { id: number; contact_name: string; contact_email: string | null; organisation_id: number | null }[]
  )
    .filter(
      (r) =>
        (person.email !== null && r.contact_email !== null && r.contact_email.toLowerCase() === person.email.toLowerCase()) ||
        (fold(r.contact_name).folded.trim().replace(/\s+/g, ' ') === own &&
          (r.organisation_id === null || r.organisation_id === person.organisation_id)),
    )
    .map((r) => r.id);

  const count = (sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;
  const counts = {
    attendance: count('SELECT count(*) AS n FROM attendance WHERE participant_id = ?', id),
    groups: count('SELECT count(*) AS n FROM group_members WHERE participant_id = ?', id),
    entries: count('SELECT count(*) AS n FROM entries WHERE participant_id = ?', id),
    actions: count('SELECT count(*) AS n FROM actions WHERE participant_id = ?', id),
    interest: ownInterestIds.length,
  };

  const matcher = nameMatcher(person.name, person.email);
  const hits: TextHit[] = [];
  const consider = (kind: string, where: string, value: string | null, write: (v: string) => void) => {
    if (!value) return;
    const found = matcher.find(value);
    if (found.length > 0) hits.push({ kind, where, value, first: found[0]!, write });
  };
  const sessionLabel = (s: { date: string; module_title: string }) => `Sessie ${s.date} – ${s.module_title}`;

  const sessions = db
    .prepare(`SELECT id, date, module_title, location FROM sessions WHERE id IN (${sqlList(sessionIds)}) ORDER BY date, id`)
    .all() as { id: number; date: string; module_title: string; location: string | null }[];
  const updateLocation = db.prepare('UPDATE sessions SET location = ? WHERE id = ?');
  for (const s of sessions) consider('sessie', `${sessionLabel(s)} (locatie)`, s.location, (v) => updateLocation.run(v, s.id));

  // Work formats added on the spot: their question and instruction are the facilitator's free text.
  // (Declared ones are module content; options are labels the entries refer to, never rewritten.)
  const runs = db
    .prepare(
      `SELECT r.id, r.declaration, s.date, s.module_title FROM work_format_runs r JOIN sessions s ON s.id = r.session_id
       WHERE r.session_id IN (${sqlList(sessionIds)}) AND r.ad_hoc = 1 ORDER BY s.date, r.id`,
    )
    .all() as { id: number; declaration: string; date: string; module_title: string }[];
  const updateDeclaration = db.prepare(`UPDATE work_format_runs SET declaration = json_set(declaration, ?, ?) WHERE id = ?`);
  for (const r of runs) {
    const declaration = JSON.parse(r.declaration) as Record<string, unknown>;
    for (const field of ['prompt', 'instructions'] as const) {
      const value = declaration[field];
      if (typeof value !== 'string') continue;
      consider('werkvorm', `${sessionLabel(r)} (werkvorm ter plekke)`, value, (v) => updateDeclaration.run(`$.${field}`, v, r.id));
    }
  }

  const entries = db
    .prepare(
      `SELECT e.id, e.payload, s.date, s.module_title FROM entries e
       JOIN work_format_runs r ON r.id = e.run_id JOIN sessions s ON s.id = r.session_id
       WHERE r.session_id IN (${sqlList(sessionIds)}) ORDER BY s.date, e.id`,
    )
    .all() as { id: number; payload: string; date: string; module_title: string }[];
  const updatePayload = db.prepare(`UPDATE entries SET payload = json_set(payload, ?, ?) WHERE id = ?`);
  for (const e of entries) {
    const payload = JSON.parse(e.payload) as Record<string, unknown>;
    for (const field of ENTRY_TEXT_FIELDS) {
      const value = payload[field];
      if (typeof value !== 'string') continue;
      // json_set rewrites one value in place: other fields and the key order stay as they were.
      consider('bijdrage', `${sessionLabel(e)} (invoer)`, value, (v) => updatePayload.run(`$.${field}`, v, e.id));
    }
  }

  const actions = db
    .prepare(
      `SELECT id, what, who FROM actions
       WHERE participant_id = ? OR session_id IN (${sqlList(sessionIds)}) OR trajectory_id IN (${sqlList(trajectoryIds)})
       ORDER BY id`,
    )
    .all(id) as { id: number; what: string; who: string | null }[];
  const updateWhat = db.prepare('UPDATE actions SET what = substr(?, 1, 500) WHERE id = ?');
  const updateWho = db.prepare('UPDATE actions SET who = ? WHERE id = ?');
  for (const a of actions) {
    consider('actie', `Actie “${a.what.slice(0, 60)}” (wat)`, a.what, (v) => updateWhat.run(v, a.id));
    consider('actie', `Actie “${a.what.slice(0, 60)}” (wie)`, a.who, (v) => updateWho.run(v, a.id));
  }

  const trajectories = db
    .prepare(`SELECT id, name, notes FROM trajectories WHERE id IN (${sqlList(trajectoryIds)}) ORDER BY id`)
    .all() as { id: number; name: string; notes: string | null }[];
  const updateTrajectory = db.prepare('UPDATE trajectories SET notes = ? WHERE id = ?');
  for (const t of trajectories) consider('traject', `Traject ${t.name} (notities)`, t.notes, (v) => updateTrajectory.run(v, t.id));

  const steps = db
    .prepare(
      `SELECT sp.trajectory_id, sp.school_id, sp.step_key, sp.notes, t.name FROM step_progress sp JOIN trajectories t ON t.id = sp.trajectory_id
       WHERE sp.trajectory_id IN (${sqlList(trajectoryIds)}) ORDER BY sp.trajectory_id, sp.school_id, sp.step_key`,
    )
    .all() as { trajectory_id: number; school_id: number; step_key: string; notes: string | null; name: string }[];
  const updateStep = db.prepare('UPDATE step_progress SET notes = ? WHERE trajectory_id = ? AND school_id = ? AND step_key = ?');
  for (const st of steps) {
    consider('stappenplan', `Traject ${st.name}, stap ${st.step_key} (notities)`, st.notes, (v) =>
      updateStep.run(v, st.trajectory_id, st.school_id, st.step_key),
    );
  }

  const interest = db
    .prepare(
      `SELECT id, organisation_name, notes FROM interest_registrations
       WHERE id IN (${sqlList(ownInterestIds)}) OR trajectory_id IN (${sqlList(trajectoryIds)}) ORDER BY id`,
    )
    .all() as { id: number; organisation_name: string; notes: string | null }[];
  const updateInterest = db.prepare('UPDATE interest_registrations SET notes = ? WHERE id = ?');
  for (const r of interest) consider('aanmelding', `Aanmelding van ${r.organisation_name} (notities)`, r.notes, (v) => updateInterest.run(v, r.id));

  return { person, sessionIds, trajectoryIds, ownInterestIds, counts, hits };
}

function previewOf(scope: ErasureScope): ErasurePreview {
  const counts = { ...scope.counts, mentions: scope.hits.length };
  const mentions = scope.hits.map((h) => ({ kind: h.kind, where: h.where, excerpt: excerpt(h.value, h.first) }));
  const token = createHash('sha256')
    .update(JSON.stringify([scope.person.id, scope.person.name, scope.person.email, counts, scope.hits.map((h) => [h.where, h.value])]))
    .digest('hex')
    .slice(0, 32);
  return { participantId: scope.person.id, name: scope.person.name, counts, mentions, token };
}

/** What erasing this participant will change: counts per kind and every free-text mention. Reads only. */
export function previewErasure(db: Db, id: number): ErasurePreview {
  const person = getPerson(db, id);
  if (person.erased_at !== null) throw new AppError('conflict', 'Deze deelnemer is al gewist.');
  return previewOf(erasureScope(db, id));
}

/**
 * Erases a participant: name and email are gone from their row, their own
 * interest registrations and every mention in the texts of their sessions and
 * trajectories; the row stays (anonymous) so attendance counts stay right.
 * With a token from previewErasure, refuses when anything changed since.
 * Idempotent. The caller runs it in one transaction.
 */
export function eraseParticipant(db: Db, id: number, erasedAt: string, token?: string): void {
  const person = getPerson(db, id);
  if (person.erased_at !== null) return;
  const scope = erasureScope(db, id);
  if (token !== undefined && previewOf(scope).token !== token) {
    throw new AppError('conflict', 'De gegevens zijn veranderd sinds het overzicht. Bekijk opnieuw wat er wordt gewist en bevestig dan.');
  }
  const matcher = nameMatcher(person.name, person.email);
  for (const hit of scope.hits) hit.write(matcher.replace(hit.value, ERASED_NAME));
  const update = db.prepare('UPDATE interest_registrations SET contact_name = ?, contact_email = NULL WHERE id = ?');
  for (const interestId of scope.ownInterestIds) update.run(ERASED_NAME, interestId);
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
