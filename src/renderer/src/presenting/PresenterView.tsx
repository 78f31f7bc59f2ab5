// The facilitator's view: current and next slide, notes, the agenda with
// planned and actual minutes, the session clock, and every control as a
// button as well as a key.

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

const NOTE_SIZES = [16, 18, 21, 24, 28, 32];

export function PresenterView({
  p,
  sessionId,
  typedNumber,
  onToggleView,
  onClose,
}: {
  p: Presenting;
  sessionId: number;
  typedNumber: string;
  onToggleView: () => void;
  onClose: () => void;
}) {
  const { view, state, clock, order, index, send } = p;
  const [noteSize, setNoteSize] = useState(() => Number(localStorage.getItem('sessiewijzer.notitiegrootte')) || 21);
  const [displays, setDisplays] = useState<DisplayInfo[]>([]);
  const [displayId, setDisplayId] = useState<string>('');
  const [audienceNote, setAudienceNote] = useState<string | null>(null);
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
  if (!view || !state || !clock) return null;
  const formatHere = Boolean(currentSlide?.workFormat) || runState.adHocRunId !== null || showFormat;
  const currentItem = state.agenda.items.find((i) => i.key === current?.itemKey);
  const started = clock.status !== 'niet_gestart';
  const behind = clock.behindMs;
  const sizeIndex = NOTE_SIZES.indexOf(noteSize);

  const openAudience = async () => {
    const result = await api('audience:open', { sessionId, displayId: displayId === '' ? null : Number(displayId) });
    setAudienceNote(result.note);
  };

  return (
    <div className="presenter" data-status={clock.status}>
      <header className="presenter-top">
        <div className="presenter-title">
          <strong>{view.module.meta.title}</strong>
          <span className="muted-dark">
            {clock.status === 'niet_gestart'
              ? 'Nog niet gestart'
              : clock.status === 'gepauzeerd'
                ? 'Gepauzeerd'
                : clock.status === 'afgelopen'
                  ? 'Afgelopen'
                  : `Dia ${index + 1} van ${order.length}`}
            {typedNumber ? ` · naar dia ${typedNumber}…` : ''}
          </span>
        </div>
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
        <section className="presenter-current" aria-label="Huidige dia">
          <Deck module={view.module} agenda={state.agenda} index={index} blank={state.screen === 'normaal' ? null : state.screen} label="Huidige dia" />
        </section>
        <aside className="presenter-side">
          {formatHere && current ? (
            <WorkFormatPanel
              sessionId={sessionId}
              slideId={current.slideId}
              declared={currentSlide?.workFormat}
              state={runState}
              onClose={() => {
                setFormatAskedOn(null);
                runState.setAdHoc(null);
              }}
            />
          ) : (
            <section aria-label="Volgende dia" className="presenter-next">
              <div className="row spread">
                <h2>Volgende</h2>
                {current ? (
                  <button type="button" onClick={() => setFormatAskedOn(current.slideId)}>
                    Werkvorm ter plekke
                  </button>
                ) : null}
              </div>
              {index + 1 < order.length ? (
                <SlidePreview module={view.module} agenda={state.agenda} index={index + 1} label="Volgende dia" />
              ) : (
                <p className="muted-dark">Dit is de laatste dia.</p>
              )}
            </section>
          )}
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
                <p>{BLOCK_KIND_LABELS[currentItem.kind]}: {currentItem.minutes} minuten.</p>
              ) : (
                <p>Druk op F5 of Start om te beginnen.</p>
              )}
            </div>
          </section>
        </aside>
      </div>

      <div className="presenter-bottom">
        <nav className="presenter-agenda" aria-label="Agenda">
          <ol>
            {state.agenda.items.map((item, i) => {
              const timing = clock.items[i]!;
              const active = item.key === current?.itemKey && started;
              const first = order.findIndex((s) => s.itemKey === item.key);
              return (
                <li key={item.key} className={active ? 'agenda-active' : timing.firstStartedAt ? 'agenda-done' : undefined}>
                  <button
                    type="button"
                    disabled={!started || first < 0 || clock.status === 'afgelopen'}
                    onClick={() => send({ type: 'gotoIndex', index: first })}
                  >
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
        <div className="presenter-controls" role="toolbar" aria-label="Bediening">
          {clock.status === 'niet_gestart' || clock.status === 'afgelopen' ? (
            <button type="button" className="primary" onClick={() => send({ type: 'start' })}>
              Start (F5)
            </button>
          ) : (
            <>
              <button type="button" onClick={() => send({ type: 'prev' })}>
                ← Vorige
              </button>
              <button type="button" className="primary" onClick={() => send({ type: 'next' })}>
                Volgende →
              </button>
              {clock.status === 'gepauzeerd' ? (
                <button type="button" onClick={() => send({ type: 'resume' })}>
                  Hervatten (P)
                </button>
              ) : (
                <button type="button" onClick={() => send({ type: 'pause' })}>
                  Pauze (P)
                </button>
              )}
              <button type="button" onClick={() => send({ type: 'extend', minutes: 1 })}>
                +1 min
              </button>
              <button type="button" onClick={() => send({ type: 'extend', minutes: 5 })}>
                +5 min
              </button>
              <button type="button" aria-pressed={state.screen === 'zwart'} onClick={() => send({ type: 'screen', mode: state.screen === 'zwart' ? 'normaal' : 'zwart' })}>
                Zwart (B)
              </button>
              <button type="button" aria-pressed={state.screen === 'wit'} onClick={() => send({ type: 'screen', mode: state.screen === 'wit' ? 'normaal' : 'wit' })}>
                Wit (W)
              </button>
              <button type="button" onClick={() => send({ type: 'end' })}>
                Beëindigen (Esc)
              </button>
            </>
          )}
          <span className="presenter-audience">
            <select value={displayId} onChange={(e) => setDisplayId(e.target.value)} aria-label="Scherm voor het publiek">
              <option value="">Tweede scherm (automatisch)</option>
              {displays.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.label} ({d.width}×{d.height}){d.primary ? ', hoofdscherm' : ''}
                </option>
              ))}
            </select>
            <button type="button" onClick={openAudience}>
              Publieksvenster openen
            </button>
            <button type="button" onClick={onToggleView}>
              Eén scherm: publiek tonen (S)
            </button>
            <button type="button" onClick={onClose}>
              Sluiten
            </button>
          </span>
          {audienceNote ? <p className="presenter-note" role="status">{audienceNote}</p> : null}
          {p.error ? <p className="error" role="alert">{p.error}</p> : null}
        </div>
      </div>
    </div>
  );
}
