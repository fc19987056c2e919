// Disbursements and collections for a period, as typed figures and as the report model the screen shows and the
// export writes: per business day, payouts (count, principal) and money received, split as it was allocated when
// posted (the `allocation` JSON each repayment row keeps: principal, interest, fees, penalties, overpayment
// credit — a later backdated payment re-runs the loan's allocation but not what was received that day) plus
// recoveries on written-off loans. A reversal is netted on the day it was posted, by the allocation of the
// posting it reverses. `collectedMinor` is the cash itself (amounts received less reversed), so it stays exact
// even for a row that carries no allocation. One SQL aggregate grouped by day (json_extract in SQLite).
import { sql } from 'kysely';
import type {
  CollectionFigures,
  OutputOf,
  ParsedInputOf,
  Report,
  ReportLanguage,
  ReportRow,
} from '../../../shared/contract';
import type { Ctx } from '../context';
import { portfolioLabels } from './labels';
import { languageOf, reportFrame, reportScope, scopeDetail, type ReportScope } from './scope';

type CollectionsOutput = OutputOf<'reports.disbursementsCollections'>;

interface DayRow {
  date: string;
  disbursement_count: number;
  disbursed: number;
  principal: number;
  interest: number;
  fees: number;
  penalties: number;
  credit: number;
  recoveries: number;
  collected: number;
  reversed: number;
}

/** A repayment's allocated component, less the same component of the repayments reversed that day. */
const component = (
  key: 'principalMinor' | 'interestMinor' | 'feesMinor' | 'penaltiesMinor' | 'creditMinor',
) =>
  sql<number>`SUM(CASE
    WHEN t.type = 'repayment' THEN COALESCE(json_extract(t.allocation, ${`$.${key}`}), 0)
    WHEN t.type = 'reversal' AND o.type = 'repayment' THEN -COALESCE(json_extract(o.allocation, ${`$.${key}`}), 0)
    ELSE 0 END)`;

export async function disbursementsCollections(
  ctx: Ctx,
  input: ParsedInputOf<'reports.disbursementsCollections'>,
): Promise<CollectionsOutput> {
  const scope = await reportScope(ctx, 'reports.disbursementsCollections', input.branchId);
  let query = ctx.db
    .selectFrom('loan_transactions as t')
    .innerJoin('loans as l', 'l.id', 't.loan_id')
    .leftJoin('loan_transactions as o', 'o.id', 't.reverses_id')
    .select([
      't.value_date as date',
      sql<number>`SUM(t.type = 'disbursement')`.as('disbursement_count'),
      sql<number>`SUM(CASE WHEN t.type = 'disbursement' THEN t.amount_minor ELSE 0 END)`.as('disbursed'),
      component('principalMinor').as('principal'),
      component('interestMinor').as('interest'),
      component('feesMinor').as('fees'),
      component('penaltiesMinor').as('penalties'),
      component('creditMinor').as('credit'),
      sql<number>`SUM(CASE WHEN t.type = 'recovery' THEN t.amount_minor
        WHEN t.type = 'reversal' AND o.type = 'recovery' THEN -o.amount_minor ELSE 0 END)`.as('recoveries'),
      sql<number>`SUM(CASE WHEN t.type IN ('repayment', 'recovery') THEN t.amount_minor
        WHEN t.type = 'reversal' AND o.type IN ('repayment', 'recovery') THEN -o.amount_minor ELSE 0 END)`.as(
        'collected',
      ),
      sql<number>`SUM(CASE WHEN t.type = 'reversal' AND o.type IN ('repayment', 'recovery')
        THEN o.amount_minor ELSE 0 END)`.as('reversed'),
    ])
    .where('t.value_date', '>=', input.from)
    .where('t.value_date', '<=', input.to)
    .where('t.type', 'in', ['disbursement', 'repayment', 'recovery', 'reversal'])
    .where('l.currency', '=', scope.currency);
  if (scope.branchId !== null) query = query.where('l.branch_id', '=', scope.branchId);
  const rows = (await query.groupBy('t.value_date').orderBy('t.value_date').execute()) as DayRow[];
  const days = rows
    .map((r) => ({ date: r.date, ...collectionFigures(r) }))
    .filter((d) => Object.values(d).some((v) => typeof v === 'number' && v !== 0));
  const totals = sumFigures(days);
  const figures = {
    from: input.from,
    to: input.to,
    scope: { branchId: scope.branchId, branchCode: scope.branchCode, branchName: scope.branchName },
    currency: scope.currency,
    digits: scope.digits,
    days,
    totals,
  };
  const language = input.language ?? languageOf(scope);
  return { ...figures, report: collectionsReport(ctx, scope, figures, language) };
}

const figureKeys = [
  'disbursementCount',
  'disbursedPrincipalMinor',
  'principalMinor',
  'interestMinor',
  'feesMinor',
  'penaltiesMinor',
  'creditMinor',
  'recoveriesMinor',
  'collectedMinor',
  'reversedMinor',
] as const satisfies readonly (keyof CollectionFigures)[];

function collectionFigures(r: DayRow): CollectionFigures {
  return {
    disbursementCount: r.disbursement_count,
    disbursedPrincipalMinor: r.disbursed,
    principalMinor: r.principal,
    interestMinor: r.interest,
    feesMinor: r.fees,
    penaltiesMinor: r.penalties,
    creditMinor: r.credit,
    recoveriesMinor: r.recoveries,
    collectedMinor: r.collected,
    reversedMinor: r.reversed,
  };
}

function sumFigures(days: readonly CollectionFigures[]): CollectionFigures {
  const totals = Object.fromEntries(figureKeys.map((k) => [k, 0])) as Record<
    (typeof figureKeys)[number],
    number
  >;
  for (const d of days) for (const k of figureKeys) totals[k] += d[k];
  for (const k of figureKeys)
    if (!Number.isSafeInteger(totals[k])) throw new Error(`collections total ${k} is not a safe integer`);
  return totals;
}

function collectionsReport(
  ctx: Ctx,
  scope: ReportScope,
  figures: Omit<CollectionsOutput, 'report'>,
  language: ReportLanguage,
): Report {
  const l = portfolioLabels[language];
  const money = (key: string, label: string) => ({ key, label, kind: 'money' as const });
  const row = (f: CollectionFigures): ReportRow => ({
    disbursements: f.disbursementCount,
    disbursed: f.disbursedPrincipalMinor,
    principal: f.principalMinor,
    interest: f.interestMinor,
    fees: f.feesMinor,
    penalties: f.penaltiesMinor,
    credit: f.creditMinor,
    recoveries: f.recoveriesMinor,
    collected: f.collectedMinor,
    reversed: f.reversedMinor,
  });
  return {
    ...reportFrame(ctx, scope, language),
    title: l.dcTitle,
    details: [
      scopeDetail(l, scope),
      { label: l.period, value: `${figures.from} – ${figures.to}` },
      { label: l.currency, value: figures.currency },
    ],
    tables: [
      {
        title: l.perDay,
        subtitle: l.dcNote,
        columns: [
          { key: 'date', label: l.date, kind: 'date' },
          { key: 'disbursements', label: l.disbursements, kind: 'count' },
          money('disbursed', l.disbursed),
          money('principal', l.principal),
          money('interest', l.interest),
          money('fees', l.fees),
          money('penalties', l.penalties),
          money('credit', l.credit),
          money('recoveries', l.recoveries),
          money('collected', l.collected),
          money('reversed', l.reversed),
        ],
        rows: figures.days.map((d) => ({ date: d.date, ...row(d) })),
        totals: { date: null, ...row(figures.totals) },
      },
    ],
  };
}
