// The reports use cases, one per contract method (spread into ../handlers), and the export of any report.
//
// `reportBuilders` is the export's registry: for each report name in the contract's `exportableReports` union,
// the function that builds its model and the stem of its file name. Its type is derived from the union, so a
// report added there (trial balance, balance sheet, income statement…) does not compile until it has a builder
// here; the builder is the same use case the report's own method calls, so a file always matches the screen.
import type { ExportableReport, OutputOf, ParsedInputOf, Report, ReportName } from '../../../shared/contract';
import type { Ctx } from '../context';
import type { Handlers } from '../handlers';
import { exportReport } from './export';
import { disbursementsCollections } from './collections';
import { balanceSheetReport, incomeStatementReport, trialBalanceReport } from './ledger';
import { accountStatementReport, cashBookReport } from './ledgerStatements';
import { portfolioAtRisk } from './portfolio';
import { provisioningReport } from './provisioning';
import { reportFilters } from './scope';

type Builder<N extends ReportName> = (
  ctx: Ctx,
  params: Extract<ExportableReport, { report: N }>['params'],
) => Promise<{ report: Report; fileStem: string }>;

const scopeName = (s: { branchCode: string | null }) => s.branchCode ?? 'ALL';

export const reportBuilders: { [N in ReportName]: Builder<N> } = {
  portfolioAtRisk: async (ctx, params) => {
    const r = await portfolioAtRisk(ctx, params);
    return { report: r.report, fileStem: `portfolio-at-risk-${scopeName(r.scope)}-${r.asOf}` };
  },
  disbursementsCollections: async (ctx, params) => {
    const r = await disbursementsCollections(ctx, params);
    return {
      report: r.report,
      fileStem: `disbursements-collections-${scopeName(r.scope)}-${r.from}-${r.to}`,
    };
  },
  trialBalance: async (ctx, params) => {
    const r = await trialBalanceReport(ctx, params);
    return { report: r.report, fileStem: `trial-balance-${scopeName(r.scope)}-${r.period}` };
  },
  balanceSheet: async (ctx, params) => {
    const r = await balanceSheetReport(ctx, params);
    return { report: r.report, fileStem: `balance-sheet-${scopeName(r.scope)}-${r.period}` };
  },
  incomeStatement: async (ctx, params) => {
    const r = await incomeStatementReport(ctx, params);
    return {
      report: r.report,
      fileStem: `income-statement-${scopeName(r.scope)}-${r.fromPeriod}-${r.toPeriod}`,
    };
  },
  accountStatement: async (ctx, params) => {
    const r = await accountStatementReport(ctx, params);
    return {
      report: r.report,
      fileStem: `account-statement-${r.account.code}-${scopeName(r.scope)}-${r.from}-${r.to}`,
    };
  },
  provisioning: async (ctx, params) => {
    const r = await provisioningReport(ctx, params);
    return { report: r.report, fileStem: `provisioning-${scopeName(r.scope)}-${r.period}` };
  },
  cashBook: async (ctx, params) => {
    const r = await cashBookReport(ctx, params);
    return { report: r.report, fileStem: `cash-book-${scopeName(r.scope)}-${r.from}-${r.to}` };
  },
};

export async function exportReportFile(
  ctx: Ctx,
  input: ParsedInputOf<'reports.export'>,
): Promise<OutputOf<'reports.export'>> {
  const build = reportBuilders[input.report] as Builder<typeof input.report>;
  const { report, fileStem } = await build(ctx, input.params);
  const file = await exportReport(report, input.format, fileStem);
  return { fileName: file.fileName, mimeType: file.mimeType, base64: file.bytes.toString('base64') };
}

/** The portfolio and ledger reports' methods and the export (the loan statement registers its own). */
type ReportMethod =
  | 'reports.filters'
  | 'reports.portfolioAtRisk'
  | 'reports.disbursementsCollections'
  | 'reports.trialBalance'
  | 'reports.balanceSheet'
  | 'reports.incomeStatement'
  | 'reports.accountStatement'
  | 'reports.cashBook'
  | 'reports.export';

export const reportHandlers: Pick<Handlers, ReportMethod> = {
  'reports.filters': (ctx) => reportFilters(ctx),
  'reports.portfolioAtRisk': portfolioAtRisk,
  'reports.disbursementsCollections': disbursementsCollections,
  'reports.trialBalance': trialBalanceReport,
  'reports.balanceSheet': balanceSheetReport,
  'reports.incomeStatement': incomeStatementReport,
  'reports.accountStatement': accountStatementReport,
  'reports.cashBook': cashBookReport,
  'reports.export': exportReportFile,
};
