// Onboarding: individuals and businesses, with the duplicate checks the branch relies on — the same ID or
// registration number is refused (naming the customer who has it); a likely duplicate (similar name and the
// same date of birth, or the same phone) is shown, and the officer may proceed only with a reason, audited.
import type { Kysely } from 'kysely';
import type { CustomersTable, Database } from '../../../db/schema';
import {
  LmsError,
  fieldError,
  type CustomerSettings,
  type CustomerSummary,
  type OutputOf,
  type ParsedInputOf,
} from '../../../shared/contract';
import type { Ctx, WriteCtx } from '../context';
import { requireActor, requireDevice } from '../context';
import {
  assertAdult,
  assertNotInFuture,
  businessDateOf,
  displayNameOf,
  isSimilarName,
  nextNumber,
  normalisePhone,
  readCustomerSettings,
  refreshSearch,
  toSummary,
} from './rules';

type Match = { customer: CustomerSummary; why: string };

export function describeCustomer(c: Pick<CustomerSummary, 'customerNo' | 'displayName'>): string {
  return `${c.customerNo} ${c.displayName}`;
}

/** Exact and likely duplicates of what is being onboarded. Pure reads; used by the form and by registration. */
export async function findDuplicates(
  ctx: Ctx,
  input: ParsedInputOf<'customers.checkDuplicates'>,
): Promise<OutputOf<'customers.checkDuplicates'>> {
  const db = ctx.db;
  let exact: Match | null = null;
  if (input.idType && input.idNumber) {
    const row = await db
      .selectFrom('customers')
      .selectAll()
      .where('id_type', '=', input.idType)
      .where('id_number', '=', input.idNumber.trim().toUpperCase())
      .executeTakeFirst();
    if (row) exact = { customer: toSummary(row), why: 'same ID number' };
  }
  if (!exact && input.registrationNumber) {
    const row = await db
      .selectFrom('customers')
      .selectAll()
      .where('registration_number', '=', input.registrationNumber.trim().toUpperCase())
      .executeTakeFirst();
    if (row) exact = { customer: toSummary(row), why: 'same registration number' };
  }
  const likely = new Map<string, Match>();
  if (input.dateOfBirth && (input.firstName || input.lastName)) {
    const name = [input.firstName, input.lastName].filter(Boolean).join(' ');
    const sameBirth = await db
      .selectFrom('customers')
      .selectAll()
      .where('date_of_birth', '=', input.dateOfBirth)
      .limit(500)
      .execute();
    for (const c of sameBirth) {
      const theirs = [c.first_name, c.last_name].filter(Boolean).join(' ');
      if (isSimilarName(name, theirs))
        likely.set(c.id, { customer: toSummary(c), why: 'similar name and same date of birth' });
    }
  }
  if (input.registeredName) {
    const prefix = input.registeredName.trim().slice(0, 3);
    const candidates = await db
      .selectFrom('customers')
      .selectAll()
      .where('kind', '=', 'business')
      .where('registered_name', '>=', prefix)
      .where('registered_name', '<', `${prefix}\uffff`)
      .limit(500)
      .execute();
    for (const c of candidates) {
      if (isSimilarName(input.registeredName, c.registered_name ?? '')) {
        likely.set(c.id, { customer: toSummary(c), why: 'similar business name' });
      }
    }
  }
  if (input.phone) {
    const settings = await readCustomerSettings(db);
    let phone: string | null = null;
    try {
      phone = normalisePhone(input.phone, settings.defaultCountry, 'phone');
    } catch {
      phone = null;
    }
    if (phone) {
      const samePhone = await db
        .selectFrom('customers')
        .selectAll()
        .where((eb) => eb.or([eb('phone', '=', phone), eb('phone_alt', '=', phone)]))
        .limit(50)
        .execute();
      for (const c of samePhone)
        if (!likely.has(c.id)) likely.set(c.id, { customer: toSummary(c), why: 'same phone number' });
    }
  }
  if (exact) likely.delete(exact.customer.id);
  return { exact, likely: [...likely.values()] };
}

function refuseExact(match: Match, field: string): LmsError {
  const reason = field === 'idNumber' ? 'duplicate_id' : 'duplicate_registration';
  const message = `already belongs to ${describeCustomer(match.customer)}`;
  return new LmsError('CONFLICT', `This ${match.why.replace('same ', '')} ${message}.`, reason, [
    { path: field, message },
  ]);
}

function refuseLikely(likely: Match[]): LmsError {
  const list = likely.map((m) => `${describeCustomer(m.customer)} (${m.why})`).join('; ');
  return new LmsError(
    'CONFLICT',
    `Possible duplicate of ${list}. Check, or give a reason to proceed.`,
    'likely_duplicate',
    [{ path: 'duplicateOverrideReason', message: `possible duplicate of ${list}` }],
  );
}

async function assertReferrer(ctx: WriteCtx, referredBy: string | undefined) {
  if (!referredBy) return;
  const row = await ctx.tx
    .selectFrom('customers')
    .select('id')
    .where('id', '=', referredBy)
    .executeTakeFirst();
  if (!row) throw fieldError('referredByCustomerId', 'is not a known customer', 'customer_not_found');
}

function emptyCustomer(ctx: WriteCtx, kind: CustomersTable['kind'], customerNo: string): CustomersTable {
  const now = ctx.clock.now().toISOString();
  return {
    id: ctx.ids.uuid(),
    customer_no: customerNo,
    kind,
    branch_id: requireDevice(ctx).branchId,
    display_name: '',
    first_name: null,
    middle_name: null,
    last_name: null,
    date_of_birth: null,
    gender: null,
    id_type: null,
    id_number: null,
    id_expiry_date: null,
    occupation: null,
    employer: null,
    monthly_income_minor: null,
    monthly_expenses_minor: null,
    registered_name: null,
    registration_number: null,
    legal_form: null,
    sector: null,
    date_established: null,
    annual_turnover_minor: null,
    phone: null,
    phone_alt: null,
    email: null,
    address: null,
    city: null,
    region: null,
    country: null,
    photo_document_id: null,
    referred_by_customer_id: null,
    kyc_status: 'pending',
    kyc_decided_by: null,
    kyc_decided_at: null,
    kyc_note: null,
    created_by: requireActor(ctx).userId,
    created_at: now,
    updated_at: now,
    field_hlcs: '{}',
  };
}

/**
 * The projection of `customer.registered`: the customer row, its search entry and a pending referral reward.
 * Shared by local onboarding and the sync applier, so both build the same rows.
 */
export async function projectCustomerRegistered(
  tx: Kysely<Database>,
  row: CustomersTable,
  rewardId: string,
): Promise<void> {
  await tx.insertInto('customers').values(row).execute();
  await refreshSearch(tx, row, true);
  if (row.referred_by_customer_id) {
    const settings = await readCustomerSettings(tx);
    await tx
      .insertInto('referral_rewards')
      .values({
        id: rewardId,
        referrer_customer_id: row.referred_by_customer_id,
        referred_customer_id: row.id,
        amount_minor: settings.referralRewardMinor,
        status: 'pending',
        earned_at: null,
        settled_at: null,
        settled_by: null,
        created_at: row.created_at,
      })
      .execute();
  }
}

async function persist(
  ctx: WriteCtx,
  row: CustomersTable,
  overrideReason: string | undefined,
  extra: Record<string, unknown>,
) {
  // The reward's id travels in the event, so every replica makes the same row.
  const rewardId = ctx.ids.uuid();
  await projectCustomerRegistered(ctx.tx, row, rewardId);
  await ctx.emit({
    type: 'customer.registered',
    entityType: 'customer',
    entityId: row.id,
    payload: { ...row, rewardId, ...extra },
  });
  await ctx.audit({
    action: 'customer.registered',
    entityType: 'customer',
    entityId: row.id,
    details: {
      customerNo: row.customer_no,
      kind: row.kind,
      name: row.display_name,
      ...(overrideReason ? { duplicateOverrideReason: overrideReason } : {}),
    },
  });
}

type OnboardingInput =
  ParsedInputOf<'customers.registerIndividual'> | ParsedInputOf<'customers.registerBusiness'>;

/**
 * What onboarding an individual and a business share, in the documented order: the date rule, the phones,
 * an exact duplicate (refused), likely duplicates (a reason needed), the referrer. Answers the contact columns.
 */
async function checkOnboarding(
  ctx: WriteCtx,
  input: OnboardingInput,
  exactField: 'idNumber' | 'registrationNumber',
  checkDates: (today: string, settings: CustomerSettings) => void,
) {
  const settings = await readCustomerSettings(ctx.tx);
  checkDates(await businessDateOf({ ...ctx, db: ctx.tx }), settings);
  const phone = normalisePhone(input.phone, settings.defaultCountry, 'phone');
  const phoneAlt = input.phoneAlt
    ? normalisePhone(input.phoneAlt, settings.defaultCountry, 'phoneAlt')
    : null;
  const duplicates = await findDuplicates({ ...ctx, db: ctx.tx }, { ...input, phone });
  if (duplicates.exact) throw refuseExact(duplicates.exact, exactField);
  if (duplicates.likely.length > 0 && !input.duplicateOverrideReason) throw refuseLikely(duplicates.likely);
  await assertReferrer(ctx, input.referredByCustomerId);
  const contact = {
    phone,
    phone_alt: phoneAlt,
    email: input.email ?? null,
    address: input.address ?? null,
    city: input.city ?? null,
    region: input.region ?? null,
    country: input.country ?? settings.defaultCountry,
    referred_by_customer_id: input.referredByCustomerId ?? null,
  } satisfies Partial<CustomersTable>;
  return { settings, contact };
}

export async function registerIndividual(
  ctx: WriteCtx,
  input: ParsedInputOf<'customers.registerIndividual'>,
): Promise<CustomerSummary> {
  const { contact } = await checkOnboarding(ctx, input, 'idNumber', (today, rules) =>
    assertAdult(input.dateOfBirth, today, rules.minimumAge),
  );
  const row = emptyCustomer(ctx, 'individual', await nextNumber(ctx, 'customer_no'));
  Object.assign(row, {
    first_name: input.firstName,
    middle_name: input.middleName ?? null,
    last_name: input.lastName,
    date_of_birth: input.dateOfBirth,
    gender: input.gender,
    id_type: input.idType,
    id_number: input.idNumber,
    id_expiry_date: input.idExpiryDate ?? null,
    occupation: input.occupation ?? null,
    employer: input.employer ?? null,
    monthly_income_minor: input.monthlyIncomeMinor ?? null,
    monthly_expenses_minor: input.monthlyExpensesMinor ?? null,
    ...contact,
  } satisfies Partial<CustomersTable>);
  row.display_name = displayNameOf(row);
  await persist(ctx, row, input.duplicateOverrideReason, {});
  return toSummary(row);
}

export async function registerBusiness(
  ctx: WriteCtx,
  input: ParsedInputOf<'customers.registerBusiness'>,
): Promise<CustomerSummary> {
  const { contact } = await checkOnboarding(ctx, input, 'registrationNumber', (today) =>
    assertNotInFuture(input.dateEstablished, today, 'dateEstablished'),
  );

  let shares = 0;
  for (const [i, person] of input.people.entries()) {
    const found = await ctx.tx
      .selectFrom('customers')
      .select(['kind'])
      .where('id', '=', person.customerId)
      .executeTakeFirst();
    if (!found) throw fieldError(`people.${i}.customerId`, 'is not a known customer', 'customer_not_found');
    if (found.kind !== 'individual')
      throw fieldError(`people.${i}.customerId`, 'must be an individual customer', 'not_an_individual');
    if (person.role === 'owner') shares += person.shareBasisPoints ?? 0;
  }
  if (shares > 10_000)
    throw fieldError('people', 'owners’ shares add up to more than 100%', 'shares_exceed_100');

  const row = emptyCustomer(ctx, 'business', await nextNumber(ctx, 'customer_no'));
  Object.assign(row, {
    registered_name: input.registeredName,
    registration_number: input.registrationNumber,
    legal_form: input.legalForm,
    sector: input.sector,
    date_established: input.dateEstablished,
    annual_turnover_minor: input.annualTurnoverMinor ?? null,
    ...contact,
  } satisfies Partial<CustomersTable>);
  row.display_name = displayNameOf(row);
  const people = input.people.map((p) => ({
    id: ctx.ids.uuid(),
    business_id: row.id,
    person_id: p.customerId,
    role: p.role,
    share_basis_points: p.shareBasisPoints ?? null,
    created_at: row.created_at,
  }));
  await persist(ctx, row, input.duplicateOverrideReason, { people });
  if (people.length > 0) await ctx.tx.insertInto('business_people').values(people).execute();
  return toSummary(row);
}
