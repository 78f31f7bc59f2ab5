// Seasons (schooljaren) run from 1 August to 31 July: "2026-2027".

import { TRAJECTORY_STATUS_LABELS, type TrajectoryStatus } from '../../../shared/trajectories';

export function seasonOf(date: Date = new Date()): string {
  const y = date.getFullYear();
  const start = date.getMonth() >= 7 ? y : y - 1;
  return `${start}-${start + 1}`;
}

/** Last season, this one and the next two. */
export function seasonOptions(date: Date = new Date()): string[] {
  const start = Number(seasonOf(date).slice(0, 4));
  return [start - 1, start, start + 1, start + 2].map((y) => `${y}-${y + 1}`);
}

export function statusLabel(status: TrajectoryStatus): string {
  return TRAJECTORY_STATUS_LABELS[status];
}

/** 0.8333 → "83%"; null → "—" */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/** The seasons as options for a Choice select. */
export function seasonChoices(date: Date = new Date()): { value: string; label: string }[] {
  return seasonOptions(date).map((s) => ({ value: s, label: s }));
}
