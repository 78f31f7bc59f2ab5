// Everything a report needs, gathered by the services from the database and
// the module library. The PDF code only formats this data.

import type { AttendanceStatus } from '../../shared/domain';
import type { RunResults, WorkFormatTypeName } from './result-types';
import type { AttendanceMatrix, StepsOverview } from '../../shared/trajectories';
import type { SessionSection, TrajectorySection } from '../../shared/channels/reports';

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
  /** Agenda blocks: planned minutes and, once presented, the actual minutes. */
  agenda: { title: string; plannedMinutes: number; actualMinutes: number | null }[];
  /** Work format runs with their results, in the order run. */
  runs?: ReportRun[];
  /** Actions agreed in this session and open ones carried over (carriedOver). */
  actions?: ReportAction[];
  /** The next meeting of the same group or trajectory, if planned. */
  nextMeeting?: ReportMeeting | null;
  /**
   * Everyone whose name may turn up in free text (contributions, cards, "wie"):
   * replaced by a pseudonym when pseudonymising. Attendees are always included.
   */
  people?: ReportPerson[];
  /** Participant ids in pseudonym order, the same for every report of a trajectory. */
  pseudonymOrder?: number[];
  /** The report's identity and dates (from the settings). */
  identity?: ReportIdentity;
  /** Session status: a planned session gets an agenda and presence list, not a report. */
  status?: 'gepland' | 'bezig' | 'afgerond' | string;
}

export interface ReportIdentity {
  /** The begeleider's organisation (e.g. a GGD). */
  organisation: string | null;
  contact: string | null;
  /** PNG or JPEG bytes of the logo. */
  logo: Buffer | null;
}

export interface ReportPerson {
  id?: number;
  name: string;
  role: string;
  schoolName?: string | null;
}

export interface ReportAttendee {
  participantId?: number;
  name: string;
  role: string;
  schoolName: string | null;
  status: AttendanceStatus | null;
}

export interface ReportRun {
  type: WorkFormatTypeName;
  prompt: string;
  /** Agenda block or slide title the run belongs to, if known. */
  context: string | null;
  results: RunResults;
}

export interface ReportAction {
  what: string;
  who: string | null;
  due: string | null;
  schoolName: string | null;
  participantId?: number | null;
  participantName: string | null;
  status: string;
  carriedOver: boolean;
  /** Date of the meeting where it was agreed (YYYY-MM-DD), if known. */
  agreedOn: string | null;
}

export interface ReportMeeting {
  date: string;
  startTime: string | null;
  moduleTitle: string;
  location: string | null;
}

export interface TrajectoryReportData {
  name: string;
  season: string;
  statusLabel: string;
  organisationName: string;
  groupName: string | null;
  facilitators: string[];
  notes: string | null;
  meetings: (ReportMeeting & {
    id: number;
    facilitator: string | null;
    statusLabel: string;
    plannedMinutes: number;
    actualMinutes: number | null;
  })[];
  /** Planned themes (module titles) with the dates they were covered. */
  themes: { title: string; planned: boolean; coveredOn: string[] }[];
  matrix: AttendanceMatrix;
  steps: StepsOverview;
  actions: ReportAction[];
  people?: ReportPerson[];
  pseudonymOrder?: number[];
  identity?: ReportIdentity;
  /** Next planned meeting of the trajectory, if any. */
  nextMeeting?: ReportMeeting | null;
}

export interface ReportOptions {
  /** Replace names with "Deelnemer 1", … and show counts per school only. */
  pseudonymise: boolean;
  /** Folder holding the bundled fonts (resources/fonts). */
  fontsDir: string;
  /** Fixed creation date for reproducible output in tests. */
  now?: Date;
  /** Print the begeleider's name (default: yes in the named version, no when pseudonymised). */
  showFacilitator?: boolean;
  /** Words the user marked as names in the review: replaced by "[naam]". */
  extraNames?: string[];
}

export interface SessionReportOptions extends ReportOptions {
  /** Sections to include; all when left out. */
  sections?: readonly SessionSection[];
}

export interface TrajectoryReportOptions extends ReportOptions {
  sections?: readonly TrajectorySection[];
}
