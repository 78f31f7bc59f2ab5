// Rondje (round): everyone says something in turn; always spoken, never from phones.

import { contributionsModule } from './contributions';

export const rondje = contributionsModule('rondje', { fields: [] });
