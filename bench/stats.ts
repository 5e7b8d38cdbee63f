/** Small timing helpers for the benchmark scripts: they print figures, they never assert. */

export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)] ?? Number.NaN;
}

export interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

export function timingOf(samplesMs: readonly number[]): Timing {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), runs: sorted.length };
}

/** Runs `fn` `runs` times (after `warmup` untimed runs) and returns p50/p95 in milliseconds. */
export async function timeRuns(
  runs: number,
  fn: () => unknown,
  warmup = Math.min(20, Math.ceil(runs / 10)),
): Promise<Timing> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return timingOf(samples);
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

export function report(label: string, timing: Timing, goalMs?: number): void {
  const goal =
    goalMs === undefined
      ? ''
      : `   (goal < ${goalMs} ms: ${timing.p50 < goalMs ? 'met' : 'NOT met'} at p50)`;
  console.log(
    `  ${label.padEnd(52)} p50 ${ms(timing.p50).padStart(10)}   p95 ${ms(timing.p95).padStart(10)}${goal}`,
  );
}

export function heading(text: string): void {
  console.log(`\n${text}`);
}
