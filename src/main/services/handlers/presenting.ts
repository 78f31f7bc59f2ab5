import type { presentingChannels } from '../../../shared/channels/presenting';
import type { AreaHandlers, HandlerDeps } from './deps';

export function presentingHandlers({ presenting, emit, tx }: HandlerDeps): AreaHandlers<typeof presentingChannels> {
  return {
    'agenda:get': ({ sessionId }) => presenting.agendaView(sessionId),
    'agenda:set': ({ sessionId, items }) => {
      const view = tx(() => presenting.setAgenda(sessionId, items));
      emit('data:changed', { area: 'sessions' });
      return view;
    },
    'agenda:reset': ({ sessionId }) => tx(() => presenting.resetAgenda(sessionId)),
    'presenting:state': ({ sessionId }) => presenting.state(sessionId),
    'presenting:command': ({ sessionId, command }) => {
      const state = tx(() => presenting.command(sessionId, command));
      emit('presenting:changed', state);
      return state;
    },
  };
}
