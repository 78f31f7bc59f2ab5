// The session report PDF: Dutch dates, embedded fonts, metadata, footers on
// every page, and pseudonymised output that contains no participant names.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDutchDate, formatDutchWeekdayDate } from '../../src/main/reports/dutch-dates';
import { renderSessionReport } from '../../src/main/reports/session-report';
import type { ReportAttendee, SessionReportData } from '../../src/main/reports/types';
import { parsePdf } from '../helpers/pdf';
import { countRectOperators, rawPdfText } from '../helpers/pdf-streams';
import { repoRoot } from '../helpers/temp';

const fontsDir = path.join(repoRoot, 'resources', 'fonts');
const now = new Date('2026-11-25T16:00:00Z');

const NAMES = ['Noëlle Bakker', 'Daniël Öztürk', 'Anouk de Vries', 'Chloë Jansen', 'Jeroen van Dijk'];

function sampleData(attendees?: ReportAttendee[]): SessionReportData {
  return {
    moduleTitle: 'Samen werken aan welbevinden',
    moduleVersion: '1.2',
    date: '2026-11-25',
    startTime: '13:30',
    location: 'Gemeentehuis, zaal 2',
    facilitator: 'Inge Hoekstra',
    organisationName: 'Stichting Noorderlicht',
    groupName: 'Kernteam Noorderlicht',
    schools: ['Basisschool De Linde', 'OBS De Regenboog'],
    attendees: attendees ?? [
      { name: NAMES[0]!, role: 'zorgcoördinator', schoolName: 'Basisschool De Linde', status: 'aanwezig' },
      { name: NAMES[1]!, role: 'docent/mentor', schoolName: 'Basisschool De Linde', status: 'aanwezig' },
      { name: NAMES[2]!, role: 'schoolleiding', schoolName: 'Basisschool De Linde', status: 'aanwezig' },
      { name: NAMES[3]!, role: 'schoolpsycholoog', schoolName: 'Basisschool De Linde', status: 'afgemeld' },
      { name: NAMES[4]!, role: 'Gezonde School-adviseur', schoolName: 'OBS De Regenboog', status: 'te_laat' },
      { name: 'Özlem Kaya', role: 'anders', schoolName: null, status: null },
    ],
    agenda: [
      { title: 'Opening en kennismaking', plannedMinutes: 10, actualMinutes: 12 },
      { title: 'Wat is welbevinden?', plannedMinutes: 25, actualMinutes: 20 },
      { title: 'Oefening in tweetallen', plannedMinutes: 30, actualMinutes: null },
      { title: 'Afsluiting', plannedMinutes: 5, actualMinutes: null },
    ],
  };
}

describe('formatDutchDate', () => {
  it('formats ISO dates in Dutch', () => {
    expect(formatDutchDate('2026-11-25')).toBe('25 november 2026');
    expect(formatDutchDate('2027-03-01')).toBe('1 maart 2027');
    expect(formatDutchWeekdayDate('2026-11-25')).toBe('woensdag 25 november 2026');
  });

  it('rejects invalid dates', () => {
    expect(() => formatDutchDate('not-a-date')).toThrow();
  });
});

describe('renderSessionReport', () => {
  it('renders a readable report with names, dates, metadata and footer', async () => {
    const pdf = await renderSessionReport(sampleData(), { pseudonymise: false, fontsDir, now });
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    const parsed = await parsePdf(pdf);

    expect(parsed.text).toContain('Sessieverslag');
    expect(parsed.text).toContain('Samen werken aan welbevinden');
    expect(parsed.text).toContain('25 november 2026 om 13:30');
    for (const name of [...NAMES, 'Özlem Kaya']) expect(parsed.text).toContain(name);
    expect(parsed.text).toContain('Zonder school');
    expect(parsed.text).toContain('Basisschool De Linde');
    expect(parsed.text).toContain('Afgemeld');
    expect(parsed.text).toContain('Agenda');
    expect(parsed.text).toContain('Totaal');
    expect(parsed.text).toContain('Pagina 1 van');

    // A small session fits on at most two pages; the footer's total matches the real page count.
    expect(parsed.pages).toBeGreaterThanOrEqual(1);
    expect(parsed.pages).toBeLessThanOrEqual(2);
    parsed.pageTexts.forEach((text, i) => expect(text).toContain(`Pagina ${i + 1} van ${parsed.pages}`));
    expect(parsed.info.Title).toBe('Sessieverslag – Samen werken aan welbevinden – 25 november 2026');
    expect(parsed.info.Author).toBe('Inge Hoekstra');
    expect(parsed.info.Creator).toBe('Sessiewijzer');

    // Only the bundled fonts are embedded; no standard Helvetica.
    const raw = pdf.toString('latin1');
    expect(raw).not.toContain('Helvetica');
    expect(raw).toContain('AtkinsonHyperlegible');
    expect(raw).toContain('/Lang (nl-NL)');
    expect(raw).toContain('/StructTreeRoot');
  });

  it('leaves out every participant name when pseudonymised', async () => {
    const data = sampleData();
    const pdf = await renderSessionReport(data, { pseudonymise: true, fontsDir, now });
    const parsed = await parsePdf(pdf);
    const raw = pdf.toString('latin1');
    for (const attendee of data.attendees) {
      expect(parsed.text).not.toContain(attendee.name);
      expect(raw).not.toContain(attendee.name);
      for (const part of attendee.name.split(' ').filter((p) => p.length > 3)) {
        expect(parsed.text).not.toContain(part);
      }
    }
    expect(parsed.text).toContain('Basisschool De Linde: 3 aanwezig, 1 afgemeld');
    // One person from OBS De Regenboog: a school of one would identify them, so it is grouped.
    expect(parsed.text).toContain('Andere scholen: 1 te laat');
    expect(parsed.text).not.toContain('OBS De Regenboog:');
    expect(parsed.text).toContain('Zonder school: 1 niet geregistreerd');
    expect(parsed.text).toContain('25 november 2026');
  });

  it('breaks long attendance lists across pages with a footer on each page', async () => {
    const schools = ['Basisschool De Linde', 'OBS De Regenboog', 'Kindcentrum Het Anker'];
    const statuses = ['aanwezig', 'te_laat', 'afgemeld', 'afwezig', null] as const;
    const attendees: ReportAttendee[] = Array.from({ length: 120 }, (_, i) => ({
      name: `Deelnemer Ëlsa ${String(i + 1).padStart(3, '0')}`,
      role: 'docent/mentor',
      schoolName: i % 10 === 9 ? null : schools[i % 3]!,
      status: statuses[i % statuses.length]!,
    }));
    const pdf = await renderSessionReport(sampleData(attendees), { pseudonymise: false, fontsDir, now });
    const parsed = await parsePdf(pdf);
    expect(parsed.pages).toBeGreaterThan(1);
    parsed.pageTexts.forEach((text, i) => {
      expect(text).toContain(`Pagina ${i + 1} van ${parsed.pages}`);
    });
    for (const a of attendees) expect(parsed.text).toContain(a.name);
  });
});

describe('renderSessionReport: results, actions and next meeting', () => {
  const people = [
    { name: 'Noëlle Bakker', role: 'zorgcoördinator' },
    { name: 'Daniël Öztürk', role: 'docent/mentor' },
  ];

  function fullData(): SessionReportData {
    return {
      ...sampleData(),
      people,
      runs: [
        {
          type: 'peiling',
          prompt: 'Wat herken je?',
          context: 'Opening en kennismaking',
          results: { type: 'peiling', total: 9, tallies: [{ option: 'Druk', count: 5 }, { option: 'Onrust', count: 4 }] },
        },
        {
          type: 'stelling',
          prompt: 'Rust is belangrijker dan presteren.',
          context: null,
          results: {
            type: 'stelling',
            total: 6,
            tallies: [{ option: 'eens', count: 4 }, { option: 'neutraal', count: 0 }, { option: 'oneens', count: 2 }],
            arguments: [{ entryId: 1, side: 'eens', text: 'Daniël zei: zonder rust geen leren.' }],
          },
        },
        {
          type: 'schaalvraag',
          prompt: 'Hoe tevreden ben je?',
          context: null,
          results: { type: 'schaalvraag', distribution: [0, 0, 0, 1, 2, 3, 4, 2, 1, 0], n: 13, mean: 6.54, labels: { low: 'slecht', high: 'uitstekend' } },
        },
        {
          type: 'rangorde',
          prompt: 'Wat eerst?',
          context: null,
          results: {
            type: 'rangorde',
            n: 3,
            ranking: [
              { option: 'Signaleren', points: 8, firstPlaces: 2, place: 1 },
              { option: 'Ouders', points: 4, firstPlaces: 1, place: 2 },
            ],
          },
        },
        {
          type: 'brainstorm',
          prompt: 'Ideeën voor ontspanning',
          context: null,
          results: {
            type: 'brainstorm',
            dotsPerPerson: 3,
            dotsUsed: 5,
            clusters: [{ entryId: 10, name: 'Rust in de klas', cardIds: [11], dots: 3 }],
            cards: [
              { entryId: 11, text: 'Stilteplek', clusterId: 10, dots: 3 },
              { entryId: 12, text: 'Buitenles met Noëlle', clusterId: null, dots: 2 },
            ],
          },
        },
        {
          type: 'rondje',
          prompt: 'Wat neem je mee?',
          context: null,
          results: { type: 'rondje', contributions: [{ entryId: 20, text: 'Een stiltemoment per dag.', participantName: 'Noëlle Bakker' }] },
        },
        {
          type: 'check-out',
          prompt: 'Eén woord',
          context: null,
          results: { type: 'check-out', answerKind: 'woord', words: [{ word: 'Geïnspireerd', count: 2 }], distribution: [], n: 2, mean: null },
        },
      ],
      actions: [
        { what: 'Stilteplek inrichten', who: 'Noëlle Bakker', due: '2026-12-09', schoolName: 'OBS De Regenboog', participantName: null, status: 'open', carriedOver: false, agreedOn: '2026-11-25' },
        { what: 'Signalenlijst bespreken', who: null, due: null, schoolName: null, participantName: 'Daniël Öztürk', status: 'bezig', carriedOver: true, agreedOn: '2026-11-04' },
      ],
      nextMeeting: { date: '2026-12-16', startTime: '15:30', moduleTitle: 'Groepsdynamiek en pesten', location: 'Aula' },
    };
  }

  it('draws the results as vector charts and lists actions and the next meeting', async () => {
    const pdf = await renderSessionReport(fullData(), { pseudonymise: false, fontsDir, now });
    const parsed = await parsePdf(pdf);
    for (const text of [
      'Resultaten van de werkvormen',
      'Peiling · Opening en kennismaking',
      '5 (56%)',
      'gemiddelde 6,5',
      '1 = slecht',
      '1. Signaleren',
      '8 punten',
      'Rust in de klas — 3 stippen',
      'Niet geclusterd',
      'Geïnspireerd (2×)',
      'Actieplan',
      'Openstaande acties uit eerdere bijeenkomsten',
      'Volgende bijeenkomst',
      'woensdag 16 december 2026 om 15:30',
      'Noëlle Bakker:',
    ]) {
      expect(parsed.text).toContain(text);
    }
    // Bars and columns are rectangles in the content streams; the mean is a dashed line.
    expect(countRectOperators(pdf)).toBeGreaterThanOrEqual(12);
    expect(rawPdfText(pdf)).toMatch(/\[3 2\] 0 d/);
    expect(rawPdfText(pdf)).toContain('/Figure');
  });

  it('replaces names everywhere when pseudonymised, also in free text and "wie"', async () => {
    const pdf = await renderSessionReport(fullData(), { pseudonymise: true, fontsDir, now });
    const parsed = await parsePdf(pdf);
    const raw = rawPdfText(pdf);
    for (const name of [...NAMES, 'Özlem Kaya', 'Daniël', 'Noëlle']) {
      expect(parsed.text).not.toContain(name);
      expect(raw).not.toContain(name);
    }
    // The only zorgcoördinator: the role would identify her, so it is not shown.
    expect(parsed.text).toMatch(/Deelnemer \d+/);
    expect(parsed.text).not.toContain('(zorgcoördinator');
    expect(parsed.text).toContain('zei: zonder rust geen leren.');
    expect(parsed.text).toContain('Een stiltemoment per dag.');
    // The begeleider's name is left out unless asked for.
    expect(parsed.info.Author).toBe('Sessiewijzer');
    expect(parsed.text).not.toContain('Hoekstra');
  });

  it('leaves out the sections not asked for', async () => {
    const pdf = await renderSessionReport(fullData(), { pseudonymise: false, fontsDir, now, sections: ['acties'] });
    const parsed = await parsePdf(pdf);
    expect(parsed.text).toContain('Actieplan');
    expect(parsed.text).toContain('Sessieverslag');
    for (const heading of ['Agenda', 'Aanwezigheid', 'Resultaten van de werkvormen', 'Volgende bijeenkomst']) {
      expect(parsed.text).not.toContain(heading);
    }
    expect(parsed.text).not.toContain('Chloë Jansen');
  });
});
