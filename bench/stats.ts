// Shared figures for benchmarks: median, p95 and a printed line.

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export interface Figures {
  name: string;
  n: number;
  medianMs: number;
  p95Ms: number;
  targetMs?: number;
}

export function figures(name: string, samplesMs: number[], targetMs?: number): Figures {
  return { name, n: samplesMs.length, medianMs: percentile(samplesMs, 50), p95Ms: percentile(samplesMs, 95), ...(targetMs !== undefined ? { targetMs } : {}) };
}

export function printFigures(rows: Figures[]): void {
  const width = Math.max(...rows.map((r) => r.name.length), 10);
  console.log(`${'meting'.padEnd(width)}  ${'n'.padStart(6)}  ${'mediaan ms'.padStart(10)}  ${'p95 ms'.padStart(8)}  doel p95`);
  for (const r of rows) {
    const target = r.targetMs === undefined ? '' : `≤ ${r.targetMs} ${r.p95Ms <= r.targetMs ? 'gehaald' : 'NIET gehaald'}`;
    console.log(
      `${r.name.padEnd(width)}  ${String(r.n).padStart(6)}  ${r.medianMs.toFixed(3).padStart(10)}  ${r.p95Ms.toFixed(3).padStart(8)}  ${target}`,
    );
  }
}

/** Times `fn` `runs` times after `warmup` untimed runs; returns milliseconds per run. */
export async function sample(fn: () => unknown | Promise<unknown>, runs: number, warmup = Math.min(20, runs)): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}
