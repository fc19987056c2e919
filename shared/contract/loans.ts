// The loans part of the contract: products, applications (eligibility, schedule preview, collateral,
// guarantors), four-eyes decisions, disbursement, the counter (find, quote, repay, receipts), reversals,
// waivers, write-off and recovery, restructuring, the teller's till and the vault, end-of-day and reminders.
// Money is integer minor units everywhere; rates are decimal strings (percent per year).
import { z } from 'zod';
import { method } from './method';
import { businessDate, instant, minor, optionalText, text, uuid } from './schemas';

const positiveMinor = minor.refine((v) => v > 0, 'must be greater than 0');
const rate = z
  .string()
  .trim()
  .regex(/^\d{1,4}(\.\d{1,6})?$/, 'must be a percentage per year, e.g. "18" or "18.5"');
/** A key the renderer makes once per action (per form opening), so a double-click posts once. */
const idempotencyKey = z.string().uuid('must be a UUID made once per action');
const reason = text(500);

export const loanStatuses = [
  'draft',
  'submitted',
  'returned',
  'approved',
  'rejected',
  'withdrawn',
  'active',
  'closed',
  'written_off',
] as const;
export const arrearsStatuses = ['performing', 'in_arrears', 'overdue'] as const;
export const arrearsBuckets = ['current', '1-30', '31-60', '61-90', '91-180', '180+'] as const;
export const decisions = ['approve', 'approve_changed', 'return', 'reject'] as const;
export const channels = ['cash', 'transfer'] as const;
export const collateralTypes = [
  'land',
  'building',
  'vehicle',
  'equipment',
  'inventory',
  'livestock',
  'savings',
  'household',
  'other',
] as const;
export const lienStatuses = ['none', 'pending', 'registered', 'released'] as const;
export const transactionTypes = [
  'disbursement',
  'repayment',
  'fee',
  'waiver',
  'reversal',
  'writeoff',
  'recovery',
] as const;

const charge = z.union([
  z.object({ amount: z.string() }).strict(),
  z.object({ percent: z.string() }).strict(),
]);

/** The engine's terms a product fixes (shared/loan termsSchema without principal, repayments, rate and dates). */
export const termsTemplate = z
  .object({
    digits: z.number().int().min(0).max(4).optional(),
    rounding: z.enum(['half_even', 'half_up', 'down', 'up']).optional(),
    inMultiplesOf: z.string().optional(),
    interestMethod: z.enum(['declining_balance', 'flat']),
    amortization: z.enum(['equal_installments', 'equal_principal']).optional(),
    every: z.number().int().min(1).max(120).optional(),
    frequency: z.enum(['days', 'weeks', 'months']),
    dayCount: z.enum(['actual_actual', 'actual_365', 'actual_360', '30_360']).optional(),
    interestPeriod: z.enum(['same_as_repayment', 'daily']).optional(),
    brokenPeriodInterest: z.enum(['same_as_regular', 'pro_rata']).optional(),
    graceOnPrincipal: z.number().int().min(0).optional(),
    graceOnInterest: z.number().int().min(0).optional(),
    interestFreePeriods: z.number().int().min(0).optional(),
    fees: z
      .object({
        disbursement: z
          .intersection(charge, z.object({ mode: z.enum(['collected', 'deducted']).optional() }))
          .optional(),
        perInstallment: z.object({ amount: z.string() }).optional(),
      })
      .optional(),
    penalties: z
      .object({
        lateFee: z
          .intersection(charge, z.object({ graceDays: z.number().int().min(0).optional() }))
          .optional(),
        annualRate: z.string().optional(),
        arrearsTolerance: z.string().optional(),
      })
      .optional(),
    allocation: z
      .enum([
        'penalties_fees_interest_principal',
        'interest_principal_penalties_fees',
        'due_then_future_principal',
      ])
      .optional(),
    prepayment: z.enum(['reduce_term', 'reduce_installment']).optional(),
  })
  .strict();
export type TermsTemplate = z.infer<typeof termsTemplate>;

export const eligibilityOverrides = z
  .object({
    minAge: z.number().int().min(0).max(120).optional(),
    maxAgeAtMaturity: z.number().int().min(0).max(150).optional(),
    maxInstallmentToIncomePercent: rate.optional(),
    maxTotalExposureMinor: minor.optional(),
    maxDaysPastDueOnOtherLoans: z.number().int().min(0).optional(),
  })
  .strict();

const productFields = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{2,16}$/, 'must be 2–16 letters, digits or dashes'),
  name: text(80),
  kind: z.enum(['personal', 'business']),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Z]{3}$/, 'must be a three-letter currency code'),
  digits: z.number().int().min(0).max(4),
  minPrincipalMinor: positiveMinor,
  maxPrincipalMinor: positiveMinor,
  minRepayments: z.number().int().min(1).max(1200),
  maxRepayments: z.number().int().min(1).max(1200),
  minRate: rate,
  maxRate: rate,
  defaultRate: rate,
  termsTemplate,
  eligibility: eligibilityOverrides.default({}),
  /** The largest principal each role may approve; a role absent here may not approve this product. */
  approvalLimits: z.record(z.string(), minor).default({}),
  allowsTranches: z.boolean().default(false),
  isActive: z.boolean().default(true),
});

export const loanProductView = productFields.extend({
  id: uuid,
  code: z.string(),
  updatedAt: instant,
});
export type LoanProductView = z.infer<typeof loanProductView>;

const scheduleLine = z.object({
  n: z.number().int(),
  dueDate: businessDate,
  principalMinor: z.number().int(),
  interestMinor: z.number().int(),
  feesMinor: z.number().int(),
  totalMinor: z.number().int(),
  balanceMinor: z.number().int(),
});

const totals = z.object({
  principalMinor: z.number().int(),
  interestMinor: z.number().int(),
  feesMinor: z.number().int(),
  penaltiesMinor: z.number().int(),
  totalMinor: z.number().int(),
});

export const eligibilityView = z.object({
  isEligible: z.boolean(),
  results: z.array(z.object({ rule: z.string(), isPassed: z.boolean(), reason: z.string() })),
  monthlyInstallmentMinor: z.number().int(),
});

const applicationTerms = z.object({
  customerId: uuid,
  productId: uuid,
  principalMinor: positiveMinor,
  repayments: z.number().int().min(1, 'must be at least 1').max(1200),
  annualRate: rate.optional(),
  expectedDisbursementDate: businessDate,
  firstRepaymentDate: businessDate.optional(),
});

const collateralInput = z.object({
  type: z.enum(collateralTypes),
  description: text(300),
  valueMinor: positiveMinor,
  valuationDate: businessDate,
  lienStatus: z.enum(lienStatuses).default('none'),
  documentId: uuid.optional(),
});

const guarantorInput = z.object({ customerId: uuid, guaranteedMinor: positiveMinor });

export const collateralView = collateralInput.extend({ id: uuid, createdAt: instant });
export const guarantorView = z.object({
  id: uuid,
  customerId: uuid,
  customerNumber: z.string(),
  name: z.string(),
  guaranteedMinor: z.number().int(),
  /** What this customer already owes or guarantees on other active loans. */
  exposureMinor: z.number().int(),
});

export const loanSummary = z.object({
  id: uuid,
  applicationNo: z.string(),
  accountNo: z.string().nullable(),
  status: z.enum(loanStatuses),
  customerId: uuid,
  customerNumber: z.string(),
  customerName: z.string(),
  phone: z.string().nullable(),
  productId: uuid,
  productName: z.string(),
  officerId: z.string(),
  officerName: z.string().nullable(),
  currency: z.string(),
  digits: z.number().int(),
  principalMinor: z.number().int(),
  outstandingTotalMinor: z.number().int(),
  overdueTotalMinor: z.number().int(),
  payoffMinor: z.number().int(),
  creditMinor: z.number().int(),
  daysPastDue: z.number().int(),
  arrearsBucket: z.enum(arrearsBuckets),
  arrearsStatus: z.enum(arrearsStatuses),
  nextDueDate: businessDate.nullable(),
  nextDueMinor: z.number().int(),
  asOf: businessDate.nullable(),
  updatedAt: instant,
});
export type LoanSummary = z.infer<typeof loanSummary>;

const componentState = z.object({
  dueMinor: z.number().int(),
  paidMinor: z.number().int(),
  waivedMinor: z.number().int(),
  writtenOffMinor: z.number().int(),
  outstandingMinor: z.number().int(),
  overdueMinor: z.number().int(),
});

export const installmentView = z.object({
  n: z.number().int(),
  dueDate: businessDate,
  principal: componentState,
  interest: componentState,
  fees: componentState,
  penalties: componentState,
  outstandingMinor: z.number().int(),
  /** paid | due (today or later, not settled) | overdue | partly_paid (not yet due, some paid) */
  state: z.enum(['paid', 'due', 'overdue', 'partly_paid', 'upcoming']),
});

export const allocationView = z.object({
  principalMinor: z.number().int(),
  interestMinor: z.number().int(),
  feesMinor: z.number().int(),
  penaltiesMinor: z.number().int(),
  creditMinor: z.number().int(),
});

export const loanTransactionView = z.object({
  id: uuid,
  type: z.enum(transactionTypes),
  amountMinor: z.number().int(),
  valueDate: businessDate,
  channel: z.enum(channels).nullable(),
  reference: z.string().nullable(),
  receiptNo: z.string().nullable(),
  component: z.string().nullable(),
  reversesId: z.string().nullable(),
  isReversed: z.boolean(),
  note: z.string().nullable(),
  postedBy: z.string(),
  postedByName: z.string().nullable(),
  postedAt: instant,
  /** As the engine's replay allocates it today (a backdated payment may have changed it since posting). */
  allocation: allocationView.nullable(),
});

export const loanView = loanSummary.extend({
  purpose: z.string(),
  requestedPrincipalMinor: z.number().int(),
  approvedPrincipalMinor: z.number().int().nullable(),
  disbursedPrincipalMinor: z.number().int(),
  repayments: z.number().int(),
  annualRate: z.string(),
  /** The engine's terms as fixed (or, before disbursement, as applied for). */
  terms: z.record(z.string(), z.unknown()),
  expectedDisbursementDate: businessDate,
  disbursedOn: businessDate.nullable(),
  maturityDate: businessDate.nullable(),
  closedOn: businessDate.nullable(),
  writtenOffOn: businessDate.nullable(),
  branchId: z.string(),
  createdBy: z.string(),
  createdAt: instant,
  submittedAt: instant.nullable(),
  outstanding: totals,
  overdue: totals,
  paid: totals,
  schedule: z.array(installmentView),
  transactions: z.array(loanTransactionView),
  collateral: z.array(collateralView),
  guarantors: z.array(guarantorView),
  decisions: z.array(
    z.object({
      id: uuid,
      decision: z.enum([...decisions, 'withdraw']),
      reason: z.string(),
      principalMinor: z.number().int().nullable(),
      repayments: z.number().int().nullable(),
      annualRate: z.string().nullable(),
      decidedBy: z.string(),
      decidedByName: z.string().nullable(),
      decidedAt: instant,
    }),
  ),
  termsHistory: z.array(
    z.object({ kind: z.string(), effectiveFrom: businessDate, reason: z.string(), createdAt: instant }),
  ),
  /** What the actor may do next (the screen shows only these buttons; the core checks again). */
  actions: z.array(
    z.enum([
      'edit',
      'submit',
      'withdraw',
      'decide',
      'disburse',
      'repay',
      'waive',
      'write_off',
      'recover',
      'restructure',
      'reverse',
    ]),
  ),
});
export type LoanView = z.infer<typeof loanView>;

export const postingResult = z.object({
  transactionId: uuid,
  loanId: uuid,
  receiptNo: z.string().nullable(),
  amountMinor: z.number().int(),
  valueDate: businessDate,
  allocation: allocationView,
  balanceAfter: z.object({
    principalMinor: z.number().int(),
    totalOutstandingMinor: z.number().int(),
  }),
  loanStatus: z.enum(loanStatuses),
  /** The same idempotency key was posted before: this is that posting, nothing new was written. */
  isReplay: z.boolean(),
});
export type PostingResult = z.infer<typeof postingResult>;

export const tillView = z.object({
  id: uuid,
  tellerId: z.string(),
  tellerName: z.string().nullable(),
  businessDate,
  currency: z.string(),
  status: z.enum(['requested', 'open', 'closing', 'closed', 'cancelled']),
  openingMinor: z.number().int(),
  balanceMinor: z.number().int(),
  countedMinor: z.number().int().nullable(),
  varianceMinor: z.number().int().nullable(),
  denominations: z.array(z.object({ valueMinor: z.number().int(), count: z.number().int() })).nullable(),
  requestedAt: instant,
  openedAt: instant.nullable(),
  closedAt: instant.nullable(),
  movements: z.array(
    z.object({
      id: uuid,
      kind: z.string(),
      amountMinor: z.number().int(),
      reference: z.string().nullable(),
      reason: z.string().nullable(),
      postedAt: instant,
    }),
  ),
});
export type TillView = z.infer<typeof tillView>;

const pdfFile = z.object({ fileName: z.string(), base64: z.string() });

export const loanSettings = z.object({
  reminderDaysAhead: z.number().int().min(0).max(60),
  reminderTemplates: z.record(z.string(), z.object({ dueSoon: text(500), overdue: text(500) })),
  /** Notes and coins the till count offers, in minor units, largest first. */
  denominations: z.array(positiveMinor).min(1),
  /** A till variance above this needs a manager's note. */
  tillVarianceToleranceMinor: minor,
});
export type LoanSettings = z.infer<typeof loanSettings>;

export const loanMethods = {
  'loanProducts.list': method({
    description: 'Loan products, active first.',
    access: 'loans.read',
    kind: 'query',
    input: z.object({ includeInactive: z.boolean().default(false) }),
    output: z.array(loanProductView),
  }),
  'loanProducts.save': method({
    description: 'Creates a loan product, or changes one (by id); its terms are checked by the engine.',
    access: 'settings.manage',
    kind: 'mutation',
    input: productFields.extend({ id: uuid.optional() }),
    output: loanProductView,
  }),
  'loans.checkEligibility': method({
    description: 'Eligibility rules with their reasons and the schedule a loan on these terms would have.',
    access: 'loans.apply',
    kind: 'query',
    input: applicationTerms,
    output: z.object({
      eligibility: eligibilityView,
      schedule: z.array(scheduleLine),
      totals,
      issues: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  }),
  'loans.apply': method({
    description: 'Records a loan application with its collateral and guarantors, as a draft or submitted.',
    access: 'loans.apply',
    kind: 'mutation',
    input: applicationTerms.extend({
      purpose: text(300),
      collateral: z.array(collateralInput).max(20).default([]),
      guarantors: z.array(guarantorInput).max(10).default([]),
      submit: z.boolean().default(true),
      /** The eligibility check failed and the officer submits anyway: the reason is audited. */
      overrideReason: optionalText(500),
      idempotencyKey,
    }),
    output: loanView,
  }),
  'loans.update': method({
    description: 'Changes a draft or returned application’s terms and purpose.',
    access: 'loans.apply',
    kind: 'mutation',
    input: applicationTerms.omit({ customerId: true, productId: true }).extend({
      loanId: uuid,
      purpose: text(300),
    }),
    output: loanView,
  }),
  'loans.submit': method({
    description: 'Submits a draft or returned application for approval.',
    access: 'loans.apply',
    kind: 'mutation',
    input: z.object({ loanId: uuid }),
    output: loanView,
  }),
  'loans.withdraw': method({
    description: 'Withdraws an application that is not yet disbursed (the customer changed their mind).',
    access: 'loans.apply',
    kind: 'mutation',
    input: z.object({ loanId: uuid, reason }),
    output: loanView,
  }),
  'loans.addCollateral': method({
    description: 'Adds an item of collateral to a loan.',
    access: 'loans.apply',
    kind: 'mutation',
    input: collateralInput.extend({ loanId: uuid }),
    output: loanView,
  }),
  'loans.addGuarantor': method({
    description: 'Adds a guarantor (an existing customer) to a loan, with the amount guaranteed.',
    access: 'loans.apply',
    kind: 'mutation',
    input: guarantorInput.extend({ loanId: uuid }),
    output: loanView,
  }),
  'loans.decide': method({
    description:
      'A manager’s decision on a submitted application, within their approval limit and never on their own: approve, approve with changed terms, return or reject.',
    access: 'loans.approve',
    kind: 'mutation',
    input: z.object({
      loanId: uuid,
      decision: z.enum(decisions),
      reason,
      principalMinor: positiveMinor.optional(),
      repayments: z.number().int().min(1).max(1200).optional(),
      annualRate: rate.optional(),
    }),
    output: loanView,
  }),
  'loans.list': method({
    description: 'Loans with filters (status, officer, product, days in arrears, search), paged.',
    access: 'loans.read',
    kind: 'query',
    input: z.object({
      query: z.string().max(100).default(''),
      status: z.enum([...loanStatuses, 'open_applications']).optional(),
      arrearsStatus: z.enum(arrearsStatuses).optional(),
      officerId: z.string().optional(),
      productId: uuid.optional(),
      customerId: uuid.optional(),
      minDaysPastDue: z.number().int().min(0).optional(),
      maxDaysPastDue: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(500).default(50),
      offset: z.number().int().min(0).default(0),
    }),
    output: z.object({ rows: z.array(loanSummary), total: z.number().int() }),
  }),
  'loans.get': method({
    description:
      'A loan’s page: terms, schedule with paid/due/overdue per installment, transactions with their allocation, collateral, guarantors and decisions.',
    access: 'loans.read',
    kind: 'query',
    input: z.object({ loanId: uuid }),
    output: loanView,
  }),
  'loans.find': method({
    description:
      'The counter’s search: loans by account number, customer number, name or phone, as you type.',
    access: 'loans.read',
    kind: 'query',
    input: z.object({
      query: z.string().trim().min(1).max(100),
      limit: z.number().int().min(1).max(50).default(10),
    }),
    output: z.array(loanSummary),
  }),
  'loans.quote': method({
    description:
      'What a repayment of this amount would do, before it is posted: the allocation, the balance after, and what is due today, overdue and to pay off.',
    access: 'loans.read',
    kind: 'query',
    input: z.object({ loanId: uuid, amountMinor: minor.default(0), valueDate: businessDate.optional() }),
    output: z.object({
      valueDate: businessDate,
      dueTodayMinor: z.number().int(),
      overdueMinor: z.number().int(),
      penaltiesMinor: z.number().int(),
      payoffMinor: z.number().int(),
      allocation: allocationView,
      balanceAfter: z.object({ principalMinor: z.number().int(), totalOutstandingMinor: z.number().int() }),
    }),
  }),
  'loans.disburse': method({
    description:
      'Pays out an approved loan (or, for a business product, one tranche of it) in cash from the teller’s open till or by transfer; fixes the schedule at the disbursement date and issues the account number.',
    access: 'teller.post',
    kind: 'mutation',
    input: z.object({
      loanId: uuid,
      channel: z.enum(channels),
      reference: optionalText(80),
      /** A tranche; absent: the whole approved amount (or what is left of it). */
      amountMinor: positiveMinor.optional(),
      idempotencyKey,
    }),
    output: postingResult,
  }),
  'loans.repay': method({
    description:
      'Posts a repayment, in cash into the teller’s till or by transfer; the engine allocates it; a receipt number is issued.',
    access: 'teller.post',
    kind: 'mutation',
    input: z.object({
      loanId: uuid,
      amountMinor: positiveMinor,
      channel: z.enum(channels),
      reference: optionalText(80),
      /** Backdating (a transfer that arrived earlier) needs loans.manage; default: the business date. */
      valueDate: businessDate.optional(),
      idempotencyKey,
    }),
    output: postingResult,
  }),
  'loans.importRepayments': method({
    description:
      'Posts a batch of transfer repayments (a bank or mobile-money file) in one transaction; a row whose key was posted before is skipped.',
    access: 'loans.manage',
    kind: 'mutation',
    input: z.object({
      rows: z
        .array(
          z.object({
            accountNo: z.string().trim().min(1).max(40),
            amountMinor: positiveMinor,
            valueDate: businessDate,
            reference: text(80),
            idempotencyKey,
          }),
        )
        .min(1)
        .max(100_000),
    }),
    output: z.object({
      posted: z.number().int(),
      skipped: z.number().int(),
      failed: z.array(z.object({ row: z.number().int(), message: z.string() })),
    }),
  }),
  'loans.reverse': method({
    description: 'Reverses a posted transaction (a manager, with a reason), as a new transaction.',
    access: 'loans.manage',
    kind: 'mutation',
    input: z.object({ transactionId: uuid, reason, idempotencyKey }),
    output: postingResult,
  }),
  'loans.waive': method({
    description: 'Waives part of the penalties, fees or interest due (a manager, with a reason).',
    access: 'loans.manage',
    kind: 'mutation',
    input: z.object({
      loanId: uuid,
      component: z.enum(['interest', 'fees', 'penalties']),
      amountMinor: positiveMinor,
      reason,
      idempotencyKey,
    }),
    output: postingResult,
  }),
  'loans.writeOff': method({
    description: 'Writes off what is outstanding on an active loan (a manager, with a reason).',
    access: 'loans.manage',
    kind: 'mutation',
    input: z.object({ loanId: uuid, reason, idempotencyKey }),
    output: postingResult,
  }),
  'loans.recover': method({
    description: 'Records money recovered on a written-off loan (cash into the till or a transfer).',
    access: 'teller.post',
    kind: 'mutation',
    input: z.object({
      loanId: uuid,
      amountMinor: positiveMinor,
      channel: z.enum(channels),
      reference: optionalText(80),
      idempotencyKey,
    }),
    output: postingResult,
  }),
  'loans.restructure': method({
    description:
      'Reschedules an active loan from a date with a new term or rate, capitalising the arrears or leaving them due; the old terms stay in the history.',
    access: 'loans.manage',
    kind: 'mutation',
    input: z.object({
      loanId: uuid,
      fromDate: businessDate,
      repayments: z.number().int().min(1).max(1200).optional(),
      annualRate: rate.optional(),
      firstRepaymentDate: businessDate.optional(),
      capitaliseArrears: z.boolean(),
      reason,
    }),
    output: loanView,
  }),
  'loans.receipt': method({
    description: 'The receipt of a posted transaction as a PDF (to print or save).',
    access: 'loans.read',
    kind: 'query',
    input: z.object({ transactionId: uuid }),
    output: pdfFile,
  }),
  'till.current': method({
    description: 'The signed-in teller’s till (requested, open or closing) with its movements, or null.',
    access: 'till.manage',
    kind: 'query',
    input: z.object({}),
    output: tillView.nullable(),
  }),
  'till.open': method({
    description: 'A teller asks to open a till with cash from the vault; a manager confirms it.',
    access: 'till.manage',
    kind: 'mutation',
    input: z.object({ openingMinor: minor }),
    output: tillView,
  }),
  'till.confirmOpen': method({
    description: 'A manager confirms a till’s opening cash, handed over from the vault.',
    access: 'till.approve',
    kind: 'mutation',
    input: z.object({ tillId: uuid }),
    output: tillView,
  }),
  'till.cashMovement': method({
    description: 'Cash into or out of the teller’s open till, with a reason (not a loan transaction).',
    access: 'till.manage',
    kind: 'mutation',
    input: z.object({ direction: z.enum(['in', 'out']), amountMinor: positiveMinor, reason, idempotencyKey }),
    output: tillView,
  }),
  'till.count': method({
    description: 'The teller counts the till by denomination to close it; the variance is shown.',
    access: 'till.manage',
    kind: 'mutation',
    input: z.object({
      denominations: z
        .array(z.object({ valueMinor: positiveMinor, count: z.number().int().min(0).max(1_000_000) }))
        .min(1),
      note: optionalText(500),
    }),
    output: tillView,
  }),
  'till.approveClose': method({
    description:
      'A manager approves a counted till: the variance is booked to cash over/short, the cash returns to the vault.',
    access: 'till.approve',
    kind: 'mutation',
    input: z.object({ tillId: uuid, note: optionalText(500) }),
    output: tillView,
  }),
  'till.list': method({
    description: 'The branch’s tills for a business date (default: today), for the manager.',
    access: 'till.approve',
    kind: 'query',
    input: z.object({ businessDate: businessDate.optional() }),
    output: z.array(tillView),
  }),
  'till.report': method({
    description:
      'A till’s report as a PDF: opening, every movement, the count by denomination and the variance.',
    access: 'till.manage',
    kind: 'query',
    input: z.object({ tillId: uuid }),
    output: pdfFile,
  }),
  'vault.status': method({
    description: 'The branch vault’s balance and its latest movements.',
    access: 'till.approve',
    kind: 'query',
    input: z.object({}),
    output: z.object({
      balanceMinor: z.number().int(),
      currency: z.string(),
      movements: z.array(
        z.object({
          id: uuid,
          kind: z.string(),
          amountMinor: z.number().int(),
          reason: z.string(),
          postedAt: instant,
        }),
      ),
    }),
  }),
  'vault.move': method({
    description: 'Cash into the vault (from the bank) or out of it (to the bank), with a reason.',
    access: 'till.approve',
    kind: 'mutation',
    input: z.object({ direction: z.enum(['deposit', 'withdrawal']), amountMinor: positiveMinor, reason }),
    output: z.object({ balanceMinor: z.number().int() }),
  }),
  'eod.status': method({
    description:
      'The branch’s business date, whether end-of-day is behind the calendar, and the progress of a run.',
    access: 'signedIn',
    kind: 'query',
    isPassive: true,
    input: z.object({}),
    output: z.object({
      businessDate,
      today: businessDate,
      isBehind: z.boolean(),
      lastRun: z.object({ businessDate, loansProcessed: z.number().int(), finishedAt: instant }).nullable(),
      progress: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
    }),
  }),
  'eod.run': method({
    description:
      'End-of-day: moves the business date to today (or a given date), brings every active loan current (penalties, status, days past due, buckets) and queues reminders.',
    access: 'signedIn',
    kind: 'mutation',
    input: z.object({ toDate: businessDate.optional() }),
    output: z.object({
      businessDate,
      previousDate: businessDate,
      /** Active loans brought current. */
      loansProcessed: z.number().int(),
      /** Of those, the ones whose balances could change and were replayed (the others had nothing due). */
      loansReplayed: z.number().int(),
      remindersQueued: z.number().int(),
    }),
  }),
  'reminders.list': method({
    description: 'Payment reminders queued for delivery (and those sent or cancelled).',
    access: 'loans.read',
    kind: 'query',
    input: z.object({
      status: z.enum(['queued', 'sent', 'cancelled', 'all']).default('queued'),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.array(
      z.object({
        id: uuid,
        loanId: uuid,
        accountNo: z.string().nullable(),
        customerId: uuid,
        customerName: z.string(),
        phone: z.string().nullable(),
        kind: z.enum(['due_soon', 'overdue']),
        dueDate: businessDate,
        amountMinor: z.number().int(),
        language: z.string(),
        message: z.string(),
        status: z.enum(['queued', 'sent', 'cancelled']),
        createdAt: instant,
      }),
    ),
  }),
  'reminders.generate': method({
    description:
      'Queues reminders for installments due within the configured days and for overdue ones; each is recorded in the customer’s communications.',
    access: 'loans.apply',
    kind: 'mutation',
    input: z.object({}),
    output: z.object({ queued: z.number().int() }),
  }),
  'loanSettings.read': method({
    description: 'Reminder templates and timing, till denominations and variance tolerance.',
    access: 'signedIn',
    kind: 'query',
    input: z.object({}),
    output: loanSettings,
  }),
  'loanSettings.update': method({
    description: 'Changes the reminder templates and timing, till denominations or variance tolerance.',
    access: 'settings.manage',
    kind: 'mutation',
    input: loanSettings.partial(),
    output: loanSettings,
  }),
  'loans.seedDemo': method({
    description: 'Loads demo loans across products with realistic repayment histories (demo ledgers only).',
    access: 'settings.manage',
    kind: 'mutation',
    input: z.object({ count: z.number().int().min(1).max(200_000).default(200) }),
    output: z.object({ created: z.number().int() }),
  }),
} as const;
