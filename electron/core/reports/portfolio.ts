// Portfolio at risk with the aging of the portfolio, as typed figures and as the report model the screen shows and
// the export writes. Not responsible for the scope rule (scope.ts), the files (export.ts) nor for keeping loans
// current (end-of-day projects every loan's days past due and balances onto its `loans` row; this only reads them).
//
// Portfolio at risk, as the bank defines it: PAR n = outstanding principal of active loans n or more days past
// due ÷ outstanding principal of all active loans, an exact ratio of integers shown as a percentage rounded
// half-up to 2 decimals with decimal.js. Aging buckets are the engine's (shared/loan arrearsBucket): current,
// 1–30, 31–60, 61–90, 91–180, over 180 days. SQLite counts and sums the loans in one pass, grouped by product,
// officer and days past due (a few hundred groups, never more than the loans); JavaScript only folds those groups
// into thresholds and buckets, never loops over the loans.
import Decimal from 'decimal.js';
import { arrearsBucket } from '../../../shared/loan';
import { Dec, formatMajor } from '../../../shared/money';
import {
  arrearsBuckets,
  fieldError,
  type OutputOf,
  type ParsedInputOf,
  type PortfolioFigures,
  type Report,
  type ReportLanguage,
  type ReportRow,
} from '../../../shared/contract';
import type { Ctx } from '../context';
import { portfolioLabels } from './labels';
import { languageOf, officerNames, reportFrame, reportScope, scopeDetail, type ReportScope } from './scope';

/** The PAR thresholds the bank reports, in days past due (a loan counts from this many days on). */
export const parThresholds = [1, 30, 90] as const;

type ParOutput = OutputOf<'reports.portfolioAtRisk'>;

/** One group of the aggregate: active loans of one product and officer with the same days past due. */
interface Group {
  product_id: string;
  officer_id: string;
  days: number;
  loans: number;
  principal: number;
  overdue: number;
}

export async function portfolioAtRisk(
  ctx: Ctx,
  input: ParsedInputOf<'reports.portfolioAtRisk'>,
): Promise<ParOutput> {
  const scope = await reportScope(ctx, 'reports.portfolioAtRisk', input.branchId);
  if (input.asOf !== undefined && input.asOf !== scope.businessDate)
    throw fieldError(
      'asOf',
      `must be the business date, ${scope.businessDate}: loans are kept current as of it by end-of-day`,
    );
  const groups = await parGroups(ctx, scope, input);
  const totals = new Figures();
  const byProduct = new Map<string, Figures>();
  const byOfficer = new Map<string, Figures>();
  for (const g of groups) {
    totals.add(g);
    mapGet(byProduct, g.product_id).add(g);
    mapGet(byOfficer, g.officer_id).add(g);
  }
  const withFilter = <T>(keys: Iterable<T>, filter: T | undefined) => [
    ...new Set([...keys, ...(filter ? [filter] : [])]),
  ];
  const products = await productNames(ctx, withFilter(byProduct.keys(), input.productId));
  const officers = await officerNames(ctx, withFilter(byOfficer.keys(), input.officerId));
  const figures = {
    asOf: scope.businessDate,
    scope: { branchId: scope.branchId, branchCode: scope.branchCode, branchName: scope.branchName },
    currency: scope.currency,
    digits: scope.digits,
    totals: totals.view(),
    byProduct: [...byProduct]
      .map(([id, f]) => {
        const p = products.get(id);
        return { productId: id, productCode: p?.code ?? id, productName: p?.name ?? id, ...f.view() };
      })
      .sort((a, b) => a.productCode.localeCompare(b.productCode)),
    byOfficer: [...byOfficer]
      .map(([id, f]) => ({ officerId: id, officerName: officers.get(id) ?? id, ...f.view() }))
      .sort((a, b) => a.officerName.localeCompare(b.officerName)),
  };
  const language = input.language ?? languageOf(scope);
  const product = input.productId ? products.get(input.productId) : undefined;
  const filters = {
    product: input.productId ? (product ? `${product.code} · ${product.name}` : input.productId) : null,
    officer: input.officerId ? (officers.get(input.officerId) ?? input.officerId) : null,
  };
  return { ...figures, report: parReport(ctx, scope, figures, language, filters) };
}

async function parGroups(
  ctx: Ctx,
  scope: ReportScope,
  input: ParsedInputOf<'reports.portfolioAtRisk'>,
): Promise<Group[]> {
  // Plain counts and sums grouped by columns: SQLite's cheapest aggregate over the loans (a chain of CASE
  // expressions per row cost a third more), and one an index on (status, currency, product_id, officer_id,
  // days_past_due, …) would serve in order without a sort. Groups: products × officers × the distinct days past
  // due of loans in arrears — hundreds, never more than the loans. Buckets and thresholds are applied below.
  let query = ctx.db
    .selectFrom('loans')
    .select((eb) => [
      'product_id',
      'officer_id',
      'days_past_due as days',
      eb.fn.countAll<number>().as('loans'),
      eb.fn.sum<number>('outstanding_principal_minor').as('principal'),
      eb.fn.sum<number>('overdue_total_minor').as('overdue'),
    ])
    .where('status', '=', 'active')
    .where('currency', '=', scope.currency);
  if (scope.branchId !== null) query = query.where('branch_id', '=', scope.branchId);
  if (input.productId) query = query.where('product_id', '=', input.productId);
  if (input.officerId) query = query.where('officer_id', '=', input.officerId);
  return (await query.groupBy(['product_id', 'officer_id', 'days_past_due']).execute()) as Group[];
}

function mapGet(map: Map<string, Figures>, key: string): Figures {
  let f = map.get(key);
  if (!f) map.set(key, (f = new Figures()));
  return f;
}

/** Sums of groups; integers only (minor units and counts), so adding them is exact. */
class Figures {
  loans = 0;
  principal = 0;
  overdue = 0;
  par = parThresholds.map(() => ({ loans: 0, principal: 0 }));
  aging = arrearsBuckets.map(() => ({ loans: 0, principal: 0, overdue: 0 }));

  add(g: Group): void {
    this.loans += g.loans;
    this.principal += g.principal;
    this.overdue += g.overdue;
    parThresholds.forEach((days, i) => {
      if (g.days < days) return;
      this.par[i]!.loans += g.loans;
      this.par[i]!.principal += g.principal;
    });
    const bucket = this.aging[arrearsBuckets.indexOf(arrearsBucket(g.days))]!;
    bucket.loans += g.loans;
    bucket.principal += g.principal;
    bucket.overdue += g.overdue;
  }

  view(): PortfolioFigures {
    // The same at-risk principal two ways (PAR 1 by its threshold, and the engine's buckets past current): a
    // report whose two paths disagree has a threshold or a bucket bound wrong, not a figure to print.
    const pastCurrent = this.aging.slice(1).reduce((s, b) => s + b.principal, 0);
    if (pastCurrent !== this.par[0]!.principal || !Number.isSafeInteger(this.principal))
      throw new Error(`portfolio figures disagree: PAR 1 ${this.par[0]!.principal}, buckets ${pastCurrent}`);
    return {
      loanCount: this.loans,
      outstandingPrincipalMinor: this.principal,
      overdueMinor: this.overdue,
      par: this.par.map((p, i) => ({
        days: parThresholds[i]!,
        loanCount: p.loans,
        atRiskPrincipalMinor: p.principal,
        percent: percentText(p.principal, this.principal),
      })),
      aging: this.aging.map((b, i) => ({
        bucket: arrearsBuckets[i]!,
        loanCount: b.loans,
        outstandingPrincipalMinor: b.principal,
        overdueMinor: b.overdue,
      })),
    };
  }
}

/** part ÷ whole × 100, exact, rounded half-up to 2 decimals; "0.00" when there is nothing to divide. */
export function percentText(partMinor: number, wholeMinor: number): string {
  if (wholeMinor === 0) return '0.00';
  // In hundredths of a percent, rounded once by decimal.js, then written with the money formatter.
  const hundredths = new Dec(partMinor)
    .times(10_000)
    .dividedBy(wholeMinor)
    .toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
    .toNumber();
  return formatMajor(hundredths, 2);
}

async function productNames(ctx: Ctx, ids: readonly string[]) {
  const rows =
    ids.length === 0
      ? []
      : await ctx.db
          .selectFrom('loan_products')
          .select(['id', 'code', 'name'])
          .where('id', 'in', ids)
          .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

function parReport(
  ctx: Ctx,
  scope: ReportScope,
  figures: Omit<ParOutput, 'report'>,
  language: ReportLanguage,
  filters: { product: string | null; officer: string | null },
): Report {
  const l = portfolioLabels[language];
  const t = figures.totals;
  const details = [
    scopeDetail(l, scope),
    { label: l.asOf, value: figures.asOf },
    { label: l.currency, value: figures.currency },
    ...(filters.product ? [{ label: l.product, value: filters.product }] : []),
    ...(filters.officer ? [{ label: l.officer, value: filters.officer }] : []),
  ];
  const parColumns = parThresholds.map((d) => ({
    key: `par${d}`,
    label: l.par(d),
    kind: 'percent' as const,
  }));
  const groupColumns = [
    { key: 'loans', label: l.loans, kind: 'count' as const },
    { key: 'outstanding', label: l.outstanding, kind: 'money' as const },
    { key: 'overdue', label: l.overdue, kind: 'money' as const },
    ...parColumns,
  ];
  const groupRow = (f: PortfolioFigures): ReportRow => ({
    loans: f.loanCount,
    outstanding: f.outstandingPrincipalMinor,
    overdue: f.overdueMinor,
    ...Object.fromEntries(f.par.map((p) => [`par${p.days}`, p.percent])),
  });
  return {
    ...reportFrame(ctx, scope, language),
    title: l.parTitle,
    details,
    tables: [
      {
        title: l.parSummary,
        columns: [
          { key: 'measure', label: l.measure, kind: 'text' },
          { key: 'loans', label: l.loans, kind: 'count' },
          { key: 'atRisk', label: l.atRisk, kind: 'money' },
          { key: 'percent', label: l.parPercent, kind: 'percent' },
        ],
        rows: t.par.map((p) => ({
          measure: l.parMeasure(p.days),
          loans: p.loanCount,
          atRisk: p.atRiskPrincipalMinor,
          percent: p.percent,
        })),
        totals: {
          measure: l.outstanding,
          loans: t.loanCount,
          atRisk: t.outstandingPrincipalMinor,
          percent: null,
        },
      },
      {
        title: l.aging,
        columns: [
          { key: 'bucket', label: l.bucket, kind: 'text' },
          { key: 'loans', label: l.loans, kind: 'count' },
          { key: 'outstanding', label: l.outstanding, kind: 'money' },
          { key: 'share', label: l.share, kind: 'percent' },
          { key: 'overdue', label: l.overdue, kind: 'money' },
        ],
        rows: t.aging.map((b) => ({
          bucket: l.buckets[b.bucket],
          loans: b.loanCount,
          outstanding: b.outstandingPrincipalMinor,
          share: percentText(b.outstandingPrincipalMinor, t.outstandingPrincipalMinor),
          overdue: b.overdueMinor,
        })),
        totals: {
          bucket: null,
          loans: t.loanCount,
          outstanding: t.outstandingPrincipalMinor,
          share: null,
          overdue: t.overdueMinor,
        },
      },
      {
        title: l.byProduct,
        columns: [{ key: 'product', label: l.product, kind: 'text' }, ...groupColumns],
        rows: figures.byProduct.map((p) => ({
          product: `${p.productCode} · ${p.productName}`,
          ...groupRow(p),
        })),
        totals: { product: null, ...groupRow(t) },
      },
      {
        title: l.byOfficer,
        columns: [{ key: 'officer', label: l.officer, kind: 'text' }, ...groupColumns],
        rows: figures.byOfficer.map((o) => ({ officer: o.officerName, ...groupRow(o) })),
        totals: { officer: null, ...groupRow(t) },
      },
    ],
  };
}
