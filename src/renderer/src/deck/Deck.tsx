// A module's slides as a reveal.js 6 deck. The slide HTML comes from main's
// Markdown renderer with raw HTML disabled, so it is safe to insert.
// Controlled mode (presenting): main decides the slide; reveal.js only shows it.

import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import Reveal from 'reveal.js';
import type { RevealApi } from 'reveal.js';
import 'reveal.js/reveal.css';
import './deck-theme.css';
import { BLOCK_KIND_LABELS, type ParsedModule, type Slide } from '../../../shared/module-format';
import type { Agenda } from '../../../shared/presenting/agenda';
import { WorkFormatCard } from './WorkFormatCard';

export interface DeckProps {
  module: ParsedModule;
  /** A session's agenda: its slides in its order, plus a slide for each added break or free block. */
  agenda?: Agenda;
  /** Controlled: show this slide index and ignore reveal.js's own keys. */
  index?: number;
  /** Uncontrolled (preview): reports the slide the user navigated to. */
  onIndexChange?: (index: number) => void;
  /** Blank the screen (B / W while presenting). */
  blank?: 'zwart' | 'wit' | null;
  label?: string;
  /** Uncontrolled: take arrow keys without clicking the deck first (full-window preview). */
  keysWithoutFocus?: boolean;
  /**
   * Controlled: subscribe to slide changes that should reach reveal.js at once (the audience
   * applies main's pushed slide directly, before React renders the rest of the view).
   * Returns the unsubscribe function.
   */
  follow?: (apply: (index: number) => void) => () => void;
}

export function deckSlides(module: ParsedModule, agenda?: Agenda): Slide[] {
  const all = module.blocks.flatMap((b) => b.slides);
  if (!agenda) return all;
  const byId = new Map(all.map((s) => [s.id, s]));
  return agenda.items.flatMap((item) =>
    item.slideIds.flatMap((id): Slide[] => {
      const slide = byId.get(id);
      if (slide) return [slide];
      if (item.blockId !== null || id !== item.key) return [];
      // An added break or free block: a calm slide of its own.
      const text = item.kind === 'pauze' ? `We gaan over ${item.minutes} minuten verder.` : `${item.minutes} minuten`;
      return [{ id, title: item.title || BLOCK_KIND_LABELS[item.kind], body: text, html: `<p>${escapeHtml(text)}</p>`, notes: '', notesHtml: '', line: 0 }];
    }),
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function Deck({ module, agenda, index, onIndexChange, blank, label, keysWithoutFocus, follow }: DeckProps) {
  const root = useRef<HTMLDivElement>(null);
  const deck = useRef<RevealApi | null>(null);
  const controlled = index !== undefined;
  // Each presenting push brings a new agenda object with the same content: keep the slides (and
  // the sections rendered from them, below) as long as the agenda's items are the same, so a
  // slide change re-renders no slide content.
  const agendaKey = agenda ? JSON.stringify(agenda.items) : '';
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const slides = useMemo(() => deckSlides(module, agenda), [module, agendaKey]);
  const slideKey = slides.map((s) => s.id).join('|');
  const onChange = useRef(onIndexChange);
  onChange.current = onIndexChange;
  const wanted = useRef(index);
  wanted.current = index;

  useEffect(() => {
    const reveal = new Reveal(root.current!, {
      embedded: true,
      width: 1280,
      height: 720,
      margin: 0.04,
      hash: false,
      history: false,
      respondToHashChanges: false,
      controls: !controlled,
      controlsTutorial: false,
      progress: true,
      slideNumber: false,
      keyboard: !controlled,
      ...(keysWithoutFocus ? {} : { keyboardCondition: 'focused' as const }),
      overview: false,
      help: false,
      touch: !controlled,
      // Controlled decks cut: a fade leaves two slides on screen for a moment, and the room
      // should see the new slide in the very next frame.
      transition: controlled ? 'none' : 'fade',
      transitionSpeed: 'fast',
      center: false,
      pdfSeparateFragments: false,
      // reveal.js switches to its scrolling "mobile" view below 435 px of width, unwrapping every
      // slide at once: that was the presenter's "two slides stacked at the wrong scale" in a
      // narrow pane. A deck here is always a projector slide, however small its pane.
      scrollActivationWidth: 0,
    });
    let alive = true;
    void reveal.initialize().then(() => {
      if (!alive) return;
      deck.current = reveal;
      if (wanted.current !== undefined) reveal.slide(wanted.current, 0);
      reveal.on('slidechanged', () => {
        // Controlled: only main decides the slide. reveal.js reads the page's URL hash once at
        // start (even with hash: false), which can move it; put it back where main wants it.
        const h = reveal.getIndices().h;
        if (wanted.current !== undefined && h !== wanted.current) reveal.slide(wanted.current, 0);
        else onChange.current?.(h);
      });
      root.current?.setAttribute('data-ready', 'true');
    });
    // reveal.js rescales on window resizes only; the presenter's panes change size on their own
    // (side panel, board mode, zoom), so rescale whenever the frame does.
    const observer = new ResizeObserver(() => {
      try {
        deck.current?.layout();
      } catch {
        // not initialised yet
      }
    });
    observer.observe(root.current!);
    return () => {
      alive = false;
      observer.disconnect();
      deck.current = null;
      try {
        reveal.destroy();
      } catch {
        // destroy before initialize finished: nothing to undo
      }
    };
    // Rebuild only when the set of slides changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slideKey, controlled]);

  // Layout effect: move the deck before the browser paints this render, so a new slide costs one
  // frame, not two (a plain effect runs after the paint).
  useLayoutEffect(() => {
    if (controlled && deck.current && deck.current.getIndices().h !== index) deck.current.slide(index, 0);
  }, [controlled, index]);

  useEffect(() => {
    if (!follow) return undefined;
    return follow((next) => {
      wanted.current = next;
      if (deck.current && deck.current.getIndices().h !== next) deck.current.slide(next, 0);
    });
  }, [follow]);

  const sections = useMemo(
    () =>
      slides.map((slide, i) => (
        <section key={slide.id} data-slide-id={slide.id} className={i === 0 ? 'title-slide' : undefined}>
          <SlideContent slide={slide} module={module} first={i === 0} />
        </section>
      )),
    [slides, module],
  );

  return (
    <div className="deck-frame" aria-label={label ?? `Presentatie ${module.meta.title}`}>
      <div className="reveal" ref={root}>
        <div className="slides">{sections}</div>
      </div>
      {blank ? <div className={`deck-blank deck-blank-${blank}`} data-blank={blank} /> : null}
    </div>
  );
}

export function SlideContent({ slide, module, first }: { slide: Slide; module: ParsedModule; first: boolean }) {
  if (first) {
    return (
      <div className="slide-title-layout">
        <p className="kicker">{module.meta.subtitle ?? 'Welbevinden op School'}</p>
        <h1>{slide.title}</h1>
        <div className="slide-body" dangerouslySetInnerHTML={{ __html: slide.html }} />
      </div>
    );
  }
  return (
    <div className="slide-layout">
      <h2>{slide.title}</h2>
      {slide.body ? <div className="slide-body" dangerouslySetInnerHTML={{ __html: slide.html }} /> : null}
      {slide.workFormat ? <WorkFormatCard format={slide.workFormat} /> : null}
    </div>
  );
}
