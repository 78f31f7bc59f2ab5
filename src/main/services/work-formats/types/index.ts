// The registry: every work-format type's module, by type. Everything that
// differs per type (entries, results, CSV, report, phone input) is asked here
// instead of switching on the type.

import { WORK_FORMAT_TYPES, type WorkFormatType } from '../../../../shared/module-format';
import type { EntryKind } from '../../../../shared/work-formats';
import type { DeclarationField, WorkFormatTypeModule } from './module';
import type { PhoneInput } from './phone';
import { peiling } from './peiling';
import { stelling } from './stelling';
import { brainstorm } from './brainstorm';
import { rondje } from './rondje';
import { schaalvraag } from './schaalvraag';
import { rangorde } from './rangorde';
import { opdracht } from './opdracht';
import { actieplan } from './actieplan';
import { checkIn } from './check-in';
import { checkOut } from './check-out';

export const WORK_FORMAT_TYPE_MODULES: { readonly [T in WorkFormatType]: WorkFormatTypeModule<T> } = {
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

/** The module of a type, typed for any type (callers holding a RunResults pass it as it is). */
export function moduleOf(type: WorkFormatType): WorkFormatTypeModule {
  return WORK_FORMAT_TYPE_MODULES[type];
}

/** How phones answer a type, or null when it stays spoken (a round, a task, an action plan). */
export function phoneInputOf(type: WorkFormatType): PhoneInput | null {
  return (moduleOf(type).phone as PhoneInput | undefined) ?? null;
}

/** The types whose declarations take a field, in the order of WORK_FORMAT_TYPES (for messages). */
export function typesTaking(field: DeclarationField): WorkFormatType[] {
  return WORK_FORMAT_TYPES.filter((t) => moduleOf(t).declaration.fields.includes(field));
}

/** "twee" for 2 (Dutch writes small numbers out in a sentence); larger numbers as digits. */
export function numberWord(n: number): string {
  return ['nul', 'één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien'][n] ?? String(n);
}

/** The entry kinds a type takes. */
export function kindsOf(type: WorkFormatType): EntryKind[] {
  return Object.keys(moduleOf(type).entries) as EntryKind[];
}
export type { WorkFormatTypeModule } from './module';
