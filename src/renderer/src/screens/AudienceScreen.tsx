// The audience window (second display): follows main's presenting state.
// Keys here do nothing, so a stray key on the projector laptop changes nothing.

import { usePresenting } from '../presenting/usePresenting';
import { AudienceView } from '../presenting/AudienceView';

export function AudienceScreen({ sessionId }: { sessionId: number }) {
  const p = usePresenting(sessionId, 5000);
  return <AudienceView p={p} />;
}
