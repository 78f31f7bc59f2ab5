// Rondje (round): everyone says something in turn; always spoken, never from phones.

import { contributionsModule } from './contributions';
import { DECLARATION_RULES } from '../../../../shared/work-format-declarations';

export const rondje = contributionsModule('rondje', DECLARATION_RULES.rondje);
