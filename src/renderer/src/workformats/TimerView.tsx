// Countdown for "opdracht met timer": big digits, and a gentle two-tone
// chime when it reaches zero (Web Audio, no sound files, nothing loaded).

import { useEffect, useRef, useState } from 'react';
import type { TimerState } from '../../../shared/work-formats';
import { formatClock } from '../../../shared/presenting/clock';

export function remainingNow(timer: TimerState, offsetMs: number, now: number): number {
  if (timer.status !== 'loopt') return timer.remainingMs;
  return Math.max(0, timer.remainingMs - (now + offsetMs - timer.serverNow));
}

function chime(): void {
  try {
    const ctx = new AudioContext();
    [523.25, 659.25].forEach((freq, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      const t = ctx.currentTime + i * 0.45;
      gain.gain.setValueAtTime(0, t);
      gain.gain.linearRampToValueAtTime(0.18, t + 0.05);
      gain.gain.exponentialRampToValueAtTime(0.001, t + 1.2);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t);
      osc.stop(t + 1.3);
    });
    window.setTimeout(() => void ctx.close(), 2500);
  } catch {
    // No audio device: the timer still shows 0:00.
  }
}

export function TimerView({ timer, alarm = false, large = false }: { timer: TimerState; alarm?: boolean; large?: boolean }) {
  const [now, setNow] = useState(Date.now());
  const offset = useRef(timer.serverNow - Date.now());
  const rang = useRef(false);
  useEffect(() => {
    offset.current = timer.serverNow - Date.now();
    rang.current = timer.status !== 'loopt' && timer.remainingMs === 0;
  }, [timer]);
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(id);
  }, []);
  const remaining = remainingNow(timer, offset.current, now);
  useEffect(() => {
    if (alarm && timer.status === 'loopt' && remaining === 0 && !rang.current) {
      rang.current = true;
      chime();
    }
  }, [alarm, remaining, timer.status]);
  const done = remaining === 0 && timer.status !== 'niet_gestart';
  return (
    <div className={`timer${large ? ' timer-large' : ''}${done ? ' timer-done' : ''}`} role="timer" aria-label="Timer" data-timer-status={timer.status}>
      <span className="timer-digits" data-remaining-ms={remaining}>
        {formatClock(remaining)}
      </span>
      <span className="timer-status">
        {done ? 'Tijd is om' : timer.status === 'gepauzeerd' ? 'Gepauzeerd' : timer.status === 'niet_gestart' ? 'Nog niet gestart' : ''}
      </span>
    </div>
  );
}
