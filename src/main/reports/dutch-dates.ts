// Dutch date formatting for reports ("25 november 2026", "woensdag 25 november 2026").

import { format, isValid, parseISO } from 'date-fns';
import { nl } from 'date-fns/locale';

function parse(isoDate: string): Date {
  const date = parseISO(isoDate);
  if (!isValid(date)) throw new Error(`Ongeldige datum: ${isoDate}`);
  return date;
}

/** "2026-11-25" → "25 november 2026". */
export function formatDutchDate(isoDate: string): string {
  return format(parse(isoDate), 'd MMMM yyyy', { locale: nl });
}

/** "2026-11-25" → "woensdag 25 november 2026". */
export function formatDutchWeekdayDate(isoDate: string): string {
  return format(parse(isoDate), 'EEEE d MMMM yyyy', { locale: nl });
}
