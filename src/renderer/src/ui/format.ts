// Dutch dates for the screens, with date-fns and its nl locale.

import { format, parseISO } from 'date-fns';
import { nl } from 'date-fns/locale';

/** "2026-11-25" → "woensdag 25 november 2026" */
export function longDate(iso: string): string {
  return format(parseISO(iso), 'EEEE d MMMM yyyy', { locale: nl });
}

/** "2026-11-25" → "25 nov. 2026" */
export function shortDate(iso: string): string {
  return format(parseISO(iso), 'd MMM yyyy', { locale: nl });
}

export function todayIso(): string {
  return format(new Date(), 'yyyy-MM-dd');
}
