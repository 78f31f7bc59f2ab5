// How an answer from a phone becomes entries, per work-format type, in ONE
// place (issue 16). Each case says which answer kinds a question takes, what
// the phone sees (the extra PhonePrompt fields), which entries the answer
// becomes, which of this phone's earlier entries it replaces ("one answer per
// phone per question") and which text waits for the facilitator (pending).
// The entries are then checked by the same checkEntry as typed entries
// (phones.ts). Pure: no database. When each type gets its own module, each
// case below moves into that module unchanged.

import { AppError } from '../../../shared/errors';
import type { WorkFormat } from '../../../shared/module-format';
import type { EntryInput } from '../../../shared/channels/workformats';
import { PHONE_FORMAT_TYPES, type PhoneAnswer, type PhoneFormatType, type PhonePrompt } from '../../../shared/phone';
import { STATEMENT_SIDES, type EntryKind, type PhoneState } from '../../../shared/work-formats';

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
  /** This phone's earlier entries the answer replaces (deleted in the same transaction). */
  remove: number[];
}

export interface PhoneMapping {
  /** Which phone states the type can be opened in ('voting' only for a brainstorm). */
  states: PhoneState[];
  prompt(format: WorkFormat, state: PhoneState, cards: () => { id: number; text: string }[]): PromptFields;
  entries(format: WorkFormat, state: PhoneState, answer: PhoneAnswer, mine: DeviceEntry[]): PhoneEntries;
}

/** A phone may send at most this many cards to one brainstorm (a flood is not a brainstorm). */
export const MAX_CARDS_PER_PHONE = 30;

function bad(message: string): never {
  throw new AppError('ongeldige_invoer', message);
}

const WRONG_KIND = 'Dit antwoord past niet bij deze vraag; herlaad de pagina.';

function takeKind<K extends PhoneAnswer['kind']>(answer: PhoneAnswer, ...kinds: K[]): Extract<PhoneAnswer, { kind: K }> {
  if (!(kinds as string[]).includes(answer.kind)) bad(WRONG_KIND);
  return answer as Extract<PhoneAnswer, { kind: K }>;
}

const idsOf = (mine: DeviceEntry[], ...kinds: EntryKind[]) => mine.filter((e) => kinds.includes(e.kind)).map((e) => e.id);
const sameText = (a: unknown, b: string) => String(a).trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl');

export const PHONE_MAPPINGS: Record<PhoneFormatType, PhoneMapping> = {
  // One choice (or several when `multiple`); a new choice replaces the phone's earlier one.
  peiling: {
    states: ['open'],
    prompt: (format) => ({ options: format.options, multiple: format.multiple }),
    entries(format, _state, answer, mine) {
      const { options } = takeKind(answer, 'keuze');
      if (!format.multiple && options.length > 1) bad('Kies één antwoord.');
      const lower = options.map((o) => o.trim().toLocaleLowerCase('nl'));
      if (new Set(lower).size !== lower.length) bad('Een keuze staat er twee keer in.');
      return { add: options.map((option) => ({ entry: { kind: 'vote', option }, pending: false })), remove: idsOf(mine, 'vote') };
    },
  },
  // A side replaces the earlier side. An argument waits for the facilitator; a phone's
  // argument not yet let through is replaced, one already let through is not sent twice.
  stelling: {
    states: ['open'],
    prompt: () => ({ options: [...STATEMENT_SIDES], argument: true }),
    entries(_format, _state, answer, mine) {
      const { side, argument } = takeKind(answer, 'stelling');
      const text = argument?.trim() ?? '';
      const add: PhoneEntries['add'] = [{ entry: { kind: 'vote', option: side }, pending: false }];
      const shown = mine.some((e) => e.kind === 'argument' && !e.pending && sameText(e.payload.text, text));
      if (text && !shown) add.push({ entry: { kind: 'argument', side, text }, pending: true });
      return { add, remove: [...idsOf(mine, 'vote'), ...mine.filter((e) => e.kind === 'argument' && e.pending).map((e) => e.id)] };
    },
  },
  schaalvraag: {
    states: ['open'],
    prompt: (format) => ({ scaleLabels: format.scaleLabels ?? null }),
    entries(_format, _state, answer, mine) {
      const { value } = takeKind(answer, 'cijfer');
      return { add: [{ entry: { kind: 'rating', value, count: 1 }, pending: false }], remove: idsOf(mine, 'rating') };
    },
  },
  rangorde: {
    states: ['open'],
    prompt: (format) => ({ options: format.options }),
    entries(_format, _state, answer, mine) {
      const { order } = takeKind(answer, 'volgorde');
      return { add: [{ entry: { kind: 'rank', order }, pending: false }], remove: idsOf(mine, 'rank') };
    },
  },
  // 'open': cards come in (each waits for the facilitator). 'voting': each phone
  // divides its dots over the cards let through; a new division replaces the earlier one.
  brainstorm: {
    states: ['open', 'voting'],
    prompt: (format, state, cards) =>
      state === 'voting' ? { phase: 'stippen', cards: cards(), dots: format.dots ?? 3 } : { phase: 'kaarten' },
    entries(format, state, answer, mine) {
      if (state === 'voting') {
        const { dots } = takeKind(answer, 'stippen');
        const perPhone = format.dots ?? 3;
        const total = dots.reduce((sum, d) => sum + d.dots, 0);
        if (total > perPhone) bad(`Je hebt ${perPhone} ${perPhone === 1 ? 'stip' : 'stippen'}; je verdeelde er ${total}.`);
        if (new Set(dots.map((d) => d.card)).size !== dots.length) bad('Een kaart staat twee keer in je verdeling.');
        return {
          add: dots.map((d) => ({ entry: { kind: 'vote', cardId: d.card, dots: d.dots }, pending: false })),
          remove: idsOf(mine, 'vote'),
        };
      }
      const { text } = takeKind(answer, 'kaart');
      if (mine.filter((e) => e.kind === 'card').length >= MAX_CARDS_PER_PHONE) {
        bad(`Je hebt al ${MAX_CARDS_PER_PHONE} kaarten ingestuurd; meer kan niet bij deze brainstorm.`);
      }
      return { add: [{ entry: { kind: 'card', text }, pending: true }], remove: [] };
    },
  },
  'check-in': checkInOut(),
  'check-out': checkInOut(),
};

/** A word (waits for the facilitator) or a score; either replaces the phone's earlier answer. */
function checkInOut(): PhoneMapping {
  return {
    states: ['open'],
    prompt: (format) => ({ answerKind: format.answerKind ?? 'woord' }),
    entries(format, _state, answer, mine) {
      const kind = format.answerKind ?? 'woord';
      const a = takeKind(answer, kind === 'woord' ? 'woord' : 'score');
      const entry: EntryInput = a.kind === 'woord' ? { kind: 'word', text: a.text } : { kind: 'score', value: a.value };
      return { add: [{ entry, pending: a.kind === 'woord' }], remove: idsOf(mine, 'word', 'score') };
    },
  };
}

export function phoneMapping(type: string): PhoneMapping | null {
  return (PHONE_FORMAT_TYPES as readonly string[]).includes(type) ? PHONE_MAPPINGS[type as PhoneFormatType] : null;
}
