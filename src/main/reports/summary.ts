// The first page worth reading: the report's identity (the begeleider's
// organisation, logo, contact), the dates it was drawn up and the actions'
// status date, a confidentiality line on the named version, and "In het kort":
// the key outcomes, the agreements, the actions per owner with their deadlines
// (overdue ones marked) and the next meeting.

import { format } from 'date-fns';
import { WORK_FORMAT_LABELS } from '../../shared/module-format';
import { moduleOf } from '../services/work-formats/types';
import { formatDutchDate, formatDutchWeekdayDate } from './dutch-dates';
import { boundText } from './text';
import type { ReportAction, ReportIdentity, ReportMeeting, ReportRun } from './types';
import { COLOR_MUTED, COLOR_RULE, DASH, type ReportWriter, type Row } from './writer';

/** YYYY-MM-DD of a date in local time (the day the report is about). */
export function localDay(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

/** Open or in progress with a deadline before today. */
export function isOverdue(a: ReportAction, today: string): boolean {
  return a.due !== null && a.due < today && (a.status === 'open' || a.status === 'bezig');
}

/** "12 oktober 2026 (verlopen)" for an overdue action; the mark is words, so it reads in black and white. */
export function dueText(a: ReportAction, today: string): string {
  if (!a.due) return DASH;
  return isOverdue(a, today) ? `${formatDutchDate(a.due)} – verlopen` : formatDutchDate(a.due);
}

/** Title block: report kind, subject, identity (with logo), dates. */
export function writeTitle(
  w: ReportWriter,
  kind: string,
  subject: string,
  subtitle: string,
  identity: ReportIdentity | undefined,
): void {
  const doc = w.doc;
  const logoWidth = 110;
  const logoHeight = 48;
  let logoDrawn = false;
  if (identity?.logo) {
    try {
      const top = doc.y;
      // The logo is decoration next to the title; the organisation is also written out as text.
      w.artifact(() => {
        doc.image(identity.logo!, w.left + w.width - logoWidth, top, { fit: [logoWidth, logoHeight], align: 'right' });
      });
      logoDrawn = true;
    } catch {
      // A damaged image is left out; the report must still be written.
    }
  }
  const inset = logoDrawn ? logoWidth + 12 : 0;
  const y0 = doc.y;
  w.block('H1', boundText(kind, 200), 'bold', 24, { gapAfter: 2, inset });
  w.block('P', boundText(subject, 300), 'bold', 15, { inset });
  w.block('P', subtitle, 'regular', 10.5, { color: COLOR_MUTED, gapAfter: 4, inset });
  const by = [identity?.organisation ? `Opgesteld door ${identity.organisation}` : null, identity?.contact ?? null].filter(Boolean).join(' · ');
  if (by) w.block('P', boundText(by, 300), 'regular', 10, { color: COLOR_MUTED, gapAfter: 2, inset });
  if (logoDrawn) doc.y = Math.max(doc.y, y0 + logoHeight + 4);
  doc.y += 4;
  w.rule(doc.y, COLOR_RULE, 0.75);
  doc.y += 8;
}

export function writeDates(w: ReportWriter, now: Date, named: boolean, pseudonymised: boolean): void {
  const day = formatDutchDate(localDay(now));
  w.block('P', `Opgesteld op ${day}. De stand van de acties is die van ${day}.`, 'regular', 9.5, { color: COLOR_MUTED, gapAfter: 2 });
  if (named) {
    w.block(
      'P',
      'Vertrouwelijk: dit verslag bevat namen van deelnemers. Deel het alleen met de deelnemers en hun school, en bewaar het niet langer dan nodig.',
      'bold',
      9.5,
      { gapAfter: 4 },
    );
  }
  if (pseudonymised) {
    w.block('P', 'Gepseudonimiseerd verslag: deelnemers heten hier "Deelnemer 1", "Deelnemer 2", enzovoort; rol en school staan er alleen bij als ten minste twee mensen die delen.', 'italic', 9.5, {
      color: COLOR_MUTED,
      gapAfter: 4,
    });
  }
}

/** One line per run: what came out, in plain Dutch. */
export function outcomeOf(run: ReportRun): string | null {
  return moduleOf(run.results.type).outcome(run.results, `${WORK_FORMAT_LABELS[run.type]} “${boundText(run.prompt, 160)}”`);
}

/** Actions grouped by owner: who, what, when (overdue marked), sorted by deadline. */
export function actionsByOwner(actions: ReportAction[], today: string): Row[] {
  const owner = (a: ReportAction) => a.who ?? a.participantName ?? 'Nog niemand';
  const sorted = [...actions].sort((a, b) => owner(a).localeCompare(owner(b), 'nl') || (a.due ?? '9999').localeCompare(b.due ?? '9999'));
  let last: string | null = null;
  return sorted.map((a) => {
    const who = owner(a);
    const row: Row = { cells: [who === last ? '' : who, a.schoolName ? `${a.what} (${a.schoolName})` : a.what, dueText(a, today)] };
    last = who;
    return row;
  });
}

export function writeInShort(
  w: ReportWriter,
  outcomes: string[],
  actions: ReportAction[],
  next: ReportMeeting | null | undefined,
  today: string,
  extra: string[] = [],
  showActions = true,
): void {
  w.heading('In het kort');
  const items = [...extra, ...outcomes];
  if (items.length > 0) {
    w.subheading('Belangrijkste uitkomsten');
    w.bullets(items.map((text) => ({ text })));
  }
  const open = actions.filter((a) => a.status === 'open' || a.status === 'bezig');
  // Left out with the action plan itself (someone who leaves out actions leaves out their owners' names).
  if (showActions) w.subheading('Afspraken: acties per eigenaar');
  if (!showActions) {
    // nothing
  } else if (open.length === 0) {
    w.note('Er staan geen acties open.');
  } else {
    const overdue = open.filter((a) => isOverdue(a, today)).length;
    if (overdue > 0) w.block('P', `${overdue} ${overdue === 1 ? 'actie is' : 'acties zijn'} over de deadline (“verlopen”).`, 'bold', 10, { gapAfter: 4 });
    w.table(
      [
        { header: 'Wie' },
        { header: 'Wat', grow: true },
        { header: 'Wanneer' },
      ],
      actionsByOwner(open, today),
      w.root,
      'Acties per eigenaar (vervolg)',
    );
  }
  w.subheading('De volgende keer');
  if (!next) {
    w.note('Er is nog geen volgende bijeenkomst gepland.');
  } else {
    const when = next.startTime ? `${formatDutchWeekdayDate(next.date)} om ${next.startTime}` : formatDutchWeekdayDate(next.date);
    w.block('P', `${when}: ${next.moduleTitle}${next.location ? `, ${next.location}` : ''}.`, 'regular', 11, { gapAfter: 4 });
  }
}
