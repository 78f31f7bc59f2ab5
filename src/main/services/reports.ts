// Gathers a session's data for its report and writes the PDF where the
// user chose (main picks the path; the renderer never sends one).

import type { Db } from '../db/open';
import type { PresentingService } from './presenting';
import { foldClock } from '../../shared/presenting/clock';
import { getSession } from '../db/repositories/sessions';
import { listAttendance } from '../db/repositories/attendance';
import type { SessionReportData } from '../reports/types';
import { renderSessionReport } from '../reports/session-report';

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
      name: a.name,
      role: a.role,
      schoolName: a.schoolName,
      status: a.status,
    })),
    agenda: agendaRows(presenting, sessionId),
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
  options: { pseudonymise: boolean; fontsDir: string; now?: Date },
): Promise<Buffer> {
  return renderSessionReport(gatherSessionReportData(db, presenting, sessionId), options);
}

export function sessionReportFileName(session: { date: string; moduleId: string }): string {
  return `sessieverslag-${session.date}-${session.moduleId}.pdf`;
}
