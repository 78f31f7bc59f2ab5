// Checks a work format declaration (added on the spot, or read back from a
// module) with the same rules the module parser applies, and fills defaults.

import { WORK_FORMAT_LABELS, WORK_FORMAT_TYPES, type WorkFormat, type WorkFormatType } from '../../../shared/module-format';
import { AppError } from '../../../shared/errors';
import { moduleOf, numberWord, typesTaking } from './types';
import type { DeclarationField } from './types/module';

export interface DeclarationInput {
  id?: string;
  type: WorkFormatType;
  prompt: string;
  instructions?: string;
  options?: string[];
  multiple?: boolean;
  minutes?: number;
  scaleLabels?: { low: string; high: string };
  dots?: number;
  answerKind?: 'woord' | 'score';
  grouping?: string;
  line?: number;
}

const DEFAULT_MINUTES = 5;
const DEFAULT_DOTS = 3;

function bad(message: string): never {
  throw new AppError('ongeldige_invoer', message);
}

/** Returns the declaration with defaults filled in; throws a Dutch AppError on the first problem. */
export function checkDeclaration(input: DeclarationInput, fallbackId = 'ter-plekke'): WorkFormat {
  const type = input.type;
  if (!(WORK_FORMAT_TYPES as readonly string[]).includes(type)) {
    bad(`Onbekend type werkvorm "${String(type)}". Kies uit: ${WORK_FORMAT_TYPES.join(', ')}.`);
  }
  const label = WORK_FORMAT_LABELS[type].toLowerCase();
  const id = input.id ?? fallbackId;
  if (!/^[a-z0-9-]+$/.test(id)) bad(`De werkvorm-id "${id}" mag alleen kleine letters, cijfers en streepjes bevatten.`);
  const prompt = (input.prompt ?? '').trim();
  if (!prompt) bad('De vraag van de werkvorm mag niet leeg zijn.');

  // Which types take which optional field, and how many options they need, is each type's own rule (types/).
  const rules = moduleOf(type).declaration;
  const only = (what: string, field: DeclarationField, present: boolean) => {
    if (present && !rules.fields.includes(field)) {
      bad(`${what} hoort niet bij een ${label} (alleen bij ${typesTaking(field).map((t) => WORK_FORMAT_LABELS[t].toLowerCase()).join(', ')}).`);
    }
  };
  only('Opties', 'options', (input.options ?? []).length > 0);
  only('Meer antwoorden', 'multiple', input.multiple === true);
  only('Labels', 'scaleLabels', input.scaleLabels !== undefined);
  only('Stippen', 'dots', input.dots !== undefined);
  only('Een antwoordsoort', 'answerKind', input.answerKind !== undefined);
  only('Groepjes', 'grouping', input.grouping !== undefined);

  const options = (input.options ?? []).map((o) => o.trim());
  if (options.some((o) => o === '')) bad('Een optie mag niet leeg zijn.');
  if (new Set(options.map((o) => o.toLowerCase())).size !== options.length) bad('Een optie staat er twee keer in.');
  if (rules.minOptions !== undefined && options.length < rules.minOptions) {
    bad(`Een ${label} heeft minstens ${numberWord(rules.minOptions)} opties nodig.`);
  }
  const minutes = input.minutes ?? DEFAULT_MINUTES;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 60) bad('Minuten is een heel getal van 1 tot en met 60.');
  const dots = input.dots ?? DEFAULT_DOTS;
  if (rules.fields.includes('dots') && (!Number.isInteger(dots) || dots < 1 || dots > 10)) {
    bad('Het aantal stippen per persoon is een heel getal van 1 tot en met 10.');
  }
  let scaleLabels: WorkFormat['scaleLabels'];
  if (input.scaleLabels) {
    const low = input.scaleLabels.low.trim();
    const high = input.scaleLabels.high.trim();
    if (!low || !high) bad('De labels voor 1 en 10 mogen niet leeg zijn.');
    scaleLabels = { low, high };
  }
  const instructions = input.instructions?.trim();
  const grouping = input.grouping?.trim();
  return {
    id,
    type,
    prompt,
    ...(instructions ? { instructions } : {}),
    options,
    multiple: input.multiple ?? false,
    minutes,
    ...(scaleLabels ? { scaleLabels } : {}),
    ...(rules.fields.includes('dots') ? { dots } : {}),
    ...(rules.fields.includes('answerKind') ? { answerKind: input.answerKind ?? 'woord' } : {}),
    ...(grouping ? { grouping } : {}),
    line: input.line ?? 0,
  };
}
