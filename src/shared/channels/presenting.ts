// Planning a session's agenda and presenting it. State lives in main: every
// command is stored as an event, and the resulting state is pushed to every
// window ('presenting:changed').

import type { ParsedModule } from '../module-format';
import { BLOCK_KINDS } from '../module-format';
import type { Agenda, BudgetCheck } from '../presenting/agenda';
import type { PresentEvent } from '../presenting/clock';
import { channel, id, none, requiredText, z } from './define';

export interface ClosingSlide {
  moduleTitle: string;
  next: { date: string; startTime: string | null } | null;
}

export interface AgendaView {
  sessionId: number;
  agenda: Agenda;
  budget: BudgetCheck;
  /** The module text as it was when the session was planned. */
  module: ParsedModule;
  /** Agenda edits are closed once presenting has started. */
  editable: boolean;
}

export type ScreenMode = 'normaal' | 'zwart' | 'wit';

export interface PresentingState {
  sessionId: number;
  agenda: Agenda;
  events: PresentEvent[];
  /** Black or white audience screen (B / W). */
  screen: ScreenMode;
  /** Main's clock when this state was made, so windows can correct their own clock. */
  serverNow: number;
  /**
   * Grows with every change (commands and screen modes, across restarts of main): a window
   * applies a state only when its revision is not older than the one it shows, so a slow
   * answer to an earlier request can never put an old slide back.
   */
  revision: number;
}

const agendaItem = z.strictObject({
  key: requiredText('De sleutel van het agendapunt', 80).regex(/^[a-z0-9-]+$/, 'Een sleutel bestaat uit kleine letters, cijfers en streepjes.'),
  kind: z.enum(BLOCK_KINDS, { error: 'Onbekende soort blok.' }),
  title: requiredText('De titel van het agendapunt', 120),
  minutes: z
    .number({ error: 'Minuten moeten een getal zijn.' })
    .int('Minuten moeten een geheel getal zijn.')
    .min(1, 'Een agendapunt duurt minstens 1 minuut.')
    .max(180, 'Een agendapunt duurt hoogstens 180 minuten.'),
  slideIds: z.array(z.string().min(1).max(120)).max(200),
  blockId: z.string().max(120).nullable(),
});

export const presentingCommand = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('start'), slideId: z.string().min(1).max(120).optional() }),
    z.strictObject({ type: z.literal('next') }),
    z.strictObject({ type: z.literal('prev') }),
    z.strictObject({ type: z.literal('goto'), slideId: z.string().min(1).max(120) }),
    z.strictObject({ type: z.literal('gotoIndex'), index: z.number().int().min(0).max(10_000) }),
    z.strictObject({ type: z.literal('pause') }),
    z.strictObject({ type: z.literal('resume') }),
    z.strictObject({ type: z.literal('extend'), minutes: z.number().int().min(-30).max(60) }),
    z.strictObject({ type: z.literal('end') }),
    /** Continue an ended session on the slide where it ended. */
    z.strictObject({ type: z.literal('reopen') }),
    z.strictObject({ type: z.literal('screen'), mode: z.enum(['normaal', 'zwart', 'wit']) }),
  ],
  { error: 'Onbekende presentatieopdracht.' },
);
export type PresentingCommand = z.infer<typeof presentingCommand>;

export interface DisplayInfo {
  id: number;
  label: string;
  primary: boolean;
  width: number;
  height: number;
}

export interface AudienceWindowInfo {
  open: boolean;
  displayId: number | null;
  /** Dutch note for the facilitator, e.g. that no second screen was found. */
  note: string | null;
}

export const presentingChannels = {
  'agenda:get': channel(z.strictObject({ sessionId: id })).returns<AgendaView>(),
  'agenda:set': channel(
    z.strictObject({ sessionId: id, items: z.array(agendaItem).min(1, 'De agenda is leeg.').max(60) }),
  ).returns<AgendaView>(),
  'agenda:reset': channel(z.strictObject({ sessionId: id })).returns<AgendaView>(),
  'presenting:state': channel(z.strictObject({ sessionId: id })).returns<PresentingState>(),
  /** What the room's closing slide shows: the module and the group's next meeting (no names, no lists). */
  'presenting:closing': channel(z.strictObject({ sessionId: id })).returns<ClosingSlide>(),
  'presenting:command': channel(z.strictObject({ sessionId: id, command: presentingCommand })).returns<PresentingState>(),
  'displays:list': channel(none).returns<DisplayInfo[]>(),
  'audience:open': channel(
    z.strictObject({ sessionId: id, displayId: z.number().int().nonnegative().nullable() }),
  ).returns<AudienceWindowInfo>(),
  'audience:close': channel(none).returns<void>(),
};
