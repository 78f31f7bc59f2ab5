// Registers one ipcMain handler per contract channel. Each checks that the
// message comes from our own renderer before dispatch() validates the input.

import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/contract';
import { dispatch, type Handlers } from './dispatch';

export function registerIpc(handlers: Handlers, isTrustedUrl: (url: string) => boolean): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedUrl(url)) {
        return { ok: false, error: { code: 'ongeldige_invoer', message: 'Verzoek van een onbekende bron geweigerd.' } };
      }
      return dispatch(handlers, channel, input);
    });
  }
}
