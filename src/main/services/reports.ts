// Gathers a session's or trajectory's data for its report and renders the
// PDF; main picks where it is saved (the renderer never sends a path).

import type { Db } from '../db/open';
import type { PresentingService } from './presenting';
import type { ModuleService } from './modules';
import { AppError } from '../../shared/errors';
import { foldClock } from '../../shared/presenting/clock';
import type { Session, SessionStatus } from '../../shared/domain';
import { WORK_FORMAT_LABELS } from '../../shared/module-format';
import { TRAJECTORY_STATUS_LABELS, type Action } from '../../shared/trajectories';
import { PREVIEW_MAX_BYTES, type PreviewResult, type SessionSection, type TrajectorySection } from '../../shared/channels/reports';
import { getSession } from '../db/repositories/sessions';
import { listAttendance } from '../db/repositories/attendance';
import { listActions } from '../db/repositories/actions';
import { attendanceMatrix } from '../db/repositories/attendance-matrix';
import { getSteps } from '../db/repositories/steps';
import { getTrajectory, trajectorySessions } from '../db/repositories/trajectories';
import { createWorkFormatService } from './work-formats/service';
import { moduleOf } from './work-formats/types';
import type { ReportAction, ReportIdentity, ReportMeeting, ReportPerson, ReportRun, SessionReportData, TrajectoryReportData } from '../reports/types';
import { getSetting } from '../db/repositories/settings';
import { renderSessionReport } from '../reports/session-report';
import { renderTrajectoryReport } from '../reports/trajectory-report';
import { renderPreparation } from '../reports/preparation';
import { toCsv } from './csv';
import { countPdfPages } from './pdf-pages';

export interface BuildOptions<S> {
  pseudonymise: boolean;
  fontsDir: string;
  sections?: readonly S[];
  now?: Date;
  showFacilitator?: boolean;
  extraNames?: string[];
  /** The begeleider's organisation, logo and contact details (from the settings). */
  identity?: ReportIdentity;
}

export const IDENTITY_KEYS = { organisation: 'report.organisation', contact: 'report.contact', logo: 'report.logo' } as const;

/** The report identity from the settings table (the logo is stored as base64). */
export function reportIdentity(db: Db): ReportIdentity {
  const logo = getSetting(db, IDENTITY_KEYS.logo);
  return {
    organisation: getSetting(db, IDENTITY_KEYS.organisation),
    contact: getSetting(db, IDENTITY_KEYS.contact),
    logo: logo ? Buffer.from(logo, 'base64') : null,
  };
}

const SESSION_STATUS_TEXT: Record<SessionStatus, string> = { gepland: 'Gepland', bezig: 'Bezig', afgerond: 'Afgerond' };

/** Everyone of the organisation: names that may turn up in free text and must go when pseudonymising. */
function organisationPeople(db: Db, organisationId: number): ReportPerson[] {
  return db
    .prepare(
      `SELECT p.id, p.name, p.role, s.name AS schoolName FROM participants p LEFT JOIN schools s ON s.id = p.school_id
       WHERE p.organisation_id = ? ORDER BY p.id`,
    )
    .all(organisationId) as ReportPerson[];
}

function organisationOfGroup(db: Db, groupId: number): number {
  return (db.prepare('SELECT organisation_id FROM groups WHERE id = ?').get(groupId) as { organisation_id: number }).organisation_id;
}

/**
 * Pseudonym order: the participants of the trajectory (attendance at any of its sessions, members
 * of its group, people linked to its actions) by id; for a session outside a trajectory, its own
 * attendance and group. Every report of one trajectory gets the same order, so the same numbers.
 */
export function pseudonymOrder(db: Db, scope: { trajectoryId: number } | { sessionId: number; groupId: number }): number[] {
  const rows =
    'trajectoryId' in scope
      ? db
          .prepare(
            `SELECT a.participant_id AS id FROM attendance a JOIN sessions s ON s.id = a.session_id WHERE s.trajectory_id = @t
             UNION SELECT gm.participant_id FROM group_members gm JOIN trajectories t ON t.group_id = gm.group_id WHERE t.id = @t
             UNION SELECT participant_id FROM actions WHERE trajectory_id = @t AND participant_id IS NOT NULL
             ORDER BY 1`,
          )
          .all({ t: scope.trajectoryId })
      : db
          .prepare(
            `SELECT participant_id AS id FROM attendance WHERE session_id = @s
             UNION SELECT participant_id FROM group_members WHERE group_id = @g
             ORDER BY 1`,
          )
          .all({ s: scope.sessionId, g: scope.groupId });
  return (rows as { id: number }[]).map((r) => r.id);
}

function sessionDates(db: Db, ids: (number | null)[]): Map<number, string> {
  const unique = [...new Set(ids.filter((i): i is number => i !== null))];
  if (unique.length === 0) return new Map();
  const rows = db
    .prepare(`SELECT id, date FROM sessions WHERE id IN (${unique.map(() => '?').join(',')})`)
    .all(...unique) as { id: number; date: string }[];
  return new Map(rows.map((r) => [r.id, r.date]));
}

function reportActions(db: Db, actions: Action[]): ReportAction[] {
  const dates = sessionDates(db, actions.map((a) => a.sessionId));
  return actions.map((a) => ({
    what: a.what,
    who: a.who,
    due: a.due,
    schoolName: a.schoolName,
    participantId: a.participantId,
    participantName: a.participantName,
    status: a.status,
    carriedOver: a.carriedOver,
    agreedOn: a.sessionId !== null ? (dates.get(a.sessionId) ?? null) : null,
  }));
}

function trajectoryIdOf(db: Db, sessionId: number): number | null {
  const row = db.prepare('SELECT trajectory_id FROM sessions WHERE id = ?').get(sessionId) as { trajectory_id: number | null } | undefined;
  return row?.trajectory_id ?? null;
}

/** The next meeting of the same group (or trajectory) after this session. */
function nextMeeting(db: Db, session: Session): ReportMeeting | null {
  const trajectoryId = trajectoryIdOf(db, session.id);
  const row = db
    .prepare(
      `SELECT date, start_time, module_title, location FROM sessions
       WHERE id != ? AND (group_id = ? OR (? IS NOT NULL AND trajectory_id = ?))
         AND (date > ? OR (date = ? AND id > ?))
       ORDER BY date, start_time, id LIMIT 1`,
    )
    .get(session.id, session.groupId, trajectoryId, trajectoryId, session.date, session.date, session.id) as
    | { date: string; start_time: string | null; module_title: string; location: string | null }
    | undefined;
  return row ? { date: row.date, startTime: row.start_time, moduleTitle: row.module_title, location: row.location } : null;
}

/** Runs of the session with their results (names of linked participants included; the report pseudonymises). */
function sessionRuns(db: Db, presenting: PresentingService, sessionId: number): ReportRun[] {
  const service = createWorkFormatService(db, presenting, () => Date.now());
  let blockOf = (_slideId: string | null): string | null => null;
  try {
    const module = presenting.moduleOf(sessionId);
    const bySlide = new Map(module.blocks.flatMap((b) => b.slides.map((s) => [s.id, b.title] as const)));
    blockOf = (slideId) => (slideId ? (bySlide.get(slideId) ?? null) : null);
  } catch {
    // The module is no longer available: runs are listed without their block.
  }
  return service.list(sessionId).map((summary) => {
    const view = service.view(summary.id);
    return {
      type: summary.type,
      prompt: summary.prompt,
      context: blockOf(summary.slideId) ?? (summary.adHoc ? 'ter plekke toegevoegd' : null),
      results: view.results!,
    };
  });
}

export function gatherSessionReportData(db: Db, presenting: PresentingService, sessionId: number): SessionReportData {
  const session = getSession(db, sessionId);
  const attendance = listAttendance(db, sessionId);
  const schools = [...new Set(attendance.map((a) => a.schoolName).filter((s): s is string => !!s))].sort((a, b) =>
    a.localeCompare(b, 'nl'),
  );
  return {
    moduleTitle: session.moduleTitle,
    moduleVersion: session.moduleVersion,
    date: session.date,
    startTime: session.startTime,
    location: session.location,
    facilitator: session.facilitator,
    organisationName: session.organisationName,
    groupName: session.groupName,
    schools,
    attendees: attendance.map((a) => ({
      participantId: a.participantId,
      name: a.name,
      role: a.role,
      schoolName: a.schoolName,
      status: a.status,
    })),
    agenda: agendaRows(presenting, sessionId),
    runs: sessionRuns(db, presenting, sessionId),
    actions: reportActions(db, listActions(db, { sessionId })),
    nextMeeting: nextMeeting(db, session),
    people: organisationPeople(db, organisationOfGroup(db, session.groupId)),
    pseudonymOrder: (() => {
      const trajectoryId = trajectoryIdOf(db, sessionId);
      return trajectoryId !== null ? pseudonymOrder(db, { trajectoryId }) : pseudonymOrder(db, { sessionId, groupId: session.groupId });
    })(),
    status: session.status,
  };
}

/** The session's own agenda with planned minutes and, once presented, the actual minutes per block. */
function agendaRows(presenting: PresentingService, sessionId: number): SessionReportData['agenda'] {
  const { agenda, events } = presenting.state(sessionId);
  const clock = foldClock(agenda, events, Date.now());
  return agenda.items.map((item, i) => {
    const timing = clock.items[i]!;
    const presented = timing.firstStartedAt !== null;
    return {
      title: item.title,
      plannedMinutes: item.minutes,
      actualMinutes: presented ? Math.round(timing.actualMs / 60_000) : null,
    };
  });
}

export async function buildSessionReport(
  db: Db,
  presenting: PresentingService,
  sessionId: number,
  options: BuildOptions<SessionSection>,
): Promise<Buffer> {
  return renderSessionReport({ ...gatherSessionReportData(db, presenting, sessionId), identity: options.identity }, options);
}

/**
 * Whether a session has happened: started or finished, presented, or with attendance or work format
 * results recorded. A planned (or cancelled) meeting gets an agenda and presence list, not a report.
 */
export function sessionHappened(db: Db, sessionId: number): boolean {
  const session = getSession(db, sessionId);
  if (session.status === 'bezig' || session.status === 'afgerond') return true;
  if ((session.status as string) !== 'gepland') return false;
  const recorded = db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM attendance WHERE session_id = @s)
           OR EXISTS (SELECT 1 FROM work_format_runs WHERE session_id = @s)
           OR EXISTS (SELECT 1 FROM presenting_events WHERE session_id = @s) AS any`,
    )
    .get({ s: sessionId }) as { any: number };
  return recorded.any === 1;
}

export const NOT_HAPPENED =
  'Deze bijeenkomst heeft nog niet plaatsgevonden, dus er is nog geen verslag. Druk in plaats daarvan de agenda en de presentielijst af.';

export async function buildPreparation(db: Db, presenting: PresentingService, sessionId: number, options: { fontsDir: string; identity?: ReportIdentity; now?: Date }): Promise<Buffer> {
  return renderPreparation({ ...gatherSessionReportData(db, presenting, sessionId), identity: options.identity }, options);
}

export function preparationFileName(session: { date: string; moduleId: string }): string {
  return `agenda-presentielijst-${session.date}-${session.moduleId}.pdf`;
}

export function sessionReportFileName(session: { date: string; moduleId: string }): string {
  return `sessieverslag-${session.date}-${session.moduleId}.pdf`;
}

// --- trajectory ------------------------------------------------------------

export function gatherTrajectoryReportData(
  db: Db,
  presenting: PresentingService,
  trajectoryId: number,
  modules?: Pick<ModuleService, 'find'>,
): TrajectoryReportData {
  const trajectory = getTrajectory(db, trajectoryId);
  const sessions = trajectorySessions(db, trajectoryId);
  const matrix = attendanceMatrix(db, trajectoryId);
  const meetings = sessions.map((s) => {
    let plannedMinutes = 0;
    let actualMinutes: number | null = null;
    try {
      const rows = agendaRows(presenting, s.id);
      plannedMinutes = rows.reduce((sum, r) => sum + r.plannedMinutes, 0);
      const actual = rows.map((r) => r.actualMinutes).filter((m): m is number => m !== null);
      actualMinutes = actual.length > 0 ? actual.reduce((a, b) => a + b, 0) : null;
    } catch {
      // Module no longer available: no minutes.
    }
    return {
      id: s.id,
      date: s.date,
      startTime: s.startTime,
      moduleTitle: s.moduleTitle,
      location: s.location,
      facilitator: s.facilitator,
      statusLabel: SESSION_STATUS_TEXT[s.status],
      plannedMinutes,
      actualMinutes,
    };
  });
  // A theme counts as covered on the dates of its meetings that were held (finished or with someone present).
  const held = new Set(
    sessions
      .filter((s, i) => s.status === 'afgerond' || matrix.rows.some((r) => r.cells[i] === 'aanwezig' || r.cells[i] === 'te_laat'))
      .map((s) => s.id),
  );
  const themeIds = [...trajectory.themes, ...sessions.map((s) => s.moduleId).filter((id) => !trajectory.themes.includes(id))];
  const themes = [...new Set(themeIds)].map((id) => {
    const own = sessions.filter((s) => s.moduleId === id);
    return {
      title: own[0]?.moduleTitle ?? modules?.find(id)?.meta.title ?? id,
      planned: trajectory.themes.includes(id),
      coveredOn: own.filter((s) => held.has(s.id)).map((s) => s.date),
    };
  });
  return {
    name: trajectory.name,
    season: trajectory.season,
    statusLabel: TRAJECTORY_STATUS_LABELS[trajectory.status],
    organisationName: trajectory.organisationName,
    groupName: trajectory.groupName,
    facilitators: [...new Set(sessions.map((s) => s.facilitator).filter((f): f is string => !!f))],
    notes: trajectory.notes,
    meetings,
    themes,
    matrix,
    steps: getSteps(db, trajectoryId),
    actions: reportActions(db, listActions(db, { trajectoryId })),
    people: organisationPeople(db, trajectory.organisationId),
    pseudonymOrder: pseudonymOrder(db, { trajectoryId }),
  };
}

export async function buildTrajectoryReport(
  db: Db,
  presenting: PresentingService,
  trajectoryId: number,
  options: BuildOptions<TrajectorySection>,
  modules?: Pick<ModuleService, 'find'>,
): Promise<Buffer> {
  return renderTrajectoryReport({ ...gatherTrajectoryReportData(db, presenting, trajectoryId, modules), identity: options.identity }, options);
}

export function trajectoryReportFileName(trajectory: { name: string; season: string }): string {
  const slug = trajectory.name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `trajectverslag-${trajectory.season}-${slug || 'traject'}.pdf`;
}

/** The PDF as base64 for the in-app preview; refuses files too large to send. */
export function previewOf(pdf: Buffer): PreviewResult {
  if (pdf.length > PREVIEW_MAX_BYTES) {
    throw new AppError(
      'ongeldige_invoer',
      `Het verslag is te groot voor een voorbeeld (${Math.round(pdf.length / 1_048_576)} MB); sla het op en open het in een PDF-lezer.`,
    );
  }
  return { base64: pdf.toString('base64'), pages: countPdfPages(pdf), bytes: pdf.length };
}

// --- results CSV -----------------------------------------------------------

/** One row per option, value, card, contribution or action of every run; no participant names. */
export function sessionResultsCsv(db: Db, presenting: PresentingService, sessionId: number): { suggestedName: string; text: string } {
  const session = getSession(db, sessionId);
  const rows: (string | number | null)[][] = [['nr', 'werkvorm', 'vraag', 'onderdeel', 'soort', 'waarde', 'aantal']];
  sessionRuns(db, presenting, sessionId).forEach((run, i) => {
    const base = [i + 1, WORK_FORMAT_LABELS[run.type], run.prompt, run.context];
    for (const [kind, value, count] of moduleOf(run.results.type).csvRows(run.results)) rows.push([...base, kind, value, count]);
  });
  return { suggestedName: `resultaten-${session.date}-${session.moduleId}.csv`, text: toCsv(rows) };
}
