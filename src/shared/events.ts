// Events main pushes to renderers (state lives in main). Allow-listed in preload.

import type { PresentingState } from './channels/presenting';

export interface PushEvent {
  /** Something in the database changed; screens showing that area reload. */
  'data:changed': { area: 'organisations' | 'participants' | 'groups' | 'sessions' | 'attendance' | 'modules' };
  /** A session's presenting state changed (slide, clock, screen). */
  'presenting:changed': PresentingState;
}
export type PushEventName = keyof PushEvent;
export const PUSH_EVENTS: PushEventName[] = ['data:changed', 'presenting:changed'];
