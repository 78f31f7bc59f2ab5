// Registers one ipcMain handler per contract channel. Before dispatch()
// validates the input, each handler checks who is asking: a main frame of one
// of our windows, on the app's own origin; and the audience window only for
// the few channels it needs.

import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CHANNELS, type Channel } from '../../shared/contract';
import { AUDIENCE_CHANNELS } from '../../shared/audience';
import type { Envelope } from '../../shared/errors';
import { isTrustedFrame, type TrustedOrigin } from '../shell/trusted-url';
import type { WindowRole } from '../shell/windows';
import { dispatch, type Handlers } from './dispatch';

export interface SenderPolicy {
  origin: TrustedOrigin;
  /** Which of our windows sent it; null = not one of ours. */
  roleOf(contents: WebContents): WindowRole | null;
}

const AUDIENCE_SET: ReadonlySet<string> = new Set(AUDIENCE_CHANNELS);

const refused = (message: string): Envelope<never> => ({ ok: false, error: { code: 'ongeldige_invoer', message } });

/**
 * The input to dispatch, or a refusal. Pure apart from reading the event, so
 * the shell tests call it with fake frames.
 */
export function checkSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  channel: Channel,
  input: unknown,
  policy: SenderPolicy,
): { ok: true; input: unknown } | { ok: false; refusal: Envelope<never> } {
  if (!isTrustedFrame(event.senderFrame, policy.origin)) {
    return { ok: false, refusal: refused('Verzoek van een onbekende bron geweigerd.') };
  }
  const role = policy.roleOf(event.sender);
  if (role === null) return { ok: false, refusal: refused('Verzoek van een onbekend venster geweigerd.') };
  if (role === 'audience') {
    if (!AUDIENCE_SET.has(channel)) {
      return { ok: false, refusal: refused('Het publieksvenster mag alleen tonen wat er gepresenteerd wordt.') };
    }
    // The projector only ever sees revealed results without names, whatever the page asks for.
    if (channel === 'runs:results' && typeof input === 'object' && input !== null) {
      return { ok: true, input: { ...input, audience: true } };
    }
  }
  return { ok: true, input };
}

/** `handlers` is read per call, so a core that is closed and reopened (restore) is picked up. */
export function registerIpc(handlers: () => Handlers, policy: SenderPolicy): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      const checked = checkSender(event, channel, input, policy);
      if (!checked.ok) return checked.refusal;
      return dispatch(handlers(), channel, checked.input);
    });
  }
}
