// Phone input (issue 16): what a type's module declares when participants can
// answer it from their phones over the room's network. Each phone-capable
// type's module carries its own PhoneInput (peiling.ts, stelling.ts, …); the
// room server (services/work-formats/phones.ts) only asks the module. The
// entries an answer becomes are checked by the same entry checks as typed ones.

import { AppError } from '../../../../shared/errors';
import type { WorkFormat } from '../../../../shared/module-format';
import type { EntryInput } from '../../../../shared/channels/workformats';
import type { PhoneAnswer, PhonePrompt } from '../../../../shared/phone';
import type { EntryKind, PhoneState } from '../../../../shared/work-formats';

export type OpenPrompt = Extract<PhonePrompt, { state: 'open' }>;
/** The type-specific fields of an open prompt. */
export type PromptFields = Omit<OpenPrompt, 'state' | 'revision' | 'question' | 'type' | 'prompt'>;

/** One of this phone's earlier entries in the run. */
export interface DeviceEntry {
  id: number;
  kind: EntryKind;
  pending: boolean;
  payload: Record<string, unknown>;
}

export interface PhoneEntries {
  /** Entries to store, in order; `pending` ones wait for the facilitator. */
  add: { entry: EntryInput; pending: boolean }[];
  /** This phone's earlier entries the answer replaces (deleted in the same transaction): one answer per phone. */
  remove: number[];
}

export interface PhoneInput {
  /** Which phone states the type can be opened in ('voting' only for a brainstorm). */
  states: PhoneState[];
  /** The prompt's type-specific fields; `cards` reads the cards let through (asked only when needed). */
  prompt(format: WorkFormat, state: PhoneState, cards: () => { id: number; text: string }[]): PromptFields;
  /** Maps an answer to entries; throws a Dutch AppError when the answer does not fit this question. */
  entries(format: WorkFormat, state: PhoneState, answer: PhoneAnswer, mine: DeviceEntry[]): PhoneEntries;
}

/** A phone may send at most this many cards to one brainstorm (a flood is not a brainstorm). */
export const MAX_CARDS_PER_PHONE = 30;

export function refuse(message: string): never {
  throw new AppError('ongeldige_invoer', message);
}

const WRONG_KIND = 'Dit antwoord past niet bij deze vraag; herlaad de pagina.';

/** The answer when it is one of `kinds`; otherwise the phone shows an old question (refused). */
export function takeKind<K extends PhoneAnswer['kind']>(answer: PhoneAnswer, ...kinds: K[]): Extract<PhoneAnswer, { kind: K }> {
  if (!(kinds as string[]).includes(answer.kind)) refuse(WRONG_KIND);
  return answer as Extract<PhoneAnswer, { kind: K }>;
}

export const idsOf = (mine: DeviceEntry[], ...kinds: EntryKind[]) => mine.filter((e) => kinds.includes(e.kind)).map((e) => e.id);
export const sameText = (a: unknown, b: string) => String(a).trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl');
