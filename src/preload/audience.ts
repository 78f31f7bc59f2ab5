// The audience window's bridge: only reading the presenting state and the
// revealed results, and their events. Main refuses every other channel from
// this window as well (src/main/ipc/register.ts); this file keeps the rest
// out of the projector page to begin with.

import { AUDIENCE_CHANNELS, AUDIENCE_EVENTS } from '../shared/audience';
import { exposeBridge } from './expose';

exposeBridge(AUDIENCE_CHANNELS, AUDIENCE_EVENTS);
