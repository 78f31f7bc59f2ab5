import type { privacyChannels } from '../../../shared/channels/privacy';
import { previewErasure } from '../../db/repositories/privacy';
import type { AreaHandlers, HandlerDeps } from './deps';

export function privacyHandlers({ db }: HandlerDeps): AreaHandlers<typeof privacyChannels> {
  return {
    'participants:erasePreview': ({ participantId }) => previewErasure(db, participantId),
  };
}
