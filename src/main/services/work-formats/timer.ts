// The countdown of a run (opdracht met timer, or any format's planned
// minutes). Stored as start time, length and paused time, so a restarted app
// shows the same remaining time. Pure.

import { AppError } from '../../../shared/errors';
import type { TimerState } from '../../../shared/work-formats';
import type { TimerCommand } from '../../../shared/channels/workformats';

export interface TimerFields {
  startedAt: number | null;
  totalMs: number | null;
  pausedAt: number | null;
  pausedMs: number;
}

export const IDLE_TIMER: TimerFields = { startedAt: null, totalMs: null, pausedAt: null, pausedMs: 0 };

export function timerState(fields: TimerFields, plannedMinutes: number, now: number): TimerState {
  if (fields.startedAt === null || fields.totalMs === null) {
    const totalMs = plannedMinutes * 60_000;
    return { status: 'niet_gestart', totalMs, remainingMs: totalMs, serverNow: now };
  }
  const elapsed = (fields.pausedAt ?? now) - fields.startedAt - fields.pausedMs;
  const remainingMs = Math.max(0, fields.totalMs - elapsed);
  const status = remainingMs === 0 ? 'afgelopen' : fields.pausedAt !== null ? 'gepauzeerd' : 'loopt';
  return { status, totalMs: fields.totalMs, remainingMs, serverNow: now };
}

function conflict(message: string): never {
  throw new AppError('conflict', message);
}

export function applyTimer(fields: TimerFields, command: TimerCommand, plannedMinutes: number, now: number): TimerFields {
  const state = timerState(fields, plannedMinutes, now);
  switch (command.type) {
    case 'start': {
      const minutes = command.minutes ?? plannedMinutes;
      if (minutes < 1 || minutes > 180) throw new AppError('ongeldige_invoer', 'Een timer loopt 1 tot en met 180 minuten.');
      return { startedAt: now, totalMs: minutes * 60_000, pausedAt: null, pausedMs: 0 };
    }
    case 'pause':
      if (state.status !== 'loopt') conflict('De timer loopt niet.');
      return { ...fields, pausedAt: now };
    case 'resume':
      if (state.status !== 'gepauzeerd') conflict('De timer staat niet op pauze.');
      return { ...fields, pausedAt: null, pausedMs: fields.pausedMs + (now - fields.pausedAt!) };
    case 'extend': {
      if (state.status === 'niet_gestart') conflict('Start de timer eerst.');
      if (command.minutes === 0 || command.minutes < -60 || command.minutes > 60) {
        throw new AppError('ongeldige_invoer', 'Verleng of verkort met 1 tot en met 60 minuten.');
      }
      // A timer that has run out counts down the extra minutes from now.
      if (state.status === 'afgelopen') {
        if (command.minutes < 0) conflict('De timer is al afgelopen.');
        return { startedAt: now, totalMs: command.minutes * 60_000, pausedAt: null, pausedMs: 0 };
      }
      const elapsed = state.totalMs - state.remainingMs;
      // Shortening never goes below one more minute from now.
      return { ...fields, totalMs: Math.max(fields.totalMs! + command.minutes * 60_000, elapsed + 60_000) };
    }
    case 'reset':
      return IDLE_TIMER;
  }
}
