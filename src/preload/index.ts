// The only bridge between renderer and main: one function per contract
// channel and an allow-listed event subscription. ipcRenderer itself is
// never exposed.

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS } from '../shared/contract';
import type { BridgeInvoke, SessiewijzerBridge } from '../shared/api';
import { PUSH_EVENTS, type PushEvent, type PushEventName } from '../shared/events';

const invoke = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (input?: unknown) => ipcRenderer.invoke(channel, input)]),
) as unknown as BridgeInvoke;

const bridge: SessiewijzerBridge = {
  invoke,
  on<E extends PushEventName>(event: E, listener: (payload: PushEvent[E]) => void) {
    if (!PUSH_EVENTS.includes(event)) throw new Error(`Onbekende gebeurtenis: ${event}`);
    const wrapped = (_e: IpcRendererEvent, payload: PushEvent[E]) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => ipcRenderer.removeListener(event, wrapped);
  },
};

contextBridge.exposeInMainWorld('sessiewijzer', bridge);
