// Builds `window.sessiewijzer` from a list of channels and events: one
// function per channel, subscriptions only to allow-listed events.
// ipcRenderer itself is never exposed. Both preloads use this; each is built
// as its own bundle (a sandboxed preload cannot load shared chunks).

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

export function exposeBridge(channels: readonly string[], events: readonly string[]): void {
  const invoke = Object.fromEntries(
    channels.map((channel) => [channel, (input?: unknown) => ipcRenderer.invoke(channel, input)]),
  );
  const bridge = {
    invoke,
    on(event: string, listener: (payload: unknown) => void) {
      if (!events.includes(event)) throw new Error(`Onbekende gebeurtenis: ${event}`);
      const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(event, wrapped);
      return () => {
        ipcRenderer.removeListener(event, wrapped);
      };
    },
  };
  contextBridge.exposeInMainWorld('sessiewijzer', bridge);
}
