// Pseudonymisation with trap data: possessives, short names, spellings without
// accents, Turkish dotted and dotless i, surnames that are ordinary words,
// names inside school names, the begeleider's name, stable numbers per
// trajectory, role and school only where shared, and the review of what still
// looks like a name.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPseudonymiser, findSuspects, type PseudonymPerson } from '../../src/main/reports/pseudonym';
import { pseudonymiseSessionData, sessionSuspects } from '../../src/main/reports/pseudonymise-data';
import { renderSessionReport } from '../../src/main/reports/session-report';
import type { SessionReportData } from '../../src/main/reports/types';
import { parsePdf } from '../helpers/pdf';
import { repoRoot } from '../helpers/temp';

const fontsDir = path.join(repoRoot, 'resources', 'fonts');

const PEOPLE: PseudonymPerson[] = [
  { id: 11, name: 'Anouk de Vries', role: 'docent/mentor', schoolName: 'Sint-Jan' },
  { id: 12, name: 'Jan Bakker', role: 'docent/mentor', schoolName: 'Sint-Jan' },
  { id: 13, name: 'Bo van der Hoek', role: 'zorgcoördinator', schoolName: 'De Linde' },
  { id: 14, name: 'İlker Güneş', role: 'schoolleiding', schoolName: 'Sint-Jan' },
  { id: 15, name: 'Małgorzata Kowalska', role: 'anders', schoolName: 'De Linde' },
  { id: 16, name: 'Işıl Yılmaz', role: 'anders', schoolName: null },
];

function make(order = [11, 12, 13, 14, 15, 16]) {
  return createPseudonymiser({
    people: PEOPLE,
    order,
    hide: [{ name: 'Eva Bos', replacement: 'de begeleider' }],
    protect: ['Sint-Jan', 'De Linde', 'Stichting Noorderlicht'],
  });
}

describe('pseudonymiser on trap data', () => {
  const p = make();
  const cases: [string, string][] = [
    ['Anouks idee was goed', "Deelnemer 1's idee was goed"],
    ["Anouk's plan", "Deelnemer 1's plan"],
    ['anouk en ANOUK en Anouk de Vries', 'Deelnemer 1 en Deelnemer 1 en Deelnemer 1'],
    ['Ilker Gunes belt morgen', 'Deelnemer 4 belt morgen'],
    ['ilker, İLKER en ILKER', 'Deelnemer 4, Deelnemer 4 en Deelnemer 4'],
    ['Vraag het Malgorzata', 'Vraag het Deelnemer 5'],
    ['Isil en Işıl', 'Deelnemer 6 en Deelnemer 6'],
    ['Bo zei iets, bo ook', 'Deelnemer 3 zei iets, Deelnemer 3 ook'],
    ['De bakker op de hoek', 'De bakker op de hoek'],
    ['Vraag het Bakker of Jan', 'Vraag het Deelnemer 2 of Deelnemer 2'],
    ['Jan Bakker komt', 'Deelnemer 2 komt'],
    ['Van der Hoek komt later; van der Hoek ook', 'Deelnemer 3 komt later; Deelnemer 3 ook'],
    ['op basisschool Sint-Jan in januari', 'op basisschool Sint-Jan in januari'],
    ['De Linde doet mee', 'De Linde doet mee'],
    ['Eva vertelde over het bos', 'de begeleider vertelde over het bos'],
    ['Jantje en Bonnie', 'Jantje en Bonnie'],
    ['Małgorzatas en Ilkers voorbeeld; Işıls plan', "Deelnemer 5's en Deelnemer 4's voorbeeld; Deelnemer 6's plan"],
    ['Bo liep door het bos', 'Deelnemer 3 liep door het bos'],
  ];
  for (const [input, expected] of cases) {
    it(`"${input}"`, () => expect(p.text(input)).toBe(expected));
  }

  it('keeps numbers stable for the same order (the trajectory passes one order to all its reports)', () => {
    const a = make([15, 13, 11]);
    const b = make([15, 13, 11]);
    expect(a.label(15)).toBe('Deelnemer 1');
    expect(b.label(15)).toBe('Deelnemer 1');
    // People not in the order follow by id, the same in every report.
    expect(a.label(12)).toBe(b.label(12));
    expect(a.label(12)).toBe('Deelnemer 4');
  });

  it('shows role and school only where at least two people share them', () => {
    expect(p.describe(11)).toBe('Deelnemer 1 (docent/mentor, Sint-Jan)');
    expect(p.describe(14)).toBe('Deelnemer 4 (Sint-Jan)');
    expect(p.describe(16)).toBe('Deelnemer 6 (anders)');
    const alone = createPseudonymiser({ people: PEOPLE, order: [13, 14], cohort: [13, 14] });
    expect(alone.describe(13)).toBe('Deelnemer 1');
  });

  it('lists what still looks like a name: capitalised inside a sentence, or a surname-word at a sentence start', () => {
    const out = p.text('Bakker belt morgen. Ook Pieter komt, met de Gezonde School-adviseur.');
    expect(out).toBe('Bakker belt morgen. Ook Pieter komt, met de Gezonde School-adviseur.');
    const suspects = findSuspects([out], PEOPLE).map((s) => s.word);
    expect(suspects).toEqual(['Bakker', 'Pieter']);
  });
});

describe('pseudonymised session report data', () => {
  const data: SessionReportData = {
    moduleTitle: 'Samen sterk',
    moduleVersion: '1',
    date: '2026-11-25',
    startTime: null,
    location: 'bij Anouk in lokaal 3',
    facilitator: 'Eva Bos',
    organisationName: 'Stichting Noorderlicht',
    groupName: 'Kernteam',
    schools: ['Sint-Jan', 'De Linde'],
    attendees: PEOPLE.slice(0, 4).map((x) => ({ participantId: x.id, name: x.name, role: x.role, schoolName: x.schoolName ?? null, status: 'aanwezig' as const })),
    agenda: [],
    people: PEOPLE,
    pseudonymOrder: [14, 13, 12, 11],
    runs: [
      {
        type: 'rondje',
        prompt: 'Wat neem je mee?',
        context: null,
        results: {
          type: 'rondje',
          contributions: [
            { entryId: 1, text: "Ik neem Anouk's tip mee; Bo helpt", participantName: 'Jan Bakker' },
            { entryId: 2, text: 'Małgorzata belt Eva', participantName: null },
          ],
        },
      },
    ],
    actions: [
      { what: 'Ilker plant het gesprek', who: null, due: null, schoolName: null, participantId: 11, participantName: 'Anouk de Vries', status: 'open', carriedOver: false, agreedOn: null },
    ],
  };

  it('replaces people by id, drops the begeleider, keeps numbers from the trajectory order', async () => {
    const out = pseudonymiseSessionData(data, { pseudonymise: true, fontsDir });
    expect(out.facilitator).toBeNull();
    expect(out.location).toBe('bij Deelnemer 4 in lokaal 3');
    expect(out.attendees.map((a) => a.name).sort()).toEqual(['Deelnemer 1', 'Deelnemer 2', 'Deelnemer 3', 'Deelnemer 4']);
    const rondje = out.runs![0]!.results;
    expect(rondje.type === 'rondje' && rondje.contributions).toEqual([
      { entryId: 1, text: "Ik neem Deelnemer 4's tip mee; Deelnemer 2 helpt", participantName: 'Deelnemer 3' },
      { entryId: 2, text: 'Deelnemer 5 belt de begeleider', participantName: null },
    ]);
    expect(out.actions![0]!.what).toBe('Deelnemer 1 plant het gesprek');
    expect(out.actions![0]!.who).toBe('Deelnemer 4 (docent/mentor, Sint-Jan)');

    const pdf = await renderSessionReport(data, { pseudonymise: true, fontsDir });
    const text = (await parsePdf(pdf)).text;
    for (const part of ['Anouk', 'Bakker', 'İlker', 'Ilker', 'Małgorzata', 'Eva', 'Bos ']) expect(text).not.toContain(part);
    expect(text).toContain('Sint-Jan');
  });

  it('shows the begeleider when asked, and replaces words the user marked in the review', () => {
    const withSuspect = { ...data, location: 'bij Pieter thuis' };
    expect(sessionSuspects(withSuspect, { pseudonymise: true, fontsDir }).map((s) => s.word)).toEqual(['Pieter']);
    const out = pseudonymiseSessionData(withSuspect, { pseudonymise: true, fontsDir, showFacilitator: true, extraNames: ['Pieter'] });
    expect(out.facilitator).toBe('Eva Bos');
    expect(out.location).toBe('bij [naam] thuis');
  });
});
