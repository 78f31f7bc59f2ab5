// The one IPC contract. Every channel is declared here once: its name
// (`area:verb`), a zod schema for its input and the type of its result.
// Main registers a validated handler per channel, preload exposes one
// function per channel, and the renderer's client is typed from this map.

import { z } from 'zod';
import type {
  AttendanceRow,
  Group,
  Organisation,
  Participant,
  School,
  Session,
} from './domain';
import {
  ATTENDANCE_STATUSES,
  GROUP_KINDS,
  ORGANISATION_KINDS,
  PARTICIPANT_ROLES,
} from './domain';
import type { ModuleLibrary, ParsedModule } from './module-format';

// Dutch messages for zod's built-in checks (a user may see them).
z.config(z.locales.nl());

/** Declares a channel: `channel(inputSchema).returns<Result>()`. */
function channel<I extends z.ZodType>(input: I) {
  return {
    returns<R>() {
      return { input, result: undefined as unknown as R };
    },
  };
}

const id = z.number({ error: 'Een id moet een geheel getal zijn.' }).int().positive();
const requiredText = (what: string, max = 200) =>
  z
    .string({ error: `${what} ontbreekt.` })
    .trim()
    .min(1, `${what} mag niet leeg zijn.`)
    .max(max, `${what} is te lang (hoogstens ${max} tekens).`);
const optionalText = (what: string, max = 200) =>
  z
    .string()
    .trim()
    .max(max, `${what} is te lang (hoogstens ${max} tekens).`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Een datum moet de vorm JJJJ-MM-DD hebben.')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'Deze datum bestaat niet.');
const time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Een tijd moet de vorm UU:MM hebben.')
  .nullable()
  .optional();
const email = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : v))
  .pipe(z.email('Dit is geen geldig e-mailadres.').nullable())
  .nullable()
  .optional();
const none = z.undefined().or(z.object({}).strict()).optional();

export const inputs = {
  organisation: z.object({
    name: requiredText('De naam van de organisatie'),
    kind: z.enum(ORGANISATION_KINDS, { error: 'Kies een soort organisatie.' }),
  }),
  school: z.object({
    organisationId: id,
    name: requiredText('De naam van de school'),
    sector: z.enum(['po', 'vo', 'go', 'mbo'], { error: 'Kies een sector: po, vo, go of mbo.' }),
  }),
  participant: z.object({
    organisationId: id,
    schoolId: id.nullable().optional(),
    name: requiredText('De naam van de deelnemer', 120),
    role: z.enum(PARTICIPANT_ROLES, { error: 'Kies een rol uit de lijst.' }),
    email,
  }),
  group: z.object({
    organisationId: id,
    name: requiredText('De naam van de groep'),
    kind: z.enum(GROUP_KINDS, { error: 'Kies groep of kernteam.' }),
  }),
  session: z.object({
    groupId: id,
    moduleId: requiredText('De module'),
    date: isoDate,
    startTime: time,
    location: optionalText('De locatie'),
    facilitator: optionalText('De naam van de begeleider', 120),
  }),
};

export const contract = {
  'app:info': channel(none).returns<AppInfo>(),
  'app:dismissDemo': channel(none).returns<void>(),
  'demo:load': channel(none).returns<DemoResult>(),

  'modules:list': channel(none).returns<ModuleLibrary>(),
  'modules:reload': channel(none).returns<ModuleLibrary>(),
  'modules:get': channel(z.object({ id: requiredText('De module') })).returns<ParsedModule>(),

  'organisations:list': channel(none).returns<Organisation[]>(),
  'organisations:create': channel(inputs.organisation).returns<Organisation>(),

  'schools:list': channel(z.object({ organisationId: id })).returns<School[]>(),
  'schools:create': channel(inputs.school).returns<School>(),

  'participants:list': channel(
    z.object({ organisationId: id.optional(), groupId: id.optional() }).optional(),
  ).returns<Participant[]>(),
  'participants:create': channel(inputs.participant).returns<Participant>(),

  'groups:list': channel(z.object({ organisationId: id.optional() }).optional()).returns<Group[]>(),
  'groups:create': channel(inputs.group).returns<Group>(),
  'groups:addMember': channel(z.object({ groupId: id, participantId: id })).returns<void>(),
  'groups:removeMember': channel(z.object({ groupId: id, participantId: id })).returns<void>(),

  'sessions:list': channel(z.object({ groupId: id.optional() }).optional()).returns<Session[]>(),
  'sessions:create': channel(inputs.session).returns<Session>(),
  'sessions:get': channel(z.object({ id })).returns<Session>(),

  'attendance:list': channel(z.object({ sessionId: id })).returns<AttendanceRow[]>(),
  'attendance:set': channel(
    z.object({
      sessionId: id,
      participantId: id,
      status: z.enum(ATTENDANCE_STATUSES, { error: 'Kies aanwezig, te laat, afgemeld of afwezig.' }).nullable(),
    }),
  ).returns<AttendanceRow[]>(),

  'reports:exportSession': channel(
    z.object({ sessionId: id, pseudonymise: z.boolean().optional() }),
  ).returns<ExportResult>(),
} as const;

export interface AppInfo {
  version: string;
  dataDir: string;
  userModulesDir: string;
  databaseFile: string;
  /** True when the database holds no organisations and the demo offer was not dismissed. */
  offerDemo: boolean;
}

export interface DemoResult {
  organisations: number;
  participants: number;
  sessions: number;
}

export interface ExportResult {
  /** False when the user cancelled the save dialog. */
  saved: boolean;
  path: string | null;
  pages: number;
}

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelResult<C extends Channel> = Contract[C]['result'];
export const CHANNELS = Object.keys(contract) as Channel[];
