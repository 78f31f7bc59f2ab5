// Makes results fit the room's screen: the largest font size (down to the
// 28 px minimum) and the fewest columns (up to four) at which everything is
// visible. Whatever still does not fit flows on into further pages, which
// the facilitator steps through from the presenter view.

import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

export const MIN_FONT_PX = 28;
const MAX_FONT_PX = 48;
const GAP_PX = 20;
/** Four columns of 28 px text still hold a few words per line at 1280 px. */
const MAX_COLUMNS = 4;

export interface Fit {
  size: number;
  columns: number;
  pages: number;
}

export function FitBox({ children, page, contentKey, onPages }: { children: ReactNode; page: number; contentKey: string; onPages?: (pages: number) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState<Fit>({ size: MAX_FONT_PX, columns: 1, pages: 1 });
  const [viewport, setViewport] = useState(() => `${window.innerWidth}x${window.innerHeight}`);
  useLayoutEffect(() => {
    const onResize = () => setViewport(`${window.innerWidth}x${window.innerHeight}`);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  useLayoutEffect(() => {
    const el = inner.current;
    const outer = box.current;
    if (!el || !outer) return;
    const apply = (size: number, columns: number) => {
      el.style.fontSize = `${size}px`;
      el.style.columnCount = String(columns);
      el.style.transform = '';
    };
    // Columns fill to the box's height; anything more makes extra columns to the right.
    const fits = () => el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1;
    let found: Fit | null = null;
    search: for (let size = MAX_FONT_PX; size >= MIN_FONT_PX; size -= 2) {
      for (let columns = 1; columns <= MAX_COLUMNS; columns++) {
        apply(size, columns);
        if (fits()) {
          found = { size, columns, pages: 1 };
          break search;
        }
      }
    }
    if (!found) {
      apply(MIN_FONT_PX, MAX_COLUMNS);
      const pages = Math.max(1, Math.ceil((el.scrollWidth + GAP_PX) / (el.clientWidth + GAP_PX)));
      found = { size: MIN_FONT_PX, columns: MAX_COLUMNS, pages };
    }
    apply(found.size, found.columns);
    setFit(found);
    onPages?.(found.pages);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [contentKey, viewport]);
  const shown = Math.min(Math.max(page, 0), fit.pages - 1);
  return (
    <div className="fit-box" ref={box} data-font-px={fit.size} data-columns={fit.columns} data-pages={fit.pages} data-page={shown}>
      <div
        className="fit-inner"
        ref={inner}
        style={{
          fontSize: `${fit.size}px`,
          columnCount: fit.columns,
          columnGap: `${GAP_PX}px`,
          transform: shown > 0 ? `translateX(calc(${-shown} * (100% + ${GAP_PX}px)))` : undefined,
        }}
      >
        {children}
      </div>
      {fit.pages > 1 ? (
        <p className="fit-page" aria-live="polite">
          Pagina {shown + 1} van {fit.pages}
        </p>
      ) : null}
    </div>
  );
}
