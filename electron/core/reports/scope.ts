// Which branches a report may cover, decided in the core for every report (portfolio and, later, the ledger's).
// A head-office device may report on any branch or, leaving the branch out, on all of them; a branch device on
// its own branch only — asking for another is refused (FORBIDDEN) and audited like any permission denial.
//
// "Head office" is the device's sync setting (`isHeadOffice` in sync.config, set by an administrator on the Sync
// screen). It is what makes central mark the branch `is_head_office` and what lets the device pull every branch
// (electron/sync/push.ts, pull.ts), so a ledger holds other branches' loans only where it is set; the local
// `branches` table has no such column. Also the parts of a report model that come from its scope (the frame:
// institution, currency, language, time zone, the branch line). Not responsible for the figures (portfolio.ts,
// collections.ts).
import { writeTransaction } from '../../../db/open';
import { fieldError, LmsError, type OutputOf, type ReportLanguage } from '../../../shared/contract';
import { appendAudit } from '../audit/log';
import { requireDevice, type Ctx } from '../context';
import { readSyncConfig } from '../sync/config';

export interface ReportScope {
  /** Null: every branch (head office only). */
  branchId: string | null;
  branchCode: string | null;
  branchName: string | null;
  /** The report's currency and its digits: the branch's, or this device's branch's for all branches. */
  currency: string;
  digits: number;
  /** The branch's business date (the date loans are projected as of), or this device's for all branches. */
  businessDate: string;
  locale: string;
  timeZone: string;
  institutionName: string;
}

export async function isHeadOfficeDevice(ctx: Ctx): Promise<boolean> {
  return (await readSyncConfig(ctx.db))?.isHeadOffice === true;
}

/** The scope a report runs in, or FORBIDDEN when a branch device asks for another branch. */
export async function reportScope(
  ctx: Ctx,
  method: string,
  branchId: string | undefined,
): Promise<ReportScope> {
  const device = requireDevice(ctx);
  const isHeadOffice = await isHeadOfficeDevice(ctx);
  if (!isHeadOffice && branchId !== undefined && branchId !== device.branchId) {
    await writeTransaction(ctx.writeDb ?? ctx.db, (tx) =>
      appendAudit(tx, ctx, {
        action: 'permission.denied',
        details: { method, why: 'a branch device reports on its own branch only', branchId },
      }),
    );
    throw new LmsError(
      'FORBIDDEN',
      'This device belongs to a branch: it reports on its own branch only.',
      'permission_denied',
    );
  }
  const chosen = isHeadOffice ? (branchId ?? null) : device.branchId;
  const own = await branchRow(ctx, device.branchId);
  const branch = chosen === null ? null : await branchRow(ctx, chosen);
  if (chosen !== null && !branch) throw fieldError('branchId', 'is not a branch this device knows');
  if (!own) throw new Error('the local device’s branch is missing');
  const institution = await ctx.db.selectFrom('institution').select('name').executeTakeFirst();
  const source = branch ?? own;
  return {
    branchId: chosen,
    branchCode: branch?.code ?? null,
    branchName: branch?.name ?? null,
    currency: source.currency,
    digits: source.currency_digits,
    businessDate: source.business_date,
    locale: source.locale,
    timeZone: source.time_zone,
    institutionName: institution?.name ?? '',
  };
}

function branchRow(ctx: Ctx, id: string) {
  return ctx.db
    .selectFrom('branches')
    .select(['id', 'code', 'name', 'currency', 'currency_digits', 'business_date', 'locale', 'time_zone'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** What the filters offer: branches this device may report on, products, and officers with loans in scope. */
export async function reportFilters(ctx: Ctx): Promise<OutputOf<'reports.filters'>> {
  const device = requireDevice(ctx);
  const isHeadOffice = await isHeadOfficeDevice(ctx);
  let branches = ctx.db.selectFrom('branches').select(['id', 'code', 'name']).orderBy('code');
  if (!isHeadOffice) branches = branches.where('id', '=', device.branchId);
  const products = await ctx.db
    .selectFrom('loan_products')
    .select(['id', 'code', 'name'])
    .orderBy('code')
    .execute();
  // DISTINCT over loans_officer(officer_id, status): an index walk, not a scan of the loans.
  let officerIds = ctx.db.selectFrom('loans').select('officer_id').distinct();
  if (!isHeadOffice) officerIds = officerIds.where('branch_id', '=', device.branchId);
  const ids = (await officerIds.execute()).map((r) => r.officer_id);
  const names = await officerNames(ctx, ids);
  return {
    isHeadOffice,
    ownBranchId: device.branchId,
    branches: await branches.execute(),
    products,
    officers: ids
      .map((id) => ({ id, name: names.get(id) ?? id }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** Display names of staff by id (a name unknown on this device — another branch's — stays its id). */
export async function officerNames(ctx: Ctx, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  // Bounded batches: SQLite's default limit on bound parameters is 32,766.
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await ctx.db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) names.set(r.id, r.display_name);
  }
  return names;
}

/** The branch's language, when the caller did not choose one. */
export function languageOf(scope: ReportScope): ReportLanguage {
  return scope.locale.startsWith('fr') ? 'fr' : 'en';
}

/** The "Branch" detail line: the branch's name and code, or all branches. */
export function scopeDetail(l: { branch: string; allBranches: string }, scope: ReportScope) {
  const value = scope.branchId === null ? l.allBranches : `${scope.branchName} (${scope.branchCode})`;
  return { label: l.branch, value };
}

/** The fields every report model takes from its scope: institution, currency, language, zone, generated-at. */
export function reportFrame(ctx: Ctx, scope: ReportScope, language: ReportLanguage) {
  return {
    institutionName: scope.institutionName,
    currency: scope.currency,
    digits: scope.digits,
    language,
    timeZone: scope.timeZone,
    generatedAt: ctx.clock.now().toISOString(),
  };
}
