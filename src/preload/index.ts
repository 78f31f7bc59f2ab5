// The main window's bridge: one function per contract channel and the
// allow-listed events (shape: SessiewijzerBridge in src/shared/api.ts).

import { CHANNELS } from '../shared/contract';
import { PUSH_EVENTS } from '../shared/events';
import { exposeBridge } from './expose';

exposeBridge(CHANNELS, PUSH_EVENTS);
