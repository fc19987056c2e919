// The customer's loan statement (`reports.loanStatement`): reads the loan, its customer, branch, terms history
// and transactions, has the engine replay them (statementLines.ts) and renders the PDF (print/statement.ts).
// Read-only. Not responsible for the figures' arithmetic (the engine's replay) nor for the layout.
//
// The statement is of the loan as the loan page shows it: a running loan as of the business date, a closed or
// written-off one as of its last projection (views.ts loanViewOf). An optional period narrows the transactions
// listed: the ones before it are summed up in an opening balance, the ones after it are left out, and the
// schedule and balances are as of its end.
import { fieldError, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import { requireActor, type Ctx } from '../context';
import { businessDate, requireLoan, wrongState, type LoanRow } from '../loans/common';
import { parsedTermsOf, stateOf } from '../loans/project';
import { renderLoanStatement } from '../print/statement';
import type { LoanStatementData, StatementInstallment, StatementLine } from '../print/statementData';
import type { InstallmentState, LoanState } from '../../../shared/loan';
import { walkStatement, type StatementRow, type TermsPeriod } from './statementLines';

export async function loanStatementPdf(
  ctx: Ctx,
  input: ParsedInputOf<'reports.loanStatement'>,
): Promise<OutputOf<'reports.loanStatement'>> {
  const data = await loanStatementData(ctx, input);
  const pdf = await renderLoanStatement(data);
  return {
    fileName: `statement-${data.loan.accountNo}-${data.period.to}.pdf`,
    base64: pdf.toString('base64'),
  };
}

const statementStatuses = new Set(['active', 'closed', 'written_off']);

/** Everything the statement prints, as of the loan's date or the end of the period asked for. */
export async function loanStatementData(
  ctx: Ctx,
  input: ParsedInputOf<'reports.loanStatement'>,
): Promise<LoanStatementData> {
  const actor = requireActor(ctx);
  const loan = await requireLoan(ctx, input.loanId);
  if (!loan.disbursed_on || !statementStatuses.has(loan.status)) {
    throw wrongState('A loan has a statement once it has been disbursed.');
  }
  const disbursedOn = loan.disbursed_on;
  const today = await businessDate(ctx);
  const asOf = loan.status === 'active' ? today : (loan.as_of ?? today);
  const to = input.to !== undefined && input.to < asOf ? input.to : asOf;
  if (to < disbursedOn) throw fieldError('to', `must not be before the disbursement (${disbursedOn})`);
  const from = input.from !== undefined && input.from > disbursedOn ? input.from : disbursedOn;
  if (from > to) throw fieldError('from', `must not be after the statement’s date (${to})`);

  const rows: StatementRow[] = await ctx.db
    .selectFrom('loan_transactions')
    .select([
      'id',
      'type',
      'amount_minor',
      'component',
      'reverses_id',
      'value_date',
      'hlc',
      'receipt_no',
      'reference',
    ])
    .where('loan_id', '=', loan.id)
    .execute();
  const current = stateOf(loan, rows, asOf);
  const { lines, position } = walkStatement({ periods: await periodsOf(ctx, loan), rows, to, current });
  const shown = lines.filter((l) => l.valueDate >= from);
  const before = lines.filter((l) => l.valueDate < from);

  const { terms, schedule } = parsedTermsOf(loan.terms);
  const { productName, ...parties } = await partiesOf(ctx, loan, actor.userId);
  return {
    ...parties,
    loan: {
      accountNo: loan.account_no ?? loan.application_no,
      productName,
      status: loan.status as LoanStatementData['loan']['status'],
      currency: loan.currency,
      digits: loan.digits,
      principalMinor: loan.disbursed_principal_minor,
      annualRate: terms.input.annualRate,
      repayments: terms.repayments,
      every: terms.every,
      frequency: terms.frequency,
      disbursedOn,
      maturityDate: schedule.installments.at(-1)?.dueDate ?? loan.maturity_date,
    },
    period: { from, to },
    schedule: scheduleOf(position),
    opening: openingOf(before),
    lines: shown,
    outstanding: {
      ...position.outstanding,
      overdueMinor: position.overdue.totalMinor,
      daysPastDue: position.status === 'active' ? position.daysPastDue : 0,
    },
    generatedAt: ctx.clock.now().toISOString(),
  };
}

/** The loan's sets of terms, oldest first: each replaced one from the history, then the current terms. */
async function periodsOf(ctx: Ctx, loan: LoanRow): Promise<TermsPeriod[]> {
  const replaced = await ctx.db
    .selectFrom('loan_terms_history')
    .select(['terms', 'effective_from'])
    .where('loan_id', '=', loan.id)
    .orderBy('effective_from')
    .orderBy('created_at')
    .execute();
  const periods = replaced.map((h) => ({
    ...parsedTermsOf(h.terms),
    from: h.effective_from,
    termsFrom: h.effective_from,
  }));
  const from = loan.terms_from ?? loan.disbursed_on!;
  return [...periods, { ...parsedTermsOf(loan.terms), from, termsFrom: loan.terms_from }];
}

/** The institution, branch, customer and who is printing. */
async function partiesOf(ctx: Ctx, loan: LoanRow, userId: string) {
  const institution = await ctx.db.selectFrom('institution').select('name').executeTakeFirst();
  const branch = await ctx.db
    .selectFrom('branches')
    .select(['code', 'name', 'time_zone', 'locale'])
    .where('id', '=', loan.branch_id)
    .executeTakeFirstOrThrow();
  const customer = await ctx.db
    .selectFrom('customers')
    .select(['customer_no', 'display_name', 'phone', 'address', 'city', 'region', 'country'])
    .where('id', '=', loan.customer_id)
    .executeTakeFirstOrThrow();
  const product = await ctx.db
    .selectFrom('loan_products')
    .select('name')
    .where('id', '=', loan.product_id)
    .executeTakeFirstOrThrow();
  const user = await ctx.db
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', userId)
    .executeTakeFirst();
  const town = [customer.city, customer.region].filter(Boolean).join(', ');
  return {
    institutionName: institution?.name ?? '',
    branch: { code: branch.code, name: branch.name, timeZone: branch.time_zone },
    customer: {
      number: customer.customer_no,
      name: customer.display_name,
      phone: customer.phone,
      addressLines: [customer.address, town, customer.country].filter((x): x is string => Boolean(x)),
    },
    productName: product.name,
    generatedBy: user?.display_name ?? userId,
    language: branch.locale.startsWith('fr') ? ('fr' as const) : ('en' as const),
  };
}

/** The lines before the period as one: how many transactions, and the balances they left. */
function openingOf(before: readonly StatementLine[]): LoanStatementData['opening'] {
  const last = before.at(-1);
  if (!last) return null;
  const isTransaction = (l: StatementLine) => l.kind !== 'charges' && l.kind !== 'rescheduled';
  return { transactions: before.filter(isTransaction).length, ...last.balance };
}

function scheduleOf(state: LoanState): StatementInstallment[] {
  return state.installments
    .filter((i) => i.n > 0)
    .map((i) => ({
      n: i.n,
      dueDate: i.dueDate,
      due: {
        principalMinor: i.principal.dueMinor,
        interestMinor: i.interest.dueMinor,
        feesMinor: i.fees.dueMinor,
        penaltiesMinor: i.penalties.dueMinor,
      },
      paidMinor: i.principal.paidMinor + i.interest.paidMinor + i.fees.paidMinor + i.penalties.paidMinor,
      outstandingMinor: i.outstandingMinor,
      state: installmentState(i, state.asOf),
    }));
}

/** The words the loan page's schedule uses for an installment (views.ts), on the statement's date. */
function installmentState(i: InstallmentState, asOf: string): StatementInstallment['state'] {
  if (i.isSettled) return 'paid';
  if (i.isOverdue) return 'overdue';
  if (i.dueDate <= asOf) return 'due';
  const paid = i.principal.paidMinor + i.interest.paidMinor + i.fees.paidMinor + i.penalties.paidMinor;
  return paid > 0 ? 'partly_paid' : 'upcoming';
}
