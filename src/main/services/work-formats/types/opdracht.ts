// Opdracht (timed task): the room works for the declared minutes (the timer
// runs in the run, not in entries), then reports back as contributions; a
// declaration may say how the room splits into groups.

import { contributionsModule } from './contributions';
import { DECLARATION_RULES } from '../../../../shared/work-format-declarations';

export const opdracht = contributionsModule('opdracht', DECLARATION_RULES.opdracht);
