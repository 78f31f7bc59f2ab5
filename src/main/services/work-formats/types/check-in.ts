// Check-in: how people arrive, as a word or a score.

import { checkModule } from './check-in-out';

export const checkIn = checkModule('check-in');
