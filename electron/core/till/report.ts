// The till report's data: a till as the printed report shows it (opening, every cash movement, what the till
// should hold, the count by denomination, the variance, who approved the close). Not responsible for the
// layout (electron/core/print/tillReport.ts) or for who may print it (tills.ts).
import type { Kysely } from 'kysely';
import type { Database, TillsTable } from '../../../db/schema';
import type { OutputOf, TillView } from '../../../shared/contract';
import type { Ctx } from '../context';
import { renderTillReport, type TillMovementKind, type TillReportData } from '../print';

/** Movements the report lists line by line; the opening, variance and closing have lines of their own. */
const listed = new Set<string>(['disbursement', 'repayment', 'reversal', 'cash_in', 'cash_out']);

async function nameOf(db: Kysely<Database>, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const user = await db
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', userId)
    .executeTakeFirst();
  return user?.display_name ?? null;
}

export async function tillReportData(ctx: Ctx, till: TillsTable, view: TillView): Promise<TillReportData> {
  const institution = await ctx.db.selectFrom('institution').select('name').executeTakeFirstOrThrow();
  const branch = await ctx.db
    .selectFrom('branches')
    .select(['code', 'name', 'time_zone', 'currency_digits', 'locale'])
    .where('id', '=', till.branch_id)
    .executeTakeFirstOrThrow();
  const movements = view.movements
    .filter((m) => listed.has(m.kind))
    .map((m) => ({
      postedAt: m.postedAt,
      kind: m.kind as TillMovementKind,
      reference: m.reference ?? m.reason,
      amountMinor: m.amountMinor,
    }));
  const expectedMinor = movements.reduce((sum, m) => sum + m.amountMinor, till.opening_minor);
  return {
    institutionName: institution.name,
    branch: { code: branch.code, name: branch.name, timeZone: branch.time_zone },
    tellerName: view.tellerName ?? till.teller_id,
    businessDate: till.business_date,
    currency: till.currency,
    digits: branch.currency_digits,
    openedAt: till.opened_at,
    closedAt: till.closed_at,
    openingMinor: till.opening_minor,
    movements,
    expectedMinor,
    count:
      till.counted_minor === null
        ? null
        : {
            denominations: view.denominations ?? [],
            countedMinor: till.counted_minor,
            // Against what the listed movements make (equal to the stored variance once the till is closed).
            varianceMinor: till.counted_minor - expectedMinor,
          },
    approvedBy: await nameOf(ctx.db, till.close_approved_by),
    generatedAt: ctx.clock.now().toISOString(),
    language: branch.locale === 'fr' ? 'fr' : 'en',
  };
}

export async function tillReport(
  ctx: Ctx,
  till: TillsTable,
  view: TillView,
): Promise<OutputOf<'till.report'>> {
  const pdf = await renderTillReport(await tillReportData(ctx, till, view));
  const teller = view.tellerName?.replace(/[^\p{L}\p{N}]+/gu, '-') ?? 'teller';
  return { fileName: `till-${till.business_date}-${teller}.pdf`, base64: pdf.toString('base64') };
}
