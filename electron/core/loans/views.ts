// What people see of loans: the list with its filters, the counter's search, the loan page (schedule with each
// installment's state, transactions with their allocation as the engine replays them today, collateral,
// guarantors, decisions, history, and the actions the person may take next) and the repayment quote shown
// before posting. Read-only; the engine's replay is the single source of every figure.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { LoanSummary, LoanView, OutputOf, ParsedInputOf } from '../../../shared/contract';
import { buildSchedule, replay, type InstallmentState, type LoanState } from '../../../shared/loan';
import type { Permission } from '../../../shared/permissions';
import type { Ctx, WriteCtx } from '../context';
import { searchCustomers } from '../customers/profile';
import { businessDate, reader, requireLoan, type LoanRow } from './common';
import { engineTransactions, parsedTermsOf, projectionOf, stateOf, transactionRowsOf } from './project';

const summaryColumns = [
  'loans.id',
  'loans.application_no',
  'loans.account_no',
  'loans.status',
  'loans.customer_id',
  'customers.customer_no',
  'customers.display_name',
  'customers.phone',
  'loans.product_id',
  'loan_products.name as product_name',
  'loans.officer_id',
  'users.display_name as officer_name',
  'loans.currency',
  'loans.digits',
  'loans.requested_principal_minor',
  'loans.approved_principal_minor',
  'loans.disbursed_principal_minor',
  'loans.outstanding_total_minor',
  'loans.overdue_total_minor',
  'loans.payoff_minor',
  'loans.credit_minor',
  'loans.days_past_due',
  'loans.arrears_bucket',
  'loans.arrears_status',
  'loans.next_due_date',
  'loans.next_due_minor',
  'loans.as_of',
  'loans.updated_at',
] as const;

function summaryQuery(db: Kysely<Database>) {
  return db
    .selectFrom('loans')
    .innerJoin('customers', 'customers.id', 'loans.customer_id')
    .innerJoin('loan_products', 'loan_products.id', 'loans.product_id')
    .leftJoin('users', 'users.id', 'loans.officer_id');
}

function toSummary(r: Record<string, unknown>): LoanSummary {
  const v = r as Record<string, string | number | null>;
  const principal =
    (v.disbursed_principal_minor as number) > 0
      ? (v.disbursed_principal_minor as number)
      : ((v.approved_principal_minor as number | null) ?? (v.requested_principal_minor as number));
  return {
    id: v.id as string,
    applicationNo: v.application_no as string,
    accountNo: v.account_no as string | null,
    status: v.status as LoanSummary['status'],
    customerId: v.customer_id as string,
    customerNumber: v.customer_no as string,
    customerName: v.display_name as string,
    phone: v.phone as string | null,
    productId: v.product_id as string,
    productName: v.product_name as string,
    officerId: v.officer_id as string,
    officerName: v.officer_name as string | null,
    currency: v.currency as string,
    digits: v.digits as number,
    principalMinor: principal,
    outstandingTotalMinor: v.outstanding_total_minor as number,
    overdueTotalMinor: v.overdue_total_minor as number,
    payoffMinor: v.payoff_minor as number,
    creditMinor: v.credit_minor as number,
    daysPastDue: v.days_past_due as number,
    arrearsBucket: v.arrears_bucket as LoanSummary['arrearsBucket'],
    arrearsStatus: v.arrears_status as LoanSummary['arrearsStatus'],
    nextDueDate: v.next_due_date as string | null,
    nextDueMinor: v.next_due_minor as number,
    asOf: v.as_of as string | null,
    updatedAt: v.updated_at as string,
  };
}

/** A summary's figures from a replay (the list, the counter and the loan page show today's). */
function liveFigures(loan: Parameters<typeof projectionOf>[0], state: LoanState): Partial<LoanSummary> {
  const p = projectionOf(loan, state);
  return {
    outstandingTotalMinor: state.outstanding.totalMinor,
    overdueTotalMinor: state.overdue.totalMinor,
    payoffMinor: p.payoff_minor as number,
    creditMinor: state.creditMinor,
    daysPastDue: p.days_past_due as number,
    arrearsBucket: p.arrears_bucket as LoanSummary['arrearsBucket'],
    arrearsStatus: p.arrears_status as LoanSummary['arrearsStatus'],
    nextDueDate: p.next_due_date as string | null,
    nextDueMinor: p.next_due_minor as number,
    asOf: state.asOf,
  };
}

/**
 * Active loans as of the business date: the stored projection is as of the last end-of-day that changed the
 * loan (end-of-day leaves a current loan alone while nothing falls due), so the figures a person reads — the
 * payoff above all, which grows with each day's interest — are replayed for the rows shown.
 */
async function asOfToday(ctx: Ctx, rows: LoanSummary[]): Promise<LoanSummary[]> {
  const active = rows.filter((r) => r.status === 'active');
  if (active.length === 0) return rows;
  const today = await businessDate(ctx);
  const ids = active.map((r) => r.id);
  const loans = await ctx.db
    .selectFrom('loans')
    .select(['id', 'status', 'terms', 'terms_from', 'disbursed_on', 'closed_on'])
    .where('id', 'in', ids)
    .execute();
  const txs = await ctx.db
    .selectFrom('loan_transactions')
    .select(['loan_id', 'id', 'type', 'amount_minor', 'component', 'reverses_id', 'value_date', 'hlc'])
    .where('loan_id', 'in', ids)
    .execute();
  const byLoan = new Map<string, typeof txs>();
  for (const t of txs) {
    const list = byLoan.get(t.loan_id);
    if (list) list.push(t);
    else byLoan.set(t.loan_id, [t]);
  }
  const fresh = new Map<string, Partial<LoanSummary>>();
  for (const loan of loans) {
    if (!loan.disbursed_on) continue;
    const state = stateOf(loan, byLoan.get(loan.id) ?? [], today);
    fresh.set(loan.id, liveFigures(loan, state));
  }
  return rows.map((r) => ({ ...r, ...(fresh.get(r.id) ?? {}) }));
}

/** Loans whose account or application number starts with the text (B-tree range scans). */
function numberPrefix(text: string): [string, string] | null {
  const q = text.trim().toUpperCase();
  if (!/^[A-Z0-9-]{2,}$/.test(q) || !/\d|-/.test(q)) return null;
  return [q, `${q}\uffff`];
}

async function matchingCustomerIds(ctx: Ctx, query: string, limit: number): Promise<string[]> {
  const found = await searchCustomers(ctx, { query, limit, offset: 0 });
  return found.rows.map((r) => r.id);
}

export async function listLoans(
  ctx: Ctx,
  input: ParsedInputOf<'loans.list'>,
): Promise<OutputOf<'loans.list'>> {
  let query = summaryQuery(ctx.db);
  if (input.status === 'open_applications')
    query = query.where('loans.status', 'in', ['draft', 'submitted', 'returned', 'approved']);
  else if (input.status) query = query.where('loans.status', '=', input.status);
  if (input.arrearsStatus)
    query = query
      .where('loans.arrears_status', '=', input.arrearsStatus)
      .where('loans.status', '=', 'active');
  if (input.officerId) query = query.where('loans.officer_id', '=', input.officerId);
  if (input.productId) query = query.where('loans.product_id', '=', input.productId);
  if (input.customerId) query = query.where('loans.customer_id', '=', input.customerId);
  if (input.minDaysPastDue !== undefined)
    query = query.where('loans.days_past_due', '>=', input.minDaysPastDue);
  if (input.maxDaysPastDue !== undefined)
    query = query.where('loans.days_past_due', '<=', input.maxDaysPastDue);
  if (input.query.trim()) {
    const prefix = numberPrefix(input.query);
    const customers = await matchingCustomerIds(ctx, input.query, 200);
    query = query.where((eb) =>
      eb.or([
        ...(prefix
          ? [
              eb.and([eb('loans.account_no', '>=', prefix[0]), eb('loans.account_no', '<', prefix[1])]),
              eb.and([
                eb('loans.application_no', '>=', prefix[0]),
                eb('loans.application_no', '<', prefix[1]),
              ]),
            ]
          : []),
        eb('loans.customer_id', 'in', customers.length > 0 ? customers : ['']),
      ]),
    );
  }
  const rows = await query
    .select(summaryColumns)
    .orderBy('loans.updated_at', 'desc')
    .orderBy('loans.id')
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  const count = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return {
    rows: await asOfToday(
      ctx,
      rows.map((r) => toSummary(r)),
    ),
    total: Number(count.n),
  };
}

export async function findLoans(
  ctx: Ctx,
  input: ParsedInputOf<'loans.find'>,
): Promise<OutputOf<'loans.find'>> {
  const prefix = numberPrefix(input.query);
  const customers = await matchingCustomerIds(ctx, input.query, 50);
  const rows = await summaryQuery(ctx.db)
    .where((eb) =>
      eb.or([
        ...(prefix
          ? [
              eb.and([eb('loans.account_no', '>=', prefix[0]), eb('loans.account_no', '<', prefix[1])]),
              eb.and([
                eb('loans.application_no', '>=', prefix[0]),
                eb('loans.application_no', '<', prefix[1]),
              ]),
            ]
          : []),
        eb('loans.customer_id', 'in', customers.length > 0 ? customers : ['']),
      ]),
    )
    .where('loans.status', 'in', ['approved', 'active', 'written_off', 'closed'])
    // What a teller serves first: running loans, then approved ones waiting for their money.
    .orderBy(
      sql`CASE loans.status WHEN 'active' THEN 0 WHEN 'approved' THEN 1 WHEN 'written_off' THEN 2 ELSE 3 END`,
    )
    .orderBy('loans.account_no')
    .select(summaryColumns)
    .limit(input.limit)
    .execute();
  return asOfToday(
    ctx,
    rows.map((r) => toSummary(r)),
  );
}

function installmentState(i: InstallmentState, asOf: string): LoanView['schedule'][number]['state'] {
  if (i.isSettled) return 'paid';
  if (i.isOverdue) return 'overdue';
  if (i.dueDate <= asOf) return 'due';
  const paid = i.principal.paidMinor + i.interest.paidMinor + i.fees.paidMinor + i.penalties.paidMinor;
  return paid > 0 ? 'partly_paid' : 'upcoming';
}

const zeroTotals = { principalMinor: 0, interestMinor: 0, feesMinor: 0, penaltiesMinor: 0, totalMinor: 0 };
const zeroComponent = {
  dueMinor: 0,
  paidMinor: 0,
  waivedMinor: 0,
  writtenOffMinor: 0,
  outstandingMinor: 0,
  overdueMinor: 0,
};

function previewSchedule(loan: LoanRow): LoanView['schedule'] {
  const { terms } = parsedTermsOf(loan.terms);
  return buildSchedule(terms)
    .installments.filter((i) => i.n > 0)
    .map((i) => ({
      n: i.n,
      dueDate: i.dueDate,
      principal: { ...zeroComponent, dueMinor: i.principalMinor, outstandingMinor: i.principalMinor },
      interest: { ...zeroComponent, dueMinor: i.interestMinor, outstandingMinor: i.interestMinor },
      fees: { ...zeroComponent, dueMinor: i.feesMinor, outstandingMinor: i.feesMinor },
      penalties: zeroComponent,
      outstandingMinor: i.totalMinor,
      state: 'upcoming' as const,
    }));
}

type Action = LoanView['actions'][number];

function actionsFor(loan: LoanRow, permissions: ReadonlySet<Permission>, userId: string | null): Action[] {
  const can = (p: Permission) => permissions.has(p);
  const out: Action[] = [];
  switch (loan.status) {
    case 'draft':
    case 'returned':
      if (can('loans.apply')) out.push('edit', 'submit', 'withdraw');
      break;
    case 'submitted':
      if (can('loans.approve') && loan.created_by !== userId && loan.officer_id !== userId)
        out.push('decide');
      if (can('loans.apply')) out.push('withdraw');
      break;
    case 'approved':
      if (can('teller.post')) out.push('disburse');
      if (can('loans.apply')) out.push('withdraw');
      break;
    case 'active':
      if (can('teller.post')) out.push('repay');
      // A loan paid out in tranches has more to come.
      if (can('teller.post') && loan.disbursed_principal_minor < (loan.approved_principal_minor ?? 0))
        out.push('disburse');
      if (can('loans.manage')) out.push('waive', 'write_off', 'restructure', 'reverse');
      break;
    case 'written_off':
      if (can('teller.post')) out.push('recover');
      if (can('loans.manage')) out.push('reverse');
      break;
    case 'closed':
      if (can('loans.manage')) out.push('reverse');
      break;
  }
  return out;
}

/** The loan page, as of the branch's business date. */
export async function loanViewOf(ctx: Ctx | WriteCtx, loanId: string): Promise<LoanView> {
  const db = reader(ctx);
  const loan = await requireLoan(ctx, loanId);
  const summaryRow = await summaryQuery(db)
    .select(summaryColumns)
    .where('loans.id', '=', loanId)
    .executeTakeFirstOrThrow();
  const summary = toSummary(summaryRow);
  const rows = await transactionRowsOf(db, loanId);
  const today = await businessDate(ctx);
  let state: LoanState | null = null;
  if (loan.disbursed_on && ['active', 'closed', 'written_off'].includes(loan.status)) {
    state = stateOf(loan, rows, loan.status === 'active' ? today : (loan.as_of ?? today));
  }
  const allocations = new Map((state?.allocations ?? []).map((a) => [a.transactionId, a]));
  const details = await db
    .selectFrom('loan_transactions')
    .leftJoin('users', 'users.id', 'loan_transactions.posted_by')
    .select([
      'loan_transactions.id',
      'loan_transactions.type',
      'loan_transactions.amount_minor',
      'loan_transactions.value_date',
      'loan_transactions.channel',
      'loan_transactions.reference',
      'loan_transactions.receipt_no',
      'loan_transactions.component',
      'loan_transactions.reverses_id',
      'loan_transactions.note',
      'loan_transactions.posted_by',
      'loan_transactions.posted_at',
      'loan_transactions.hlc',
      'users.display_name',
    ])
    .where('loan_id', '=', loanId)
    .orderBy('loan_transactions.value_date')
    .orderBy('loan_transactions.hlc')
    .execute();
  const reversed = new Set(details.filter((d) => d.type === 'reversal').map((d) => d.reverses_id));
  const collateral = await db
    .selectFrom('loan_collateral')
    .selectAll()
    .where('loan_id', '=', loanId)
    .execute();
  const guarantors = await db
    .selectFrom('loan_guarantors')
    .innerJoin('customers', 'customers.id', 'loan_guarantors.customer_id')
    .select([
      'loan_guarantors.id',
      'loan_guarantors.customer_id',
      'loan_guarantors.guaranteed_minor',
      'customers.customer_no',
      'customers.display_name',
    ])
    .where('loan_guarantors.loan_id', '=', loanId)
    .execute();
  const exposure = async (customerId: string) => {
    const own = await db
      .selectFrom('loans')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('outstanding_principal_minor'), eb.val(0)).as('n'))
      .where('customer_id', '=', customerId)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    const guaranteed = await db
      .selectFrom('loan_guarantors')
      .innerJoin('loans', 'loans.id', 'loan_guarantors.loan_id')
      .select((eb) =>
        eb.fn.coalesce(eb.fn.sum<number>('loan_guarantors.guaranteed_minor'), eb.val(0)).as('n'),
      )
      .where('loan_guarantors.customer_id', '=', customerId)
      .where('loans.status', 'in', ['approved', 'active'])
      .where('loans.id', '!=', loanId)
      .executeTakeFirstOrThrow();
    return Number(own.n) + Number(guaranteed.n);
  };
  const decisions = await db
    .selectFrom('loan_decisions')
    .leftJoin('users', 'users.id', 'loan_decisions.decided_by')
    .select([
      'loan_decisions.id',
      'loan_decisions.decision',
      'loan_decisions.reason',
      'loan_decisions.principal_minor',
      'loan_decisions.repayments',
      'loan_decisions.annual_rate',
      'loan_decisions.decided_by',
      'loan_decisions.decided_at',
      'users.display_name',
    ])
    .where('loan_id', '=', loanId)
    .orderBy('decided_at')
    .execute();
  const history = await db
    .selectFrom('loan_terms_history')
    .selectAll()
    .where('loan_id', '=', loanId)
    .orderBy('created_at')
    .execute();
  const asOf = state?.asOf ?? today;
  const live = state && loan.status === 'active' ? liveFigures(loan, state) : {};
  return {
    ...summary,
    ...live,
    purpose: loan.purpose,
    requestedPrincipalMinor: loan.requested_principal_minor,
    approvedPrincipalMinor: loan.approved_principal_minor,
    disbursedPrincipalMinor: loan.disbursed_principal_minor,
    repayments: loan.repayments,
    annualRate: loan.annual_rate,
    terms: JSON.parse(loan.terms) as Record<string, unknown>,
    expectedDisbursementDate: loan.expected_disbursement_date,
    disbursedOn: loan.disbursed_on,
    maturityDate: loan.maturity_date ?? (state ? null : (previewSchedule(loan).at(-1)?.dueDate ?? null)),
    closedOn: loan.closed_on,
    writtenOffOn: loan.written_off_on,
    branchId: loan.branch_id,
    createdBy: loan.created_by,
    createdAt: loan.created_at,
    submittedAt: loan.submitted_at,
    outstanding: state?.outstanding ?? zeroTotals,
    overdue: state?.overdue ?? zeroTotals,
    paid: state?.paid ?? zeroTotals,
    schedule: state
      ? state.installments
          .filter((i) => i.n > 0)
          .map((i) => ({
            n: i.n,
            dueDate: i.dueDate,
            principal: i.principal,
            interest: i.interest,
            fees: i.fees,
            penalties: i.penalties,
            outstandingMinor: i.outstandingMinor,
            state: installmentState(i, asOf),
          }))
      : previewSchedule(loan),
    transactions: details.map((d) => {
      const a = allocations.get(d.id);
      return {
        id: d.id,
        type: d.type,
        amountMinor: d.amount_minor,
        valueDate: d.value_date,
        channel: d.channel,
        reference: d.reference,
        receiptNo: d.receipt_no,
        component: d.component,
        reversesId: d.reverses_id,
        isReversed: reversed.has(d.id) || Boolean(a?.isReversed && d.type !== 'reversal'),
        note: d.note,
        postedBy: d.posted_by,
        postedByName: d.display_name,
        postedAt: d.posted_at,
        allocation: a
          ? {
              principalMinor: a.principalMinor,
              interestMinor: a.interestMinor,
              feesMinor: a.feesMinor,
              penaltiesMinor: a.penaltiesMinor,
              creditMinor: a.creditMinor,
            }
          : null,
      };
    }),
    collateral: collateral.map((c) => ({
      id: c.id,
      type: c.type as LoanView['collateral'][number]['type'],
      description: c.description,
      valueMinor: c.value_minor,
      valuationDate: c.valuation_date,
      lienStatus: c.lien_status as LoanView['collateral'][number]['lienStatus'],
      ...(c.document_id ? { documentId: c.document_id } : {}),
      createdAt: c.created_at,
    })),
    guarantors: await Promise.all(
      guarantors.map(async (g) => ({
        id: g.id,
        customerId: g.customer_id,
        customerNumber: g.customer_no,
        name: g.display_name,
        guaranteedMinor: g.guaranteed_minor,
        exposureMinor: await exposure(g.customer_id),
      })),
    ),
    decisions: decisions.map((d) => ({
      id: d.id,
      decision: d.decision,
      reason: d.reason,
      principalMinor: d.principal_minor,
      repayments: d.repayments,
      annualRate: d.annual_rate,
      decidedBy: d.decided_by,
      decidedByName: d.display_name,
      decidedAt: d.decided_at,
    })),
    termsHistory: history.map((h) => ({
      kind: h.kind,
      effectiveFrom: h.effective_from,
      reason: h.reason,
      createdAt: h.created_at,
    })),
    actions: actionsFor(loan, ctx.actor?.permissions ?? new Set(), ctx.actor?.userId ?? null),
  };
}

export async function getLoan(ctx: Ctx, input: ParsedInputOf<'loans.get'>): Promise<OutputOf<'loans.get'>> {
  return loanViewOf(ctx, input.loanId);
}

/** A repayment's effect before it is posted: the same replay with the repayment added. */
export async function quoteRepayment(
  ctx: Ctx,
  input: ParsedInputOf<'loans.quote'>,
): Promise<OutputOf<'loans.quote'>> {
  const loan = await requireLoan(ctx, input.loanId);
  const valueDate = input.valueDate ?? (await businessDate(ctx));
  const rows = await transactionRowsOf(ctx.db, loan.id);
  const { terms, schedule } = parsedTermsOf(loan.terms);
  const date = valueDate < terms.disbursementDate ? terms.disbursementDate : valueDate;
  const txs = engineTransactions(rows, loan.terms_from);
  const before = loan.disbursed_on ? replay(terms, txs, date, schedule) : null;
  const dueToday = before
    ? before.installments
        .filter((i) => i.n > 0 && i.dueDate <= date && !i.isSettled)
        .reduce((s, i) => s + i.outstandingMinor, 0)
    : 0;
  let allocation = { principalMinor: 0, interestMinor: 0, feesMinor: 0, penaltiesMinor: 0, creditMinor: 0 };
  let after = before;
  if (before && input.amountMinor > 0) {
    const probe = {
      id: '\uffff-quote',
      hlc: '\uffff',
      valueDate: date,
      type: 'repayment' as const,
      amountMinor: input.amountMinor,
    };
    after = replay(terms, [...txs, probe], date, schedule);
    const a = after.allocations.find((x) => x.transactionId === probe.id)!;
    allocation = {
      principalMinor: a.principalMinor,
      interestMinor: a.interestMinor,
      feesMinor: a.feesMinor,
      penaltiesMinor: a.penaltiesMinor,
      creditMinor: a.creditMinor,
    };
  }
  return {
    valueDate: date,
    dueTodayMinor: dueToday,
    overdueMinor: before?.overdue.totalMinor ?? 0,
    penaltiesMinor: before?.outstanding.penaltiesMinor ?? 0,
    payoffMinor: before?.payoffMinor ?? 0,
    allocation,
    balanceAfter: {
      principalMinor: after?.outstanding.principalMinor ?? 0,
      totalOutstandingMinor: after?.outstanding.totalMinor ?? 0,
    },
  };
}
