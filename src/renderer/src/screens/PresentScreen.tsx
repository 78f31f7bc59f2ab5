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
import { focusDeck } from '../presenting/focus';

/** Elements that own the keys while focused: typing goes to them, Esc gives the keys back. */
const FIELD = 'input, select, textarea, [contenteditable="true"], [contenteditable=""]';
/** Elements that Enter and Space press: the deck never takes those keys from them. */
const PRESSABLE = 'button, a[href], summary, [role="button"], [role="tab"]';

export function PresentScreen({ sessionId }: { sessionId: number }) {
  const p = usePresenting(sessionId, 1000, 0, true);
  const [audienceMode, setAudienceMode] = useState(() => sessionStorage.getItem(`sessiewijzer.eenscherm.${sessionId}`) === '1');
  const [typed, setTyped] = useState('');
  const [overview, setOverview] = useState(false);
  // Each Esc that reaches the deck closes one open thing (form, overview) in the view.
  const [escapes, setEscapes] = useState(0);
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
      if (e.key === 'F5') e.preventDefault();
      if (e.defaultPrevented && e.key !== 'F5') return;
      const target = e.target instanceof Element ? e.target : null;
      // A modal dialog (the end confirmation) handles its own keys; Esc closes it natively.
      if (target?.closest('dialog')) return;
      const field = target?.closest<HTMLElement>(FIELD);
      if (field) {
        if (e.key === 'Escape') {
          // Esc in a field: leave the field (nothing typed is lost) and give the keys back to the deck.
          e.preventDefault();
          field.blur();
          focusDeck();
        }
        if (e.key !== 'F5') return;
      }
      if ((e.key === 'Enter' || e.key === ' ') && target?.closest(PRESSABLE)) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const { clock, state, send } = latest.current;
      if (!clock || !state) return;
      const action = keyAction(e.key, clock.status, state.screen, typedRef.current);
      if (action.kind === 'none') return;
      e.preventDefault();
      switch (action.kind) {
        case 'digit':
          setTyped((t) => (t + action.digit).slice(-3));
          return;
        case 'jump': {
          const n = Number(typedRef.current);
          setTyped('');
          if (n >= 1) void send({ type: 'gotoIndex', index: n - 1 });
          return;
        }
        case 'escape':
          setTyped('');
          setOverview(false);
          setEscapes((n) => n + 1);
          return;
        case 'overview':
          setTyped('');
          setOverview((o) => !o);
          return;
        case 'toggleView':
          setTyped('');
          setAudienceMode((m) => !m);
          return;
        case 'command':
          setTyped('');
          void send(action.command);
      }
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
      escapes={escapes}
      overview={overview}
      onOverview={setOverview}
      onToggleView={() => setAudienceMode(true)}
      onClose={() => go(`sessies/${sessionId}`)}
    />
  );
}
