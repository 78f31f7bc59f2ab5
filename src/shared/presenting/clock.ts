// The presenting clock as a state machine over a log of timestamped events.
// Main stores each event the moment it happens; any window (or a restarted
// app) folds the same log with the current time and gets the same clocks.
// Pure: time comes in as an argument.

import type { Agenda } from './agenda';
import { agendaSlides } from './agenda';

export type PresentEvent =
  | { type: 'start'; at: number; itemKey: string; slideId: string }
  | { type: 'goto'; at: number; itemKey: string; slideId: string }
  | { type: 'pause'; at: number }
  | { type: 'resume'; at: number }
  | { type: 'extend'; at: number; minutes: number }
  | { type: 'end'; at: number };

export type PresentStatus = 'niet_gestart' | 'bezig' | 'gepauzeerd' | 'afgelopen';

export interface ItemTiming {
  key: string;
  plannedMs: number;
  /** Time spent in this item, pauses excluded. */
  actualMs: number;
  firstStartedAt: number | null;
  lastEndedAt: number | null;
}

export type BlockWarning = 'ok' | 'bijna' | 'over';

export interface ClockState {
  status: PresentStatus;
  current: { itemKey: string; slideId: string } | null;
  startedAt: number | null;
  endedAt: number | null;
  /** Wall time since start (breaks count: the room's time goes on). */
  sessionElapsedMs: number;
  plannedTotalMs: number;
  /** Planned total minus elapsed; negative when over time. */
  sessionRemainingMs: number;
  /** Positive: behind schedule; negative: ahead. */
  behindMs: number;
  blockElapsedMs: number;
  blockRemainingMs: number;
  blockWarning: BlockWarning;
  items: ItemTiming[];
}

const MINUTE = 60_000;
/** A block is "bijna" done in its last 2 minutes or last 20 %, whichever is longer. */
const NEAR_END_MS = 2 * MINUTE;
const NEAR_END_SHARE = 0.2;

export class ClockError extends Error {}

/** Checks that an event may follow the log (Dutch message when not). */
export function assertCanApply(events: PresentEvent[], next: PresentEvent, agenda: Agenda): void {
  const status = statusOf(events);
  const fail = (message: string): never => {
    throw new ClockError(message);
  };
  const last = events[events.length - 1];
  if (last && next.at < last.at) fail('De tijd van deze stap ligt voor de vorige stap.');
  switch (next.type) {
    case 'start':
      if (status !== 'niet_gestart') fail('De sessie is al gestart.');
      break;
    case 'goto':
      if (status === 'niet_gestart' || status === 'afgelopen') fail('De sessie loopt niet.');
      break;
    case 'pause':
      if (status !== 'bezig') fail('Pauzeren kan alleen als de sessie loopt.');
      break;
    case 'resume':
      // After the end, 'resume' reopens the session (stored as resume: no schema change needed).
      if (status !== 'gepauzeerd' && status !== 'afgelopen') fail('De sessie is niet gepauzeerd of afgerond.');
      break;
    case 'extend':
      if (status !== 'bezig' && status !== 'gepauzeerd') fail('Tijd toevoegen kan alleen tijdens de sessie.');
      if (!Number.isInteger(next.minutes) || next.minutes < -30 || next.minutes > 60 || next.minutes === 0) {
        fail('Voeg tussen 1 en 60 minuten toe (of haal er hoogstens 30 af).');
      }
      break;
    case 'end':
      if (status === 'niet_gestart' || status === 'afgelopen') fail('De sessie loopt niet.');
      break;
  }
  if (next.type === 'start' || next.type === 'goto') {
    const exists = agendaSlides(agenda).some((s) => s.itemKey === next.itemKey && s.slideId === next.slideId);
    if (!exists) fail(`De dia "${next.slideId}" staat niet in de agenda.`);
  }
}

function statusOf(events: PresentEvent[]): PresentStatus {
  let status: PresentStatus = 'niet_gestart';
  for (const e of events) {
    if (e.type === 'start') status = 'bezig';
    else if (e.type === 'pause') status = 'gepauzeerd';
    else if (e.type === 'resume') status = 'bezig'; // also reopens after 'end'
    else if (e.type === 'end') status = 'afgelopen';
  }
  return status;
}

export function foldClock(agenda: Agenda, events: PresentEvent[], now: number): ClockState {
  const timings = new Map<string, ItemTiming>(
    agenda.items.map((item) => [
      item.key,
      { key: item.key, plannedMs: item.minutes * MINUTE, actualMs: 0, firstStartedAt: null, lastEndedAt: null },
    ]),
  );
  let status: PresentStatus = 'niet_gestart';
  let current: ClockState['current'] = null;
  let startedAt: number | null = null;
  let endedAt: number | null = null;
  // Start of the running (unpaused) stretch in the current item.
  let runningSince: number | null = null;

  const stopRunning = (at: number) => {
    if (current && runningSince !== null) {
      const t = timings.get(current.itemKey);
      if (t) {
        t.actualMs += at - runningSince;
        t.lastEndedAt = at;
      }
    }
    runningSince = null;
  };
  const enter = (itemKey: string, slideId: string, at: number) => {
    current = { itemKey, slideId };
    const t = timings.get(itemKey);
    if (t && t.firstStartedAt === null) t.firstStartedAt = at;
    runningSince = status === 'bezig' ? at : null;
  };

  for (const e of events) {
    switch (e.type) {
      case 'start':
        status = 'bezig';
        startedAt = e.at;
        enter(e.itemKey, e.slideId, e.at);
        break;
      case 'goto':
        if (current && current.itemKey === e.itemKey) {
          current = { itemKey: e.itemKey, slideId: e.slideId };
        } else {
          stopRunning(e.at);
          enter(e.itemKey, e.slideId, e.at);
        }
        break;
      case 'pause':
        stopRunning(e.at);
        status = 'gepauzeerd';
        break;
      case 'resume':
        // Also a reopen after 'end': the session goes on from the slide where it ended.
        status = 'bezig';
        endedAt = null;
        runningSince = e.at;
        break;
      case 'extend': {
        const t = current ? timings.get(current.itemKey) : undefined;
        if (t) t.plannedMs = Math.max(0, t.plannedMs + e.minutes * MINUTE);
        break;
      }
      case 'end':
        stopRunning(e.at);
        status = 'afgelopen';
        endedAt = e.at;
        break;
    }
  }

  const clockNow = endedAt ?? now;
  const items = [...timings.values()].map((t) => ({ ...t }));
  // Count the running stretch up to now without mutating the fold.
  const curr = current as ClockState['current'];
  if (curr && runningSince !== null) {
    const t = items.find((i) => i.key === curr.itemKey);
    if (t) t.actualMs += clockNow - runningSince;
  }

  const plannedTotalMs = items.reduce((sum, t) => sum + t.plannedMs, 0);
  const sessionElapsedMs = startedAt === null ? 0 : clockNow - startedAt;
  const currentIndex = curr ? agenda.items.findIndex((i) => i.key === curr.itemKey) : -1;
  const currentTiming = currentIndex >= 0 ? items[currentIndex]! : null;
  const plannedBefore = items.slice(0, Math.max(currentIndex, 0)).reduce((s, t) => s + t.plannedMs, 0);
  const blockElapsedMs = currentTiming?.actualMs ?? 0;
  const blockPlannedMs = currentTiming?.plannedMs ?? 0;
  const expectedNow = plannedBefore + Math.min(blockElapsedMs, blockPlannedMs);
  const blockRemainingMs = blockPlannedMs - blockElapsedMs;

  return {
    status,
    current: curr,
    startedAt,
    endedAt,
    sessionElapsedMs,
    plannedTotalMs,
    sessionRemainingMs: plannedTotalMs - sessionElapsedMs,
    behindMs: startedAt === null ? 0 : sessionElapsedMs - expectedNow,
    blockElapsedMs,
    blockRemainingMs,
    blockWarning: warningFor(blockRemainingMs, blockPlannedMs),
    items,
  };
}

export function warningFor(remainingMs: number, plannedMs: number): BlockWarning {
  if (remainingMs < 0) return 'over';
  if (remainingMs <= Math.max(NEAR_END_MS, plannedMs * NEAR_END_SHARE)) return 'bijna';
  return 'ok';
}

/** "12:05", "-3:20", "1:02:00" for the presenter view. */
export function formatClock(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${sign}${h}:${pad(m)}:${pad(s)}` : `${sign}${m}:${pad(s)}`;
}
