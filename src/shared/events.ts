// Events main pushes to renderers (state lives in main). Allow-listed in preload.

import type { PresentingState } from './channels/presenting';

export interface PushEvent {
  /** Something in the database changed; screens showing that area reload. */
  'data:changed': { area: 'organisations' | 'participants' | 'groups' | 'sessions' | 'attendance' | 'modules' | 'trajectories' | 'interest' | 'steps' | 'actions' };
  /** A session's presenting state changed (slide, clock, screen). */
  'presenting:changed': PresentingState;
  /** A work format run changed (entry stored, undone, edited, revealed, timer); windows reload it. */
  'workformat:changed': { sessionId: number; runId: number };
  /** The room server started, stopped or saw a phone come or go (issue 16). */
  'lan:changed': { sessionId: number | null };
}
export type PushEventName = keyof PushEvent;
export const PUSH_EVENTS: PushEventName[] = ['data:changed', 'presenting:changed', 'workformat:changed', 'lan:changed'];
