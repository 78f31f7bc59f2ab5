// The presenter's control bar. Every key has a button here, but a bar with
// every button at full length wraps into three or four rows at 1024×640 and
// takes the slide's room. So the bar is always one row:
// - the buttons used while presenting are in the row; below 1600 px (tier
//   "compact") the key in their label ("(P)") is only in the accessible name
//   and the tooltip;
// - the setup things (room screen, display choice, single screen, block clock
//   on the projector) are in the row before the start and behind "Meer" while
//   presenting;
// - below 900 px (tier "narrow", e.g. 200% zoom) the less used buttons move
//   behind "Meer" too, and the bar stays on screen while the page scrolls.
// An item is in the row or in the menu, never both, so each button has one name.

import { useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import type { DisplayInfo, PresentingCommand, ScreenMode } from '../../../shared/channels/presenting';

export type Tier = 'wide' | 'compact' | 'narrow';

const WIDE = '(min-width: 1600px)';
const NARROW = '(max-width: 899.98px)';

function currentTier(): Tier {
  if (window.matchMedia(WIDE).matches) return 'wide';
  if (window.matchMedia(NARROW).matches) return 'narrow';
  return 'compact';
}

function subscribe(onChange: () => void): () => void {
  const queries = [window.matchMedia(WIDE), window.matchMedia(NARROW)];
  for (const q of queries) q.addEventListener('change', onChange);
  return () => {
    for (const q of queries) q.removeEventListener('change', onChange);
  };
}

/** The width tier of the window, following resizes and zoom. */
export function useTier(): Tier {
  return useSyncExternalStore(subscribe, currentTier);
}

/** A label with its key: the key is visible in the wide bar, otherwise only in the name and tooltip. */
function Keyed({ label, keyName }: { label: ReactNode; keyName: string }) {
  const wide = useTier() === 'wide';
  return (
    <>
      {label}
      <span className={wide ? 'control-key' : 'control-key visually-hidden'}> ({keyName})</span>
    </>
  );
}

export interface ControlsProps {
  status: 'niet_gestart' | 'bezig' | 'gepauzeerd' | 'afgelopen';
  screen: ScreenMode;
  overview: boolean;
  blockClock: boolean;
  displays: DisplayInfo[];
  displayId: string;
  /** The "Meer" menu; its state lives in the view, where Esc closes the innermost open thing. */
  menuOpen: boolean;
  onMenuOpen: (open: boolean) => void;
  send: (command: PresentingCommand) => unknown;
  onOverview: (open: boolean) => void;
  onBlockClock: (on: boolean) => void;
  onDisplayId: (id: string) => void;
  onOpenAudience: () => void;
  onToggleView: () => void;
  onEnd: () => void;
  onClose: () => void;
}

export function PresenterControls(props: ControlsProps) {
  const { status, screen, overview, send } = props;
  const tier = useTier();
  const { menuOpen, onMenuOpen: setMenuOpen } = props;
  const menuRef = useRef<HTMLDivElement>(null);
  const started = status !== 'niet_gestart';
  const ended = status === 'afgelopen';
  const running = started && !ended;

  // A click anywhere outside the menu closes it, as menus do.
  useEffect(() => {
    if (!menuOpen) return;
    const onDown = (e: PointerEvent) => {
      if (!(e.target instanceof Node) || !menuRef.current?.contains(e.target)) setMenuOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [menuOpen, setMenuOpen]);

  const row: ReactNode[] = [];
  /** The row's right end (end and close), after "Meer". */
  const tail: ReactNode[] = [];
  const menu: ReactNode[] = [];
  /** Where an item goes at this tier: the row (or its right end) or the menu. */
  const put = (where: Tier[], node: ReactNode, atEnd = false) => (where.includes(tier) ? (atEnd ? tail : row) : menu).push(node);
  const all: Tier[] = ['wide', 'compact', 'narrow'];
  const notNarrow: Tier[] = ['wide', 'compact'];
  const setup: Tier[] = started ? [] : notNarrow;

  if (status === 'niet_gestart') {
    put(all, <button key="start" type="button" className="primary" aria-keyshortcuts="F5" title="Start (F5)" onClick={() => send({ type: 'start' })}>
      <Keyed label="Start" keyName="F5" />
    </button>);
  } else if (ended) {
    put(all, <button key="reopen" type="button" className="primary" aria-keyshortcuts="F5" title="Sessie heropenen (F5)" onClick={() => send({ type: 'reopen' })}>
      <Keyed label="Sessie heropenen" keyName="F5" />
    </button>);
  } else {
    put(all, <button key="prev" type="button" aria-keyshortcuts="ArrowLeft" title="Vorige dia (←)" onClick={() => send({ type: 'prev' })}>
      ← Vorige
    </button>);
    put(all, <button key="next" type="button" className="primary" aria-keyshortcuts="ArrowRight" title="Volgende dia (→)" onClick={() => send({ type: 'next' })}>
      Volgende →
    </button>);
    put(all, status === 'gepauzeerd' ? (
      <button key="pause" type="button" aria-keyshortcuts="P" title="Hervatten (P)" onClick={() => send({ type: 'resume' })}>
        <Keyed label={<><span aria-hidden="true">▶ </span>Hervatten</>} keyName="P" />
      </button>
    ) : (
      <button key="pause" type="button" aria-keyshortcuts="P" title="Pauze (P)" onClick={() => send({ type: 'pause' })}>
        <Keyed label={<><span aria-hidden="true">❚❚ </span>Pauze</>} keyName="P" />
      </button>
    ));
    put(notNarrow, <button key="ext1" type="button" title="Blok 1 minuut langer" onClick={() => send({ type: 'extend', minutes: 1 })}>
      +1 min
    </button>);
    put(notNarrow, <button key="ext5" type="button" title="Blok 5 minuten langer" onClick={() => send({ type: 'extend', minutes: 5 })}>
      +5 min
    </button>);
    // Black and white screen: the same toggle, each back to normal when pressed again.
    const blank = (mode: 'zwart' | 'wit', label: string, keyName: string) => (
      <button
        key={mode}
        type="button"
        aria-keyshortcuts={keyName}
        title={`${label} scherm (${keyName})`}
        aria-pressed={screen === mode}
        onClick={() => send({ type: 'screen', mode: screen === mode ? 'normaal' : mode })}
      >
        <Keyed label={label} keyName={keyName} />
      </button>
    );
    put(all, blank('zwart', 'Zwart', 'B'));
    put(notNarrow, blank('wit', 'Wit', 'W'));
  }
  if (started) {
    put(all, <button key="overview" type="button" aria-keyshortcuts="G" title="Alle dia's (G)" aria-pressed={overview} onClick={() => props.onOverview(!overview)}>
      <Keyed label="Alle dia's" keyName="G" />
    </button>);
  }
  put(setup, <label key="blockclock" className="presenter-check">
    <input type="checkbox" checked={props.blockClock} onChange={(e) => props.onBlockClock(e.target.checked)} />
    Blokklok op scherm
  </label>);
  put(setup, <select key="display" value={props.displayId} onChange={(e) => props.onDisplayId(e.target.value)} aria-label="Scherm voor het publiek">
    <option value="">Tweede scherm (automatisch)</option>
    {props.displays.map((d) => (
      <option key={d.id} value={d.id}>
        {d.label} ({d.width}×{d.height}){d.primary ? ', hoofdscherm' : ''}
      </option>
    ))}
  </select>);
  put(setup, <button key="audience" type="button" onClick={() => { setMenuOpen(false); props.onOpenAudience(); }}>
    Publieksvenster openen
  </button>);
  put(setup, <button key="single" type="button" aria-keyshortcuts="S" title="Eén scherm (S)" onClick={() => { setMenuOpen(false); props.onToggleView(); }}>
    <Keyed label="Eén scherm" keyName="S" />
  </button>);
  if (running) {
    put(notNarrow, <button key="end" type="button" className="end-button" onClick={() => { setMenuOpen(false); props.onEnd(); }}>
      Sessie afronden…
    </button>, true);
  }
  put(all, <button key="close" type="button" onClick={props.onClose}>
    Sluiten
  </button>, true);

  return (
    <div className="presenter-controls" role="toolbar" aria-label="Bediening" data-tier={tier}>
      {row}
      {menu.length > 0 ? (
        <div className="presenter-more" ref={menuRef}>
          <button type="button" aria-expanded={menuOpen} aria-controls="presenter-more-menu" onClick={() => setMenuOpen(!menuOpen)}>
            Meer<span aria-hidden="true"> {menuOpen ? '▴' : '▾'}</span>
          </button>
          {menuOpen ? (
            <div id="presenter-more-menu" className="presenter-more-menu" role="group" aria-label="Meer bediening">
              {menu}
            </div>
          ) : null}
        </div>
      ) : null}
      <span className="presenter-controls-end">{tail}</span>
    </div>
  );
}
