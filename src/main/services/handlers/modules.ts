import type { moduleChannels } from '../../../shared/channels/modules';
import type { AreaHandlers, HandlerDeps } from './deps';

export function moduleHandlers({ modules, emit }: HandlerDeps): AreaHandlers<typeof moduleChannels> {
  return {
    'modules:list': () => modules.library(),
    'modules:reload': () => {
      const library = modules.reload();
      emit('data:changed', { area: 'modules' });
      return library;
    },
    'modules:get': ({ id }) => modules.get(id),
  };
}
