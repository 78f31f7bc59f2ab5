// Phones over the room's network (issue 16): the facilitator starts and stops
// the room server for a session, chooses the network, opens a run for phones
// and lets phone text through. Each change tells the windows: the presenter's
// count and queue reload on 'workformat:changed', the switch and the audience's
// QR code on 'lan:changed'.
import type { lanChannels } from '../../../shared/channels/lan';
import type { AreaHandlers, HandlerDeps } from './deps';

export function lanHandlers({ lan, phones, emit, tx }: HandlerDeps): AreaHandlers<typeof lanChannels> {
  return {
    'lan:interfaces': () => lan.interfaces(),
    'lan:start': ({ sessionId, address }) => lan.start(sessionId, address),
    'lan:stop': ({ sessionId }) => lan.stop(sessionId),
    'lan:status': ({ sessionId }) => lan.status(sessionId),
    'runs:phones': ({ runId, state }) => {
      const result = tx(() => phones.setPhoneState(runId, state));
      for (const id of result.runs) emit('workformat:changed', { sessionId: result.sessionId, runId: id });
      return result.view;
    },
    'entries:moderate': ({ entryId, allow }) => {
      const result = tx(() => phones.moderate(entryId, allow));
      emit('workformat:changed', { sessionId: result.sessionId, runId: result.runId });
      return result.view;
    },
  };
}
