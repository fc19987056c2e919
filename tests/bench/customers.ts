// Customer search with 100,000 customers: search-as-you-type through the core (FTS5 with prefix indexes)
// against a raw LIKE scan of the same table as the baseline. The 100,000 customers are registered through
// the onboarding use cases (`customers.seedDemo`) once and kept in test-results/ for later runs.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openLedger } from '../../db/open';
import { randomIds, systemClock } from '../../electron/core/context';
import { createCore } from '../../electron/core/router';
import { setupInput, testHashing } from '../support/ledger';
import { compare, time, type BenchResult } from './harness';

const size = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const queries = [
  'wan',
  'kam',
  'achi',
  'moh',
  'otie',
  'chep',
  'ngo',
  'fat',
  '2000',
  '20045',
  '0710004',
  '+2547100',
  '71000',
  'NBO-01-0004',
  'wanji kama',
  'bar',
];

export async function customerBenchmarks(): Promise<BenchResult[]> {
  mkdirSync('test-results', { recursive: true });
  const path = join('test-results', `bench-customers-${size}.sqlite`);
  const isFresh = !existsSync(path);
  const ledger = openLedger(path);
  const core = createCore({
    db: ledger.db,
    clock: systemClock,
    ids: randomIds,
    hashing: testHashing,
    documentsDir: join('test-results', 'bench-documents'),
    log: console.error,
  });
  if (isFresh) await core.call('setup.initialise', setupInput);
  const signIn = await core.call('auth.signIn', {
    username: setupInput.adminUsername,
    password: setupInput.adminPassword,
  });
  const token = (signIn.data as { sessionToken: string }).sessionToken;
  const have = (ledger.sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
  const started = performance.now();
  for (let done = have; done < size;) {
    const chunk = Math.min(5_000, size - done);
    const r = await core.call('customers.seedDemo', { count: chunk }, { sessionToken: token });
    if (r.error) throw new Error(r.error.message);
    done += chunk;
    process.stderr.write(`\r  seeding customers through the onboarding use case: ${done} / ${size}`);
  }
  if (have < size)
    process.stderr.write(`\n  seeded in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

  const like = ledger.sqlite.prepare(
    `SELECT * FROM customers WHERE display_name LIKE ? OR id_number LIKE ? OR phone LIKE ? OR customer_no LIKE ? ORDER BY display_name LIMIT 50`,
  );
  let i = 0;
  const baseline = await time(
    `raw LIKE scan of ${size} customers`,
    () => {
      const q = queries[i++ % queries.length]!;
      return like.all(`%${q}%`, `${q}%`, `%${q}%`, `${q}%`);
    },
    { iterations: 64, warmup: 4 },
  );
  let j = 0;
  const search = await time(
    `customers.search as you type (${size} customers, through the core)`,
    async () => {
      const r = await core.call(
        'customers.search',
        { query: queries[j++ % queries.length]!, limit: 50 },
        { sessionToken: token },
      );
      if (r.error) throw new Error(r.error.message);
    },
    { iterations: 640, warmup: 32 },
  );
  let k = 0;
  const page = await time(
    `customers list page (offset paging, ${size} customers)`,
    async () => {
      const r = await core.call(
        'customers.search',
        { limit: 100, offset: (k++ * 997) % size },
        { sessionToken: token },
      );
      if (r.error) throw new Error(r.error.message);
    },
    { iterations: 100, warmup: 5 },
  );
  await ledger.close();
  return [
    baseline,
    compare(search, baseline, { text: '< 10 ms p95', isMet: ({ subject }) => subject.p95Ms < 10 }),
    compare(page, baseline, {
      text: 'list stays smooth: < 50 ms p95 a page',
      isMet: ({ subject }) => subject.p95Ms < 50,
    }),
  ];
}
