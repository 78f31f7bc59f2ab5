// Check-out: how people leave, as a word or a score.

import { checkModule } from './check-in-out';

export const checkOut = checkModule('check-out');
