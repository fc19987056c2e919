// The reports part of the contract: what the filters offer, the portfolio reports (portfolio at risk with aging;
// disbursements and collections for a period), the ledger's reports (trial balance, balance sheet, income
// statement, an account's statement, the cash book), and the export of any report to CSV, XLSX or PDF. Each
// report answers its figures (typed, in minor units) and the same figures as a report model (./reportTable) that
// the screen shows and the export writes.
//
// Scope: a head-office device may ask for any branch or, leaving `branchId` out, all branches; a branch device
// sees its own branch only (asking for another is FORBIDDEN) — enforced in the core, not here.
//
// Adding a report (the ledger reports: trial balance, balance sheet, income statement…):
//   1. its params schema and its method here (`reports.trialBalance`), answering figures + `report`;
//   2. a member `{ report: 'trialBalance', params }` in `exportableReports` below;
//   3. its builder in electron/core/reports/handlers.ts (`reportBuilders` is typed from the union, so a report
//      that cannot be exported does not compile) and its use case beside it;
//   4. an entry in renderer/screens/reports/registry.tsx and its strings; `npm run docs`.
import { z } from 'zod';
import { daysBetween } from '../dates';
import { accountCode, accountTypes, period } from './books';
import { arrearsBuckets } from './loans';
import { method } from './method';
import { exportedFile, exportFormats, reportLanguages, reportModel } from './reportTable';
import { businessDate, uuid } from './schemas';

/** A report lists at most this many days (two years): every period report is bounded. */
export const maxReportDays = 731;

const language = z.enum(reportLanguages).optional();

export const portfolioAtRiskParams = z
  .object({
    /** The projection's date: the business date (the default); loans are kept as of it by end-of-day. */
    asOf: businessDate.optional(),
    branchId: uuid.optional(),
    productId: uuid.optional(),
    officerId: uuid.optional(),
    /** The language of the report's words (default: the branch's). */
    language,
  })
  .strict();

export const disbursementsCollectionsParams = z
  .object({ from: businessDate, to: businessDate, branchId: uuid.optional(), language })
  .strict()
  .refine((p) => p.from <= p.to, { message: 'must not be before the start', path: ['to'] })
  .refine((p) => p.from > p.to || daysBetween(p.from, p.to) < maxReportDays, {
    message: `must be at most ${maxReportDays} days after the start`,
    path: ['to'],
  });

/** The trial balance and the balance sheet: as at the end of a month (default: the business date's month). */
export const ledgerMonthParams = z
  .object({ period: period.optional(), branchId: uuid.optional(), language })
  .strict();

export const incomeStatementParams = z
  .object({ fromPeriod: period, toPeriod: period, branchId: uuid.optional(), language })
  .strict()
  .refine((p) => p.fromPeriod <= p.toPeriod, {
    message: 'must not be before the first month',
    path: ['toPeriod'],
  });

/** Posting dates `from`…`to`, at most maxReportDays. */
const ledgerDates = { from: businessDate, to: businessDate, branchId: uuid.optional(), language };
const datesInOrder = (p: { from: string; to: string }) => p.from <= p.to;
const datesBounded = (p: { from: string; to: string }) =>
  p.from > p.to || daysBetween(p.from, p.to) < maxReportDays;
const inOrder = { message: 'must not be before the start', path: ['to'] };
const bounded = { message: `must be at most ${maxReportDays} days after the start`, path: ['to'] };

export const accountStatementParams = z
  .object({
    /** A posting account, or a header account: then its sub-accounts together. */
    accountCode,
    ...ledgerDates,
  })
  .strict()
  .refine(datesInOrder, inOrder)
  .refine(datesBounded, bounded);

export const cashBookParams = z
  .object(ledgerDates)
  .strict()
  .refine(datesInOrder, inOrder)
  .refine(datesBounded, bounded);

/** Outstanding principal of active loans at least `days` past due, and its share of the portfolio. */
const parRatio = z.object({
  days: z.number().int(),
  loanCount: z.number().int(),
  atRiskPrincipalMinor: z.number().int(),
  /** atRisk / outstanding × 100, exact, rounded half-up to 2 decimals ("0.00" on an empty portfolio). */
  percent: z.string(),
});

const agingBucket = z.object({
  bucket: z.enum(arrearsBuckets),
  loanCount: z.number().int(),
  outstandingPrincipalMinor: z.number().int(),
  overdueMinor: z.number().int(),
});

const portfolioFigures = z.object({
  loanCount: z.number().int(),
  outstandingPrincipalMinor: z.number().int(),
  overdueMinor: z.number().int(),
  par: z.array(parRatio),
  aging: z.array(agingBucket),
});
export type PortfolioFigures = z.infer<typeof portfolioFigures>;

/** What a report covers: one branch, or every branch (head office, no branchId). */
const reportScope = z.object({
  branchId: uuid.nullable(),
  branchCode: z.string().nullable(),
  branchName: z.string().nullable(),
});

const collectionFigures = z.object({
  disbursementCount: z.number().int(),
  disbursedPrincipalMinor: z.number().int(),
  principalMinor: z.number().int(),
  interestMinor: z.number().int(),
  feesMinor: z.number().int(),
  penaltiesMinor: z.number().int(),
  /** Overpayments kept as the customer's credit. */
  creditMinor: z.number().int(),
  /** Received on written-off loans. */
  recoveriesMinor: z.number().int(),
  /** principal + interest + fees + penalties + credit + recoveries. */
  collectedMinor: z.number().int(),
  /** Collections reversed on the day (already deducted from the figures above). */
  reversedMinor: z.number().int(),
});
export type CollectionFigures = z.infer<typeof collectionFigures>;

/** An account's figure on its normal side (assets and expenses: debit − credit; the others credit − debit). */
const ledgerSection = z.object({
  accounts: z.array(z.object({ code: z.string(), name: z.string(), amountMinor: z.number().int() })),
  totalMinor: z.number().int(),
});

/** One journal line of a statement; `balanceMinor` is the running balance after it, on the normal side. */
const ledgerLine = z.object({
  entryId: z.string(),
  postingDate: businessDate,
  valueDate: businessDate,
  accountCode: z.string(),
  narration: z.string(),
  debitMinor: z.number().int(),
  creditMinor: z.number().int(),
  balanceMinor: z.number().int(),
});

const ledgerStatement = {
  from: businessDate,
  to: businessDate,
  scope: reportScope,
  currency: z.string(),
  digits: z.number().int(),
  /** The side a balance is positive on: debit for assets and expenses, credit for the others. */
  normalSide: z.enum(['debit', 'credit']),
  /** The accounts the statement covers (an account and its sub-accounts; the cash accounts). */
  accounts: z.array(z.object({ code: z.string(), name: z.string() })),
  openingBalanceMinor: z.number().int(),
  lines: z.array(ledgerLine),
  totalDebitMinor: z.number().int(),
  totalCreditMinor: z.number().int(),
  closingBalanceMinor: z.number().int(),
  report: reportModel,
};

/** Every report the export knows, by name with its params. The ledger reports join this union. */
export const exportableReports = z.discriminatedUnion('report', [
  z.object({ report: z.literal('portfolioAtRisk'), params: portfolioAtRiskParams }),
  z.object({ report: z.literal('disbursementsCollections'), params: disbursementsCollectionsParams }),
  z.object({ report: z.literal('trialBalance'), params: ledgerMonthParams }),
  z.object({ report: z.literal('balanceSheet'), params: ledgerMonthParams }),
  z.object({ report: z.literal('incomeStatement'), params: incomeStatementParams }),
  z.object({ report: z.literal('accountStatement'), params: accountStatementParams }),
  z.object({ report: z.literal('cashBook'), params: cashBookParams }),
  /** The books' provisioning for a month (the branch's own; books.provisioning on screen). */
  z.object({
    report: z.literal('provisioning'),
    params: z.object({ period: period.optional(), language }).strict(),
  }),
]);
export type ExportableReport = z.infer<typeof exportableReports>;
export type ReportName = ExportableReport['report'];

export const reportMethods = {
  'reports.filters': method({
    description:
      'What the report filters offer: the branches this device may report on, the products and the loan officers.',
    access: 'reports.read',
    kind: 'query',
    input: z.object({}).strict(),
    output: z.object({
      isHeadOffice: z.boolean(),
      ownBranchId: uuid,
      branches: z.array(z.object({ id: uuid, code: z.string(), name: z.string() })),
      products: z.array(z.object({ id: uuid, code: z.string(), name: z.string() })),
      officers: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  }),
  'reports.portfolioAtRisk': method({
    description:
      'Portfolio at risk (PAR 1/30/90) and aging of active loans as of the business date, in total, by product and by officer.',
    access: 'reports.read',
    kind: 'query',
    input: portfolioAtRiskParams,
    output: z.object({
      asOf: businessDate,
      scope: reportScope,
      currency: z.string(),
      digits: z.number().int(),
      totals: portfolioFigures,
      byProduct: z.array(
        portfolioFigures.extend({ productId: z.string(), productCode: z.string(), productName: z.string() }),
      ),
      byOfficer: z.array(portfolioFigures.extend({ officerId: z.string(), officerName: z.string() })),
      report: reportModel,
    }),
  }),
  'reports.disbursementsCollections': method({
    description:
      'Disbursements and collections (principal, interest, fees, penalties; reversals netted) per day for a period.',
    access: 'reports.read',
    kind: 'query',
    input: disbursementsCollectionsParams,
    output: z.object({
      from: businessDate,
      to: businessDate,
      scope: reportScope,
      currency: z.string(),
      digits: z.number().int(),
      /** Days with activity, in order. */
      days: z.array(collectionFigures.extend({ date: businessDate })),
      totals: collectionFigures,
      report: reportModel,
    }),
  }),
  'reports.trialBalance': method({
    description:
      'The trial balance at the end of a month: every account with its debit or credit balance; the totals agree.',
    access: 'reports.read',
    kind: 'query',
    input: ledgerMonthParams,
    output: z.object({
      period: z.string(),
      scope: reportScope,
      currency: z.string(),
      digits: z.number().int(),
      accounts: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          type: z.enum(accountTypes),
          debitBalanceMinor: z.number().int(),
          creditBalanceMinor: z.number().int(),
        }),
      ),
      totalDebitMinor: z.number().int(),
      totalCreditMinor: z.number().int(),
      isBalanced: z.boolean(),
      report: reportModel,
    }),
  }),
  'reports.balanceSheet': method({
    description:
      'The balance sheet at the end of a month: assets, liabilities and equity (with the year’s earnings).',
    access: 'reports.read',
    kind: 'query',
    input: ledgerMonthParams,
    output: z.object({
      period: z.string(),
      scope: reportScope,
      currency: z.string(),
      digits: z.number().int(),
      assets: ledgerSection,
      liabilities: ledgerSection,
      /** The equity accounts only; the earnings lines below are part of equity too. */
      equity: ledgerSection,
      /** Income − expenses from January of the period's year to the period. */
      currentYearEarningsMinor: z.number().int(),
      /** Income − expenses of earlier years not yet closed to retained earnings by a journal. */
      earlierEarningsMinor: z.number().int(),
      totalEquityMinor: z.number().int(),
      totalLiabilitiesAndEquityMinor: z.number().int(),
      isBalanced: z.boolean(),
      report: reportModel,
    }),
  }),
  'reports.incomeStatement': method({
    description: 'The income statement for a run of months: income, expenses and net income.',
    access: 'reports.read',
    kind: 'query',
    input: incomeStatementParams,
    output: z.object({
      fromPeriod: z.string(),
      toPeriod: z.string(),
      scope: reportScope,
      currency: z.string(),
      digits: z.number().int(),
      income: ledgerSection,
      expenses: ledgerSection,
      netIncomeMinor: z.number().int(),
      report: reportModel,
    }),
  }),
  'reports.accountStatement': method({
    description:
      'A general-ledger account’s statement for a period: opening balance, every line with its running balance, closing balance.',
    access: 'reports.read',
    kind: 'query',
    input: accountStatementParams,
    output: z.object({
      account: z.object({ code: z.string(), name: z.string(), type: z.enum(accountTypes) }),
      ...ledgerStatement,
    }),
  }),
  'reports.cashBook': method({
    description:
      'The cash book for a period: every movement of the tills, the vault and the bank with the running cash balance.',
    access: 'reports.read',
    kind: 'query',
    input: cashBookParams,
    output: z.object(ledgerStatement),
  }),
  'reports.export': method({
    description: 'A report saved as a file: CSV (UTF-8, for Excel), XLSX or PDF.',
    access: 'reports.read',
    kind: 'query',
    input: z.intersection(exportableReports, z.object({ format: z.enum(exportFormats) })),
    output: exportedFile,
  }),
};
