// Phones over the room's network (issue 16). The room server is being built in
// src/main/lan/; until it lands these channels answer with an honest refusal.
import type { lanChannels } from '../../../shared/channels/lan';
import { AppError } from '../../../shared/errors';
import type { AreaHandlers, HandlerDeps } from './deps';

export function lanHandlers(_deps: HandlerDeps): AreaHandlers<typeof lanChannels> {
  const notYet = (): never => {
    throw new AppError('conflict', 'Deelnemen via telefoon is in deze versie nog niet beschikbaar.');
  };
  return {
    'lan:interfaces': notYet,
    'lan:start': notYet,
    'lan:stop': notYet,
    'lan:status': notYet,
    'runs:phones': notYet,
    'entries:moderate': notYet,
  };
}
