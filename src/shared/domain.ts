// Entities as they cross the IPC boundary. Dates are ISO strings (YYYY-MM-DD),
// timestamps ISO 8601 in UTC. Ids are SQLite integer row ids.

export const ORGANISATION_KINDS = ['scholengroep', 'stichting', 'samenwerkingsverband', 'gemeente', 'ggd'] as const;
export const SCHOOL_SECTORS = ['po', 'vo', 'go', 'mbo'] as const;
export type SchoolSector = (typeof SCHOOL_SECTORS)[number];

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  scholengroep: 'Scholengroep',
  stichting: 'Stichting',
  samenwerkingsverband: 'Samenwerkingsverband',
  gemeente: 'Gemeente (partner)',
  ggd: 'GGD (partner)',
};

export const PARTICIPANT_ROLES = [
  'zorgcoördinator',
  'schoolleiding',
  'docent/mentor',
  'Gezonde School-coördinator',
  'Gezonde School-adviseur',
  'schoolpsycholoog',
  'gedragswetenschapper',
  'anders',
] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const GROUP_KINDS = ['groep', 'kernteam'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export const ATTENDANCE_STATUSES = ['aanwezig', 'te_laat', 'afgemeld', 'afwezig'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  aanwezig: 'Aanwezig',
  te_laat: 'Te laat',
  afgemeld: 'Afgemeld',
  afwezig: 'Afwezig',
};

export const SESSION_STATUSES = ['gepland', 'bezig', 'afgerond'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export interface Organisation {
  id: number;
  name: string;
  kind: OrganisationKind;
  createdAt: string;
}

export interface School {
  id: number;
  organisationId: number;
  name: string;
  sector: SchoolSector;
}

export interface Participant {
  id: number;
  organisationId: number;
  schoolId: number | null;
  schoolName: string | null;
  name: string;
  role: ParticipantRole;
  email: string | null;
}

export interface Group {
  id: number;
  organisationId: number;
  organisationName: string;
  name: string;
  kind: GroupKind;
  memberCount: number;
}

export interface Session {
  id: number;
  groupId: number;
  groupName: string;
  organisationName: string;
  moduleId: string;
  moduleVersion: string;
  moduleTitle: string;
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, optional */
  startTime: string | null;
  location: string | null;
  facilitator: string | null;
  status: SessionStatus;
}

export interface AttendanceRow {
  participantId: number;
  name: string;
  role: ParticipantRole;
  schoolName: string | null;
  /** null: not ticked yet */
  status: AttendanceStatus | null;
  /** Added on the spot, not a member of the group. */
  walkIn: boolean;
}
