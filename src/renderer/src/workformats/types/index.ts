// The registry of the renderer's per-type views: presenter input, results on
// the projector and in the session record all come from here.

import type { WorkFormatType } from '../../../../shared/module-format';
import type { WorkFormatView } from './view';
import { peiling } from './peiling';
import { stelling } from './stelling';
import { brainstorm } from './brainstorm';
import { rondje } from './rondje';
import { schaalvraag } from './schaalvraag';
import { rangorde } from './rangorde';
import { opdracht } from './opdracht';
import { actieplan } from './actieplan';
import { checkIn, checkOut } from './check-in-out';

export const WORK_FORMAT_VIEWS: { readonly [T in WorkFormatType]: WorkFormatView<T> } = {
  peiling,
  stelling,
  brainstorm,
  rondje,
  schaalvraag,
  rangorde,
  opdracht,
  actieplan,
  'check-in': checkIn,
  'check-out': checkOut,
};

/** The view of a type, typed for any type (callers holding a RunResults pass it as it is). */
export function viewOf(type: WorkFormatType): WorkFormatView {
  return WORK_FORMAT_VIEWS[type];
}

export type { WorkFormatView, EntryProps, ResultsProps, Add, Run } from './view';
