// What one work-format type is, in one place: the entries it takes and how
// each is checked, how its results are folded, and how those results are
// written to the CSV export, the PDF report and its pseudonymised copy.
// Adding a type means adding one module next to this file, registering it in
// index.ts and adding its row (and any new entry kind) to the lookup tables
// in a migration; tests/unit/work-format-registry.test.ts fails otherwise.

import type { WorkFormat, WorkFormatType } from '../../../../shared/module-format';
import type { EntryKind, ResultsOf } from '../../../../shared/work-formats';
import type { EntryInput } from '../../../../shared/channels/workformats';
import type { PhoneFormatType } from '../../../../shared/phone';
import type { PhoneInput } from './phone';
import type { ReportWriter, StructElement } from '../../../reports/writer';
import type { DeclarationRules } from '../../../../shared/work-format-declarations';

/** An entry as stored: kind, payload (the input without kind) and the linked participant. */
export interface StoredEntry {
  id: number;
  kind: EntryKind;
  payload: Record<string, unknown>;
  participantId: number | null;
}

export interface EntryContext {
  /** The run's other entries (when editing: without the entry being edited), in the order entered. */
  entries: StoredEntry[];
  participantId: number | null;
  /** Participants marked present in the session (0 when attendance was not taken). */
  presentCount: number;
  /** Display name for a linked participant, for messages. */
  participantName?: string | null;
}

export interface ResultContext {
  /** Name of a linked participant; null hides names (audience view). */
  nameOf?: (participantId: number | null) => string | null;
  /** The agreed action an actieplan entry wrote (school name and status live there). */
  actionOf?: (entryId: number) => { actionId: number; schoolName: string | null; status: string } | undefined;
}

export type EntryOfKind<K extends EntryKind> = Extract<EntryInput, { kind: K }>;
export type { ResultsOf };

/** Checks one entry of one kind; returns the payload to store or throws a Dutch AppError. */
export type KindCheck<K extends EntryKind> = (format: WorkFormat, entry: EntryOfKind<K>, ctx: EntryContext) => Record<string, unknown>;

/** The kinds a type takes, each with its check. A kind not listed is refused for the type. */
export type EntryChecks = { [K in EntryKind]?: KindCheck<K> };

/** One CSV row after the run's columns: soort, waarde, aantal. */
export type CsvRow = [kind: string, value: string, count: number | string | null];

/** How the pseudonymised report rewrites a result: free text scanned, a linked name replaced by its pseudonym. */
export interface ResultPseudonymiser {
  text(text: string): string;
  person(name: string | null): string | null;
}

export type { DeclarationField, DeclarationRules } from '../../../../shared/work-format-declarations';

// Methods (not function-typed properties) on purpose: a module for one type must be storable
// where any type's module is expected, and TypeScript checks method parameters bivariantly.
export interface WorkFormatTypeModule<T extends WorkFormatType = WorkFormatType> {
  type: T;
  /** What a declaration of this type may and must say (module parser and ad-hoc formats). */
  declaration: DeclarationRules;
  /** The entry kinds this type takes and the check of each. */
  entries: EntryChecks;
  /** The run's results, folded from its counted entries in the order entered. Pure. */
  results(format: WorkFormat, entries: StoredEntry[], ctx: ResultContext): ResultsOf<T>;
  /** Rows of the results CSV (no participant names). */
  csvRows(results: ResultsOf<T>): CsvRow[];
  /** The results in the session report, under the run's heading and prompt. */
  writeReport(w: ReportWriter, results: ResultsOf<T>, prompt: string, parent: StructElement): void;
  /** One line for "In het kort" (starting with `lead`: the label and the quoted prompt), or null when nothing came out. */
  outcome(results: ResultsOf<T>, lead: string): string | null;
  /** A copy of the results with people replaced, for the pseudonymised report. */
  pseudonymise(results: ResultsOf<T>, p: ResultPseudonymiser): ResultsOf<T>;
  /** The free text of the results (after pseudonymising), scanned for names still left. */
  freeTexts(results: ResultsOf<T>): string[];
  /**
   * What the service must read besides the run's entries, only for the types that use it (so a
   * long round or poll stays one query): the agreed actions the entries wrote (for `actionOf`),
   * and the number present, for the checks of these entry kinds (`EntryContext.presentCount`).
   */
  reads?: { actions?: true; presentCountFor?: readonly EntryKind[] };
  /** How phones answer this type (src/shared/phone.ts); only types phones can answer have it. */
  phone?: T extends PhoneFormatType ? PhoneInput : never;
}
