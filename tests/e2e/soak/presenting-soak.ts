// Soak for presenting (issue 12): random key presses in the presenter view
// (next, previous, jump, black, pause) and, after each, a check that the
// presenter shows what a simple model expects and that the audience view
// shows the presenter's slide, status and blank screen. Used by the short
// Playwright test (100 keys) and by `npm run soak:presenting` (2,000 keys).

import type { Page } from '@playwright/test';

export interface SoakResult {
  steps: number;
  mismatches: string[];
  /** Milliseconds from the key press until both views agreed, per step. */
  settleMs: number[];
  counts: Record<string, number>;
}

/** Small seeded generator (mulberry32), so a failing run can be repeated. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Seen {
  index: number;
  status: string;
  screen: string;
  slideId: string | null;
}

const presenterSeen = (page: Page) =>
  page.evaluate((): Seen => {
    const root = document.querySelector<HTMLElement>('.presenter')!;
    const slide = document.querySelector('[aria-label="Huidige dia"] section.present');
    return {
      index: Number(root.dataset.index),
      status: root.dataset.status ?? '',
      screen: root.dataset.screen ?? '',
      slideId: slide?.getAttribute('data-slide-id') ?? null,
    };
  });

export async function runSoak({ presenter, audience, keys, seed = 1, timeoutMs = 5000 }: { presenter: Page; audience: Page; keys: number; seed?: number; timeoutMs?: number }): Promise<SoakResult> {
  const next = random(seed);
  await presenter.locator('.presenter').waitFor();
  const count = Number(await presenter.locator('[data-slide-count]').getAttribute('data-slide-count'));
  if ((await presenter.locator('.presenter').getAttribute('data-status')) === 'niet_gestart') await presenter.keyboard.press('F5');
  const model = { index: 0, paused: false, black: false };
  const result: SoakResult = { steps: 0, mismatches: [], settleMs: [], counts: {} };
  for (let step = 1; step <= keys; step++) {
    const r = next();
    let kind: string;
    const t0 = Date.now();
    if (r < 0.4) {
      kind = 'volgende';
      model.index = Math.min(model.index + 1, count - 1);
      await presenter.keyboard.press('ArrowRight');
    } else if (r < 0.65) {
      kind = 'vorige';
      model.index = Math.max(model.index - 1, 0);
      await presenter.keyboard.press('ArrowLeft');
    } else if (r < 0.8) {
      kind = 'springen';
      const target = 1 + Math.floor(next() * count);
      model.index = target - 1;
      for (const digit of String(target)) await presenter.keyboard.press(digit);
      await presenter.keyboard.press('Enter');
    } else if (r < 0.9) {
      kind = 'zwart';
      model.black = !model.black;
      await presenter.keyboard.press('b');
    } else {
      kind = 'pauze';
      model.paused = !model.paused;
      await presenter.keyboard.press('p');
    }
    result.counts[kind] = (result.counts[kind] ?? 0) + 1;
    const want = { index: model.index, status: model.paused ? 'gepauzeerd' : 'bezig', screen: model.black ? 'zwart' : 'normaal' };
    try {
      await presenter.waitForFunction(
        (w) => {
          const root = document.querySelector<HTMLElement>('.presenter');
          return root && Number(root.dataset.index) === w.index && root.dataset.status === w.status && root.dataset.screen === w.screen;
        },
        want,
        { timeout: timeoutMs, polling: 'raf' },
      );
      const seen = await presenterSeen(presenter);
      await audience.waitForFunction(
        (s) => {
          const root = document.querySelector<HTMLElement>('.audience');
          const slide = root?.querySelector('section.present');
          const blank = root?.querySelector<HTMLElement>('[data-blank]')?.dataset.blank ?? 'normaal';
          return (
            root &&
            slide?.getAttribute('data-slide-id') === s.slideId &&
            Number(root.dataset.index) === s.index &&
            root.dataset.status === s.status &&
            root.dataset.screen === s.screen &&
            blank === s.screen
          );
        },
        seen,
        { timeout: timeoutMs, polling: 'raf' },
      );
      result.settleMs.push(Date.now() - t0);
    } catch {
      const p = await presenterSeen(presenter).catch(() => null);
      const a = await audience
        .evaluate(() => {
          const root = document.querySelector<HTMLElement>('.audience');
          return { ...root?.dataset, slide: root?.querySelector('section.present')?.getAttribute('data-slide-id') };
        })
        .catch(() => null);
      result.mismatches.push(`stap ${step} (${kind}): verwacht ${JSON.stringify(want)}, presentator ${JSON.stringify(p)}, publiek ${JSON.stringify(a)}`);
      // Carry on from what the presenter shows, so one miss is not counted again and again.
      if (p) {
        model.index = p.index;
        model.paused = p.status === 'gepauzeerd';
        model.black = p.screen === 'zwart';
      }
    }
    result.steps = step;
  }
  return result;
}
