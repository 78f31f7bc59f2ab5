// Presenting a session. The presenter view by default; in single-screen
// mode (key S) the same window shows the audience view and keeps taking
// keys. Main owns the state: keys become commands, main stores them as
// events and pushes the new state to every window, so a reload or a
// restart resumes on the same slide with the same clocks.

import { useEffect, useRef, useState } from 'react';
import { go } from '../navigation';
import { usePresenting } from '../presenting/usePresenting';
import { keyAction } from '../../../shared/presenting/keys';
import { PresenterView } from '../presenting/PresenterView';
import { AudienceView } from '../presenting/AudienceView';
import { ErrorMessage } from '../ui/parts';

export function PresentScreen({ sessionId }: { sessionId: number }) {
  const p = usePresenting(sessionId);
  const [audienceMode, setAudienceMode] = useState(() => sessionStorage.getItem(`sessiewijzer.eenscherm.${sessionId}`) === '1');
  const [typed, setTyped] = useState('');
  const typedRef = useRef('');
  typedRef.current = typed;

  useEffect(() => {
    sessionStorage.setItem(`sessiewijzer.eenscherm.${sessionId}`, audienceMode ? '1' : '0');
  }, [audienceMode, sessionId]);

  // One listener for the life of the screen, reading the latest state through a ref: a listener
  // re-attached after every render leaves moments with a stale one, and F5 must never reach the
  // browser (it would reload the window) even before the state has loaded.
  const latest = useRef(p);
  latest.current = p;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return;
      if (e.key === 'F5') e.preventDefault();
      const { clock, state, send } = latest.current;
      if (!clock || !state) return;
      const action = keyAction(e.key, clock.status, state.screen, typedRef.current);
      if (action.kind === 'none') return;
      e.preventDefault();
      if (action.kind === 'digit') {
        setTyped((t) => (t + action.digit).slice(-3));
        return;
      }
      if (action.kind === 'jump') {
        const n = Number(typedRef.current);
        setTyped('');
        if (n >= 1) void send({ type: 'gotoIndex', index: n - 1 });
        return;
      }
      setTyped('');
      if (action.kind === 'toggleView') setAudienceMode((m) => !m);
      else void send(action.command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (p.error && !p.state) {
    return (
      <div className="presenting">
        <ErrorMessage message={p.error} />
        <button type="button" onClick={() => go(`sessies/${sessionId}`)}>
          Terug naar de sessie
        </button>
      </div>
    );
  }
  if (!p.view || !p.state || !p.clock) return <p className="presenting">Laden…</p>;
  if (audienceMode) return <AudienceView p={p} hint="Eén scherm – druk op S voor het presentatorscherm" />;
  return (
    <PresenterView
      p={p}
      sessionId={sessionId}
      typedNumber={typed}
      onToggleView={() => setAudienceMode(true)}
      onClose={() => go(`sessies/${sessionId}`)}
    />
  );
}
