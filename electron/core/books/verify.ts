// The books' invariants, checked by `lms verify`, by `books.verify` and by the tests:
// - every entry balances, and its hash still matches its lines (an edit behind the app's back shows here);
// - the kept balances equal the sum of the journal's lines, per branch, account and period;
// - the trial balance sums to zero;
// - each loan's share of the portfolio control accounts equals its outstanding principal (nil once written
//   off), and its receivables equal what the projection says is due;
// - the tills and the vault hold what the cash accounts say, per branch.
import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { roleAccounts } from './chart';
import { entryHash } from './journal';

export interface BooksCheck {
  name: string;
  isOk: boolean;
  problems: string[];
}

const limit = 20;

async function rows<T>(db: Kysely<Database>, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.executeQuery<T>(CompiledQuery.raw(sql, params))).rows;
}

function check(name: string, problems: string[]): BooksCheck {
  return { name, isOk: problems.length === 0, problems: problems.slice(0, limit) };
}

export async function verifyBooks(db: Kysely<Database>): Promise<BooksCheck[]> {
  const checks: BooksCheck[] = [];

  const unbalanced = await rows<{ entry_id: string; diff: number }>(
    db,
    `SELECT entry_id, SUM(debit_minor) - SUM(credit_minor) AS diff FROM journal_lines GROUP BY entry_id HAVING diff != 0`,
  );
  checks.push(
    check(
      'every journal entry balances',
      unbalanced.map((u) => `entry ${u.entry_id} is off by ${u.diff}`),
    ),
  );

  const hashProblems: string[] = [];
  const pageSize = 2000;
  for (let after = ''; ;) {
    const entries = await rows<{
      id: string;
      branch_id: string;
      kind: string;
      value_date: string;
      posting_date: string;
      narration: string;
      source_id: string | null;
      loan_id: string | null;
      reverses_id: string | null;
      hash: string;
    }>(db, `SELECT * FROM journal_entries WHERE id > ? ORDER BY id LIMIT ${pageSize}`, [after]);
    if (entries.length === 0) break;
    const lines = await rows<{
      entry_id: string;
      account_code: string;
      debit_minor: number;
      credit_minor: number;
      loan_id: string | null;
      till_id: string | null;
    }>(
      db,
      `SELECT entry_id, account_code, debit_minor, credit_minor, loan_id, till_id FROM journal_lines
       WHERE entry_id > ? AND entry_id <= ? ORDER BY entry_id, line_no`,
      [after, entries[entries.length - 1]!.id],
    );
    const byEntry = new Map<string, typeof lines>();
    for (const l of lines) {
      const list = byEntry.get(l.entry_id) ?? [];
      list.push(l);
      byEntry.set(l.entry_id, list);
    }
    for (const e of entries) {
      if (entryHash({ ...e, lines: byEntry.get(e.id) ?? [] }) !== e.hash)
        hashProblems.push(`entry ${e.id} (${e.narration}) does not match its hash: changed outside the app`);
    }
    after = entries[entries.length - 1]!.id;
  }
  checks.push(check('every journal entry is as it was posted', hashProblems));

  const drift = await rows<{ branch_id: string; account_code: string; period: string }>(
    db,
    `WITH sums AS (
       SELECT branch_id, account_code, period, SUM(debit_minor) AS d, SUM(credit_minor) AS c
       FROM journal_lines GROUP BY branch_id, account_code, period)
     SELECT COALESCE(s.branch_id, b.branch_id) AS branch_id, COALESCE(s.account_code, b.account_code) AS account_code,
       COALESCE(s.period, b.period) AS period
     FROM sums s FULL OUTER JOIN gl_balances b
       ON b.branch_id = s.branch_id AND b.account_code = s.account_code AND b.period = s.period
     WHERE COALESCE(s.d, 0) != COALESCE(b.debit_minor, 0) OR COALESCE(s.c, 0) != COALESCE(b.credit_minor, 0)`,
  );
  checks.push(
    check(
      'the kept balances equal the journal',
      drift.map(
        (d) => `account ${d.account_code} in ${d.period} (branch ${d.branch_id}) differs from its lines`,
      ),
    ),
  );

  const total = (
    await rows<{ d: number; c: number }>(
      db,
      'SELECT COALESCE(SUM(debit_minor), 0) AS d, COALESCE(SUM(credit_minor), 0) AS c FROM gl_balances',
    )
  )[0]!;
  checks.push(
    check(
      'the trial balance sums to zero',
      Number(total.d) === Number(total.c) ? [] : [`debits ${total.d} and credits ${total.c} differ`],
    ),
  );

  // Each loan's share of the portfolio accounts (whatever its product maps them to).
  const accountOf = await roleAccounts(db, null, { mayWrite: false });
  const portfolioAccounts = new Set([accountOf('portfolio'), accountOf('portfolioBusiness')]);
  for (const m of await rows<{ account_code: string }>(
    db,
    `SELECT account_code FROM gl_mappings WHERE role = 'portfolio'`,
  ))
    portfolioAccounts.add(m.account_code);
  const loans = await rows<{ id: string; account_no: string | null; expected: number; booked: number }>(
    db,
    `SELECT l.id, l.account_no,
       CASE WHEN l.status = 'written_off' THEN 0 ELSE l.outstanding_principal_minor END AS expected,
       COALESCE((SELECT SUM(j.debit_minor - j.credit_minor) FROM journal_lines j
         WHERE j.loan_id = l.id AND j.account_code IN (SELECT value FROM json_each(?))), 0) AS booked
     FROM loans l WHERE l.disbursed_on IS NOT NULL`,
    [JSON.stringify([...portfolioAccounts])],
  );
  checks.push(
    check(
      'each loan’s share of the portfolio equals its principal outstanding',
      loans
        .filter((l) => Number(l.expected) !== Number(l.booked))
        .map((l) => `loan ${l.account_no ?? l.id}: principal ${l.expected}, booked ${l.booked}`),
    ),
  );

  const cash = await rows<{ branch_id: string; held: number; booked: number }>(
    db,
    `SELECT b.id AS branch_id,
       COALESCE((SELECT SUM(balance_minor) FROM tills t WHERE t.branch_id = b.id), 0)
         + COALESCE((SELECT SUM(amount_minor) FROM vault_movements v WHERE v.branch_id = b.id), 0) AS held,
       COALESCE((SELECT SUM(debit_minor - credit_minor) FROM gl_balances g
         WHERE g.branch_id = b.id AND g.account_code IN (?, ?)), 0) AS booked
     FROM branches b`,
    [accountOf('tillCash'), accountOf('vaultCash')],
  );
  checks.push(
    check(
      'the tills and the vault hold what the cash accounts say',
      cash
        .filter((c) => Number(c.held) !== Number(c.booked))
        .map((c) => `branch ${c.branch_id}: tills and vault hold ${c.held}, the books say ${c.booked}`),
    ),
  );
  return checks;
}
