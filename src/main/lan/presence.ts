// Which phones are connected now, for the presenter's "N telefoons verbonden".
// A phone counts once however it listens: with an open event stream, or by
// polling the prompt (the page's fallback when its stream is refused or keeps
// failing). Two tabs, or a reload that briefly has two streams, are still one
// phone. A phone is known here only by the room's HMAC of its device token,
// in memory, never stored and never by its address.

import { PHONE_POLL_MS } from '../../shared/phone';

export const PRESENCE_TIMING = {
  /** A polling phone stays counted this long after its last poll: a poll or two may be late or lost on Wi-Fi. */
  graceMs: Math.round(2.5 * PHONE_POLL_MS),
  /** How often lapsed polls are looked for: nothing else arrives to tell that a phone went away. */
  sweepMs: 1000,
} as const;

/** Time and the sweep's timer, injectable so tests move time instead of waiting. */
export interface PresenceClock {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  /** Calls `fn` every `ms` until the returned function is called; must not keep the process alive. */
  every(ms: number, fn: () => void): () => void;
}

export const systemClock: PresenceClock = {
  // Monotonic: a laptop whose clock is set during a meeting does not drop or keep phones.
  now: () => performance.now(),
  every(ms, fn) {
    const timer = setInterval(fn, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
};

export interface Presence {
  streamOpened(key: string): void;
  streamClosed(key: string): void;
  polled(key: string): void;
  /** Distinct phones connected now. */
  count(): number;
  /** Stops the sweep; nothing is reported after this. */
  stop(): void;
}

/** `onChange` hears the count only when it changed, never per poll. */
export function createPresence(
  onChange: (count: number) => void,
  clock: PresenceClock = systemClock,
  timing: { graceMs: number; sweepMs: number } = PRESENCE_TIMING,
): Presence {
  /** Device key → open streams of that device. */
  const streams = new Map<string, number>();
  /** Device key → time of its last poll. */
  const polls = new Map<string, number>();
  let reported = 0;
  let stopped = false;

  const count = () => {
    const now = clock.now();
    let n = streams.size;
    for (const [key, at] of polls) if (!streams.has(key) && now - at < timing.graceMs) n++;
    return n;
  };

  const report = () => {
    if (stopped) return;
    const n = count();
    if (n === reported) return;
    reported = n;
    onChange(n);
  };

  const stopSweep = clock.every(timing.sweepMs, () => {
    // Forgetting lapsed polls also bounds the map: entries live at most one grace period and a sweep.
    const now = clock.now();
    for (const [key, at] of polls) if (now - at >= timing.graceMs) polls.delete(key);
    report();
  });

  return {
    streamOpened(key) {
      streams.set(key, (streams.get(key) ?? 0) + 1);
      report();
    },
    streamClosed(key) {
      const open = (streams.get(key) ?? 0) - 1;
      if (open > 0) streams.set(key, open);
      else streams.delete(key);
      report();
    },
    polled(key) {
      polls.set(key, clock.now());
      report();
    },
    count,
    stop() {
      stopped = true;
      stopSweep();
      streams.clear();
      polls.clear();
    },
  };
}
