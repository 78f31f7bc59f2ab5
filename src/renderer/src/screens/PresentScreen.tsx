// Presenting a session in one window. Main owns the state: keys become
// commands, main stores them as events and pushes the new state back, so a
// reload resumes on the same slide. (Presenter and audience windows come
// with the presenting issue.)

import { useEffect, useState } from 'react';
import { api, onPush } from '../api/client';
import { go } from '../App';
import { Deck } from '../deck/Deck';
import { useChannel } from '../ui/hooks';
import { ErrorMessage } from '../ui/parts';
import { agendaSlides } from '../../../shared/presenting/agenda';
import { foldClock, formatClock } from '../../../shared/presenting/clock';
import type { PresentingCommand, PresentingState } from '../../../shared/channels/presenting';

export function PresentScreen({ sessionId }: { sessionId: number }) {
  const view = useChannel('agenda:get', { sessionId });
  const [state, setState] = useState<PresentingState>();
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    api('presenting:state', { sessionId }).then(setState, (e: Error) => setError(e.message));
    const off = onPush('presenting:changed', (s) => {
      if (s.sessionId === sessionId) setState(s);
    });
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => {
      off();
      window.clearInterval(timer);
    };
  }, [sessionId]);

  const send = (command: PresentingCommand) =>
    api('presenting:command', { sessionId, command }).then(setState, (e: Error) => setError(e.message));

  const clock = state ? foldClock(state.agenda, state.events, now) : undefined;
  const order = state ? agendaSlides(state.agenda) : [];
  const index = clock?.current ? Math.max(0, order.findIndex((s) => s.slideId === clock.current!.slideId)) : 0;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!clock) return;
      const running = clock.status === 'bezig' || clock.status === 'gepauzeerd';
      if (e.key === 'Escape') {
        e.preventDefault();
        go(`sessies/${sessionId}`);
        return;
      }
      if (e.key === 'F5' || (!running && clock.status === 'niet_gestart' && (e.key === 'Enter' || e.key === ' '))) {
        e.preventDefault();
        if (clock.status === 'niet_gestart') void send({ type: 'start' });
        return;
      }
      if (!running) return;
      if (['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter'].includes(e.key)) {
        e.preventDefault();
        void send({ type: 'next' });
      } else if (['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace'].includes(e.key)) {
        e.preventDefault();
        void send({ type: 'prev' });
      } else if (e.key === 'b' || e.key === 'B') {
        void send({ type: 'screen', mode: state?.screen === 'zwart' ? 'normaal' : 'zwart' });
      } else if (e.key === 'w' || e.key === 'W') {
        void send({ type: 'screen', mode: state?.screen === 'wit' ? 'normaal' : 'wit' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (view.error || error) {
    return (
      <div className="presenting">
        <ErrorMessage message={view.error ?? error} />
        <button type="button" onClick={() => go(`sessies/${sessionId}`)}>
          Terug naar de sessie
        </button>
      </div>
    );
  }
  if (!view.data || !state || !clock) return <p className="presenting">Laden…</p>;

  return (
    <div className="presenting" data-status={clock.status}>
      <Deck
        module={view.data.module}
        slideIds={order.map((s) => s.slideId)}
        index={index}
        blank={state.screen === 'normaal' ? null : state.screen}
      />
      <div className="presenting-bar" role="toolbar" aria-label="Presentatie">
        <button type="button" onClick={() => go(`sessies/${sessionId}`)}>
          Sluiten (Esc)
        </button>
        {clock.status === 'niet_gestart' ? (
          <button type="button" className="primary" onClick={() => send({ type: 'start' })}>
            Start (F5)
          </button>
        ) : (
          <>
            <button type="button" onClick={() => send({ type: 'prev' })} aria-label="Vorige dia">
              ←
            </button>
            <span className="presenting-count" aria-live="polite">
              Dia {index + 1} van {order.length}
            </span>
            <button type="button" onClick={() => send({ type: 'next' })} aria-label="Volgende dia">
              →
            </button>
            <span className="presenting-clock">
              {formatClock(clock.sessionElapsedMs)} / {formatClock(clock.plannedTotalMs)}
            </span>
          </>
        )}
      </div>
    </div>
  );
}
