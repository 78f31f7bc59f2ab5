// Entities as they cross the IPC boundary. Dates are ISO strings (YYYY-MM-DD),
// timestamps ISO 8601 in UTC. Ids are SQLite integer row ids.

export const SCHOOL_SECTORS = ['po', 'vo', 'go', 'mbo'] as const;
export type SchoolSector = (typeof SCHOOL_SECTORS)[number];

export const ORGANISATION_KINDS = ['scholengroep', 'stichting', 'samenwerkingsverband', 'gemeente', 'ggd'] as const;

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  scholengroep: 'Scholengroep',
  stichting: 'Stichting',
  samenwerkingsverband: 'Samenwerkingsverband',
  gemeente: 'Gemeente (partner)',
  ggd: 'GGD (partner)',
};

/**
 * Roles as data: each role with the sectors it occurs in (po, vo, go, mbo),
 * so forms and the CSV import know the usual words of every sector. The first
 * eight are the original roles and keep their stored values.
 */
export const ROLES = [
  { value: 'zorgcoördinator', sectors: ['po', 'vo', 'go', 'mbo'] },
  { value: 'schoolleiding', sectors: ['po', 'vo', 'go', 'mbo'] },
  { value: 'docent/mentor', sectors: ['vo', 'go', 'mbo'] },
  { value: 'Gezonde School-coördinator', sectors: ['po', 'vo', 'go', 'mbo'] },
  { value: 'Gezonde School-adviseur', sectors: ['po', 'vo', 'go', 'mbo'] },
  { value: 'schoolpsycholoog', sectors: ['po', 'vo', 'go', 'mbo'] },
  { value: 'gedragswetenschapper', sectors: ['po', 'vo', 'go', 'mbo'] },
  { value: 'anders', sectors: ['po', 'vo', 'go', 'mbo'] },
  { value: 'intern begeleider', sectors: ['po', 'go'] },
  { value: 'leerkracht', sectors: ['po', 'go'] },
  { value: 'directeur', sectors: ['po', 'vo', 'go', 'mbo'] },
  { value: 'adjunct-directeur', sectors: ['po', 'go'] },
  { value: 'bouwcoördinator', sectors: ['po'] },
  { value: 'locatieleider', sectors: ['po', 'vo', 'go', 'mbo'] },
  { value: 'teamleider', sectors: ['vo', 'go', 'mbo'] },
  { value: 'afdelingsleider', sectors: ['vo'] },
  { value: 'mentor', sectors: ['vo', 'go', 'mbo'] },
  { value: 'docent', sectors: ['vo', 'go', 'mbo'] },
  { value: 'leerlingbegeleider', sectors: ['vo'] },
  { value: 'ondersteuningscoördinator', sectors: ['vo', 'mbo'] },
  { value: 'orthopedagoog', sectors: ['po', 'vo', 'go', 'mbo'] },
  { value: 'onderwijsassistent', sectors: ['po', 'go'] },
  { value: 'vertrouwenspersoon', sectors: ['po', 'vo', 'go', 'mbo'] },
  { value: 'studieloopbaanbegeleider', sectors: ['mbo'] },
  { value: 'opleidingsmanager', sectors: ['mbo'] },
  { value: 'jeugdverpleegkundige', sectors: ['po', 'vo', 'go', 'mbo'] },
  { value: 'schoolmaatschappelijk werker', sectors: ['po', 'vo', 'go', 'mbo'] },
  { value: 'bestuurder', sectors: ['po', 'vo', 'go', 'mbo'] },
] as const satisfies readonly { value: string; sectors: readonly SchoolSector[] }[];

export const PARTICIPANT_ROLES = ROLES.map((r) => r.value) as unknown as readonly [
  (typeof ROLES)[number]['value'],
  ...(typeof ROLES)[number]['value'][],
];
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
  /** Set when the session was cancelled; it keeps its history and is shown as cancelled. */
  cancelledAt?: string | null;
  cancelReason?: string | null;
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
