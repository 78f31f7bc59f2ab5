// Trajectories, capacity, interest registrations, stappenplan, actions,
// attendance overviews, CSV import/export and privacy (AVG).
// File paths never come from the renderer: CSV import takes the text.

import type { Session } from '../domain';
import { STAP_KEYS } from '../stappenplan';
import {
  ACTION_STATUSES,
  INTEREST_STATUSES,
  TRAJECTORY_STATUSES,
  type Action,
  type AttendanceMatrix,
  type ConvertInterestResult,
  type CreateTrajectoryResult,
  type ImportPreview,
  type ImportResult,
  type InterestRegistration,
  type RetentionPreview,
  type RetentionResult,
  type SeasonCapacity,
  type StepsOverview,
  type SaveResult,
  type ImportFileResult,
  type TextExport,
  type Trajectory,
  type TrajectoryDetail,
} from '../trajectories';
import { channel, email, id, isoDate, optionalText, requiredText, z } from './define';

export const season = z
  .string({ error: 'Kies een seizoen.' })
  .regex(/^\d{4}-\d{4}$/, 'Een seizoen heeft de vorm JJJJ-JJJJ, bijvoorbeeld 2026-2027.')
  .refine((v) => Number(v.slice(5)) === Number(v.slice(0, 4)) + 1, 'Een seizoen loopt over twee opeenvolgende jaren, bijvoorbeeld 2026-2027.');

const trajectoryStatus = z.enum(TRAJECTORY_STATUSES, { error: 'Kies een status: wachtlijst, gepland, lopend, afgerond of geannuleerd.' });
const moduleIds = z
  .array(requiredText('Een thema', 100), { error: 'Thema’s moeten een lijst zijn.' })
  .max(50, 'Kies hoogstens 50 thema’s.');
const search = z.string().trim().max(120, 'De zoekterm is te lang (hoogstens 120 tekens).').optional();
const csvText = z
  .string({ error: 'De CSV-tekst ontbreekt.' })
  .max(2_000_000, 'Het CSV-bestand is te groot (hoogstens 2 MB).');
const years = z
  .number({ error: 'De bewaartermijn moet een aantal jaren zijn.' })
  .int('De bewaartermijn moet een geheel aantal jaren zijn.')
  .min(1, 'De bewaartermijn is minstens 1 jaar.')
  .max(50, 'De bewaartermijn is hoogstens 50 jaar.');

const importOptions = {
  onlyGoodRows: z.boolean({ error: 'Alleen de goede rijen is ja of nee.' }).optional(),
  createSchools: z.boolean({ error: 'Scholen aanmaken is ja of nee.' }).optional(),
  newSchoolSector: z.enum(['po', 'vo', 'go', 'mbo'], { error: 'Kies een sector voor nieuwe scholen: po, vo, go of mbo.' }).optional(),
  existing: z.enum(['bijwerken', 'overslaan'], { error: 'Kies: bestaande deelnemers bijwerken of overslaan.' }).optional(),
};

export const trajectoryInputs = {
  create: z.strictObject({
    organisationId: id,
    groupId: id.nullable().optional(),
    name: requiredText('De naam van het traject'),
    season,
    themes: moduleIds.optional(),
    notes: optionalText('De notitie', 2000),
    waitingList: z.boolean({ error: 'Wachtlijst is ja of nee.' }).optional(),
  }),
  update: z.strictObject({
    id,
    name: requiredText('De naam van het traject').optional(),
    groupId: id.nullable().optional(),
    season: season.optional(),
    themes: moduleIds.optional(),
    notes: optionalText('De notitie', 2000),
  }),
  interest: z.strictObject({
    organisationName: requiredText('De naam van de organisatie'),
    organisationId: id.nullable().optional(),
    contactName: requiredText('De naam van de contactpersoon', 120),
    contactEmail: email,
    receivedOn: isoDate,
    deadline: isoDate,
    season,
    modules: moduleIds.optional(),
    notes: optionalText('De notitie', 2000),
    acceptLate: z.boolean({ error: 'Toch aannemen is ja of nee.' }).optional(),
    lateNote: optionalText('De notitie bij een late aanmelding', 500),
  }),
  convert: z.strictObject({
    id,
    to: z.enum(['traject', 'wachtlijst', 'afgewezen'], { error: 'Kies: omzetten in een traject, wachtlijst of afwijzen.' }),
    organisationId: id.nullable().optional(),
    groupId: id.nullable().optional(),
    name: requiredText('De naam van het traject').nullable().optional(),
  }),
  step: z.strictObject({
    trajectoryId: id,
    schoolId: id,
    stepKey: z.enum(STAP_KEYS, { error: 'Kies een stap uit het stappenplan.' }),
    doneOn: isoDate.nullable().optional(),
    notes: optionalText('De notitie', 2000),
  }),
  action: z.strictObject({
    groupId: id.nullable().optional(),
    sessionId: id.nullable().optional(),
    trajectoryId: id.nullable().optional(),
    schoolId: id.nullable().optional(),
    participantId: id.nullable().optional(),
    stepKey: z.enum(STAP_KEYS, { error: 'Kies een stap uit het stappenplan.' }).nullable().optional(),
    slideId: optionalText('De dia', 100),
    workFormatId: optionalText('De werkvorm', 100),
    what: requiredText('Wat er gedaan wordt', 500),
    who: optionalText('Wie het doet', 200),
    due: isoDate.nullable().optional(),
  }),
  actionUpdate: z.strictObject({
    id,
    status: z.enum(ACTION_STATUSES, { error: 'Kies een status: open, bezig, gedaan of vervallen.' }).optional(),
    what: requiredText('Wat er gedaan wordt', 500).optional(),
    who: optionalText('Wie het doet', 200),
    due: isoDate.nullable().optional(),
  }),
  csv: z.strictObject({ organisationId: id, csv: csvText, groupId: id.nullable().optional(), ...importOptions }),
};

export const trajectoryChannels = {
  'trajectories:list': channel(
    z
      .strictObject({
        season: season.optional(),
        status: trajectoryStatus.optional(),
        organisationId: id.optional(),
        search,
        limit: z.number().int().min(1).max(5000, 'Hoogstens 5000 trajecten per keer.').optional(),
      })
      .optional(),
  ).returns<Trajectory[]>(),
  'trajectories:create': channel(trajectoryInputs.create).returns<CreateTrajectoryResult>(),
  'trajectories:get': channel(z.strictObject({ id })).returns<TrajectoryDetail>(),
  'trajectories:update': channel(trajectoryInputs.update).returns<Trajectory>(),
  'trajectories:setStatus': channel(z.strictObject({ id, status: trajectoryStatus })).returns<Trajectory>(),
  'trajectories:linkSession': channel(
    z.strictObject({ sessionId: id, trajectoryId: id.nullable() }),
  ).returns<Session>(),

  'capacity:get': channel(z.strictObject({ season })).returns<SeasonCapacity>(),
  'capacity:set': channel(
    z.strictObject({
      season,
      capacity: z
        .number({ error: 'De capaciteit moet een aantal zijn.' })
        .int('De capaciteit moet een geheel getal zijn.')
        .min(1, 'De capaciteit is minstens 1 plaats; laat het veld leeg voor geen grens.')
        .max(1000, 'De capaciteit is hoogstens 1000.')
        .nullable(),
    }),
  ).returns<SeasonCapacity>(),

  'interest:list': channel(
    z
      .strictObject({
        season: season.optional(),
        status: z.enum(INTEREST_STATUSES, { error: 'Kies een status: nieuw, omgezet, wachtlijst of afgewezen.' }).optional(),
        search,
      })
      .optional(),
  ).returns<InterestRegistration[]>(),
  'interest:create': channel(trajectoryInputs.interest).returns<InterestRegistration>(),
  'interest:convert': channel(trajectoryInputs.convert).returns<ConvertInterestResult>(),
  'interest:update': channel(
    trajectoryInputs.interest.omit({ organisationId: true, acceptLate: true, lateNote: true }).partial().extend({ id }),
  ).returns<InterestRegistration>(),
  /** Link to an existing organisation, or create one from the registration's name (newOrganisation). */
  'interest:link': channel(
    z.strictObject({
      id,
      organisationId: id.optional(),
      newOrganisation: z
        .strictObject({
          name: requiredText('De naam van de organisatie'),
          kind: z.enum(['scholengroep', 'stichting', 'samenwerkingsverband', 'gemeente', 'ggd'], { error: 'Kies een soort organisatie.' }),
        })
        .optional(),
    }),
  ).returns<InterestRegistration>(),

  'steps:get': channel(z.strictObject({ trajectoryId: id })).returns<StepsOverview>(),
  'steps:set': channel(trajectoryInputs.step).returns<StepsOverview>(),

  'actions:list': channel(
    z.strictObject({
      groupId: id.optional(),
      sessionId: id.optional(),
      trajectoryId: id.optional(),
      schoolId: id.optional(),
      status: z.enum(ACTION_STATUSES, { error: 'Kies een status: open, bezig, gedaan of vervallen.' }).optional(),
    }),
  ).returns<Action[]>(),
  'actions:create': channel(trajectoryInputs.action).returns<Action>(),
  'actions:update': channel(trajectoryInputs.actionUpdate).returns<Action>(),

  'attendance:matrix': channel(z.strictObject({ trajectoryId: id })).returns<AttendanceMatrix>(),
  'attendance:exportCsv': channel(z.strictObject({ trajectoryId: id })).returns<TextExport>(),

  /** token: from participants:erasePreview; the erasure is refused when the data changed since. */
  'participants:erase': channel(
    z.strictObject({ participantId: id, token: z.string().max(64, 'Ongeldige bevestiging.').optional() }),
  ).returns<{ walCleared: boolean }>(),
  'participants:export': channel(z.strictObject({ participantId: id })).returns<TextExport>(),
  'participants:importPreview': channel(trajectoryInputs.csv).returns<ImportPreview>(),
  'participants:importCommit': channel(trajectoryInputs.csv).returns<ImportResult>(),
  'participants:exportCsv': channel(
    z.strictObject({ organisationId: id.optional(), groupId: id.optional(), schoolId: id.optional(), search }).optional(),
  ).returns<TextExport>(),

  // Files: main asks the user (open/save dialog) and reads or writes; the renderer never sends a path.
  'participants:importFile': channel(
    z.strictObject({
      organisationId: id,
      groupId: id.nullable().optional(),
      commit: z.boolean({ error: 'Inlezen is ja of nee.' }).optional(),
      ...importOptions,
    }),
  ).returns<ImportFileResult>(),
  'participants:saveCsv': channel(
    z.strictObject({ organisationId: id.optional(), groupId: id.optional(), schoolId: id.optional(), search }).optional(),
  ).returns<SaveResult>(),
  'participants:saveExport': channel(z.strictObject({ participantId: id })).returns<SaveResult>(),
  'attendance:saveMatrixCsv': channel(z.strictObject({ trajectoryId: id })).returns<SaveResult>(),

  'retention:preview': channel(z.strictObject({ years })).returns<RetentionPreview>(),
  'retention:apply': channel(
    z.strictObject({
      years,
      token: z.string({ error: 'De bevestiging ontbreekt.' }).regex(/^[0-9a-f]{32}$/, 'De bevestiging is ongeldig; bekijk eerst wat er wordt verwijderd.'),
    }),
  ).returns<RetentionResult & { walCleared: boolean }>(),
};
