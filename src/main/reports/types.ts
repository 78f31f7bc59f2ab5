// Everything a session report needs, gathered by the services from the
// database and the module library. The PDF code only formats this data.

import type { AttendanceStatus } from '../../shared/domain';

export interface SessionReportData {
  moduleTitle: string;
  moduleVersion: string;
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM or null */
  startTime: string | null;
  location: string | null;
  facilitator: string | null;
  organisationName: string;
  groupName: string;
  schools: string[];
  attendees: ReportAttendee[];
  /** Agenda blocks as planned in the module (actual minutes come with the presenting issue). */
  agenda: { title: string; plannedMinutes: number; actualMinutes: number | null }[];
}

export interface ReportAttendee {
  name: string;
  role: string;
  schoolName: string | null;
  status: AttendanceStatus | null;
}

export interface ReportOptions {
  /** Replace names with "Deelnemer 1", … and show counts per school only. */
  pseudonymise: boolean;
  /** Folder holding the bundled fonts (resources/fonts). */
  fontsDir: string;
  /** Fixed creation date for reproducible output in tests. */
  now?: Date;
}
