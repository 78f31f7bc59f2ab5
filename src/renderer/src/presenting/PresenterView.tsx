// The facilitator's view: the current slide (always whole), a side panel
// with tabs (next slide, work format, attendance, phones), the notes with room for
// at least eight lines, the clocks, the agenda and every control as a button
// as well as a key. The brainstorm board has a full-height mode of its own.
// Layout: presenter.css.

import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { Deck } from '../deck/Deck';
import { SlidePreview } from '../deck/SlidePreview';
import type { Presenting } from './usePresenting';
import type { DisplayInfo } from '../../../shared/channels/presenting';
import { formatClock } from '../../../shared/presenting/clock';
import { BLOCK_KIND_LABELS } from '../../../shared/module-format';
import { WorkFormatPanel } from '../workformats/WorkFormatPanel';
import { useRun } from '../workformats/useRun';
import { viewOf } from '../workformats/types';
import { SlideOverview } from './SlideOverview';
import { EndDialog } from './EndDialog';
import { AttendancePanel } from './AttendancePanel';
import { PhonesPanel } from './PhonesPanel';
import { useChannel } from '../ui/hooks';
import { useProjectorOptions } from './projectorOptions';
import { keysBackAfterClick } from './focus';
import { PresenterControls } from './PresenterControls';
import './presenter.css';

const NOTE_SIZES = [16, 18, 21, 24, 28, 32];
type Tab = 'volgende' | 'werkvorm' | 'aanwezigheid' | 'telefoons';
const TAB_LABELS: Record<Tab, string> = { volgende: 'Volgende dia', werkvorm: 'Werkvorm', aanwezigheid: 'Aanwezigheid', telefoons: 'Telefoons' };

/** True while the keyboard focus is in an entry field, where keys type instead of steering. */
function useFocusInField(): boolean {
  const [inField, setInField] = useState(false);
  useEffect(() => {
    const update = () => setInField(Boolean(document.activeElement?.closest('input, select, textarea, [contenteditable="true"]')));
    // focusout fires before the next element has the focus: look once the move is done.
    const later = () => window.setTimeout(update, 0);
    document.addEventListener('focusin', update);
    document.addEventListener('focusout', later);
    return () => {
      document.removeEventListener('focusin', update);
      document.removeEventListener('focusout', later);
    };
  }, []);
  return inField;
}

export function PresenterView({
  p,
  sessionId,
  typedNumber,
  escapes,
  overview,
  onOverview,
  onToggleView,
  onClose,
}: {
  p: Presenting;
  sessionId: number;
  typedNumber: string;
  /** Grows with each Esc that reached the deck: close one open thing. */
  escapes: number;
  overview: boolean;
  onOverview: (open: boolean) => void;
  onToggleView: () => void;
  onClose: () => void;
}) {
  const { view, state, clock, order, index, send } = p;
  const [noteSize, setNoteSize] = useState(() => Number(localStorage.getItem('sessiewijzer.notitiegrootte')) || 21);
  const [displays, setDisplays] = useState<DisplayInfo[]>([]);
  const [displayId, setDisplayId] = useState<string>('');
  const [audienceNote, setAudienceNote] = useState<string | null>(null);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [board, setBoard] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const [projector, setProjector] = useProjectorOptions(sessionId);
  const inField = useFocusInField();
  useEffect(() => localStorage.setItem('sessiewijzer.notitiegrootte', String(noteSize)), [noteSize]);
  useEffect(() => {
    api('displays:list').then(setDisplays, () => setDisplays([]));
  }, []);
  const slides = view?.module.blocks.flatMap((b) => b.slides) ?? [];
  const current = clock && clock.status !== 'niet_gestart' ? order[index] : undefined;
  const currentSlide = slides.find((s) => s.id === current?.slideId);
  const runState = useRun(sessionId, current?.slideId ?? null, false, currentSlide?.workFormat?.id ?? '');
  // "Werkvorm ter plekke" asked for on this slide (not an effect that resets it: no race with a click).
  const [formatAskedOn, setFormatAskedOn] = useState<string | null>(null);
  const showFormat = formatAskedOn !== null && formatAskedOn === current?.slideId;
  // The tab the facilitator picked on this slide; otherwise the work format when there is one.
  const [tabChoice, setTabChoice] = useState<{ slideId: string | undefined; tab: Tab } | null>(null);
  // Phones (issue 16): the tabs carry how many phones are connected and how much phone text waits.
  const lan = useChannel('lan:status', { sessionId });
  const phones = lan.data?.running && lan.data.sessionId === sessionId ? lan.data.phones : null;
  const waiting = runState.run?.entries.filter((e) => e.pending).length ?? 0;

  // Esc closes the innermost open thing: the overview, the "Meer" menu, the board mode, an ad-hoc form.
  // A new slide starts its result on the first page.
  const slideKey = current?.slideId ?? '';
  useEffect(() => {
    if (projector.resultPage !== 0) setProjector({ resultPage: 0 });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slideKey]);

  const [handledEscapes, setHandledEscapes] = useState(escapes);
  if (handledEscapes !== escapes) {
    setHandledEscapes(escapes);
    if (menuOpen) setMenuOpen(false);
    else if (!overview) {
      if (board) setBoard(false);
      else if (showFormat && runState.adHocRunId === null) setFormatAskedOn(null);
    }
  }

  if (!view || !state || !clock) return null;
  const formatHere = Boolean(currentSlide?.workFormat) || runState.adHocRunId !== null || showFormat;
  const tab: Tab =
    tabChoice && tabChoice.slideId === current?.slideId && (tabChoice.tab !== 'werkvorm' || formatHere)
      ? tabChoice.tab
      : formatHere
        ? 'werkvorm'
        : 'volgende';
  const formatType = runState.run?.declaration.type ?? currentSlide?.workFormat?.type;
  // A type whose entry component is a board (brainstorm) can take the panel's full height.
  const boardType = formatType !== undefined && viewOf(formatType).board === true;
  const boardMode = board && tab === 'werkvorm' && boardType;
  const currentItem = state.agenda.items.find((i) => i.key === current?.itemKey);
  const started = clock.status !== 'niet_gestart';
  const ended = clock.status === 'afgelopen';
  const behind = clock.behindMs;
  const sizeIndex = NOTE_SIZES.indexOf(noteSize);
  const nextSlide = view.module.blocks.flatMap((b) => b.slides).find((s) => s.id === order[index + 1]?.slideId);

  const openAudience = async () => {
    const result = await api('audience:open', { sessionId, displayId: displayId === '' ? null : Number(displayId) });
    setAudienceNote(result.note);
  };
  const pickTab = (t: Tab) => setTabChoice({ slideId: current?.slideId, tab: t });

  return (
    <div
      className={`presenter${boardMode ? ' presenter-board' : ''}`}
      data-status={clock.status}
      data-tab={tab}
      data-index={index}
      data-screen={state.screen}
      data-slide-count={order.length}
    >
      <header className="presenter-top">
        <div className="presenter-title">
          <strong>{view.module.meta.title}</strong>
          <span className="muted-dark" data-presenter-status>
            {clock.status === 'niet_gestart'
              ? 'Nog niet gestart'
              : clock.status === 'gepauzeerd'
                ? 'Gepauzeerd'
                : ended
                  ? 'Afgerond'
                  : `Dia ${index + 1} van ${order.length}`}
            {typedNumber ? ` · naar dia ${typedNumber}…` : ''}
          </span>
        </div>
        {inField ? (
          <p className="key-hint" role="status">
            Toetsen gaan naar het invoerveld · <kbd>Esc</kbd> geeft ze terug aan de dia&apos;s
          </p>
        ) : null}
        <div className="presenter-clock" aria-label="Klok" role="timer">
          <span>
            Verstreken <b data-clock="elapsed">{formatClock(clock.sessionElapsedMs)}</b>
          </span>
          <span>
            Resterend <b data-clock="remaining">{formatClock(clock.sessionRemainingMs)}</b>
          </span>
          <span className={behind > 60_000 ? 'clock-behind' : 'clock-ahead'} data-clock="schedule">
            {Math.abs(behind) < 60_000
              ? 'Op schema'
              : behind > 0
                ? `${Math.round(behind / 60_000)} min achter`
                : `${Math.round(-behind / 60_000)} min voor`}
          </span>
          <span className={`block-clock block-${clock.blockWarning}`}>
            Blok <b data-clock="block">{formatClock(clock.blockRemainingMs)}</b>
          </span>
        </div>
      </header>

      <div className="presenter-main">
        <section className="presenter-current" aria-label="Huidige dia" tabIndex={-1} data-deck-focus>
          <div className="presenter-current-fit">
            <Deck module={view.module} agenda={state.agenda} index={index} blank={state.screen === 'normaal' ? null : state.screen} label="Huidige dia" />
          </div>
        </section>
        <aside className="presenter-side">
          <div className="presenter-tabs" role="tablist" aria-label="Zijpaneel" onClick={keysBackAfterClick}>
            {(['volgende', 'werkvorm', 'aanwezigheid', 'telefoons'] as const).map((t) => (
              <button
                key={t}
                type="button"
                role="tab"
                aria-selected={tab === t}
                disabled={t === 'werkvorm' && !current}
                onClick={() => {
                  if (t === 'werkvorm' && !formatHere && current) setFormatAskedOn(current.slideId);
                  pickTab(t);
                }}
              >
                {TAB_LABELS[t]}
                {t === 'werkvorm' && waiting > 0 ? (
                  <span className="tab-badge" aria-label={`, ${waiting} wachten op toelating`} data-waiting={waiting}>
                    {waiting}
                  </span>
                ) : null}
                {t === 'telefoons' && phones !== null ? (
                  <span className="tab-badge tab-badge-quiet" aria-label={`, ${phones} verbonden`}>
                    {phones}
                  </span>
                ) : null}
              </button>
            ))}
            {tab === 'werkvorm' && boardType ? (
              <button type="button" className="board-toggle" aria-pressed={boardMode} onClick={() => setBoard(!boardMode)}>
                {boardMode ? 'Bord kleiner (Esc)' : 'Bord op volle hoogte'}
              </button>
            ) : null}
            {tab === 'werkvorm' && runState.run?.run.revealed && projector.resultPages > 1 ? (
              <span className="result-pages" role="group" aria-label="Pagina van het resultaat op het scherm">
                <button type="button" disabled={projector.resultPage <= 0} onClick={() => setProjector({ resultPage: projector.resultPage - 1 })}>
                  ‹
                </button>
                <span>
                  Pagina {Math.min(projector.resultPage, projector.resultPages - 1) + 1} van {projector.resultPages}
                </span>
                <button
                  type="button"
                  disabled={projector.resultPage >= projector.resultPages - 1}
                  onClick={() => setProjector({ resultPage: projector.resultPage + 1 })}
                >
                  ›
                </button>
              </span>
            ) : null}
          </div>
          {/* Keyed by tab: another tab starts at its top, not at the scroll position of the previous one. */}
          <div className="presenter-tab" role="tabpanel" aria-label={TAB_LABELS[tab]} key={tab}>
            {tab === 'werkvorm' && current ? (
              <WorkFormatPanel
                sessionId={sessionId}
                slideId={current.slideId}
                declared={currentSlide?.workFormat}
                state={runState}
                onClose={() => {
                  setFormatAskedOn(null);
                  runState.setAdHoc(null);
                  pickTab('volgende');
                }}
              />
            ) : tab === 'aanwezigheid' ? (
              <AttendancePanel sessionId={sessionId} />
            ) : tab === 'telefoons' ? (
              <PhonesPanel sessionId={sessionId} />
            ) : (
              <section aria-label="Volgende dia" className="presenter-next">
                {current ? (
                  <button
                    type="button"
                    className="adhoc-button"
                    onClick={() => {
                      setFormatAskedOn(current.slideId);
                      pickTab('werkvorm');
                    }}
                  >
                    Werkvorm ter plekke
                  </button>
                ) : null}
                {index + 1 < order.length ? (
                  <SlidePreview module={view.module} agenda={state.agenda} index={started ? index + 1 : 0} label="Volgende dia" />
                ) : (
                  <p className="muted-dark">Dit is de laatste dia.</p>
                )}
              </section>
            )}
          </div>
          {tab !== 'volgende' && nextSlide ? (
            <p className="presenter-next-line muted-dark">Volgende: {nextSlide.title}</p>
          ) : null}
          <section aria-label="Sprekersnotities" className="presenter-notes">
            <div className="row spread">
              <h2>Notities{currentSlide ? `: ${currentSlide.title}` : ''}</h2>
              <span className="row">
                <button type="button" aria-label="Kleinere notities" disabled={sizeIndex <= 0} onClick={() => setNoteSize(NOTE_SIZES[sizeIndex - 1]!)}>
                  A−
                </button>
                <button
                  type="button"
                  aria-label="Grotere notities"
                  disabled={sizeIndex >= NOTE_SIZES.length - 1}
                  onClick={() => setNoteSize(NOTE_SIZES[sizeIndex + 1]!)}
                >
                  A+
                </button>
              </span>
            </div>
            <div className="notes-text" style={{ fontSize: `${noteSize}px` }} data-note-size={noteSize}>
              {currentSlide ? (
                <div dangerouslySetInnerHTML={{ __html: currentSlide.notesHtml }} />
              ) : currentItem ? (
                <p>
                  {BLOCK_KIND_LABELS[currentItem.kind]}: {currentItem.minutes} minuten.
                </p>
              ) : (
                <p>Druk op F5 of Start om te beginnen.</p>
              )}
            </div>
          </section>
        </aside>
      </div>

      <div className="presenter-bottom" onClick={keysBackAfterClick}>
        <nav className="presenter-agenda" aria-label="Agenda">
          <ol>
            {state.agenda.items.map((item, i) => {
              const timing = clock.items[i]!;
              const active = item.key === current?.itemKey && started;
              const first = order.findIndex((s) => s.itemKey === item.key);
              return (
                <li key={item.key} className={active ? 'agenda-active' : timing.firstStartedAt ? 'agenda-done' : undefined}>
                  <button type="button" title={item.title} disabled={!started || first < 0 || ended} onClick={() => send({ type: 'gotoIndex', index: first })}>
                    <span className="agenda-title">{item.title}</span>
                    <span className="agenda-minutes">
                      {timing.firstStartedAt ? `${Math.round(timing.actualMs / 60_000)} / ` : ''}
                      {item.minutes} min
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        </nav>
        <PresenterControls
          status={clock.status}
          screen={state.screen}
          overview={overview}
          blockClock={projector.blockClock}
          displays={displays}
          displayId={displayId}
          menuOpen={menuOpen}
          onMenuOpen={setMenuOpen}
          send={send}
          onOverview={onOverview}
          onBlockClock={(on) => setProjector({ blockClock: on })}
          onDisplayId={setDisplayId}
          onOpenAudience={openAudience}
          onToggleView={onToggleView}
          onEnd={() => setConfirmEnd(true)}
          onClose={onClose}
        />
        {audienceNote ? (
          <p className="presenter-note" role="status">
            {audienceNote}
          </p>
        ) : null}
        {p.error ? (
          <p className="error" role="alert">
            {p.error}
          </p>
        ) : null}
      </div>

      {overview ? (
        <div className="presenter-overlay">
          <SlideOverview
            p={p}
            onClose={() => onOverview(false)}
            onJump={(i) => {
              onOverview(false);
              if (!ended) void send({ type: 'gotoIndex', index: i });
            }}
          />
        </div>
      ) : null}
      {confirmEnd ? (
        <EndDialog
          sessionId={sessionId}
          onCancel={() => setConfirmEnd(false)}
          onConfirm={() => {
            setConfirmEnd(false);
            void send({ type: 'end' });
          }}
        />
      ) : null}
    </div>
  );
}
