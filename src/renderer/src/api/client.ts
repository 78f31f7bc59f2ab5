// Typed client over window.sessiewijzer: unwraps the { ok, value | error }
// envelope so screens can `await api('groups:list')` and catch ApiError.

import type { Channel, ChannelInput, ChannelResult } from '../../../shared/contract';
import type { AppErrorData, ErrorCode } from '../../../shared/errors';
import type { SessiewijzerBridge } from '../../../shared/api';

declare global {
  interface Window {
    sessiewijzer: SessiewijzerBridge;
  }
}

export class ApiError extends Error implements AppErrorData {
  constructor(
    public readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export async function api<C extends Channel>(channel: C, input?: ChannelInput<C>): Promise<ChannelResult<C>> {
  const invoke = window.sessiewijzer.invoke[channel] as (i?: unknown) => Promise<
    { ok: true; value: ChannelResult<C> } | { ok: false; error: AppErrorData }
  >;
  const envelope = await invoke(input);
  if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message);
  return envelope.value;
}

export const onPush: SessiewijzerBridge['on'] = (event, listener) => window.sessiewijzer.on(event, listener);
