// What a declaration of each work-format type may and must say: the optional
// fields it takes and the options it needs at least. One table for both sides:
// main checks module files and ad-hoc formats against it (each type's module,
// src/main/services/work-formats/types/), and the presenter's "Werkvorm
// toevoegen" form asks for options exactly where main will want them.

import type { WorkFormatType } from './module-format';

/** Optional fields of a declaration that only some types take (named as in WorkFormat). */
export type DeclarationField = 'options' | 'multiple' | 'scaleLabels' | 'dots' | 'answerKind' | 'grouping';

export interface DeclarationRules {
  /** The optional fields this type takes; a module file or an ad-hoc format giving another is refused. */
  fields: readonly DeclarationField[];
  /** Options it needs at least (peiling, rangorde). */
  minOptions?: number;
}

export const DECLARATION_RULES: { readonly [T in WorkFormatType]: DeclarationRules } = {
  peiling: { fields: ['options', 'multiple'], minOptions: 2 },
  stelling: { fields: [] },
  brainstorm: { fields: ['dots'] },
  rondje: { fields: [] },
  schaalvraag: { fields: ['scaleLabels'] },
  rangorde: { fields: ['options'], minOptions: 2 },
  opdracht: { fields: ['grouping'] },
  actieplan: { fields: [] },
  'check-in': { fields: ['answerKind'] },
  'check-out': { fields: ['answerKind'] },
};
