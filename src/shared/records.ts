// The life cycle of records (issue 11): delete with undo, archive, and the
// impact a destructive step shows before it happens.

export const RECORD_KINDS = ['organisation', 'school', 'group', 'participant', 'session', 'trajectory', 'interest', 'action'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface ImpactLine {
  /** Dutch, plural: "sessies", "lidmaatschappen". */
  what: string;
  count: number;
}

export interface RecordImpact {
  kind: RecordKind;
  id: number;
  /** The record as the user knows it: a name, or module and date. */
  label: string;
  /** "de organisatie", "het traject". */
  noun: string;
  /** Parts that go with a delete. */
  removes: ImpactLine[];
  /** Records with history that stop a delete. */
  blockers: ImpactLine[];
  canDelete: boolean;
  canArchive: boolean;
  archived: boolean;
}

/** The answer to a destructive step: what happened, and the token that undoes it in this app session. */
export interface UndoableResult {
  message: string;
  undoToken: string;
}
