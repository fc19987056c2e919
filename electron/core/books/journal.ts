// The journal: balanced, immutable entries, the balances kept per branch, account and period (what the trial
// balance reads instead of scanning lines), and the period an entry is booked in. Every entry of the app goes
// through `postEntry` — loan postings, till and vault cash, end-of-day accruals, manual journals, provisioning
// and reversals — so the three rules live here once: an entry balances (or is refused), it never lands in a
// closed period (it moves to the first open one, keeping its value date), and its hash covers its lines (so
// `lms verify` notices a line edited behind the app's back).
//
// Statements are prepared SQL (not Kysely builders): an entry is written inside every posting, and building
// the queries cost more than running them.
import { createHash } from 'node:crypto';
import { CompiledQuery, type Kysely } from 'kysely';
import type { Database, JournalKind } from '../../../db/schema';
import { rawInsertMany } from '../../../db/raw';
import { addDays } from '../../../shared/dates';

export interface JournalLine {
  accountCode: string;
  /** Signed: a debit is positive, a credit negative (minor units). */
  amountMinor: number;
  loanId?: string | null;
  tillId?: string | null;
}

export interface EntryDraft {
  id: string;
  branchId: string;
  kind: JournalKind;
  valueDate: string;
  narration: string;
  sourceId?: string | null;
  loanId?: string | null;
  reversesId?: string | null;
  createdBy?: string | null;
  approvedBy?: string | null;
  createdAt: string;
  lines: readonly JournalLine[];
}

export class UnbalancedEntryError extends Error {
  constructor(readonly differenceMinor: number) {
    super(`a journal entry must balance (off by ${differenceMinor} minor units)`);
  }
}

export const periodOf = (date: string) => date.slice(0, 7);

/** The first day of the month after `period` (YYYY-MM). */
export function nextPeriodStart(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The last day of `period` (YYYY-MM). */
export function periodEnd(period: string): string {
  return addDays(nextPeriodStart(period), -1);
}

const closedPeriodsSql = `SELECT period FROM accounting_periods WHERE branch_id = ? AND status = 'closed' AND period >= ? ORDER BY period`;

/** The date an entry valued `valueDate` is booked on: its own, or the first day of the first open period after. */
export async function postingDateFor(
  tx: Kysely<Database>,
  branchId: string,
  valueDate: string,
): Promise<string> {
  const closed = (
    await tx.executeQuery<{ period: string }>(
      CompiledQuery.raw(closedPeriodsSql, [branchId, periodOf(valueDate)]),
    )
  ).rows.map((r) => r.period);
  let date = valueDate;
  for (const period of closed) {
    if (period === periodOf(date)) date = nextPeriodStart(period);
  }
  return date;
}

export function entryHash(entry: {
  id: string;
  branch_id: string;
  kind: string;
  value_date: string;
  posting_date: string;
  narration: string;
  source_id: string | null;
  loan_id: string | null;
  reverses_id: string | null;
  lines: readonly {
    account_code: string;
    debit_minor: number;
    credit_minor: number;
    loan_id: string | null;
    till_id: string | null;
  }[];
}): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        entry.id,
        entry.branch_id,
        entry.kind,
        entry.value_date,
        entry.posting_date,
        entry.narration,
        entry.source_id,
        entry.loan_id,
        entry.reverses_id,
        entry.lines.map((l) => [l.account_code, l.debit_minor, l.credit_minor, l.loan_id, l.till_id]),
      ]),
    )
    .digest('hex');
}

const insertEntrySql = `INSERT INTO journal_entries (id, branch_id, kind, value_date, posting_date, period, source_id, loan_id,
  narration, reverses_id, created_by, approved_by, created_at, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const addBalanceSql = `INSERT INTO gl_balances (branch_id, account_code, period, debit_minor, credit_minor) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (branch_id, account_code, period) DO UPDATE SET debit_minor = debit_minor + excluded.debit_minor,
  credit_minor = credit_minor + excluded.credit_minor`;

/**
 * Writes one balanced entry (lines with a zero amount are dropped; an entry left with no line is not written)
 * and adds its lines to the period's balances. Answers the entry's id, or null when there was nothing to book.
 */
export async function postEntry(tx: Kysely<Database>, draft: EntryDraft): Promise<string | null> {
  const lines = draft.lines.filter((l) => l.amountMinor !== 0);
  if (lines.length === 0) return null;
  let sum = 0;
  for (const l of lines) {
    if (!Number.isSafeInteger(l.amountMinor))
      throw new Error(`journal line amount ${l.amountMinor} is not an integer`);
    sum += l.amountMinor;
  }
  if (sum !== 0) throw new UnbalancedEntryError(sum);
  const postingDate = await postingDateFor(tx, draft.branchId, draft.valueDate);
  const period = periodOf(postingDate);
  const rows = lines.map((l) => ({
    account_code: l.accountCode,
    debit_minor: l.amountMinor > 0 ? l.amountMinor : 0,
    credit_minor: l.amountMinor < 0 ? -l.amountMinor : 0,
    loan_id: l.loanId ?? null,
    till_id: l.tillId ?? null,
  }));
  const entry = {
    id: draft.id,
    branch_id: draft.branchId,
    kind: draft.kind,
    value_date: draft.valueDate,
    posting_date: postingDate,
    narration: draft.narration,
    source_id: draft.sourceId ?? null,
    loan_id: draft.loanId ?? null,
    reverses_id: draft.reversesId ?? null,
    lines: rows,
  };
  await tx.executeQuery(
    CompiledQuery.raw(insertEntrySql, [
      entry.id,
      entry.branch_id,
      entry.kind,
      entry.value_date,
      postingDate,
      period,
      entry.source_id,
      entry.loan_id,
      entry.narration,
      entry.reverses_id,
      draft.createdBy ?? null,
      draft.approvedBy ?? null,
      draft.createdAt,
      entryHash(entry),
    ]),
  );
  const totals = new Map<string, { debit: number; credit: number }>();
  await rawInsertMany(
    tx,
    'journal_lines',
    rows.map((r, i) => ({
      entry_id: entry.id,
      line_no: i + 1,
      account_code: r.account_code,
      debit_minor: r.debit_minor,
      credit_minor: r.credit_minor,
      branch_id: draft.branchId,
      period,
      posting_date: postingDate,
      loan_id: r.loan_id,
      till_id: r.till_id,
    })),
  );
  for (const r of rows) {
    const t = totals.get(r.account_code) ?? { debit: 0, credit: 0 };
    t.debit += r.debit_minor;
    t.credit += r.credit_minor;
    totals.set(r.account_code, t);
  }
  for (const [account, t] of totals) {
    await tx.executeQuery(
      CompiledQuery.raw(addBalanceSql, [draft.branchId, account, period, t.debit, t.credit]),
    );
  }
  return entry.id;
}

/** Sums signed amounts per key (account and till), dropping zeros. */
export class LineSet {
  private readonly amounts = new Map<string, JournalLine>();

  add(
    accountCode: string,
    amountMinor: number,
    extra: { loanId?: string | null; tillId?: string | null } = {},
  ) {
    if (amountMinor === 0) return;
    const key = `${accountCode}|${extra.tillId ?? ''}|${extra.loanId ?? ''}`;
    const line = this.amounts.get(key);
    if (line) line.amountMinor += amountMinor;
    else
      this.amounts.set(key, {
        accountCode,
        amountMinor,
        loanId: extra.loanId ?? null,
        tillId: extra.tillId ?? null,
      });
  }

  get lines(): JournalLine[] {
    return [...this.amounts.values()].filter((l) => l.amountMinor !== 0);
  }

  get sum(): number {
    let s = 0;
    for (const l of this.amounts.values()) s += l.amountMinor;
    return s;
  }
}
