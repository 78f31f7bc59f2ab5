// The audience window (second display): follows main's presenting state.
// Keys here do nothing, so a stray key on the projector laptop changes nothing.
// It asks main for the current state every few seconds as well, so a push
// missed during a reconnect is caught up (the revision drops older states).

import { usePresenting } from '../presenting/usePresenting';
import { AudienceView } from '../presenting/AudienceView';

export function AudienceScreen({ sessionId }: { sessionId: number }) {
  const p = usePresenting(sessionId, 1000, 5000, true);
  return <AudienceView p={p} />;
}
