import { describe, expect, it } from 'vitest';
import { checkBudget, type Agenda } from '../../src/shared/presenting/agenda';
import { assertCanApply, foldClock, formatClock, warningFor, type PresentEvent } from '../../src/shared/presenting/clock';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 25, 14, 30);
const at = (minutes: number) => T0 + minutes * MIN;

const agenda: Agenda = {
  moduleId: 'm',
  moduleVersion: '1.0.0',
  items: [
    { key: 'opening', kind: 'opening', title: 'Opening', minutes: 10, slideIds: ['welkom', 'doel'], blockId: 'opening' },
    { key: 'kennis', kind: 'kennis', title: 'Kennis', minutes: 20, slideIds: ['cijfers'], blockId: 'kennis' },
    { key: 'afsluiting', kind: 'afsluiting', title: 'Afsluiting', minutes: 30, slideIds: ['acties'], blockId: 'afsluiting' },
  ],
};

function run(events: PresentEvent[]) {
  const log: PresentEvent[] = [];
  for (const e of events) {
    assertCanApply(log, e, agenda);
    log.push(e);
  }
  return log;
}

describe('presenting clock', () => {
  it('is not started before the first event', () => {
    const s = foldClock(agenda, [], at(5));
    expect(s).toMatchObject({ status: 'niet_gestart', current: null, sessionElapsedMs: 0, plannedTotalMs: 60 * MIN, behindMs: 0 });
  });

  it('counts session and block time and moves between blocks', () => {
    const log = run([
      { type: 'start', at: at(0), itemKey: 'opening', slideId: 'welkom' },
      { type: 'goto', at: at(4), itemKey: 'opening', slideId: 'doel' },
      { type: 'goto', at: at(12), itemKey: 'kennis', slideId: 'cijfers' },
    ]);
    const s = foldClock(agenda, log, at(17));
    expect(s.status).toBe('bezig');
    expect(s.current).toEqual({ itemKey: 'kennis', slideId: 'cijfers' });
    expect(s.sessionElapsedMs).toBe(17 * MIN);
    expect(s.sessionRemainingMs).toBe(43 * MIN);
    expect(s.blockElapsedMs).toBe(5 * MIN);
    expect(s.blockRemainingMs).toBe(15 * MIN);
    // Opening ran 2 minutes over: 17 elapsed vs 10 + 5 expected.
    expect(s.behindMs).toBe(2 * MIN);
    expect(s.items.map((i) => i.actualMs)).toEqual([12 * MIN, 5 * MIN, 0]);
    expect(s.items[0]).toMatchObject({ firstStartedAt: at(0), lastEndedAt: at(12) });
  });

  it('stops the block clock during a pause, while the session clock goes on', () => {
    const log = run([
      { type: 'start', at: at(0), itemKey: 'opening', slideId: 'welkom' },
      { type: 'pause', at: at(3) },
      { type: 'resume', at: at(8) },
    ]);
    const s = foldClock(agenda, log, at(10));
    expect(s.blockElapsedMs).toBe(5 * MIN);
    expect(s.sessionElapsedMs).toBe(10 * MIN);
    expect(s.behindMs).toBe(5 * MIN);
    const paused = foldClock(agenda, log.slice(0, 2), at(30));
    expect(paused.status).toBe('gepauzeerd');
    expect(paused.blockElapsedMs).toBe(3 * MIN);
  });

  it('adds minutes to the current block with +1 / +5 and warns near and past its end', () => {
    const log = run([
      { type: 'start', at: at(0), itemKey: 'opening', slideId: 'welkom' },
      { type: 'extend', at: at(1), minutes: 5 },
    ]);
    expect(foldClock(agenda, log, at(2)).blockRemainingMs).toBe(13 * MIN);
    expect(foldClock(agenda, log, at(2)).plannedTotalMs).toBe(65 * MIN);
    expect(foldClock(agenda, log, at(2)).blockWarning).toBe('ok');
    expect(foldClock(agenda, log, at(13)).blockWarning).toBe('bijna');
    expect(foldClock(agenda, log, at(16)).blockWarning).toBe('over');
  });

  it('freezes all clocks at the end and keeps actual block timings', () => {
    const log = run([
      { type: 'start', at: at(0), itemKey: 'opening', slideId: 'welkom' },
      { type: 'goto', at: at(10), itemKey: 'kennis', slideId: 'cijfers' },
      { type: 'goto', at: at(31), itemKey: 'afsluiting', slideId: 'acties' },
      { type: 'end', at: at(58) },
    ]);
    const s = foldClock(agenda, log, at(500));
    expect(s.status).toBe('afgelopen');
    expect(s.sessionElapsedMs).toBe(58 * MIN);
    expect(s.items.map((i) => i.actualMs / MIN)).toEqual([10, 21, 27]);
  });

  it('accumulates time when an earlier block is revisited', () => {
    const log = run([
      { type: 'start', at: at(0), itemKey: 'opening', slideId: 'welkom' },
      { type: 'goto', at: at(5), itemKey: 'kennis', slideId: 'cijfers' },
      { type: 'goto', at: at(8), itemKey: 'opening', slideId: 'doel' },
    ]);
    expect(foldClock(agenda, log, at(10)).items[0]!.actualMs).toBe(7 * MIN);
  });

  it('refuses events that do not fit, in Dutch', () => {
    expect(() => run([{ type: 'pause', at: at(0) }])).toThrow(/alleen als de sessie loopt/);
    expect(() => run([{ type: 'start', at: at(0), itemKey: 'kennis', slideId: 'welkom' }])).toThrow(/staat niet in de agenda/);
    expect(() =>
      run([
        { type: 'start', at: at(0), itemKey: 'opening', slideId: 'welkom' },
        { type: 'start', at: at(1), itemKey: 'opening', slideId: 'welkom' },
      ]),
    ).toThrow(/al gestart/);
    expect(() =>
      run([
        { type: 'start', at: at(5), itemKey: 'opening', slideId: 'welkom' },
        { type: 'goto', at: at(4), itemKey: 'opening', slideId: 'doel' },
      ]),
    ).toThrow(/voor de vorige stap/);
    expect(() =>
      run([
        { type: 'start', at: at(0), itemKey: 'opening', slideId: 'welkom' },
        { type: 'extend', at: at(1), minutes: 500 },
      ]),
    ).toThrow(/tussen 1 en 60/);
  });

  it('formats clocks and budget warnings', () => {
    expect(formatClock(65_000)).toBe('1:05');
    expect(formatClock(-200_000)).toBe('-3:20');
    expect(formatClock(3_720_000)).toBe('1:02:00');
    expect(warningFor(10 * MIN, 20 * MIN)).toBe('ok');
    expect(warningFor(4 * MIN, 20 * MIN)).toBe('bijna');
    expect(checkBudget(agenda)).toEqual({ total: 60, within: true, warning: null });
    expect(checkBudget({ items: agenda.items.slice(0, 2) }).warning).toMatch(/30 minuten: korter/);
  });
});
