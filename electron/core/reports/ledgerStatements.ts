// The ledger's line-by-line reports: a general-ledger account's statement and the cash book (tills, vault and
// bank), as typed figures and as the report model the screen shows and the export writes. The lines, opening
// balance and running balance are the books' (electron/core/books/ledger.ts accountStatement and cashBook, by
// posting date); this file adds the scope rule, the account's validation, the bound on the lines and the words.
//
// An account statement of a header account (1100 "Cash and cash equivalents") covers its sub-accounts together,
// with the account of each line shown. Balances are shown on the account's normal side (debit − credit for
// assets and expenses, credit − debit for the others), so a liability's statement reads in positive figures.
//
// Bounded twice: the period by the contract (at most maxReportDays), and the lines here — a statement lists at
// most maxStatementLines (the report model's limit per table, less the opening line); a busier period is refused
// on its `to` field, counted by the journal's (account, branch, posting date) index before any line is read.
import type { GlAccountType } from '../../../db/schema';
import {
  fieldError,
  type OutputOf,
  type ParsedInputOf,
  type Report,
  type ReportLanguage,
  type ReportRow,
} from '../../../shared/contract';
import { asMinor } from '../../../shared/money';
import { roleAccounts } from '../books/chart';
import { accountStatement, cashBook, type AccountStatement } from '../books/ledger';
import type { Ctx } from '../context';
import { ledgerLabels } from './labels';
import { ledgerDetails, scopeFigures } from './ledger';
import { maxRowsPerTable } from './model';
import { languageOf, reportFrame, reportScope, type ReportScope } from './scope';

type AccountStatementOutput = OutputOf<'reports.accountStatement'>;
type CashBookOutput = OutputOf<'reports.cashBook'>;
type Statement = Omit<CashBookOutput, 'report'>;
type Side = Statement['normalSide'];

/** The most lines one statement lists (its table also holds the opening balance). */
export const maxStatementLines = maxRowsPerTable - 1;

export async function accountStatementReport(
  ctx: Ctx,
  input: ParsedInputOf<'reports.accountStatement'>,
): Promise<AccountStatementOutput> {
  const scope = await reportScope(ctx, 'reports.accountStatement', input.branchId);
  const chart = await ctx.db
    .selectFrom('gl_accounts')
    .select(['code', 'name', 'type', 'parent_code'])
    .execute();
  const account = chart.find((a) => a.code === input.accountCode);
  if (!account) throw fieldError('accountCode', 'is not an account in the chart of accounts');
  const covered = withSubAccounts(chart, account.code);
  await refuseLongStatement(ctx, scope, covered, input);
  const books = await accountStatement(ctx.db, {
    accountCodes: covered.map((a) => a.code),
    from: input.from,
    to: input.to,
    branchId: scope.branchId,
  });
  const figures = {
    account: { code: account.code, name: account.name, type: account.type },
    ...statementFigures(scope, books, normalSide(account.type), covered),
  };
  const language = input.language ?? languageOf(scope);
  const l = ledgerLabels[language];
  const name = `${account.code} · ${account.name}`;
  const accountLine = covered.length > 1 ? `${name}, ${l.withSubAccounts}` : name;
  return {
    ...figures,
    report: statementModel(ctx, scope, figures, language, {
      title: l.asTitle,
      tableTitle: name,
      details: [{ label: l.account, value: accountLine }],
      hasAccountColumn: covered.length > 1,
    }),
  };
}

export async function cashBookReport(
  ctx: Ctx,
  input: ParsedInputOf<'reports.cashBook'>,
): Promise<CashBookOutput> {
  const scope = await reportScope(ctx, 'reports.cashBook', input.branchId);
  // A ledger set up before the books has no chart until its first posting loads it — nor any cash line; a
  // query must not load it (it reads on the read-only connection).
  const hasChart = await ctx.db.selectFrom('gl_accounts').select('code').limit(1).executeTakeFirst();
  // The accounts the books' cashBook reads, named here to count its lines before they are read.
  const accountOf = hasChart ? await roleAccounts(ctx.db) : null;
  const codes = accountOf ? [accountOf('tillCash'), accountOf('vaultCash'), accountOf('bank')] : [];
  const cash =
    codes.length === 0
      ? []
      : await ctx.db
          .selectFrom('gl_accounts')
          .select(['code', 'name'])
          .where('code', 'in', codes)
          .orderBy('code')
          .execute();
  await refuseLongStatement(ctx, scope, cash, input);
  const books = accountOf
    ? await cashBook(ctx.db, { from: input.from, to: input.to, branchId: scope.branchId })
    : noLines({ from: input.from, to: input.to });
  const figures = statementFigures(scope, books, 'debit', cash);
  const language = input.language ?? languageOf(scope);
  const l = ledgerLabels[language];
  return {
    ...figures,
    report: statementModel(ctx, scope, figures, language, {
      title: l.cbTitle,
      tableTitle: l.cashAccounts,
      subtitle: l.cbNote,
      details: [{ label: l.accounts, value: cash.map((a) => `${a.code} · ${a.name}`).join(', ') }],
      hasAccountColumn: true,
      isCash: true,
    }),
  };
}

const noLines = (period: { from: string; to: string }): AccountStatement => ({
  accountCodes: [],
  ...period,
  openingMinor: 0,
  lines: [],
  closingMinor: 0,
  totalDebitMinor: 0,
  totalCreditMinor: 0,
});

const normalSide = (type: GlAccountType): Side =>
  type === 'asset' || type === 'expense' ? 'debit' : 'credit';

/** The account and every account under it (the chart is a tree; a cycle is not followed twice). */
function withSubAccounts<A extends { code: string; parent_code: string | null }>(
  chart: readonly A[],
  code: string,
) {
  const covered = new Set([code]);
  for (let grew = true; grew;) {
    grew = false;
    for (const a of chart)
      if (a.parent_code !== null && covered.has(a.parent_code) && !covered.has(a.code)) {
        covered.add(a.code);
        grew = true;
      }
  }
  return chart.filter((a) => covered.has(a.code)).sort((a, b) => a.code.localeCompare(b.code));
}

async function refuseLongStatement(
  ctx: Ctx,
  scope: ReportScope,
  accounts: readonly { code: string }[],
  period: { from: string; to: string },
): Promise<void> {
  if (accounts.length === 0) return;
  let query = ctx.db
    .selectFrom('journal_lines')
    .select((eb) => eb.fn.countAll<number>().as('lines'))
    .where(
      'account_code',
      'in',
      accounts.map((a) => a.code),
    )
    .where('posting_date', '>=', period.from)
    .where('posting_date', '<=', period.to);
  if (scope.branchId !== null) query = query.where('branch_id', '=', scope.branchId);
  const lines = Number((await query.executeTakeFirstOrThrow()).lines);
  if (lines <= maxStatementLines) return;
  const count = (n: number) => n.toLocaleString('en');
  throw fieldError(
    'to',
    `the period holds ${count(lines)} lines, a statement at most ${count(maxStatementLines)}: choose a shorter period`,
  );
}

/** The books' statement (debit − credit) on the normal side, with the accounts it covers. */
function statementFigures(
  scope: ReportScope,
  books: AccountStatement,
  side: Side,
  accounts: readonly { code: string; name: string }[],
): Statement {
  const natural = (debitMinusCredit: number) =>
    asMinor(side === 'debit' ? debitMinusCredit : -debitMinusCredit);
  return {
    from: books.from,
    to: books.to,
    ...scopeFigures(scope),
    normalSide: side,
    accounts: accounts.map((a) => ({ code: a.code, name: a.name })),
    openingBalanceMinor: natural(books.openingMinor),
    lines: books.lines.map((x) => ({
      entryId: x.entryId,
      postingDate: x.postingDate,
      valueDate: x.valueDate,
      accountCode: x.accountCode,
      narration: x.narration,
      debitMinor: x.debitMinor,
      creditMinor: x.creditMinor,
      balanceMinor: natural(x.balanceMinor),
    })),
    totalDebitMinor: asMinor(books.totalDebitMinor),
    totalCreditMinor: asMinor(books.totalCreditMinor),
    closingBalanceMinor: natural(books.closingMinor),
  };
}

interface StatementWords {
  title: string;
  tableTitle: string;
  subtitle?: string;
  details: { label: string; value: string }[];
  hasAccountColumn: boolean;
  isCash?: boolean;
}

/**
 * One table: the opening balance on `from`, every line, and a totals row dated `to` with the debits, the
 * credits and the closing balance.
 */
function statementModel(
  ctx: Ctx,
  scope: ReportScope,
  f: Statement,
  language: ReportLanguage,
  words: StatementWords,
): Report {
  const l = ledgerLabels[language];
  const names = new Map(f.accounts.map((a) => [a.code, a.name]));
  const account = words.hasAccountColumn ? [{ key: 'account', label: l.account, kind: 'text' as const }] : [];
  const accountCell = (code: string | null): ReportRow =>
    words.hasAccountColumn ? { account: code === null ? null : `${code} · ${names.get(code) ?? ''}` } : {};
  return {
    ...reportFrame(ctx, scope, language),
    title: words.title,
    details: [
      ...ledgerDetails(l, scope, { label: l.period, value: `${f.from} – ${f.to}` }),
      ...words.details,
    ],
    tables: [
      {
        title: words.tableTitle,
        subtitle: [words.subtitle, l.normalSide[f.normalSide]].filter(Boolean).join(' '),
        columns: [
          { key: 'postingDate', label: l.postingDate, kind: 'date' },
          { key: 'valueDate', label: l.valueDate, kind: 'date' },
          ...account,
          { key: 'narration', label: l.narration, kind: 'text' },
          { key: 'debit', label: words.isCash ? l.received : l.debit, kind: 'money' },
          { key: 'credit', label: words.isCash ? l.paidOut : l.credit, kind: 'money' },
          { key: 'balance', label: l.balance, kind: 'money' },
        ],
        rows: [
          {
            postingDate: f.from,
            valueDate: null,
            ...accountCell(null),
            narration: l.opening,
            debit: null,
            credit: null,
            balance: f.openingBalanceMinor,
          },
          ...f.lines.map((x) => ({
            postingDate: x.postingDate,
            valueDate: x.valueDate,
            ...accountCell(x.accountCode),
            narration: x.narration,
            debit: x.debitMinor || null,
            credit: x.creditMinor || null,
            balance: x.balanceMinor,
          })),
        ],
        totals: {
          postingDate: f.to,
          valueDate: null,
          ...accountCell(null),
          narration: l.closing,
          debit: f.totalDebitMinor,
          credit: f.totalCreditMinor,
          balance: f.closingBalanceMinor,
        },
      },
    ],
  };
}
