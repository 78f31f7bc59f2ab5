// What main reports about work format runs and their entries; shared by the
// facilitator's view and the audience view.

import type { WorkFormat, WorkFormatType } from './module-format';

export const ENTRY_KINDS = [
  'count',
  'vote',
  'argument',
  'card',
  'cluster',
  'contribution',
  'rating',
  'rank',
  'word',
  'score',
  'action',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Who typed an entry: the facilitator, or a participant's phone over the room's network. */
export const ENTRY_SOURCES = ['facilitator', 'phone'] as const;
export type EntrySource = (typeof ENTRY_SOURCES)[number];

/**
 * Whether phones may answer a run: not offered, open now, open for a brainstorm's
 * dot voting (cards are closed then), or closed by the facilitator.
 */
export const PHONE_STATES = ['off', 'open', 'voting', 'closed'] as const;
export type PhoneState = (typeof PHONE_STATES)[number];

export const STATEMENT_SIDES = ['eens', 'neutraal', 'oneens'] as const;
export type StatementSide = (typeof STATEMENT_SIDES)[number];

/** One stored entry. The payload is the entry as entered, without `kind`. */
export interface EntryView {
  id: number;
  runId: number;
  kind: EntryKind;
  payload: Record<string, unknown>;
  /** Set only when the facilitator linked a present participant (null on the audience view). */
  participantId: number | null;
  participantName: string | null;
  source: EntrySource;
  /** Free text from a phone waiting for the facilitator; it counts in no result until let through. */
  pending: boolean;
  createdAt: string;
  updatedAt: string;
}

export type TimerStatus = 'niet_gestart' | 'loopt' | 'gepauzeerd' | 'afgelopen';

export interface TimerState {
  status: TimerStatus;
  /** Total length in ms (planned minutes plus extensions). */
  totalMs: number;
  remainingMs: number;
  /** Main's clock when this state was made. */
  serverNow: number;
}

export interface Tally {
  option: string;
  count: number;
}

export type RunResults =
  | { type: 'peiling'; tallies: Tally[]; total: number }
  | {
      type: 'stelling';
      tallies: Tally[];
      total: number;
      arguments: { entryId: number; side: StatementSide | null; text: string }[];
    }
  | {
      type: 'brainstorm';
      cards: { entryId: number; text: string; clusterId: number | null; dots: number }[];
      clusters: { entryId: number; name: string; cardIds: number[]; dots: number }[];
      dotsPerPerson: number;
      dotsUsed: number;
    }
  | { type: 'rondje' | 'opdracht'; contributions: { entryId: number; text: string; participantName: string | null }[] }
  | {
      type: 'schaalvraag';
      /** Index 0 is the count for 1, index 9 for 10. */
      distribution: number[];
      n: number;
      mean: number | null;
      labels: { low: string; high: string } | null;
    }
  | { type: 'rangorde'; ranking: { option: string; points: number; firstPlaces: number; place: number }[]; n: number }
  | {
      type: 'actieplan';
      actions: {
        entryId: number;
        actionId: number | null;
        what: string;
        who: string | null;
        due: string | null;
        schoolName: string | null;
        participantName: string | null;
        status: string | null;
      }[];
    }
  | {
      type: 'check-in' | 'check-out';
      answerKind: 'woord' | 'score';
      words: { word: string; count: number }[];
      distribution: number[];
      n: number;
      mean: number | null;
    };

/** The results of one type (a rondje's are shaped like an opdracht's, so this is not a plain Extract). */
export type ResultsOf<T extends WorkFormatType> = RunResults extends infer R ? (R extends { type: infer U } ? (T extends U ? R : never) : never) : never;

export interface RunSummary {
  id: number;
  sessionId: number;
  slideId: string | null;
  workFormatId: string;
  moduleVersion: string;
  type: WorkFormatType;
  prompt: string;
  adHoc: boolean;
  revealed: boolean;
  phoneState: PhoneState;
  entries: number;
  createdAt: string;
}

export interface RunView {
  run: RunSummary;
  declaration: WorkFormat;
  timer: TimerState;
  /** Null on the audience view until revealed. */
  results: RunResults | null;
  /** Entries in the order entered (empty on the audience view). */
  entries: EntryView[];
  /**
   * Schaalvraag, peiling and stelling: the result split per school of the linked participants,
   * when at least two schools have linked entries; otherwise (and on the audience view until
   * revealed) null or absent. Never names.
   */
  bySchool?: SchoolSplit | null;
}

/** One row of a result split per school (src/main/services/work-formats/by-school.ts). */
export interface SchoolSplitRow {
  /** The school's name, or "Zonder school" (linked people without a school) or "Niet gekoppeld" (anonymous entries). */
  label: string;
  /** True for a school; false for the two rows without one. */
  school: boolean;
  /** Answers (schaalvraag) or votes (peiling, stelling) in this row. */
  n: number;
  /** Schaalvraag: the mean of this row (two decimals); null otherwise or without answers. */
  mean: number | null;
  /** Peiling, stelling: this row's count per option, in the declared order; null for a schaalvraag. */
  tallies: Tally[] | null;
}

export interface SchoolSplit {
  type: 'schaalvraag' | 'peiling' | 'stelling';
  /** Schools by name, then "Zonder school", then "Niet gekoppeld"; rows without answers are left out. */
  rows: SchoolSplitRow[];
}
