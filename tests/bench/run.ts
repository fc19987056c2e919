// `npm run bench`: every benchmark, each stated as a ratio against a baseline measured in the same run, with
// the machine it ran on. Results are printed and written to test-results/bench.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { booksBenchmarks } from './books';
import { customerBenchmarks } from './customers';
import { firstSyncBenchmarks } from './firstSync';
import { foundationBenchmarks } from './foundation';
import { loanBenchmarks } from './loan';
import { loansBenchmarks } from './loans';
import { reportsBenchmarks } from './reports';
import { statementBenchmarks } from './statement';
import { syncBenchmarks } from './sync';
import type { BenchResult } from './harness';

const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

// The pure engine first: its sub-millisecond figures are the most sensitive to a heap left large by the
// 100,000-row suites.
const suites: [string, () => Promise<BenchResult[]>][] = [
  ['loan engine', loanBenchmarks],
  ['foundation', foundationBenchmarks],
  ['loan statement', statementBenchmarks],
  ['loans at the branch', loansBenchmarks],
  ['portfolio reports', reportsBenchmarks],
  ['books', booksBenchmarks],
  ['customers', customerBenchmarks],
  ['first sync of a new device', firstSyncBenchmarks],
  ['sync', syncBenchmarks],
];

const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);
const all: Record<string, BenchResult[]> = {};
console.log(`Optifluence LMS benchmarks on ${machine}\n`);
// `BENCH_ONLY=loans npm run bench` runs the suites whose name contains the text.
const only = process.env.BENCH_ONLY;
for (const [name, run] of suites.filter(([n]) => !only || n.includes(only))) {
  const results = await run();
  all[name] = results;
  console.log(`## ${name}`);
  for (const r of results) {
    const ratio = r.ratio !== undefined ? ` = ${r.ratio.toFixed(2)}× ${r.baseline}` : '';
    const target = r.target
      ? ` — ${r.target}${r.isMet === undefined ? '' : r.isMet ? ' ✓' : ' ✗ NOT MET'}`
      : '';
    console.log(
      `  ${r.name}: p50 ${fmt(r.p50Ms)}, p95 ${fmt(r.p95Ms)}, p99 ${fmt(r.p99Ms)} (${r.iterations} runs)${ratio}${target}`,
    );
  }
  console.log('');
}
mkdirSync('test-results', { recursive: true });
writeFileSync(
  'test-results/bench.json',
  JSON.stringify({ machine, at: new Date().toISOString(), results: all }, null, 2),
);
