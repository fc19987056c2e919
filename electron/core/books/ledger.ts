// Reading the books: the trial balance (from the balances kept per branch, account and period — never a scan
// of the journal's lines), the balance sheet and the income statement built on it, an account's statement
// with its running balance, and the cash book. `branchId` null reads every branch (head office).
//
// Signs: a balance is debit − credit (assets and expenses are positive when normal; liabilities, equity and
// income negative); the statements show each section's figures with its natural sign.
import { CompiledQuery, type Kysely } from 'kysely';
import type { Database, GlAccountType } from '../../../db/schema';
import { roleAccounts } from './chart';

export interface AccountBalance {
  code: string;
  name: string;
  type: GlAccountType;
  parentCode: string | null;
  debitMinor: number;
  creditMinor: number;
  /** debit − credit */
  balanceMinor: number;
}

const trialBalanceSql = `SELECT a.code, a.name, a.type, a.parent_code AS parentCode,
  COALESCE(SUM(b.debit_minor), 0) AS debitMinor, COALESCE(SUM(b.credit_minor), 0) AS creditMinor
  FROM gl_accounts a JOIN gl_balances b ON b.account_code = a.code
  WHERE b.period >= ? AND b.period <= ? AND (? IS NULL OR b.branch_id = ?)
  GROUP BY a.code ORDER BY a.code`;

/** Totals per account over periods `from`…`to` (YYYY-MM), for one branch or all. */
export async function balancesBetween(
  db: Kysely<Database>,
  o: { fromPeriod: string; toPeriod: string; branchId: string | null },
): Promise<AccountBalance[]> {
  const rows = (
    await db.executeQuery<Omit<AccountBalance, 'balanceMinor'>>(
      CompiledQuery.raw(trialBalanceSql, [o.fromPeriod, o.toPeriod, o.branchId, o.branchId]),
    )
  ).rows;
  return rows
    .map((r) => ({
      ...r,
      debitMinor: Number(r.debitMinor),
      creditMinor: Number(r.creditMinor),
      balanceMinor: Number(r.debitMinor) - Number(r.creditMinor),
    }))
    .filter((r) => r.debitMinor !== 0 || r.creditMinor !== 0);
}

export interface TrialBalance {
  period: string;
  accounts: AccountBalance[];
  totalDebitMinor: number;
  totalCreditMinor: number;
}

/** The trial balance as at the end of `period`: every account's debits and credits since the beginning. */
export async function trialBalance(
  db: Kysely<Database>,
  o: { period: string; branchId: string | null },
): Promise<TrialBalance> {
  const accounts = await balancesBetween(db, {
    fromPeriod: '0000-00',
    toPeriod: o.period,
    branchId: o.branchId,
  });
  let totalDebitMinor = 0;
  let totalCreditMinor = 0;
  for (const a of accounts) {
    if (a.balanceMinor > 0) totalDebitMinor += a.balanceMinor;
    else totalCreditMinor -= a.balanceMinor;
  }
  return { period: o.period, accounts, totalDebitMinor, totalCreditMinor };
}

export interface StatementSection {
  type: GlAccountType;
  accounts: { code: string; name: string; amountMinor: number }[];
  totalMinor: number;
}

/** Natural sign: assets and expenses as debit − credit; liabilities, equity and income as credit − debit. */
const natural = (type: GlAccountType, balance: number) =>
  type === 'asset' || type === 'expense' ? balance : -balance;

function section(type: GlAccountType, balances: readonly AccountBalance[]): StatementSection {
  const accounts = balances
    .filter((b) => b.type === type && b.balanceMinor !== 0)
    .map((b) => ({ code: b.code, name: b.name, amountMinor: natural(type, b.balanceMinor) }));
  return { type, accounts, totalMinor: accounts.reduce((s, a) => s + a.amountMinor, 0) };
}

export interface BalanceSheet {
  period: string;
  assets: StatementSection;
  liabilities: StatementSection;
  equity: StatementSection;
  /** Income − expenses to date, not yet closed to retained earnings: part of equity. */
  currentEarningsMinor: number;
  totalLiabilitiesAndEquityMinor: number;
}

export async function balanceSheet(
  db: Kysely<Database>,
  o: { period: string; branchId: string | null },
): Promise<BalanceSheet> {
  const { accounts } = await trialBalance(db, o);
  const income = section('income', accounts).totalMinor;
  const expense = section('expense', accounts).totalMinor;
  const liabilities = section('liability', accounts);
  const equity = section('equity', accounts);
  const currentEarningsMinor = income - expense;
  return {
    period: o.period,
    assets: section('asset', accounts),
    liabilities,
    equity,
    currentEarningsMinor,
    totalLiabilitiesAndEquityMinor: liabilities.totalMinor + equity.totalMinor + currentEarningsMinor,
  };
}

export interface IncomeStatement {
  fromPeriod: string;
  toPeriod: string;
  income: StatementSection;
  expenses: StatementSection;
  netIncomeMinor: number;
}

export async function incomeStatement(
  db: Kysely<Database>,
  o: { fromPeriod: string; toPeriod: string; branchId: string | null },
): Promise<IncomeStatement> {
  const balances = await balancesBetween(db, o);
  const income = section('income', balances);
  const expenses = section('expense', balances);
  return { ...o, income, expenses, netIncomeMinor: income.totalMinor - expenses.totalMinor };
}

export interface StatementLine {
  entryId: string;
  postingDate: string;
  valueDate: string;
  narration: string;
  kind: string;
  accountCode: string;
  debitMinor: number;
  creditMinor: number;
  balanceMinor: number;
  loanId: string | null;
  tillId: string | null;
}

const openingSql = `SELECT COALESCE(SUM(debit_minor - credit_minor), 0) AS balance FROM journal_lines
  WHERE account_code IN (SELECT value FROM json_each(?)) AND posting_date < ? AND (? IS NULL OR branch_id = ?)`;
const linesSql = `SELECT l.entry_id AS entryId, l.posting_date AS postingDate, e.value_date AS valueDate,
  e.narration, e.kind, l.account_code AS accountCode, l.debit_minor AS debitMinor, l.credit_minor AS creditMinor,
  l.loan_id AS loanId, l.till_id AS tillId
  FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
  WHERE l.account_code IN (SELECT value FROM json_each(?)) AND l.posting_date >= ? AND l.posting_date <= ?
    AND (? IS NULL OR l.branch_id = ?)
  ORDER BY l.posting_date, l.entry_id, l.line_no`;

export interface AccountStatement {
  accountCodes: string[];
  from: string;
  to: string;
  openingMinor: number;
  lines: StatementLine[];
  closingMinor: number;
  totalDebitMinor: number;
  totalCreditMinor: number;
}

/** The lines on one or more accounts between two dates, with the opening balance and a running balance. */
export async function accountStatement(
  db: Kysely<Database>,
  o: { accountCodes: string[]; from: string; to: string; branchId: string | null },
): Promise<AccountStatement> {
  const codes = JSON.stringify(o.accountCodes);
  const opening = Number(
    (
      await db.executeQuery<{ balance: number }>(
        CompiledQuery.raw(openingSql, [codes, o.from, o.branchId, o.branchId]),
      )
    ).rows[0]?.balance ?? 0,
  );
  const rows = (
    await db.executeQuery<Omit<StatementLine, 'balanceMinor'>>(
      CompiledQuery.raw(linesSql, [codes, o.from, o.to, o.branchId, o.branchId]),
    )
  ).rows;
  let balance = opening;
  let totalDebitMinor = 0;
  let totalCreditMinor = 0;
  const lines = rows.map((r) => {
    balance += r.debitMinor - r.creditMinor;
    totalDebitMinor += r.debitMinor;
    totalCreditMinor += r.creditMinor;
    return { ...r, balanceMinor: balance };
  });
  return {
    accountCodes: o.accountCodes,
    from: o.from,
    to: o.to,
    openingMinor: opening,
    lines,
    closingMinor: balance,
    totalDebitMinor,
    totalCreditMinor,
  };
}

/** The cash book: every movement of the tills, the vault and the bank, with the running cash balance. */
export async function cashBook(
  db: Kysely<Database>,
  o: { from: string; to: string; branchId: string | null },
): Promise<AccountStatement> {
  const accountOf = await roleAccounts(db, null, { mayWrite: false });
  return accountStatement(db, {
    ...o,
    accountCodes: [accountOf('tillCash'), accountOf('vaultCash'), accountOf('bank')],
  });
}
