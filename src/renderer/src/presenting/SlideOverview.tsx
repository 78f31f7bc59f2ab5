// "Alle dia's" (G): every slide of the agenda as a thumbnail under its
// block's name; a click jumps there. Thumbnails are plain scaled slides
// (no reveal.js instance each), so forty of them open at once.

import { useEffect, useRef } from 'react';
import { SlidePreview } from '../deck/SlidePreview';
import type { Presenting } from './usePresenting';

export function SlideOverview({ p, onJump, onClose }: { p: Presenting; onJump: (index: number) => void; onClose: () => void }) {
  const { view, state, order, index } = p;
  const currentRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    currentRef.current?.focus({ preventScroll: false });
    currentRef.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  if (!view || !state) return null;
  let n = 0;
  return (
    <section className="slide-overview" aria-label="Alle dia's">
      <div className="row spread">
        <h2>Alle dia&apos;s</h2>
        <button type="button" onClick={onClose}>
          Sluiten (Esc)
        </button>
      </div>
      <div className="slide-overview-blocks">
        {state.agenda.items.map((item) => {
          const slides = order.map((s, i) => ({ ...s, i })).filter((s) => s.itemKey === item.key);
          if (slides.length === 0) return null;
          return (
            <section key={item.key} className="slide-overview-block" aria-label={`Blok ${item.title}`}>
              <h3>
                {item.title} <span className="muted-dark">· {item.minutes} min</span>
              </h3>
              <ol>
                {slides.map((s) => {
                  n += 1;
                  return (
                    <li key={s.slideId}>
                      <button
                        type="button"
                        ref={s.i === index ? currentRef : undefined}
                        className={s.i === index ? 'overview-current' : undefined}
                        aria-current={s.i === index ? 'true' : undefined}
                        aria-label={`Naar dia ${s.i + 1}`}
                        onClick={() => onJump(s.i)}
                      >
                        <SlidePreview module={view.module} agenda={state.agenda} index={s.i} label={`Dia ${s.i + 1}`} />
                        <span className="overview-number">{n}</span>
                      </button>
                    </li>
                  );
                })}
              </ol>
            </section>
          );
        })}
      </div>
    </section>
  );
}
