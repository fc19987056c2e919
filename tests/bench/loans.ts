// Loans at the branch (issue 6): posting one repayment through the core, a batch import of 10,000 repayments,
// and end-of-day over 100,000 active loans — each stated against baselines measured in the same run: one raw
// durable SQLite transaction that inserts a journal entry with two lines and updates two balances, and the
// same batched 1,000 per transaction.
//
// The 100,000-loan portfolio is built once, straight into the tables (customers, loans with real engine terms,
// their disbursements and a few repayments each), and kept in test-results/ for later runs: registering that
// many loans through the use cases would take longer than the benchmark itself. The figures that matter here
// (posting, importing, end-of-day) all go through the core.
import BetterSqlite3 from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLedger, writeTransaction, type Ledger } from '../../db/open';
import { latestVersion } from '../../db/migrations';
import { randomIds, type Clock } from '../../electron/core/context';
import { createCore, type Core } from '../../electron/core/router';
import { termsFor } from '../../electron/core/loans/products';
import { parsedTermsOf, projectLoans } from '../../electron/core/loans/project';
import { addDays } from '../../shared/dates';
import { aProduct } from '../support/loans';
import { setupInput, testHashing } from '../support/ledger';
import { compare, time, type BenchResult } from './harness';

const portfolio = Number(process.env.BENCH_LOANS ?? 100_000);
const today = '2026-11-25';

/** A clock fixed at `today` in Nairobi, moved by the benchmark when it needs the next day. */
class BenchClock implements Clock {
  constructor(public ms = Date.parse(`${today}T08:00:00.000Z`)) {}
  now() {
    return new Date(this.ms);
  }
}

function rawBaselines(dir: string) {
  const raw = new BetterSqlite3(join(dir, 'raw.sqlite'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.exec(`
    CREATE TABLE journal_entries (id TEXT PRIMARY KEY, posted_at TEXT NOT NULL, narration TEXT NOT NULL);
    CREATE TABLE journal_lines (id TEXT PRIMARY KEY, entry_id TEXT NOT NULL, account TEXT NOT NULL,
      debit_minor INTEGER NOT NULL, credit_minor INTEGER NOT NULL);
    CREATE INDEX journal_lines_entry ON journal_lines(entry_id);
    CREATE TABLE balances (account TEXT PRIMARY KEY, balance_minor INTEGER NOT NULL);
    INSERT INTO balances VALUES ('cash', 0), ('loans', 0);`);
  const entry = raw.prepare('INSERT INTO journal_entries VALUES (?, ?, ?)');
  const line = raw.prepare('INSERT INTO journal_lines VALUES (?, ?, ?, ?, ?)');
  const balance = raw.prepare('UPDATE balances SET balance_minor = balance_minor + ? WHERE account = ?');
  const post = () => {
    const id = randomUUID();
    entry.run(id, new Date().toISOString(), 'repayment');
    line.run(randomUUID(), id, 'cash', 1500, 0);
    line.run(randomUUID(), id, 'loans', 0, 1500);
    balance.run(1500, 'cash');
    balance.run(-1500, 'loans');
  };
  return {
    raw,
    one: raw.transaction(post),
    thousand: raw.transaction(() => {
      for (let i = 0; i < 1000; i++) post();
    }),
  };
}

interface Bench {
  ledger: Ledger;
  core: Core;
  clock: BenchClock;
  token: string;
  productId: string;
}

export async function aBenchBranch(path: string): Promise<Bench> {
  const clock = new BenchClock();
  // As the app opens it (electron/host/openCore.ts): WAL checkpoints on a worker thread.
  const ledger = openLedger(path, { backgroundCheckpoints: true });
  const core = createCore({
    db: ledger.db,
    clock,
    ids: randomIds,
    hashing: testHashing,
    documentsDir: join(path, '..', 'docs'),
    log: () => {},
  });
  const ok = async (method: string, input: unknown, token?: string) => {
    const r = await core.call(method as never, input, { sessionToken: token ?? null });
    if (r.error) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
    return r.data as never as Record<string, unknown> & { sessionToken: string; id: string };
  };
  const status = (await ok('setup.status', {})) as unknown as { isInitialised: boolean };
  if (!status.isInitialised) await ok('setup.initialise', { ...setupInput, businessDate: today });
  const token = (
    await ok('auth.signIn', { username: setupInput.adminUsername, password: setupInput.adminPassword })
  ).sessionToken;
  const existing = (await ledger.db.selectFrom('loan_products').select('id').executeTakeFirst())?.id;
  const productId =
    existing ??
    (await ok('loanProducts.save', aProduct({ code: 'BENCH', maxPrincipalMinor: 100_000_000 }), token)).id;
  return { ledger, core, clock, token, productId };
}

/**
 * `count` active monthly loans disbursed over the last six months, written straight into the tables: four in
 * five have paid every installment due so far (current), one in five stopped after the first (in arrears,
 * penalties accruing). The installments paid are the engine's own schedule amounts.
 */
export async function buildPortfolio(b: Bench, count: number) {
  const sqlite = b.ledger.sqlite;
  const product = await b.ledger.db
    .selectFrom('loan_products')
    .selectAll()
    .where('id', '=', b.productId)
    .executeTakeFirstOrThrow();
  const branch = await b.ledger.db.selectFrom('branches').select('id').executeTakeFirstOrThrow();
  const admin = await b.ledger.db.selectFrom('users').select('id').executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  const customer = sqlite.prepare(
    `INSERT INTO customers (id, customer_no, kind, branch_id, display_name, first_name, last_name, date_of_birth, phone, kyc_status, monthly_income_minor, created_by, created_at, updated_at)
     VALUES (?, ?, 'individual', ?, ?, ?, ?, '1985-03-01', ?, 'verified', 6000000, ?, ?, ?)`,
  );
  const loan = sqlite.prepare(
    `INSERT INTO loans (id, branch_id, customer_id, product_id, officer_id, created_by, application_no, account_no, status, purpose, currency, digits,
       requested_principal_minor, approved_principal_minor, disbursed_principal_minor, repayments, annual_rate, terms, expected_disbursement_date,
       disbursed_on, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', 'Stock', 'KES', 2, ?, ?, ?, ?, '24', ?, ?, ?, ?, ?)`,
  );
  const tx = sqlite.prepare(
    `INSERT INTO loan_transactions (id, loan_id, branch_id, type, amount_minor, value_date, hlc, channel, reference, posted_by, posted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'transfer', ?, ?, ?)`,
  );
  const insert = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const customerId = randomUUID();
      customer.run(
        customerId,
        `NBO-01-${String(i).padStart(7, '0')}`,
        branch.id,
        `Customer ${i}`,
        'Customer',
        String(i),
        `+2547${String(10_000_000 + i)}`,
        admin.id,
        now,
        now,
      );
      const principal = 2_000_000 + (i % 80) * 100_000;
      const repayments = 6 + (i % 19);
      const disbursed = addDays(today, -(1 + (i % 180)));
      const loanId = randomUUID();
      const terms = JSON.stringify(
        termsFor(product, {
          principalMinor: principal,
          repayments,
          annualRate: '24',
          disbursementDate: disbursed,
        }),
      );
      loan.run(
        loanId,
        branch.id,
        customerId,
        product.id,
        admin.id,
        admin.id,
        `NBO-01-A${i}`,
        `NBO-01-L${String(i).padStart(7, '0')}`,
        principal,
        principal,
        principal,
        repayments,
        terms,
        disbursed,
        disbursed,
        now,
        now,
      );
      tx.run(
        randomUUID(),
        loanId,
        branch.id,
        'disbursement',
        principal,
        disbursed,
        `h${i}`,
        'BANK',
        admin.id,
        now,
      );
      const due = parsedTermsOf(terms).schedule.installments.filter((x) => x.n > 0 && x.dueDate < today);
      const paid = i % 5 === 0 ? due.slice(0, 1) : due;
      for (const x of paid)
        tx.run(
          randomUUID(),
          loanId,
          branch.id,
          'repayment',
          x.totalMinor,
          x.dueDate,
          `h${i}-${x.n}`,
          'MPESA',
          admin.id,
          now,
        );
    }
  });
  for (let from = 0; from < count; from += 10_000) insert(from, Math.min(count, from + 10_000));
  // Projected once as of today (what end-of-day left yesterday), so the benchmark's run is a normal night.
  const ids = (await b.ledger.db.selectFrom('loans').select('id').execute()).map((l) => l.id);
  await writeTransaction(b.ledger.db, (t) => projectLoans(t, ids, today));
}

export async function loansBenchmarks(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'lms-bench-loans-'));
  const results: BenchResult[] = [];
  try {
    const { raw, one, thousand } = rawBaselines(dir);
    const rawOne = await time('raw durable transaction: a journal entry, 2 lines, 2 balances', () => one(), {
      iterations: 500,
      warmup: 20,
    });
    const rawBatch = await time('raw durable transaction: 1,000 such entries', () => thousand(), {
      iterations: 20,
      warmup: 2,
    });
    raw.close();
    results.push({ ...rawOne }, { ...rawBatch });

    // Posting one repayment through the core, on a branch with 1,000 active loans.
    const small = await aBenchBranch(join(dir, 'post.sqlite'));
    await buildPortfolio(small, 1_000);
    await small.core.call('eod.run', {}, { sessionToken: small.token }).catch(() => undefined);
    const ids = await small.ledger.db.selectFrom('loans').select(['id', 'account_no']).execute();
    let n = 0;
    const post = await time(
      'loans.repay through the core (validation, replay, allocation, projection, event, audit)',
      async () => {
        const loan = ids[n++ % ids.length]!;
        const r = await small.core.call(
          'loans.repay',
          {
            loanId: loan.id,
            amountMinor: 150_000,
            channel: 'transfer',
            reference: `M${n}`,
            idempotencyKey: randomUUID(),
          },
          { sessionToken: small.token },
        );
        if (r.error) throw new Error(JSON.stringify(r.error));
      },
      { iterations: 1_000, warmup: 50 },
    );
    // The target is on the p99: the ratio is the two p99s (the row keeps the posting's own p50 and p95).
    const ratio = post.p99Ms / rawOne.p99Ms;
    results.push({
      ...post,
      baseline: `${rawOne.name} (p99 ${rawOne.p99Ms.toFixed(2)} ms), p99 to p99`,
      ratio,
      target: 'p99 ≤ 5× the raw transaction’s p99',
      isMet: ratio <= 5,
    });

    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      accountNo: ids[i % ids.length]!.account_no!,
      amountMinor: 50_000,
      valueDate: today,
      reference: `FILE-${i}`,
      idempotencyKey: randomUUID(),
    }));
    const imported = await time(
      'loans.importRepayments: 10,000 repayments in one batch',
      async () => {
        const r = await small.core.call('loans.importRepayments', { rows }, { sessionToken: small.token });
        if (r.error) throw new Error(JSON.stringify(r.error));
      },
      { iterations: 1, warmup: 0 },
    );
    const perSecond = 10_000 / (imported.p50Ms / 1000);
    // The floor: the same number of bare entries (an entry, two lines, two balances) in raw SQL, 1,000 to a
    // durable transaction, in this run. Where the floor itself is under 20,000/s, the disk sets the limit.
    const floorPerSecond = 10_000 / ((rawBatch.p50Ms * 10) / 1000);
    results.push({
      ...compare(
        imported,
        { ...rawBatch, p50Ms: rawBatch.p50Ms * 10 },
        {
          text: `> 20,000 repayments/s (measured ${Math.round(perSecond)}/s; the raw floor in this run ${Math.round(floorPerSecond)}/s)`,
          isMet: () => perSecond > 20_000,
        },
      ),
      baseline: 'raw durable transactions: 10 × 1,000 entries',
    });
    await small.ledger.close();

    // End-of-day over the portfolio (copied from the cached fixture each run).
    mkdirSync('test-results', { recursive: true });
    // The schema version is in the name: a fixture built before a migration would measure a different ledger.
    const cached = join('test-results', `bench-loans-${portfolio}-v${latestVersion}.sqlite`);
    if (!existsSync(cached)) {
      const b = await aBenchBranch(cached);
      await buildPortfolio(b, portfolio);
      b.ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      await b.ledger.close();
    }
    const copy = join(dir, 'eod.sqlite');
    copyFileSync(cached, copy);
    const big = await aBenchBranch(copy);
    big.clock.ms = Date.parse('2026-11-26T08:00:00.000Z');
    const token = (
      (
        await big.core.call('auth.signIn', {
          username: setupInput.adminUsername,
          password: setupInput.adminPassword,
        })
      ).data as { sessionToken: string }
    ).sessionToken;
    const rawUpdate = await time(
      `raw durable transaction: one UPDATE per loan × ${portfolio.toLocaleString('en')}`,
      () => {
        const stmt = big.ledger.sqlite.prepare(
          'UPDATE loans SET next_due_minor = next_due_minor WHERE id = ?',
        );
        const all = big.ledger.sqlite.prepare('SELECT id FROM loans').pluck().all() as string[];
        big.ledger.sqlite.transaction(() => {
          for (const id of all) stmt.run(id);
        })();
      },
      { iterations: 1, warmup: 0 },
    );
    results.push({ ...rawUpdate });
    const eod = await time(
      `eod.run over ${portfolio.toLocaleString('en')} active loans (replay, penalties, buckets, reminders)`,
      async () => {
        const r = await big.core.call('eod.run', {}, { sessionToken: token });
        if (r.error) throw new Error(JSON.stringify(r.error));
      },
      { iterations: 1, warmup: 0 },
    );
    results.push(
      compare(eod, rawUpdate, { text: 'under 10 s', isMet: ({ subject }) => subject.p50Ms < 10_000 }),
    );
    await big.ledger.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
