// The books (issue 7): the trial balance over a ledger of 3,000,000 journal lines, read from the balances kept
// per branch, account and period, against the raw scan of every line measured in the same run.
//
// The journal is written straight into the tables once (a million balanced three-line entries over two years
// and the balances they sum to) and kept in test-results/ for later runs: posting a million entries through
// the use cases would take longer than the benchmark itself. The trial balance goes through the core.
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aBenchBranch } from './loans';
import { compare, time, type BenchResult } from './harness';

const lines = Number(process.env.BENCH_JOURNAL_LINES ?? 3_000_000);
const accounts = [
  '1110',
  '1120',
  '1130',
  '1210',
  '1220',
  '1310',
  '1330',
  '2100',
  '4100',
  '4200',
  '4300',
  '5100',
];

async function buildJournal(path: string) {
  const b = await aBenchBranch(path);
  const sqlite = b.ledger.sqlite;
  const branchId = (sqlite.prepare('SELECT id FROM branches').get() as { id: string }).id;
  const entry = sqlite.prepare(
    `INSERT INTO journal_entries (id, branch_id, kind, value_date, posting_date, period, narration, created_at, hash)
     VALUES (?, ?, 'loan', ?, ?, ?, 'Repayment received', ?, 'bench')`,
  );
  const line = sqlite.prepare(
    `INSERT INTO journal_lines (entry_id, line_no, account_code, debit_minor, credit_minor, branch_id, period, posting_date)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const entries = Math.floor(lines / 3);
  const chunk = 50_000;
  for (let start = 0; start < entries; start += chunk) {
    sqlite.transaction(() => {
      for (let i = start; i < Math.min(entries, start + chunk); i++) {
        const month = 1 + (i % 24);
        const period = `${2025 + Math.floor((month - 1) / 12)}-${String(1 + ((month - 1) % 12)).padStart(2, '0')}`;
        const date = `${period}-${String(1 + (i % 28)).padStart(2, '0')}`;
        const id = randomUUID();
        const amount = 1_000 + (i % 97) * 100;
        const interest = 100 + (i % 13) * 10;
        entry.run(id, branchId, date, date, period, date);
        line.run(id, 1, accounts[i % 3]!, amount + interest, 0, branchId, period, date);
        line.run(id, 2, accounts[3 + (i % 2)]!, 0, amount, branchId, period, date);
        line.run(id, 3, accounts[8 + (i % 3)]!, 0, interest, branchId, period, date);
      }
    })();
  }
  sqlite.exec(`INSERT INTO gl_balances (branch_id, account_code, period, debit_minor, credit_minor)
    SELECT branch_id, account_code, period, SUM(debit_minor), SUM(credit_minor) FROM journal_lines
    GROUP BY branch_id, account_code, period`);
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await b.ledger.close();
}

export async function booksBenchmarks(): Promise<BenchResult[]> {
  mkdirSync('test-results', { recursive: true });
  const cached = join('test-results', `bench-books-${lines}.sqlite`);
  if (!existsSync(cached)) await buildJournal(cached);
  const dir = mkdtempSync(join(tmpdir(), 'lms-bench-books-'));
  try {
    const copy = join(dir, 'books.sqlite');
    copyFileSync(cached, copy);
    const b = await aBenchBranch(copy);
    const raw = b.ledger.sqlite.prepare(
      // NOT INDEXED: the plain scan of every line (the account index would turn it into 3,000,000 lookups).
      'SELECT account_code, SUM(debit_minor) AS d, SUM(credit_minor) AS c FROM journal_lines NOT INDEXED GROUP BY account_code',
    );
    const scan = await time(
      `raw scan of all ${lines.toLocaleString('en')} journal lines, summed per account`,
      () => raw.all(),
      {
        iterations: 5,
        warmup: 1,
      },
    );
    const tb = await time(
      'reports.trialBalance through the core (balances kept per account and period)',
      async () => {
        const r = await b.core.call(
          'reports.trialBalance' as never,
          { period: '2026-12' },
          { sessionToken: b.token },
        );
        if (r.error) throw new Error(JSON.stringify(r.error));
      },
      { iterations: 50, warmup: 5 },
    );
    await b.ledger.close();
    return [
      { ...scan },
      compare(tb, scan, { text: 'under 100 ms', isMet: ({ subject }) => subject.p50Ms < 100 }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
