// The reports part of the contract: what the filters offer, the portfolio reports (portfolio at risk with aging;
// disbursements and collections for a period), and the export of any report to CSV, XLSX or PDF. Each report
// answers its figures (typed, in minor units) and the same figures as a report model (./reportTable) that the
// screen shows and the export writes.
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

/** Every report the export knows, by name with its params. The ledger reports join this union. */
export const exportableReports = z.discriminatedUnion('report', [
  z.object({ report: z.literal('portfolioAtRisk'), params: portfolioAtRiskParams }),
  z.object({ report: z.literal('disbursementsCollections'), params: disbursementsCollectionsParams }),
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
  'reports.export': method({
    description: 'A report saved as a file: CSV (UTF-8, for Excel), XLSX or PDF.',
    access: 'reports.read',
    kind: 'query',
    input: z.intersection(exportableReports, z.object({ format: z.enum(exportFormats) })),
    output: exportedFile,
  }),
};
