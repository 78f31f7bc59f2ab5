// Interactive work formats: runs (one use of a work format in a session,
// declared in the module or added on the spot) and the entries the
// facilitator records from the room. Every entry is stored the moment it is
// entered; windows reload on 'workformat:changed'.

import { WORK_FORMAT_TYPES } from '../module-format';
import type { EntryView, RunSummary, RunView } from '../work-formats';
import { channel, id, z } from './define';

const text = (what: string, max: number) =>
  z.string({ error: `${what} ontbreekt.` }).max(max, `${what} is te lang (hoogstens ${max} tekens).`);
const whole = (what: string) =>
  z.number({ error: `${what} moet een getal zijn.` }).int(`${what} moet een geheel getal zijn.`);
const slideId = z.string({ error: 'De dia ontbreekt.' }).min(1, 'De dia ontbreekt.').max(120, 'Deze dia-id is te lang.');

/** What the facilitator enters; which kinds a format takes is checked per format (services/work-formats). */
export const entryInput = z.discriminatedUnion(
  'kind',
  [
    // count sets the number; delta (+1 / −1 buttons) changes it, resolved in main inside the transaction,
    // so two quick clicks add two even when the second is sent before the first is answered.
    z.strictObject({
      kind: z.literal('count'),
      option: text('De optie', 200),
      count: whole('Het aantal').optional(),
      delta: whole('De verandering').min(-1000, 'Hoogstens 1000 tegelijk.').max(1000, 'Hoogstens 1000 tegelijk.').optional(),
    }),
    z.strictObject({
      kind: z.literal('vote'),
      option: text('De optie', 200).optional(),
      cardId: id.optional(),
      dots: whole('Het aantal stippen').optional(),
    }),
    z.strictObject({
      kind: z.literal('argument'),
      side: z.enum(['eens', 'neutraal', 'oneens'], { error: 'Kies eens, neutraal of oneens.' }).nullable().optional(),
      text: text('Het argument', 500),
    }),
    z.strictObject({ kind: z.literal('card'), text: text('De kaart', 300), clusterId: id.nullable().optional() }),
    z.strictObject({ kind: z.literal('cluster'), name: text('De naam van de cluster', 120) }),
    z.strictObject({ kind: z.literal('contribution'), text: text('De bijdrage', 1000) }),
    z.strictObject({ kind: z.literal('rating'), value: whole('Het cijfer'), count: whole('Het aantal').optional() }),
    z.strictObject({ kind: z.literal('rank'), order: z.array(text('De optie', 200), { error: 'Geef een volgorde.' }).max(50) }),
    z.strictObject({ kind: z.literal('word'), text: text('Het woord', 60) }),
    z.strictObject({ kind: z.literal('score'), value: whole('De score') }),
    z.strictObject({
      kind: z.literal('action'),
      what: text('Wat er gebeurt', 500),
      who: text('Wie het doet', 200).nullable().optional(),
      due: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'Een datum moet de vorm JJJJ-MM-DD hebben.')
        .nullable()
        .optional(),
      schoolId: id.nullable().optional(),
    }),
  ],
  { error: 'Onbekende soort invoer.' },
);
export type EntryInput = z.infer<typeof entryInput>;

/** A work format added on the spot; checked further like a module declaration (services/work-formats). */
export const adHocFormat = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'Een werkvorm-id bestaat uit kleine letters, cijfers en streepjes.')
    .max(80, 'Deze werkvorm-id is te lang.')
    .optional(),
  type: z.enum(WORK_FORMAT_TYPES, { error: `Kies een type werkvorm: ${WORK_FORMAT_TYPES.join(', ')}.` }),
  prompt: text('De vraag', 500),
  instructions: text('De instructie', 2000).optional(),
  options: z.array(text('Een optie', 200)).max(20, 'Hoogstens 20 opties.').optional(),
  multiple: z.boolean().optional(),
  minutes: whole('Minuten').optional(),
  scaleLabels: z.strictObject({ low: text('Het label voor 1', 60), high: text('Het label voor 10', 60) }).optional(),
  dots: whole('Het aantal stippen').optional(),
  answerKind: z.enum(['woord', 'score'], { error: 'Kies woord of score.' }).optional(),
  grouping: text('De groepjes', 120).optional(),
});
export type AdHocFormatInput = z.infer<typeof adHocFormat>;

const participantId = id.nullable().optional();

export const timerCommand = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('start'), minutes: whole('Minuten').optional() }),
    z.strictObject({ type: z.literal('pause') }),
    z.strictObject({ type: z.literal('resume') }),
    z.strictObject({ type: z.literal('extend'), minutes: whole('Minuten') }),
    z.strictObject({ type: z.literal('reset') }),
  ],
  { error: 'Onbekende opdracht voor de timer.' },
);
export type TimerCommand = z.infer<typeof timerCommand>;

export const workFormatChannels = {
  /** Starts (or reopens the latest run of) the work format declared on a slide of the session's module. */
  'runs:start': channel(z.strictObject({ sessionId: id, slideId, fresh: z.boolean().optional() })).returns<RunView>(),
  'runs:startAdHoc': channel(
    z.strictObject({ sessionId: id, slideId: slideId.nullable().optional(), format: adHocFormat }),
  ).returns<RunView>(),
  'runs:list': channel(z.strictObject({ sessionId: id })).returns<RunSummary[]>(),
  /** audience: results only once revealed, and never names. */
  'runs:results': channel(z.strictObject({ runId: id, audience: z.boolean().optional() })).returns<RunView>(),
  'runs:reveal': channel(z.strictObject({ runId: id, revealed: z.boolean({ error: 'Tonen is ja of nee.' }) })).returns<RunView>(),
  'runs:timer': channel(z.strictObject({ runId: id, command: timerCommand })).returns<RunView>(),
  /** Stores one entry in its own transaction; the stored entry is the acknowledgement. */
  /** afterEnd: added afterwards through the session record (an ended session refuses entries otherwise). */
  'entries:add': channel(
    z.strictObject({ runId: id, entry: entryInput, participantId, afterEnd: z.literal(true, { error: 'Na afloop toevoegen kan alleen aan staan.' }).optional() }),
  ).returns<EntryView>(),
  'entries:undo': channel(z.strictObject({ runId: id })).returns<{ undone: EntryView | null }>(),
  'entries:update': channel(z.strictObject({ entryId: id, entry: entryInput, participantId })).returns<EntryView>(),
  'entries:delete': channel(z.strictObject({ entryId: id })).returns<{ deleted: EntryView }>(),
};
