// The shape of `window.sessiewijzer`, the only bridge between renderer and main.

import type { Channel, ChannelInput, ChannelResult } from './contract';
import type { Envelope } from './errors';
import type { PushEvent, PushEventName } from './events';

export type BridgeInvoke = {
  [C in Channel]: (input?: ChannelInput<C>) => Promise<Envelope<ChannelResult<C>>>;
};

export interface SessiewijzerBridge {
  invoke: BridgeInvoke;
  /** Subscribe to state pushed from main; returns an unsubscribe function. */
  on<E extends PushEventName>(event: E, listener: (payload: PushEvent[E]) => void): () => void;
}
