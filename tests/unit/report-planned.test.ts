// Through the core on the demo data: a planned meeting gets no report but an
// agenda and presentielijst; pseudonyms are the same in the session and the
// trajectory report; the review lists what still looks like a name; the demo
// reports are rendered to PNG for a look.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';
import { parsePdf } from '../helpers/pdf';
import { renderPngs } from '../helpers/pdf-streams';
import { gatherSessionReportData, gatherTrajectoryReportData } from '../../src/main/services/reports';
import { sessionPseudonymiser, trajectoryPseudonymiser } from '../../src/main/reports/pseudonymise-data';

let t: TestCore;
let trajectoryId: number;
let planned: number;
let held: number[];

beforeAll(async () => {
  t = openTestCore();
  await t.call('demo:load');
  trajectoryId = (await t.call('trajectories:list', {}))[0]!.id;
  const sessions = await t.call('sessions:list');
  planned = sessions.find((s) => s.status === 'gepland')!.id;
  held = sessions.filter((s) => s.status === 'afgerond').map((s) => s.id);
});
afterAll(() => t.close());

const pdfOf = (base64: string) => Buffer.from(base64, 'base64');

describe('a meeting that has not happened', () => {
  it('refuses a report in Dutch and offers the agenda and presentielijst instead', async () => {
    expect(await t.call('reports:sessionState', { sessionId: planned })).toEqual({ happened: false });
    expect(await t.call('reports:sessionState', { sessionId: held[0]! })).toEqual({ happened: true });
    await expect(t.call('reports:previewSession', { sessionId: planned })).rejects.toThrow(/nog niet plaatsgevonden/);
    const preview = await t.call('reports:previewPreparation', { sessionId: planned });
    const pdf = pdfOf(preview.base64);
    const parsed = await parsePdf(pdf);
    expect(parsed.text).toContain('Programma');
    expect(parsed.text).toContain('Presentielijst');
    expect(parsed.text).toContain('Handtekening');
    expect(parsed.text).not.toContain('Niet geregistreerd');
    expect(parsed.pages).toBeGreaterThanOrEqual(2);
    renderPngs(pdf, 'demo-presentielijst');
  });
});

describe('pseudonyms across the reports of one trajectory', () => {
  it('gives each person the same number in the session report and the trajectory report', async () => {
    const session = await parsePdf(pdfOf((await t.call('reports:previewSession', { sessionId: held[held.length - 1]!, pseudonymise: true })).base64));
    const trajectory = await parsePdf(pdfOf((await t.call('reports:previewTrajectory', { trajectoryId, pseudonymise: true })).base64));
    const named = await parsePdf(pdfOf((await t.call('reports:previewSession', { sessionId: held[held.length - 1]! })).base64));
    renderPngs(pdfOf((await t.call('reports:previewSession', { sessionId: held[held.length - 1]! })).base64), 'demo-sessie');
    renderPngs(pdfOf((await t.call('reports:previewTrajectory', { trajectoryId })).base64), 'demo-traject');
    expect(session.text).toContain('Deelnemer');
    expect(trajectory.text).toContain('Deelnemer');
    // At the data level: every person of every session of the trajectory has the trajectory's number.
    const { db, presenting } = t.core;
    const trajectoryData = gatherTrajectoryReportData(db, presenting, trajectoryId);
    const tp = trajectoryPseudonymiser(trajectoryData, { pseudonymise: true, fontsDir: '' });
    let compared = 0;
    for (const id of held) {
      const sessionData = gatherSessionReportData(db, presenting, id);
      const sp = sessionPseudonymiser(sessionData, { pseudonymise: true, fontsDir: '' });
      for (const a of sessionData.attendees) {
        expect(sp.label(a.participantId!)).toBe(tp.label(a.participantId!));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(5);
    expect(named.text).toContain('Vertrouwelijk');
    expect(session.text).not.toContain('Vertrouwelijk: dit verslag bevat namen');
  });

  it('lists words that still look like names for review, and replaces the ones the user marks', async () => {
    const review = await t.call('reports:reviewTrajectory', { trajectoryId, pseudonymise: true });
    expect(Array.isArray(review.suspects)).toBe(true);
    for (const s of review.suspects) expect(s.context).toContain(s.word);
    if (review.suspects.length > 0) {
      const word = review.suspects[0]!.word;
      const pdf = pdfOf((await t.call('reports:previewTrajectory', { trajectoryId, pseudonymise: true, extraNames: [word] })).base64);
      expect((await parsePdf(pdf)).text).not.toMatch(new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'u'));
    }
    await expect(t.call('reports:reviewSession', { sessionId: held[0]!, extraNames: [''] })).rejects.toThrow(/leeg/);
  });
});
