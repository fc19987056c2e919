// Foundation benchmarks: the raw better-sqlite3 insert rate on this machine (the baseline later benchmarks
// are a ratio of), opening and migrating a ledger, and the cost of a staff sign-in (production scrypt).
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLedger } from '../../db/open';
import { productionHashing, randomIds, systemClock } from '../../electron/core/context';
import { createCore } from '../../electron/core/router';
import { compare, time, type BenchResult } from './harness';

export async function foundationBenchmarks(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'lms-bench-'));
  try {
    // Baseline: one durable (WAL, synchronous=FULL) transaction inserting one row.
    const raw = new BetterSqlite3(join(dir, 'raw.sqlite'));
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT NOT NULL, b INTEGER NOT NULL)');
    const insert = raw.prepare('INSERT INTO t (a, b) VALUES (?, ?)');
    const one = raw.transaction(() => insert.run('x'.repeat(32), 1));
    const rawInsert = await time('raw durable insert (1 row / transaction)', () => one(), {
      iterations: 500,
    });
    const batch = raw.transaction(() => {
      for (let i = 0; i < 1_000; i++) insert.run('x'.repeat(32), i);
    });
    const rawBatch = await time('raw durable insert (1,000 rows / transaction)', () => batch(), {
      iterations: 30,
      warmup: 3,
    });
    raw.close();

    let n = 0;
    const openMigrate = await time(
      'open + migrate a new ledger',
      async () => {
        const ledger = openLedger(join(dir, `ledger-${n++}.sqlite`));
        await ledger.close();
      },
      { iterations: 20, warmup: 2 },
    );

    const ledger = openLedger(join(dir, 'signin.sqlite'));
    const core = createCore({
      db: ledger.db,
      clock: systemClock,
      ids: randomIds,
      hashing: productionHashing,
      documentsDir: join(dir, 'documents'),
      log: () => {},
    });
    await core.call('setup.initialise', {
      institutionName: 'Bench',
      branchCode: 'BEN',
      branchName: 'Bench',
      currency: 'KES',
      timeZone: 'UTC',
      businessDate: '2026-11-25',
      adminUsername: 'operator',
      adminDisplayName: 'Bench',
      adminPassword: 'Bench-Password-2026',
    });
    const signIn = await time(
      'staff sign-in (scrypt N=2^15, session, audit)',
      async () => {
        const r = await core.call('auth.signIn', { username: 'operator', password: 'Bench-Password-2026' });
        if (r.error) throw new Error(r.error.message);
      },
      { iterations: 20, warmup: 2 },
    );
    await ledger.close();

    return [
      { ...rawInsert, target: `baseline: ${Math.round(1000 / rawInsert.p50Ms)} durable transactions/s` },
      { ...compare(rawBatch, rawInsert), target: `${Math.round(1_000_000 / rawBatch.p50Ms)} rows/s batched` },
      compare(openMigrate, rawInsert),
      compare(signIn, rawInsert, {
        text: '< 250 ms p99 (a deliberate cost against guessing)',
        isMet: ({ subject }) => subject.p99Ms < 250,
      }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
