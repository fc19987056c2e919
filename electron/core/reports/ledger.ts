// The ledger's financial statements as reports: the trial balance, the balance sheet and the income statement,
// as typed figures and as the report model the screen shows and the export writes. The figures are the books'
// (electron/core/books/ledger.ts reads the balances kept per branch, account and period — never the journal's
// lines); this file adds the scope rule (scope.ts), the default month, the split of the year's earnings and the
// words. The line-by-line statements (an account's, the cash book) are in ledgerStatements.ts.
//
// Signs: every figure is shown on its account's normal side — assets and expenses as debit − credit,
// liabilities, equity and income as credit − debit — so a contra account (the loan-loss provision) reads
// negative inside its section. Money is integer minor units throughout; sums go through shared/money's checked
// integer helpers, never a float.
//
// The balance sheet's equity holds the earnings not yet closed to retained earnings, split in two: the
// current year's (January of the period's year to the period — the bank's financial year is the calendar year)
// and earlier years' (zero once an accountant has closed them to retained earnings by a manual journal).
import { addMinor, asMinor, formatMajor, subMinor, sumMinor, type Minor } from '../../../shared/money';
import type { OutputOf, ParsedInputOf, Report, ReportLanguage, ReportTable } from '../../../shared/contract';
import { balanceSheet, incomeStatement, trialBalance, type StatementSection } from '../books/ledger';
import type { Ctx } from '../context';
import { ledgerLabels, type LedgerLabels } from './labels';
import { languageOf, reportFrame, reportScope, scopeDetail, type ReportScope } from './scope';

type TrialBalanceOutput = OutputOf<'reports.trialBalance'>;
type BalanceSheetOutput = OutputOf<'reports.balanceSheet'>;
type IncomeStatementOutput = OutputOf<'reports.incomeStatement'>;
type Section = BalanceSheetOutput['assets'];

/** The scope's fields every ledger report answers. */
export function scopeFigures(scope: ReportScope) {
  return {
    scope: { branchId: scope.branchId, branchCode: scope.branchCode, branchName: scope.branchName },
    currency: scope.currency,
    digits: scope.digits,
  };
}

/** The header lines every ledger report opens with: the branch, its period line, the currency. */
export function ledgerDetails(l: LedgerLabels, scope: ReportScope, period: { label: string; value: string }) {
  return [scopeDetail(l, scope), period, { label: l.currency, value: scope.currency }];
}

export async function trialBalanceReport(
  ctx: Ctx,
  input: ParsedInputOf<'reports.trialBalance'>,
): Promise<TrialBalanceOutput> {
  const scope = await reportScope(ctx, 'reports.trialBalance', input.branchId);
  const period = input.period ?? scope.businessDate.slice(0, 7);
  const tb = await trialBalance(ctx.db, { period, branchId: scope.branchId });
  const accounts = tb.accounts.map((a) => ({
    code: a.code,
    name: a.name,
    type: a.type,
    debitBalanceMinor: a.balanceMinor > 0 ? a.balanceMinor : 0,
    creditBalanceMinor: a.balanceMinor < 0 ? -a.balanceMinor : 0,
  }));
  // The totals twice: from the books' own sums and from the rows printed, so a row dropped on the way to
  // paper cannot leave a balanced-looking total.
  const totalDebitMinor = sumMinor(accounts.map((a) => a.debitBalanceMinor));
  const totalCreditMinor = sumMinor(accounts.map((a) => a.creditBalanceMinor));
  if (totalDebitMinor !== tb.totalDebitMinor || totalCreditMinor !== tb.totalCreditMinor)
    throw new Error(`trial balance rows (${totalDebitMinor}/${totalCreditMinor}) disagree with the books`);
  const figures = {
    period,
    ...scopeFigures(scope),
    accounts,
    totalDebitMinor,
    totalCreditMinor,
    isBalanced: totalDebitMinor === totalCreditMinor,
  };
  const language = input.language ?? languageOf(scope);
  return { ...figures, report: trialBalanceModel(ctx, scope, figures, language) };
}

function trialBalanceModel(
  ctx: Ctx,
  scope: ReportScope,
  f: Omit<TrialBalanceOutput, 'report'>,
  language: ReportLanguage,
): Report {
  const l = ledgerLabels[language];
  const difference = formatMajor(subMinor(asMinor(f.totalDebitMinor), asMinor(f.totalCreditMinor)), f.digits);
  return {
    ...reportFrame(ctx, scope, language),
    title: l.tbTitle,
    details: ledgerDetails(l, scope, { label: l.asAt, value: f.period }),
    tables: [
      {
        title: l.accounts,
        ...(f.isBalanced ? {} : { subtitle: l.unbalanced(difference) }),
        columns: [
          { key: 'code', label: l.code, kind: 'text' },
          { key: 'account', label: l.name, kind: 'text' },
          { key: 'type', label: l.type, kind: 'text' },
          { key: 'debit', label: l.debit, kind: 'money' },
          { key: 'credit', label: l.credit, kind: 'money' },
        ],
        // A side without a balance is left blank, as a trial balance is written by hand.
        rows: f.accounts.map((a) => ({
          code: a.code,
          account: a.name,
          type: l.types[a.type],
          debit: a.debitBalanceMinor || null,
          credit: a.creditBalanceMinor || null,
        })),
        totals: {
          code: null,
          account: null,
          type: null,
          debit: f.totalDebitMinor,
          credit: f.totalCreditMinor,
        },
      },
    ],
  };
}

const sectionOf = (s: StatementSection): Section => ({
  accounts: s.accounts.map((a) => ({ code: a.code, name: a.name, amountMinor: a.amountMinor })),
  totalMinor: sumMinor(s.accounts.map((a) => a.amountMinor)),
});

export async function balanceSheetReport(
  ctx: Ctx,
  input: ParsedInputOf<'reports.balanceSheet'>,
): Promise<BalanceSheetOutput> {
  const scope = await reportScope(ctx, 'reports.balanceSheet', input.branchId);
  const period = input.period ?? scope.businessDate.slice(0, 7);
  const bs = await balanceSheet(ctx.db, { period, branchId: scope.branchId });
  const year = await incomeStatement(ctx.db, {
    fromPeriod: `${period.slice(0, 4)}-01`,
    toPeriod: period,
    branchId: scope.branchId,
  });
  const assets = sectionOf(bs.assets);
  const liabilities = sectionOf(bs.liabilities);
  const equity = sectionOf(bs.equity);
  const currentYearEarningsMinor = asMinor(year.netIncomeMinor);
  const earlierEarningsMinor = subMinor(asMinor(bs.currentEarningsMinor), currentYearEarningsMinor);
  const totalEquityMinor = sumMinor([equity.totalMinor, currentYearEarningsMinor, earlierEarningsMinor]);
  const totalLiabilitiesAndEquityMinor = addMinor(asMinor(liabilities.totalMinor), totalEquityMinor);
  if (totalLiabilitiesAndEquityMinor !== bs.totalLiabilitiesAndEquityMinor)
    throw new Error('balance sheet: the equity lines disagree with the books’ total');
  const figures = {
    period,
    ...scopeFigures(scope),
    assets,
    liabilities,
    equity,
    currentYearEarningsMinor,
    earlierEarningsMinor,
    totalEquityMinor,
    totalLiabilitiesAndEquityMinor,
    isBalanced: assets.totalMinor === totalLiabilitiesAndEquityMinor,
  };
  const language = input.language ?? languageOf(scope);
  return { ...figures, report: balanceSheetModel(ctx, scope, figures, language) };
}

/** A section as a table of accounts (code, name, amount) with its total labelled under the names. */
function sectionTable(l: LedgerLabels, title: string, totalLabel: string, section: Section): ReportTable {
  return {
    title,
    columns: [
      { key: 'code', label: l.code, kind: 'text' },
      { key: 'account', label: l.name, kind: 'text' },
      { key: 'amount', label: l.amount, kind: 'money' },
    ],
    rows: section.accounts.map((a) => ({ code: a.code, account: a.name, amount: a.amountMinor })),
    // An empty code keeps the generic "Total" out: the label is in the name column.
    totals: { code: '', account: totalLabel, amount: section.totalMinor },
  };
}

/** A line that is not an account (earnings, a section's total) in a section's table. */
const line = (account: string, amount: number) => ({ code: '', account, amount });

function balanceSheetModel(
  ctx: Ctx,
  scope: ReportScope,
  f: Omit<BalanceSheetOutput, 'report'>,
  language: ReportLanguage,
): Report {
  const l = ledgerLabels[language];
  const equity = sectionTable(l, l.equity, l.totalEquity, {
    accounts: f.equity.accounts,
    totalMinor: f.totalEquityMinor,
  });
  equity.rows.push(line(l.currentYearEarnings, f.currentYearEarningsMinor));
  if (f.earlierEarningsMinor !== 0) equity.rows.push(line(l.earlierEarnings, f.earlierEarningsMinor));
  const difference = formatMajor(
    subMinor(asMinor(f.assets.totalMinor), asMinor(f.totalLiabilitiesAndEquityMinor)),
    f.digits,
  );
  const summary = sectionTable(l, l.liabilitiesAndEquity, l.totalLiabilitiesAndEquity, {
    accounts: [],
    totalMinor: f.totalLiabilitiesAndEquityMinor,
  });
  summary.rows.push(
    line(l.totalLiabilities, f.liabilities.totalMinor),
    line(l.totalEquity, f.totalEquityMinor),
  );
  if (!f.isBalanced) summary.subtitle = l.bsUnbalanced(difference);
  return {
    ...reportFrame(ctx, scope, language),
    title: l.bsTitle,
    details: ledgerDetails(l, scope, { label: l.asAt, value: f.period }),
    tables: [
      sectionTable(l, l.assets, l.totalAssets, f.assets),
      sectionTable(l, l.liabilities, l.totalLiabilities, f.liabilities),
      equity,
      summary,
    ],
  };
}

export async function incomeStatementReport(
  ctx: Ctx,
  input: ParsedInputOf<'reports.incomeStatement'>,
): Promise<IncomeStatementOutput> {
  const scope = await reportScope(ctx, 'reports.incomeStatement', input.branchId);
  const is = await incomeStatement(ctx.db, {
    fromPeriod: input.fromPeriod,
    toPeriod: input.toPeriod,
    branchId: scope.branchId,
  });
  const income = sectionOf(is.income);
  const expenses = sectionOf(is.expenses);
  const netIncomeMinor: Minor = subMinor(asMinor(income.totalMinor), asMinor(expenses.totalMinor));
  if (netIncomeMinor !== is.netIncomeMinor)
    throw new Error('income statement: net income disagrees with the books');
  const figures = {
    fromPeriod: input.fromPeriod,
    toPeriod: input.toPeriod,
    ...scopeFigures(scope),
    income,
    expenses,
    netIncomeMinor,
  };
  const language = input.language ?? languageOf(scope);
  return { ...figures, report: incomeStatementModel(ctx, scope, figures, language) };
}

function incomeStatementModel(
  ctx: Ctx,
  scope: ReportScope,
  f: Omit<IncomeStatementOutput, 'report'>,
  language: ReportLanguage,
): Report {
  const l = ledgerLabels[language];
  const result = sectionTable(l, l.netIncome, l.netIncome, { accounts: [], totalMinor: f.netIncomeMinor });
  // Expenses with their sign, so the table adds up to its total like every other.
  result.rows.push(line(l.totalIncome, f.income.totalMinor), line(l.totalExpenses, -f.expenses.totalMinor));
  const months = f.fromPeriod === f.toPeriod ? f.fromPeriod : `${f.fromPeriod} – ${f.toPeriod}`;
  return {
    ...reportFrame(ctx, scope, language),
    title: l.isTitle,
    details: ledgerDetails(l, scope, { label: l.period, value: months }),
    tables: [
      sectionTable(l, l.income, l.totalIncome, f.income),
      sectionTable(l, l.expenses, l.totalExpenses, f.expenses),
      result,
    ],
  };
}
