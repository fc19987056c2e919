// Loan applications, from the officer's first figures to the manager's decision: the eligibility check and the
// schedule preview, the application with its collateral and guarantors (draft or submitted), edits while it
// is a draft or returned, withdrawal, and the four-eyes decision within the approver's limit.
//
// Each write is one event carrying the resulting columns (`loan.applied`, `loan.updated`, `loan.submitted`,
// `loan.decided`, `loan.withdrawn`, `loan.collateralAdded`, `loan.guarantorAdded`), so a replica applies the
// same rows (electron/sync/loanAppliers.ts). Lifecycle commands belong to the loan's branch.
import { Dec } from '../../../shared/money';
import {
  assessEligibility,
  buildSchedule,
  defaultPolicy,
  parseTerms,
  type CustomerSummary,
  type EligibilityPolicy,
} from '../../../shared/loan';
import { fieldError, LmsError, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import type { LoanCollateralTable, LoanGuarantorsTable, LoanProductsTable } from '../../../db/schema';
import { requireActor, requireDevice, type Ctx, type WriteCtx } from '../context';
import { nextNumber } from '../customers/rules';
import { nextHlc } from '../events/log';
import { businessDate, reader, requireLoan, requireProduct, wrongState, type LoanRow } from './common';
import { termsFor } from './products';
import { loanViewOf } from './views';

interface ApplicationTerms {
  principalMinor: number;
  repayments: number;
  annualRate?: string | undefined;
  expectedDisbursementDate: string;
  firstRepaymentDate?: string | undefined;
}

/** Product limits first (with the field to fix), then the engine's own checks of the resulting terms. */
function termsOrThrow(product: LoanProductsTable, a: ApplicationTerms) {
  if (product.is_active !== 1) throw fieldError('productId', 'is no longer offered', 'product_inactive');
  const rate = a.annualRate ?? product.default_rate;
  if (a.principalMinor < product.min_principal_minor || a.principalMinor > product.max_principal_minor)
    throw fieldError('principalMinor', 'is outside the product’s amount limits', 'outside_product_limits');
  if (a.repayments < product.min_repayments || a.repayments > product.max_repayments)
    throw fieldError(
      'repayments',
      `must be between ${product.min_repayments} and ${product.max_repayments} for this product`,
      'outside_product_limits',
    );
  if (new Dec(rate).lt(product.min_rate) || new Dec(rate).gt(product.max_rate))
    throw fieldError(
      'annualRate',
      `must be between ${product.min_rate} % and ${product.max_rate} % for this product`,
      'outside_product_limits',
    );
  const input = termsFor(product, {
    principalMinor: a.principalMinor,
    repayments: a.repayments,
    annualRate: rate,
    disbursementDate: a.expectedDisbursementDate,
    firstRepaymentDate: a.firstRepaymentDate,
  });
  const parsed = parseTerms(input);
  if (!parsed.ok) {
    throw new LmsError(
      'VALIDATION',
      'These terms are not ones the loan engine accepts.',
      'invalid_terms',
      parsed.issues.map((i) => ({ path: i.path.replace(/^terms\./, ''), message: i.message })),
    );
  }
  return { input, terms: parsed.value, rate };
}

/** What the rules need to know about the customer, from their profile and their other loans. */
async function customerSummaryOf(ctx: Ctx | WriteCtx, customerId: string, exceptLoanId: string | null) {
  const db = reader(ctx);
  const customer = await db
    .selectFrom('customers')
    .selectAll()
    .where('id', '=', customerId)
    .executeTakeFirst();
  if (!customer) throw fieldError('customerId', 'is not a customer of this ledger', 'customer_not_found');
  const others = await db
    .selectFrom('loans')
    .select([
      'status',
      'outstanding_principal_minor',
      'approved_principal_minor',
      'next_due_minor',
      'days_past_due',
    ])
    .where('customer_id', '=', customerId)
    .where('status', 'in', ['active', 'approved'])
    .where('id', '!=', exceptLoanId ?? '')
    .execute();
  const summary: Omit<
    CustomerSummary,
    'monthlyIncomeMinor' | 'existingMonthlyInstallmentsMinor' | 'existingExposureMinor'
  > &
    Record<string, unknown> = {
    birthDate: customer.date_of_birth ?? customer.date_established ?? '1970-01-01',
    kycStatus:
      customer.kyc_status === 'verified' ||
      customer.kyc_status === 'pending' ||
      customer.kyc_status === 'rejected'
        ? customer.kyc_status
        : 'none',
    // A business's income is its turnover per month (documented in the README's loan section).
    monthlyIncomeMinor:
      customer.kind === 'business'
        ? Math.floor((customer.annual_turnover_minor ?? 0) / 12)
        : (customer.monthly_income_minor ?? 0),
    // Each active loan's next installment stands for its monthly burden.
    existingMonthlyInstallmentsMinor: others.reduce(
      (s, l) => s + (l.status === 'active' ? l.next_due_minor : 0),
      0,
    ),
    existingExposureMinor: others.reduce(
      (s, l) =>
        s + (l.status === 'active' ? l.outstanding_principal_minor : (l.approved_principal_minor ?? 0)),
      0,
    ),
    maxDaysPastDueOnOtherLoans: others.reduce((m, l) => Math.max(m, l.days_past_due), 0),
  };
  return { customer, summary: summary as unknown as CustomerSummary };
}

function policyOf(product: LoanProductsTable): EligibilityPolicy {
  const overrides = JSON.parse(product.eligibility) as Partial<EligibilityPolicy>;
  return {
    ...defaultPolicy,
    ...overrides,
    minPrincipalMinor: product.min_principal_minor as EligibilityPolicy['minPrincipalMinor'],
    maxPrincipalMinor: product.max_principal_minor as EligibilityPolicy['maxPrincipalMinor'],
    maxRepayments: product.max_repayments,
  } as EligibilityPolicy;
}

async function eligibilityFor(
  ctx: Ctx | WriteCtx,
  product: LoanProductsTable,
  customerId: string,
  exceptLoanId: string | null,
  terms: Record<string, unknown>,
) {
  const { customer, summary } = await customerSummaryOf(ctx, customerId, exceptLoanId);
  const result = assessEligibility(summary, terms, policyOf(product), await businessDate(ctx));
  if (!result.ok) throw new Error('terms were checked before eligibility');
  if (customer.kind === 'business') {
    // A business has no age; the rule is not applied to it.
    const results = result.value.results.map((r) =>
      r.rule === 'age' ? { ...r, isPassed: true, reason: 'a business: no age rule applies' } : r,
    );
    return { ...result.value, results, isEligible: results.every((r) => r.isPassed) };
  }
  return result.value;
}

export async function checkEligibility(
  ctx: Ctx,
  input: ParsedInputOf<'loans.checkEligibility'>,
): Promise<OutputOf<'loans.checkEligibility'>> {
  const product = await requireProduct(ctx, input.productId);
  let checked;
  try {
    checked = termsOrThrow(product, input);
  } catch (error) {
    if (!(error instanceof LmsError) || error.code !== 'VALIDATION') throw error;
    return {
      eligibility: { isEligible: false, results: [], monthlyInstallmentMinor: 0 },
      schedule: [],
      totals: { principalMinor: 0, interestMinor: 0, feesMinor: 0, penaltiesMinor: 0, totalMinor: 0 },
      issues: error.issues ?? [{ path: '', message: error.message }],
    };
  }
  const eligibility = await eligibilityFor(ctx, product, input.customerId, null, checked.input);
  const schedule = buildSchedule(checked.terms);
  return {
    eligibility,
    schedule: schedule.installments
      .filter((i) => i.n > 0)
      .map((i) => ({
        n: i.n,
        dueDate: i.dueDate,
        principalMinor: i.principalMinor,
        interestMinor: i.interestMinor,
        feesMinor: i.feesMinor,
        totalMinor: i.totalMinor,
        balanceMinor: i.balanceAfterMinor,
      })),
    totals: {
      principalMinor: schedule.totals.principalMinor,
      interestMinor: schedule.totals.interestMinor,
      feesMinor: schedule.totals.feesMinor,
      penaltiesMinor: 0,
      totalMinor: schedule.totals.totalMinor,
    },
    issues: [],
  };
}

/** Writes columns to a loan row: the one place local use cases and received events change a loan. */
export async function applyLoanColumns(tx: WriteCtx['tx'], loanId: string, columns: Record<string, unknown>) {
  await tx
    .updateTable('loans')
    .set(columns as never)
    .where('id', '=', loanId)
    .execute();
}

async function assertGuarantors(ctx: WriteCtx, customerId: string, guarantors: { customerId: string }[]) {
  for (const [i, g] of guarantors.entries()) {
    if (g.customerId === customerId)
      throw fieldError(`guarantors.${i}.customerId`, 'is the borrower', 'guarantor_is_borrower');
    const exists = await ctx.tx
      .selectFrom('customers')
      .select('id')
      .where('id', '=', g.customerId)
      .executeTakeFirst();
    if (!exists)
      throw fieldError(
        `guarantors.${i}.customerId`,
        'is not a customer of this ledger',
        'customer_not_found',
      );
  }
}

export async function applyForLoan(
  ctx: WriteCtx,
  input: ParsedInputOf<'loans.apply'>,
): Promise<OutputOf<'loans.apply'>> {
  const actor = requireActor(ctx);
  const device = requireDevice(ctx);
  const repeated = await ctx.tx
    .selectFrom('loans')
    .select('id')
    .where('idempotency_key', '=', input.idempotencyKey)
    .executeTakeFirst();
  if (repeated) return loanViewOf(ctx, repeated.id);
  const product = await requireProduct(ctx, input.productId);
  const today = await businessDate(ctx);
  if (input.expectedDisbursementDate < today)
    throw fieldError('expectedDisbursementDate', 'must not be in the past', 'invalid_terms');
  const checked = termsOrThrow(product, input);
  await assertGuarantors(ctx, input.customerId, input.guarantors);
  const eligibility = await eligibilityFor(ctx, product, input.customerId, null, checked.input);
  if (input.submit && !eligibility.isEligible && !input.overrideReason) {
    throw new LmsError(
      'VALIDATION',
      'The customer does not meet every eligibility rule; give a reason to submit anyway.',
      'not_eligible',
      eligibility.results
        .filter((r) => !r.isPassed)
        .map((r) => ({ path: `eligibility.${r.rule}`, message: r.reason })),
    );
  }
  const now = ctx.clock.now().toISOString();
  const id = ctx.ids.uuid();
  const loan = {
    id,
    branch_id: device.branchId,
    customer_id: input.customerId,
    product_id: product.id,
    officer_id: actor.userId,
    created_by: actor.userId,
    application_no: await nextNumber(ctx, 'loan_application'),
    idempotency_key: input.idempotencyKey,
    account_no: null,
    status: input.submit ? ('submitted' as const) : ('draft' as const),
    purpose: input.purpose,
    currency: product.currency,
    digits: product.digits,
    requested_principal_minor: input.principalMinor,
    approved_principal_minor: null,
    repayments: input.repayments,
    annual_rate: checked.rate,
    terms: JSON.stringify(checked.input),
    terms_from: null,
    expected_disbursement_date: input.expectedDisbursementDate,
    submitted_at: input.submit ? now : null,
    decided_by: null,
    decided_at: null,
    decision_reason: null,
    disbursed_on: null,
    closed_on: null,
    written_off_on: null,
    as_of: null,
    next_due_date: null,
    maturity_date: null,
    created_at: now,
    updated_at: now,
  };
  const collateral: LoanCollateralTable[] = input.collateral.map((c) => ({
    id: ctx.ids.uuid(),
    loan_id: id,
    type: c.type,
    description: c.description,
    value_minor: c.valueMinor,
    valuation_date: c.valuationDate,
    lien_status: c.lienStatus,
    document_id: c.documentId ?? null,
    created_by: actor.userId,
    created_at: now,
  }));
  const guarantors: LoanGuarantorsTable[] = input.guarantors.map((g) => ({
    id: ctx.ids.uuid(),
    loan_id: id,
    customer_id: g.customerId,
    guaranteed_minor: g.guaranteedMinor,
    created_by: actor.userId,
    created_at: now,
  }));
  await insertApplication(ctx.tx, { loan, collateral, guarantors });
  await ctx.emit({
    type: 'loan.applied',
    entityType: 'loan',
    entityId: id,
    payload: { loan, collateral, guarantors },
  });
  await ctx.audit({
    action: input.submit ? 'loan.submitted' : 'loan.drafted',
    entityType: 'loan',
    entityId: id,
    details: {
      applicationNo: loan.application_no,
      customerId: input.customerId,
      productCode: product.code,
      principalMinor: input.principalMinor,
      repayments: input.repayments,
      annualRate: checked.rate,
      eligibility: eligibility.results,
      ...(input.overrideReason ? { overrideReason: input.overrideReason } : {}),
    },
  });
  return loanViewOf(ctx, id);
}

export interface ApplicationRows {
  loan: Omit<
    LoanRow,
    | 'disbursed_principal_minor'
    | `outstanding_${string}`
    | 'overdue_total_minor'
    | 'paid_total_minor'
    | 'payoff_minor'
    | 'credit_minor'
    | 'days_past_due'
    | 'arrears_bucket'
    | 'arrears_status'
    | 'next_due_minor'
    | 'gl_positions'
  >;
  collateral: LoanCollateralTable[];
  guarantors: LoanGuarantorsTable[];
}

/** Inserts an application and its collateral and guarantors once (a replayed event changes nothing). */
export async function insertApplication(tx: WriteCtx['tx'], rows: ApplicationRows) {
  await tx
    .insertInto('loans')
    .values(rows.loan)
    .onConflict((oc) => oc.doNothing())
    .execute();
  for (const c of rows.collateral)
    await tx
      .insertInto('loan_collateral')
      .values(c)
      .onConflict((oc) => oc.doNothing())
      .execute();
  for (const g of rows.guarantors)
    await tx
      .insertInto('loan_guarantors')
      .values(g)
      .onConflict((oc) => oc.doNothing())
      .execute();
}

async function changeLoan(
  ctx: WriteCtx,
  loan: LoanRow,
  type: string,
  columns: Record<string, unknown>,
  audit: Record<string, unknown>,
  extra: Record<string, unknown> = {},
  hlc?: string,
) {
  const now = ctx.clock.now().toISOString();
  const set = { ...columns, updated_at: now };
  await applyLoanColumns(ctx.tx, loan.id, set);
  await ctx.emit({
    type,
    entityType: 'loan',
    entityId: loan.id,
    payload: { columns: set, fromStatus: loan.status, ...extra },
    ...(hlc ? { hlc } : {}),
  });
  await ctx.audit({
    action: type,
    entityType: 'loan',
    entityId: loan.id,
    details: { from: loan.status, ...audit },
  });
  return loanViewOf(ctx, loan.id);
}

export async function updateApplication(
  ctx: WriteCtx,
  input: ParsedInputOf<'loans.update'>,
): Promise<OutputOf<'loans.update'>> {
  const loan = await requireLoan(ctx, input.loanId);
  if (loan.status !== 'draft' && loan.status !== 'returned')
    throw wrongState('Only a draft or returned application can be changed.');
  const product = await requireProduct(ctx, loan.product_id);
  const checked = termsOrThrow(product, input);
  return changeLoan(
    ctx,
    loan,
    'loan.updated',
    {
      purpose: input.purpose,
      requested_principal_minor: input.principalMinor,
      repayments: input.repayments,
      annual_rate: checked.rate,
      terms: JSON.stringify(checked.input),
      expected_disbursement_date: input.expectedDisbursementDate,
    },
    { principalMinor: input.principalMinor, repayments: input.repayments, annualRate: checked.rate },
  );
}

export async function submitApplication(
  ctx: WriteCtx,
  input: ParsedInputOf<'loans.submit'>,
): Promise<OutputOf<'loans.submit'>> {
  const loan = await requireLoan(ctx, input.loanId);
  if (loan.status !== 'draft' && loan.status !== 'returned')
    throw wrongState('Only a draft or returned application can be submitted.');
  return changeLoan(
    ctx,
    loan,
    'loan.submitted',
    { status: 'submitted', submitted_at: ctx.clock.now().toISOString() },
    {},
  );
}

export async function withdrawApplication(
  ctx: WriteCtx,
  input: ParsedInputOf<'loans.withdraw'>,
): Promise<OutputOf<'loans.withdraw'>> {
  const loan = await requireLoan(ctx, input.loanId);
  if (!['draft', 'submitted', 'returned', 'approved'].includes(loan.status))
    throw wrongState('Only an application that is not yet disbursed can be withdrawn.');
  const actor = requireActor(ctx);
  const now = ctx.clock.now().toISOString();
  const decision = {
    id: ctx.ids.uuid(),
    loan_id: loan.id,
    decision: 'withdraw' as const,
    reason: input.reason,
    principal_minor: null,
    repayments: null,
    annual_rate: null,
    decided_by: actor.userId,
    decided_at: now,
    hlc: await nextHlc(ctx.tx, ctx, requireDevice(ctx).id),
  };
  await ctx.tx.insertInto('loan_decisions').values(decision).execute();
  return changeLoan(
    ctx,
    loan,
    'loan.withdrawn',
    { status: 'withdrawn' },
    { reason: input.reason },
    { decision },
    decision.hlc,
  );
}

export async function addCollateral(
  ctx: WriteCtx,
  input: ParsedInputOf<'loans.addCollateral'>,
): Promise<OutputOf<'loans.addCollateral'>> {
  const loan = await requireLoan(ctx, input.loanId);
  if (['rejected', 'withdrawn', 'closed', 'written_off'].includes(loan.status))
    throw wrongState(`Collateral cannot be added to a ${loan.status.replace('_', ' ')} loan.`);
  const row: LoanCollateralTable = {
    id: ctx.ids.uuid(),
    loan_id: loan.id,
    type: input.type,
    description: input.description,
    value_minor: input.valueMinor,
    valuation_date: input.valuationDate,
    lien_status: input.lienStatus,
    document_id: input.documentId ?? null,
    created_by: requireActor(ctx).userId,
    created_at: ctx.clock.now().toISOString(),
  };
  await ctx.tx.insertInto('loan_collateral').values(row).execute();
  await ctx.emit({
    type: 'loan.collateralAdded',
    entityType: 'loan',
    entityId: loan.id,
    payload: { ...row },
  });
  await ctx.audit({
    action: 'loan.collateralAdded',
    entityType: 'loan',
    entityId: loan.id,
    details: { ...row },
  });
  return loanViewOf(ctx, loan.id);
}

export async function addGuarantor(
  ctx: WriteCtx,
  input: ParsedInputOf<'loans.addGuarantor'>,
): Promise<OutputOf<'loans.addGuarantor'>> {
  const loan = await requireLoan(ctx, input.loanId);
  if (['rejected', 'withdrawn', 'closed', 'written_off'].includes(loan.status))
    throw wrongState(`A guarantor cannot be added to a ${loan.status.replace('_', ' ')} loan.`);
  await assertGuarantors(ctx, loan.customer_id, [input]);
  const taken = await ctx.tx
    .selectFrom('loan_guarantors')
    .select('id')
    .where('loan_id', '=', loan.id)
    .where('customer_id', '=', input.customerId)
    .executeTakeFirst();
  if (taken) throw fieldError('customerId', 'already guarantees this loan', 'relationship_exists');
  const row: LoanGuarantorsTable = {
    id: ctx.ids.uuid(),
    loan_id: loan.id,
    customer_id: input.customerId,
    guaranteed_minor: input.guaranteedMinor,
    created_by: requireActor(ctx).userId,
    created_at: ctx.clock.now().toISOString(),
  };
  await ctx.tx.insertInto('loan_guarantors').values(row).execute();
  await ctx.emit({ type: 'loan.guarantorAdded', entityType: 'loan', entityId: loan.id, payload: { ...row } });
  await ctx.audit({
    action: 'loan.guarantorAdded',
    entityType: 'loan',
    entityId: loan.id,
    details: { ...row },
  });
  return loanViewOf(ctx, loan.id);
}

export async function decideApplication(
  ctx: WriteCtx,
  input: ParsedInputOf<'loans.decide'>,
): Promise<OutputOf<'loans.decide'>> {
  const actor = requireActor(ctx);
  const loan = await requireLoan(ctx, input.loanId);
  if (loan.status !== 'submitted') throw wrongState('Only a submitted application can be decided.');
  if (loan.created_by === actor.userId || loan.officer_id === actor.userId)
    throw new LmsError(
      'FORBIDDEN',
      'Four eyes: the officer who took this application cannot decide it.',
      'four_eyes',
    );
  const product = await requireProduct(ctx, loan.product_id);
  let columns: Record<string, unknown>;
  let principal = loan.requested_principal_minor;
  if (input.decision === 'approve' || input.decision === 'approve_changed') {
    let repayments = loan.repayments;
    let rate = loan.annual_rate;
    if (input.decision === 'approve_changed') {
      if (
        input.principalMinor === undefined &&
        input.repayments === undefined &&
        input.annualRate === undefined
      )
        throw fieldError('principalMinor', 'give the changed amount, term or rate', 'invalid_terms');
      principal = input.principalMinor ?? principal;
      repayments = input.repayments ?? repayments;
      rate = input.annualRate ?? rate;
    }
    const limits = JSON.parse(product.approval_limits) as Record<string, number>;
    const limit = limits[actor.role];
    if (limit === undefined || principal > limit)
      throw new LmsError(
        'FORBIDDEN',
        limit === undefined
          ? 'Your role may not approve loans of this product.'
          : 'This amount is above your approval limit; a manager with a higher limit must decide it.',
        'approval_limit',
      );
    const terms = JSON.parse(loan.terms) as { firstRepaymentDate?: string };
    const checked = termsOrThrow(product, {
      principalMinor: principal,
      repayments,
      annualRate: rate,
      expectedDisbursementDate: loan.expected_disbursement_date,
      firstRepaymentDate: terms.firstRepaymentDate,
    });
    columns = {
      status: 'approved',
      approved_principal_minor: principal,
      repayments,
      annual_rate: checked.rate,
      terms: JSON.stringify(checked.input),
    };
  } else {
    columns = { status: input.decision === 'return' ? 'returned' : 'rejected' };
  }
  const now = ctx.clock.now().toISOString();
  columns = { ...columns, decided_by: actor.userId, decided_at: now, decision_reason: input.reason };
  const decision = {
    id: ctx.ids.uuid(),
    loan_id: loan.id,
    decision: input.decision,
    reason: input.reason,
    principal_minor: input.decision.startsWith('approve') ? principal : null,
    repayments: input.decision.startsWith('approve') ? (columns.repayments as number) : null,
    annual_rate: input.decision.startsWith('approve') ? (columns.annual_rate as string) : null,
    decided_by: actor.userId,
    decided_at: now,
    hlc: '',
  };
  const set = { ...columns, updated_at: now };
  const hlc = await ctx.emit({
    type: 'loan.decided',
    entityType: 'loan',
    entityId: loan.id,
    payload: { decision, columns: set, fromStatus: loan.status },
  });
  await ctx.tx
    .insertInto('loan_decisions')
    .values({ ...decision, hlc })
    .execute();
  await applyLoanColumns(ctx.tx, loan.id, set);
  await ctx.audit({
    action: `loan.${input.decision === 'approve_changed' ? 'approvedWithChanges' : input.decision === 'approve' ? 'approved' : input.decision === 'return' ? 'returned' : 'rejected'}`,
    entityType: 'loan',
    entityId: loan.id,
    details: {
      reason: input.reason,
      requestedPrincipalMinor: loan.requested_principal_minor,
      ...(decision.principal_minor !== null ? { approvedPrincipalMinor: decision.principal_minor } : {}),
      ...(decision.repayments !== null
        ? { repayments: decision.repayments, annualRate: decision.annual_rate }
        : {}),
    },
  });
  return loanViewOf(ctx, loan.id);
}
