// Gathers a session's data for its report and writes the PDF where the
// user chose (main picks the path; the renderer never sends one).

import type { Db } from '../db/open';
import type { ModuleService } from './modules';
import { getSession } from '../db/repositories/sessions';
import { listAttendance } from '../db/repositories/attendance';
import type { SessionReportData } from '../reports/types';
import { renderSessionReport } from '../reports/session-report';

export function gatherSessionReportData(db: Db, modules: ModuleService, sessionId: number): SessionReportData {
  const session = getSession(db, sessionId);
  const attendance = listAttendance(db, sessionId);
  const module = modules.find(session.moduleId);
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
    // Until the presenting issue stores the session's own agenda, the module's
    // blocks are the plan (only when the stored version is still the loaded one).
    agenda:
      module && module.meta.version === session.moduleVersion
        ? module.blocks.map((b) => ({ title: b.title, plannedMinutes: b.minutes, actualMinutes: null }))
        : [],
  };
}

export async function buildSessionReport(
  db: Db,
  modules: ModuleService,
  sessionId: number,
  options: { pseudonymise: boolean; fontsDir: string; now?: Date },
): Promise<Buffer> {
  return renderSessionReport(gatherSessionReportData(db, modules, sessionId), options);
}

export function sessionReportFileName(session: { date: string; moduleId: string }): string {
  return `sessieverslag-${session.date}-${session.moduleId}.pdf`;
}
