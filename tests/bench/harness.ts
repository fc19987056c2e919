// The benchmark harness behind `npm run bench`: times a function, reports p50/p99, and states every figure as a
// ratio of a baseline measured in the same run (never an absolute claim from a unit test).
import { performance } from 'node:perf_hooks';

export interface Timing {
  name: string;
  iterations: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  meanMs: number;
}

export interface BenchResult extends Timing {
  /** The name of the baseline this figure is compared to, and the ratio p50 / baseline p50. */
  baseline?: string;
  ratio?: number;
  /** A target from an issue, e.g. "≤ 2× baseline" or "< 1 ms", and whether it was met. */
  target?: string;
  isMet?: boolean;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

/** Runs `fn` `iterations` times after `warmup` calls and returns its timing distribution. */
export async function time(
  name: string,
  fn: () => unknown | Promise<unknown>,
  { iterations = 200, warmup = 20 }: { iterations?: number; warmup?: number } = {},
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const meanMs = samples.reduce((s, x) => s + x, 0) / samples.length;
  return {
    name,
    iterations,
    p50Ms: percentile(samples, 50),
    p95Ms: percentile(samples, 95),
    p99Ms: percentile(samples, 99),
    meanMs,
  };
}

/** States `subject` as a ratio of `baseline` (both from this run) and checks an optional target. */
export function compare(
  subject: Timing,
  baseline: Timing,
  target?: { text: string; isMet: (r: { ratio: number; subject: Timing }) => boolean },
): BenchResult {
  const ratio = subject.p50Ms / baseline.p50Ms;
  return {
    ...subject,
    baseline: baseline.name,
    ratio,
    ...(target ? { target: target.text, isMet: target.isMet({ ratio, subject }) } : {}),
  };
}
