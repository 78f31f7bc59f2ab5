// One slide drawn with the deck theme but without a reveal.js instance: the
// "next slide" in the presenter view. Scaled from 1280×720 to the width it
// gets, so it looks like the slide the room will see.

import { useLayoutEffect, useRef, useState } from 'react';
import type { ParsedModule } from '../../../shared/module-format';
import type { Agenda } from '../../../shared/presenting/agenda';
import { deckSlides, SlideContent } from './Deck';

export function SlidePreview({ module, agenda, index, label }: { module: ParsedModule; agenda?: Agenda; index: number; label: string }) {
  const frame = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(0.3);
  useLayoutEffect(() => {
    const el = frame.current!;
    const update = () => setScale(el.clientWidth / 1280);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const slides = deckSlides(module, agenda);
  const slide = slides[index];
  if (!slide) return null;
  return (
    <div className="deck-frame slide-preview" ref={frame} aria-label={label}>
      <div className="reveal">
        <div className="slides" style={{ transform: `scale(${scale})` }}>
          <section className={index === 0 ? 'title-slide present' : 'present'} data-slide-id={slide.id}>
            <SlideContent slide={slide} module={module} first={index === 0} />
          </section>
        </div>
      </div>
    </div>
  );
}
