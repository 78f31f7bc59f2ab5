// Events main pushes to renderers (state lives in main). Allow-listed in preload.

export interface PushEvent {
  /** Something in the database changed; screens showing that area reload. */
  'data:changed': { area: 'organisations' | 'participants' | 'groups' | 'sessions' | 'attendance' | 'modules' };
}
export type PushEventName = keyof PushEvent;
export const PUSH_EVENTS: PushEventName[] = ['data:changed'];
