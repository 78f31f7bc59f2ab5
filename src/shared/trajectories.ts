// Trajectories (begeleidingstrajecten), capacity, interest registrations,
// stappenplan progress, agreed actions, attendance overviews, CSV and
// privacy results as they cross the IPC boundary.

import type { AttendanceStatus, ParticipantRole, School, Session } from './domain';
import type { StapKey } from './stappenplan';

export const TRAJECTORY_STATUSES = ['wachtlijst', 'gepland', 'lopend', 'afgerond', 'geannuleerd'] as const;
export type TrajectoryStatus = (typeof TRAJECTORY_STATUSES)[number];
export const TRAJECTORY_STATUS_LABELS: Record<TrajectoryStatus, string> = {
  wachtlijst: 'Wachtlijst',
  gepland: 'Gepland',
  lopend: 'Lopend',
  afgerond: 'Afgerond',
  geannuleerd: 'Geannuleerd',
};
/** Statuses that take a place in the season's capacity. */
export const CAPACITY_STATUSES: readonly TrajectoryStatus[] = ['gepland', 'lopend', 'afgerond'];

export interface Trajectory {
  id: number;
  organisationId: number;
  organisationName: string;
  groupId: number | null;
  groupName: string | null;
  name: string;
  /** e.g. 2026-2027 */
  season: string;
  status: TrajectoryStatus;
  /** Module ids chosen for this group. */
  themes: string[];
  notes: string | null;
  createdAt: string;
  sessionCount: number;
}

export interface TrajectoryDetail extends Trajectory {
  sessions: Session[];
  /** Schools taking part: those of the group's members and those with stappenplan progress. */
  schools: School[];
}

export interface CreateTrajectoryResult {
  trajectory: Trajectory;
  /** Dutch notice for the user, e.g. that the season is full and it went on the waiting list. */
  notice: string | null;
}

export interface SeasonCapacity {
  season: string;
  /** null: no limit set */
  capacity: number | null;
  used: number;
  waiting: number;
  full: boolean;
}

export const INTEREST_STATUSES = ['nieuw', 'omgezet', 'wachtlijst', 'afgewezen'] as const;
export type InterestStatus = (typeof INTEREST_STATUSES)[number];

export interface InterestRegistration {
  id: number;
  organisationName: string;
  organisationId: number | null;
  contactName: string;
  contactEmail: string | null;
  receivedOn: string;
  deadline: string;
  season: string;
  modules: string[];
  notes: string | null;
  status: InterestStatus;
  trajectoryId: number | null;
  createdAt: string;
  /** Set when the registration came in after the deadline and was accepted anyway. */
  lateNote?: string | null;
}

export interface ConvertInterestResult {
  registration: InterestRegistration;
  trajectory: Trajectory | null;
  notice: string | null;
}

export interface StepCell {
  key: StapKey;
  label: string;
  doneOn: string | null;
  notes: string | null;
  openActions: number;
}

export interface SchoolSteps {
  schoolId: number;
  schoolName: string;
  steps: StepCell[];
  done: number;
}

export interface StepsOverview {
  trajectoryId: number;
  steps: { key: StapKey; label: string }[];
  schools: SchoolSteps[];
}

export const ACTION_STATUSES = ['open', 'bezig', 'gedaan', 'vervallen'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface Action {
  id: number;
  groupId: number | null;
  sessionId: number | null;
  trajectoryId: number | null;
  schoolId: number | null;
  schoolName: string | null;
  participantId: number | null;
  participantName: string | null;
  stepKey: string | null;
  slideId: string | null;
  workFormatId: string | null;
  what: string;
  who: string | null;
  due: string | null;
  status: ActionStatus;
  createdAt: string;
  updatedAt: string;
  /** Listed for a session but agreed earlier and still open. */
  carriedOver: boolean;
}

export interface MatrixSession {
  id: number;
  date: string;
  moduleTitle: string;
}

export interface Rate {
  /** aanwezig + te laat */
  present: number;
  /** cells with a status (not-ticked cells do not count) */
  counted: number;
  /** present / counted, 0..1; null when nothing counted */
  rate: number | null;
}

export interface MatrixRow extends Rate {
  participantId: number;
  name: string;
  role: ParticipantRole;
  schoolId: number | null;
  schoolName: string | null;
  erased: boolean;
  /** One per session, in the order of `sessions`. */
  cells: (AttendanceStatus | null)[];
}

export interface MatrixSchool extends Rate {
  schoolId: number | null;
  schoolName: string;
}

export interface AttendanceMatrix {
  trajectoryId: number;
  sessions: MatrixSession[];
  rows: MatrixRow[];
  schools: MatrixSchool[];
  total: Rate;
}

export interface ImportRow {
  /** Line in the file (the header is line 1). */
  line: number;
  name: string;
  schoolName: string | null;
  schoolId: number | null;
  role: ParticipantRole | null;
  email: string | null;
  errors: string[];
  /** What commit does with the row: a new person, update or skip a person already there. */
  action?: 'nieuw' | 'bijwerken' | 'overslaan';
  /** The school this row names does not exist yet and will be created (with createSchools). */
  newSchool?: boolean;
}

/** How an import treats rows (issue 11): all or only the good rows, unknown schools, people already there. */
export interface ImportOptions {
  onlyGoodRows?: boolean;
  createSchools?: boolean;
  newSchoolSector?: 'po' | 'vo' | 'go' | 'mbo';
  existing?: 'bijwerken' | 'overslaan';
}

export interface ImportPreview {
  delimiter: ';' | ',';
  rows: ImportRow[];
  /** Dutch, row-level: `Regel 3: onbekende rol "x"` */
  errors: string[];
  ok: boolean;
}

export interface ImportResult {
  imported: number;
  participantIds: number[];
  /** The import's id: everything it added can be removed again (imports:remove). */
  importId?: number;
  updated?: number;
  skipped?: number;
  /** Rows with errors left out (only with onlyGoodRows). */
  failed?: number;
  schoolsCreated?: number;
}

export interface TextExport {
  suggestedName: string;
  text: string;
}

export interface RetentionPreview {
  years: number;
  /** Everything dated before this day goes. */
  cutoff: string;
  counts: {
    sessions: number;
    attendance: number;
    trajectories: number;
    interestRegistrations: number;
    actions: number;
    participants: number;
  };
  /** Dutch summary for the confirmation dialog. */
  summary: string;
  /** Pass to retention:apply; changes when the data changes. */
  token: string;
}

export interface RetentionResult {
  cutoff: string;
  deleted: RetentionPreview['counts'];
}

/** A file written by main after a save dialog; saved false when cancelled. */
export interface SaveResult {
  saved: boolean;
  path: string | null;
}

/** A CSV file chosen by the user and read by main. */
export interface ImportFileResult {
  /** false: the user cancelled the dialog. */
  chosen: boolean;
  fileName: string | null;
  /** The text read, so the preview can be committed without a second dialog. */
  csv: string | null;
  preview: ImportPreview | null;
  /** Set when commit was asked and every row was right. */
  result: ImportResult | null;
}
