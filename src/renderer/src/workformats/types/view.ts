// What one work-format type looks like in the renderer: the facilitator's
// entry component (presenter view) and the results component (presenter view,
// audience screen, session record). Registered per type in index.ts.

import type { ReactNode } from 'react';
import type { WorkFormat } from '../../../../shared/module-format';
import type { EntryInput } from '../../../../shared/channels/workformats';
import type { ResultsOf, RunView } from '../../../../shared/work-formats';
import type { WorkFormatType } from '../../../../shared/module-format';

/** Stores one entry in the run (started on the first entry); resolves to undefined when main refused it. */
export type Add = (entry: EntryInput, participantId?: number | null) => Promise<unknown>;
/** Runs an action against the run (started when needed); shows main's error and resolves to undefined on a refusal. */
export type Run = <T>(action: (run: RunView) => Promise<T>) => Promise<T | undefined>;

export interface EntryProps {
  format: WorkFormat;
  /** Null until the first entry starts the run. */
  view: RunView | null;
  /** Participants marked present, for linking an entry to a person. */
  present: { participantId: number; name: string }[];
  add: Add;
  run: Run;
}

export interface ResultsProps<T extends WorkFormatType = WorkFormatType> {
  results: ResultsOf<T>;
  /** Names of linked participants (never on the audience screen). */
  showNames: boolean;
  /** On the projector: larger, a word cloud instead of a list. */
  audience: boolean;
}

// Methods, not function-typed properties: the view of one type must be storable where any
// type's view is expected, and TypeScript checks method parameters bivariantly.
export interface WorkFormatView<T extends WorkFormatType = WorkFormatType> {
  Entry(props: EntryProps): ReactNode;
  Results(props: ResultsProps<T>): ReactNode;
  /** The entry component is a board that already shows the results (brainstorm), so the panel does not repeat them. */
  board?: boolean;
  /** The run's timer shows on the audience screen once started (opdracht). */
  audienceTimer?: boolean;
}
