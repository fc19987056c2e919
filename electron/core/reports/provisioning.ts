// The loan-loss provisioning report (issue 7): the books' provisioning figures for a month (loans by days past
// due in the configured buckets, the provision each bucket requires, what the provision account holds and the
// adjustment) as a report model, so it exports to PDF, CSV and XLSX like every report. The figures are the
// books' own (electron/core/books/provisioning.ts); this module only lays them out. A branch's own figures.
import type { ParsedInputOf, Report, ReportLanguage } from '../../../shared/contract';
import type { Ctx } from '../context';
import { provisioning } from '../books/provisioning';
import { languageOf, reportFrame, reportScope, scopeDetail, type ReportScope } from './scope';

const labels = {
  en: {
    title: 'Loan-loss provisioning',
    branch: 'Branch',
    allBranches: 'All branches',
    period: 'Month',
    asOf: 'Days past due as of',
    buckets: 'Buckets by days past due',
    bucket: 'Bucket',
    days: 'Days past due',
    rate: 'Rate',
    loans: 'Loans',
    principal: 'Principal outstanding',
    required: 'Provision required',
    summary: 'The provision account',
    item: 'Item',
    amount: 'Amount',
    held: 'Held now',
    adjustment: 'Adjustment to post',
    posted: 'Posted (entry)',
    total: 'Total',
    andMore: 'and more',
  },
  fr: {
    title: 'Provisions pour pertes sur prêts',
    branch: 'Agence',
    allBranches: 'Toutes les agences',
    period: 'Mois',
    asOf: 'Jours de retard au',
    buckets: 'Tranches par jours de retard',
    bucket: 'Tranche',
    days: 'Jours de retard',
    rate: 'Taux',
    loans: 'Prêts',
    principal: 'Capital restant dû',
    required: 'Provision requise',
    summary: 'Le compte de provision',
    item: 'Élément',
    amount: 'Montant',
    held: 'Solde actuel',
    adjustment: 'Ajustement à passer',
    posted: 'Passée (écriture)',
    total: 'Total',
    andMore: 'et plus',
  },
} satisfies Record<ReportLanguage, Record<string, string>>;

export async function provisioningReport(
  ctx: Ctx,
  input: { period?: string; language?: ReportLanguage },
): Promise<{ report: Report; period: string; scope: ReportScope }> {
  const scope = await reportScope(ctx, 'reports.export', undefined);
  const f = await provisioning(ctx, { period: input.period } as ParsedInputOf<'books.provisioning'>);
  const language = input.language ?? languageOf(scope);
  const l = labels[language];
  const report: Report = {
    ...reportFrame(ctx, scope, language),
    title: l.title,
    details: [scopeDetail(l, scope), { label: l.period, value: f.period }, { label: l.asOf, value: f.asOf }],
    tables: [
      {
        title: l.buckets,
        columns: [
          { key: 'bucket', label: l.bucket, kind: 'text' },
          { key: 'days', label: l.days, kind: 'text' },
          { key: 'rate', label: l.rate, kind: 'text' },
          { key: 'loans', label: l.loans, kind: 'count' },
          { key: 'principal', label: l.principal, kind: 'money' },
          { key: 'required', label: l.required, kind: 'money' },
        ],
        rows: f.buckets.map((b) => ({
          bucket: b.name,
          days: b.toDays === null ? `${b.fromDays} ${l.andMore}` : `${b.fromDays}–${b.toDays}`,
          rate: `${b.ratePercent} %`,
          loans: b.loanCount,
          principal: b.outstandingPrincipalMinor,
          required: b.requiredMinor,
        })),
        totals: {
          bucket: l.total,
          days: null,
          rate: null,
          loans: f.buckets.reduce((s, b) => s + b.loanCount, 0),
          principal: f.buckets.reduce((s, b) => s + b.outstandingPrincipalMinor, 0),
          required: f.requiredMinor,
        },
      },
      {
        title: l.summary,
        columns: [
          { key: 'item', label: l.item, kind: 'text' },
          { key: 'amount', label: l.amount, kind: 'money' },
        ],
        rows: [
          { item: l.required, amount: f.requiredMinor },
          { item: l.held, amount: f.heldMinor },
          {
            item: f.postedEntryId ? `${l.posted} ${f.postedEntryId}` : l.adjustment,
            amount: f.adjustmentMinor,
          },
        ],
      },
    ],
  };
  return { report, period: f.period, scope };
}
