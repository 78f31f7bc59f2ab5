// For a meeting that has not happened yet: no report, but what the begeleider
// prints beforehand: the agenda with planned times and a presence list
// ("presentielijst") with room to sign, plus blank rows for walk-ins.

import { formatDutchWeekdayDate } from './dutch-dates';
import { writeTitle } from './summary';
import type { ReportIdentity, SessionReportData } from './types';
import { COLOR_MUTED, DASH, ReportWriter, finish, openDocument } from './writer';

export interface PreparationOptions {
  fontsDir: string;
  now?: Date;
}

/** "15:30" plus minutes → "16:05"; null without a start time. */
function clock(start: string | null, minutes: number): string | null {
  if (!start || !/^\d{1,2}:\d{2}$/.test(start)) return null;
  const [h, m] = start.split(':').map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60) % 24).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

const BLANK_ROWS = 5;

export async function renderPreparation(data: SessionReportData & { identity?: ReportIdentity }, options: PreparationOptions): Promise<Buffer> {
  const weekday = formatDutchWeekdayDate(data.date);
  const { doc, done, text } = openDocument(options.fontsDir, {
    Title: `Agenda en presentielijst – ${data.moduleTitle} – ${weekday}`,
    Author: data.facilitator ?? 'Sessiewijzer',
    Subject: `Agenda en presentielijst voor de bijeenkomst ${data.moduleTitle} op ${weekday} met ${data.groupName}`,
    CreationDate: options.now ?? new Date(),
  });
  return finish(doc, done, () => {
    const w = new ReportWriter(doc, text);
    writeTitle(w, 'Agenda', data.moduleTitle, `Bijeenkomst met ${data.groupName}`, data.identity);
    const rows: [string, string][] = [['Datum', data.startTime ? `${weekday} om ${data.startTime}` : weekday]];
    if (data.location) rows.push(['Locatie', data.location]);
    if (data.facilitator) rows.push(['Begeleider', data.facilitator]);
    rows.push(['Organisatie', data.organisationName]);
    w.labelledRows(rows);

    w.heading('Programma');
    if (data.agenda.length === 0) {
      w.note('Er is nog geen agenda.');
    } else {
      let elapsed = 0;
      w.table(
        [{ header: 'Tijd' }, { header: 'Onderdeel', grow: true }, { header: 'Minuten', align: 'right' }],
        data.agenda.map((a) => {
          const from = clock(data.startTime, elapsed);
          elapsed += a.plannedMinutes;
          return { cells: [from ?? DASH, a.title, String(a.plannedMinutes)] };
        }),
        w.root,
        'Programma (vervolg)',
      );
      const end = clock(data.startTime, elapsed);
      w.block('P', `Totaal ${elapsed} minuten${end ? `, tot ongeveer ${end}` : ''}.`, 'regular', 10, { color: COLOR_MUTED });
    }

    // The presence list starts on its own page: it goes round the table.
    w.newPage();
    w.heading('Presentielijst');
    w.block('P', `${data.moduleTitle} · ${weekday} · ${data.groupName}`, 'regular', 10, { color: COLOR_MUTED, gapAfter: 4 });
    w.block('P', 'Vertrouwelijk: deze lijst bevat namen. Na de bijeenkomst neemt de begeleider de aanwezigheid over in Sessiewijzer en vernietigt de lijst.', 'bold', 9.5, {
      gapAfter: 6,
    });
    const people = [...data.attendees].sort((a, b) => (a.schoolName ?? '').localeCompare(b.schoolName ?? '', 'nl') || a.name.localeCompare(b.name, 'nl'));
    w.table(
      [{ header: 'Naam' }, { header: 'School' }, { header: 'Handtekening', width: 150 }],
      [
        ...people.map((a) => ({ cells: [a.name, a.schoolName ?? DASH, ''], minHeight: 28 })),
        ...Array.from({ length: BLANK_ROWS }, () => ({ cells: ['', '', ''], minHeight: 28 })),
      ],
      w.root,
      'Presentielijst (vervolg)',
    );
    w.end();
    w.footers(`Agenda en presentielijst ${data.moduleTitle} · ${weekday}`);
  });
}
