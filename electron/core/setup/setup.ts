// First-run setup: the institution, this branch and device, default settings and the first administrator, in
// one transaction. Refused once done. Also reads what the rest of the core needs to know about this ledger.
import { ensureChart } from '../books/chart';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { latestVersion } from '../../../db/migrations';
import { LmsError, fieldError, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import type { Ctx, LocalDevice, WriteCtx } from '../context';
import { checkPasswordPolicy } from '../auth/passwords';
import { defaultSecurity } from '../settings/security';
import { insertUser } from '../users/users';

export async function loadLocalDevice(db: Kysely<Database>): Promise<LocalDevice | null> {
  const row = await db
    .selectFrom('devices')
    .innerJoin('branches', 'branches.id', 'devices.branch_id')
    .select(['devices.id', 'devices.code', 'devices.branch_id', 'branches.code as branchCode'])
    .where('devices.is_local', '=', 1)
    .executeTakeFirst();
  return row ? { id: row.id, code: row.code, branchId: row.branch_id, branchCode: row.branchCode } : null;
}

export async function readBranch(db: Kysely<Database>, branchId?: string) {
  let query = db.selectFrom('branches').selectAll();
  if (branchId) query = query.where('id', '=', branchId);
  const b = await query.executeTakeFirst();
  if (!b) return null;
  return {
    code: b.code,
    name: b.name,
    currency: b.currency,
    currencyDigits: b.currency_digits,
    locale: b.locale,
    timeZone: b.time_zone,
    businessDate: b.business_date,
  };
}

export async function setupStatus(ctx: Ctx): Promise<OutputOf<'setup.status'>> {
  const institution = await ctx.db.selectFrom('institution').select('name').executeTakeFirst();
  const device = await loadLocalDevice(ctx.db);
  return {
    isInitialised: Boolean(institution && device),
    institutionName: institution?.name ?? null,
    branch: device ? await readBranch(ctx.db, device.branchId) : null,
  };
}

/** The currency's minor-unit digits per ISO 4217, as the runtime's ICU data knows them (KES 2, UGX 0, KWD 3). */
export function currencyDigits(currency: string): number | null {
  if (!Intl.supportedValuesOf('currency').includes(currency)) return null;
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export async function initialise(
  ctx: WriteCtx,
  input: ParsedInputOf<'setup.initialise'>,
): Promise<OutputOf<'setup.initialise'>> {
  if (await ctx.tx.selectFrom('institution').select('id').executeTakeFirst()) {
    throw new LmsError('CONFLICT', 'This ledger is already set up.', 'already_initialised');
  }
  const digits = currencyDigits(input.currency);
  if (digits === null) throw fieldError('currency', 'is not an ISO 4217 currency code');
  if (!isTimeZone(input.timeZone))
    throw fieldError('timeZone', 'is not a known time zone (e.g. Africa/Nairobi)');
  const violation = checkPasswordPolicy(
    input.adminPassword,
    defaultSecurity.minPasswordLength,
    input.adminUsername,
  );
  if (violation) throw fieldError('adminPassword', violation.message, violation.reason);

  const now = ctx.clock.now().toISOString();
  const institutionId = ctx.ids.uuid();
  const branchId = ctx.ids.uuid();
  const deviceId = ctx.ids.uuid();
  await ctx.tx
    .insertInto('institution')
    .values({ id: institutionId, name: input.institutionName, created_at: now })
    .execute();
  await ctx.tx
    .insertInto('branches')
    .values({
      id: branchId,
      code: input.branchCode,
      name: input.branchName,
      currency: input.currency,
      currency_digits: digits,
      locale: input.locale,
      time_zone: input.timeZone,
      business_date: input.businessDate,
      created_at: now,
    })
    .execute();
  await ctx.tx
    .insertInto('devices')
    .values({
      id: deviceId,
      branch_id: branchId,
      code: input.deviceCode,
      is_local: 1,
      schema_version: latestVersion,
      created_at: now,
    })
    .execute();
  ctx.device = { id: deviceId, code: input.deviceCode, branchId, branchCode: input.branchCode };
  // The default chart of accounts (resources/chart-of-accounts.json): the books post from the first day.
  await ensureChart(ctx.tx, now);

  await ctx.emit({
    type: 'branch.initialised',
    entityType: 'branch',
    entityId: branchId,
    payload: {
      institutionId,
      institutionName: input.institutionName,
      code: input.branchCode,
      name: input.branchName,
      currency: input.currency,
      currencyDigits: digits,
      locale: input.locale,
      timeZone: input.timeZone,
      businessDate: input.businessDate,
      deviceId,
      deviceCode: input.deviceCode,
    },
  });
  const admin = await insertUser(
    ctx,
    {
      username: input.adminUsername,
      displayName: input.adminDisplayName,
      role: 'admin',
      password: input.adminPassword,
      mustChangePassword: false,
    },
    branchId,
  );
  await ctx.audit({
    action: 'setup.initialised',
    entityType: 'branch',
    entityId: branchId,
    details: {
      institution: input.institutionName,
      branch: input.branchCode,
      device: input.deviceCode,
      admin: admin.username,
    },
  });
  return { branchCode: input.branchCode, deviceCode: input.deviceCode, adminUserId: admin.id };
}
