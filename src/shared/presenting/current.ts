// The slide a presenting state shows, without folding the clocks: cheap
// enough to run inside the push handler, so the audience deck can move the
// moment main's state arrives (before React renders).

import type { PresentingState } from '../channels/presenting';
import { agendaSlides } from './agenda';

/** Index in agenda order of the slide on screen (0 before the start). */
export function currentSlideIndex(state: Pick<PresentingState, 'agenda' | 'events'>): number {
  for (let i = state.events.length - 1; i >= 0; i--) {
    const e = state.events[i]!;
    if (e.type === 'start' || e.type === 'goto') {
      const index = agendaSlides(state.agenda).findIndex((s) => s.slideId === e.slideId);
      return Math.max(0, index);
    }
  }
  return 0;
}
