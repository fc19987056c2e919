// Reading customers: search as you type (FTS5 with prefix indexes), the list with filters, and the whole
// profile the customer page shows.
import { sql } from 'kysely';
import type { CustomersTable } from '../../../db/schema';
import { LmsError, type CustomerProfile, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import type { Ctx } from '../context';
import {
  readCustomerSettings,
  summaryColumns,
  toFtsQuery,
  toNumberQuery,
  toSummary,
  type NumberQuery,
} from './rules';

export async function findCustomer(db: Ctx['db'], customerId: string): Promise<CustomersTable> {
  const row = await db.selectFrom('customers').selectAll().where('id', '=', customerId).executeTakeFirst();
  if (!row) throw new LmsError('NOT_FOUND', 'No customer with that id.', 'customer_not_found');
  return row;
}

/** Prefix range scans on the number columns' B-tree indexes, merged in customer-number order. */
async function searchNumbers(ctx: Ctx, input: ParsedInputOf<'customers.search'>, q: NumberQuery) {
  type NumberColumn = 'id_number' | 'registration_number' | 'phone' | 'phone_alt' | 'customer_no';
  const ranges: [NumberColumn, string][] = [];
  if (q.customerNo) ranges.push(['customer_no', q.customerNo]);
  if (q.digits) ranges.push(['id_number', q.digits], ['registration_number', q.digits]);
  if (q.phone) ranges.push(['phone', q.phone], ['phone_alt', q.phone]);
  const found = new Map<string, ReturnType<typeof toSummary>>();
  for (const [column, prefix] of ranges) {
    let query = ctx.db
      .selectFrom('customers')
      .select(summaryColumns)
      .where(column, '>=', prefix)
      .where(column, '<', `${prefix}\uffff`);
    if (input.kind) query = query.where('kind', '=', input.kind);
    if (input.kycStatus) query = query.where('kyc_status', '=', input.kycStatus);
    const rows = await query
      .orderBy(column)
      .limit(input.offset + input.limit)
      .execute();
    for (const row of rows) found.set(row.id, toSummary(row));
  }
  return [...found.values()]
    .sort((a, b) => (a.customerNo < b.customerNo ? -1 : 1))
    .slice(input.offset, input.offset + input.limit);
}

export async function searchCustomers(
  ctx: Ctx,
  input: ParsedInputOf<'customers.search'>,
): Promise<OutputOf<'customers.search'>> {
  // Numbers (IDs, phones, customer numbers) go to B-tree range scans; names to the full-text index.
  const settings = await readCustomerSettings(ctx.db);
  const number = toNumberQuery(input.query, settings.defaultCountry);
  if (number) return { rows: await searchNumbers(ctx, input, number), total: null };
  const match = toFtsQuery(input.query);
  if (match) {
    let query = ctx.db
      .selectFrom('customer_search')
      .innerJoin('customers', 'customers.id', 'customer_search.customer_id')
      .select(summaryColumns)
      .where(sql<boolean>`customer_search MATCH ${match}`);
    if (input.kind) query = query.where('customers.kind', '=', input.kind);
    if (input.kycStatus) query = query.where('customers.kyc_status', '=', input.kycStatus);
    // Index order (registration order), not bm25 rank: ranking every match of a short prefix among 100,000
    // customers costs tens of milliseconds, and as-you-type narrows the list with each keystroke anyway.
    const rows = await query.limit(input.limit).offset(input.offset).execute();
    return { rows: rows.map(toSummary), total: null };
  }
  let query = ctx.db.selectFrom('customers');
  if (input.kind) query = query.where('kind', '=', input.kind);
  if (input.kycStatus) query = query.where('kyc_status', '=', input.kycStatus);
  const rows = await query
    .select(summaryColumns)
    .orderBy('display_name')
    .orderBy('id')
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  const count = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows: rows.map(toSummary), total: Number(count.n) };
}

/** Shown for staff of another branch or head office, whose accounts are not on this device. */
export const otherBranchStaff = 'staff of another branch';

async function usernameOf(ctx: Ctx, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const u = await ctx.db.selectFrom('users').select('username').where('id', '=', userId).executeTakeFirst();
  return u?.username ?? null;
}

export async function customerProfile(ctx: Ctx, customerId: string): Promise<CustomerProfile> {
  const c = await findCustomer(ctx.db, customerId);
  const settings = await readCustomerSettings(ctx.db);
  const summaries = async (ids: string[]) => {
    if (ids.length === 0) return new Map<string, ReturnType<typeof toSummary>>();
    const rows = await ctx.db.selectFrom('customers').selectAll().where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, toSummary(r)]));
  };
  const people = await ctx.db
    .selectFrom('business_people')
    .selectAll()
    .where('business_id', '=', c.id)
    .execute();
  const memberOf = await ctx.db
    .selectFrom('business_people')
    .selectAll()
    .where('person_id', '=', c.id)
    .execute();
  const relationships = await ctx.db
    .selectFrom('relationships')
    .selectAll()
    .where('removed_at', 'is', null)
    .where((eb) => eb.or([eb('customer_id', '=', c.id), eb('related_customer_id', '=', c.id)]))
    .orderBy('created_at')
    .execute();
  const documents = await ctx.db
    .selectFrom('documents')
    .leftJoin('users', 'users.id', 'documents.uploaded_by')
    .selectAll('documents')
    .select('users.username')
    .where('customer_id', '=', c.id)
    .orderBy('uploaded_at', 'desc')
    .execute();
  const others = await summaries([
    ...people.map((p) => p.person_id),
    ...memberOf.map((m) => m.business_id),
    ...relationships.map((r) => (r.customer_id === c.id ? r.related_customer_id : r.customer_id)),
    ...(c.referred_by_customer_id ? [c.referred_by_customer_id] : []),
  ]);
  const required = settings.requiredDocuments[c.kind];
  const present = new Set(documents.map((d) => d.kind));
  const [latestScore] = await scoresOf(ctx, c.id, 1);
  return {
    ...toSummary(c),
    firstName: c.first_name,
    middleName: c.middle_name,
    lastName: c.last_name,
    gender: c.gender,
    idType: c.id_type,
    idNumber: c.id_number ?? c.registration_number,
    idExpiryDate: c.id_expiry_date,
    occupation: c.occupation,
    employer: c.employer,
    monthlyIncomeMinor: c.monthly_income_minor,
    monthlyExpensesMinor: c.monthly_expenses_minor,
    registeredName: c.registered_name,
    registrationNumber: c.registration_number,
    legalForm: c.legal_form,
    sector: c.sector,
    dateEstablished: c.date_established,
    annualTurnoverMinor: c.annual_turnover_minor,
    phoneAlt: c.phone_alt,
    email: c.email,
    address: c.address,
    city: c.city,
    region: c.region,
    country: c.country,
    photoDocumentId: c.photo_document_id,
    referredBy: c.referred_by_customer_id ? (others.get(c.referred_by_customer_id) ?? null) : null,
    kyc: {
      status: c.kyc_status,
      decidedBy: await usernameOf(ctx, c.kyc_decided_by),
      decidedAt: c.kyc_decided_at,
      note: c.kyc_note,
      requiredDocuments: required,
      missingDocuments: required.filter((k) => !present.has(k)),
      canDecide: Boolean(ctx.actor?.permissions.has('kyc.verify') && ctx.actor.userId !== c.created_by),
    },
    createdBy: (await usernameOf(ctx, c.created_by)) ?? '',
    updatedAt: c.updated_at,
    people: people.map((p) => ({
      role: p.role,
      shareBasisPoints: p.share_basis_points,
      person: others.get(p.person_id)!,
    })),
    memberOf: memberOf.map((m) => ({
      role: m.role,
      shareBasisPoints: m.share_basis_points,
      business: others.get(m.business_id)!,
    })),
    relationships: relationships.map((r) => {
      const isOutgoing = r.customer_id === c.id;
      return {
        id: r.id,
        kind: r.kind,
        direction: isOutgoing ? ('outgoing' as const) : ('incoming' as const),
        other: others.get(isOutgoing ? r.related_customer_id : r.customer_id)!,
        note: r.note,
        createdAt: r.created_at,
      };
    }),
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      fileName: d.file_name,
      mimeType: d.mime_type,
      sizeBytes: d.size_bytes,
      sha256: d.sha256,
      uploadedBy: d.username ?? otherBranchStaff,
      uploadedAt: d.uploaded_at,
    })),
    latestScore: latestScore ?? null,
  };
}

/** A customer's credit scores, newest first (the profile shows the latest, the score tab all of them). */
export async function scoresOf(
  ctx: Ctx,
  customerId: string,
  limit = 1_000,
): Promise<OutputOf<'scores.history'>> {
  const rows = await ctx.db
    .selectFrom('credit_scores')
    .leftJoin('users', 'users.id', 'credit_scores.computed_by')
    .selectAll('credit_scores')
    .select('users.username')
    .where('customer_id', '=', customerId)
    .orderBy('computed_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    score: r.score,
    band: r.band,
    factors: JSON.parse(r.factors) as OutputOf<'scores.history'>[number]['factors'],
    computedAt: r.computed_at,
    computedBy: r.username ?? otherBranchStaff,
  }));
}

export async function customerHistory(ctx: Ctx, customerId: string): Promise<OutputOf<'customers.history'>> {
  await findCustomer(ctx.db, customerId);
  const rows = await ctx.db
    .selectFrom('customer_field_history')
    .leftJoin('users', 'users.id', 'customer_field_history.changed_by')
    .selectAll('customer_field_history')
    .select('users.username')
    .where('customer_id', '=', customerId)
    .orderBy('changed_at', 'desc')
    .orderBy('customer_field_history.id', 'desc')
    .execute();
  return rows.map((r) => ({
    field: r.field,
    oldValue: r.old_value,
    newValue: r.new_value,
    changedBy: r.username ?? otherBranchStaff,
    changedAt: r.changed_at,
  }));
}

export async function customerActivity(
  ctx: Ctx,
  customerId: string,
): Promise<OutputOf<'customers.activity'>> {
  await findCustomer(ctx.db, customerId);
  const rows = await ctx.db
    .selectFrom('audit_log')
    .select(['at', 'username', 'action', 'details'])
    .where('entity_type', '=', 'customer')
    .where('entity_id', '=', customerId)
    .orderBy('seq', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    at: r.at,
    username: r.username,
    action: r.action,
    details: JSON.parse(r.details) as Record<string, unknown>,
  }));
}
