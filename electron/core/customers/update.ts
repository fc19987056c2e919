// Profile edits: each changed field is validated as at onboarding, its previous value kept in the field
// history, and its HLC recorded so replicas can merge edits last-writer-wins per field. Also KYC decisions.
import { LocalDate } from '@js-joda/core';
import type { CustomersTable } from '../../../db/schema';
import {
  LmsError,
  fieldError,
  type CustomerProfile,
  type OutputOf,
  type ParsedInputOf,
} from '../../../shared/contract';
import type { Ctx, WriteCtx } from '../context';
import { requireActor } from '../context';
import { customerProfile, findCustomer } from './profile';
import { describeCustomer, findDuplicates } from './register';
import {
  assertAdult,
  assertNotInFuture,
  businessDateOf,
  displayNameOf,
  normalisePhone,
  readCustomerSettings,
  refreshSearch,
  toSummary,
} from './rules';

type Changes = ParsedInputOf<'customers.update'>['changes'];

/** API field → ledger column. Checklist for a new editable field: contract, this map, the migration. */
const columns: Record<keyof Changes, keyof CustomersTable> = {
  firstName: 'first_name',
  middleName: 'middle_name',
  lastName: 'last_name',
  dateOfBirth: 'date_of_birth',
  gender: 'gender',
  idType: 'id_type',
  idNumber: 'id_number',
  idExpiryDate: 'id_expiry_date',
  occupation: 'occupation',
  employer: 'employer',
  monthlyIncomeMinor: 'monthly_income_minor',
  monthlyExpensesMinor: 'monthly_expenses_minor',
  registeredName: 'registered_name',
  registrationNumber: 'registration_number',
  legalForm: 'legal_form',
  sector: 'sector',
  dateEstablished: 'date_established',
  annualTurnoverMinor: 'annual_turnover_minor',
  phone: 'phone',
  phoneAlt: 'phone_alt',
  email: 'email',
  address: 'address',
  city: 'city',
  region: 'region',
  country: 'country',
};

const individualOnly = new Set([
  'firstName',
  'middleName',
  'lastName',
  'dateOfBirth',
  'gender',
  'idType',
  'idNumber',
  'idExpiryDate',
  'occupation',
  'employer',
  'monthlyIncomeMinor',
  'monthlyExpensesMinor',
]);
const businessOnly = new Set([
  'registeredName',
  'registrationNumber',
  'legalForm',
  'sector',
  'dateEstablished',
  'annualTurnoverMinor',
]);

async function normalised(ctx: WriteCtx, customer: CustomersTable, changes: Changes): Promise<Changes> {
  const settings = await readCustomerSettings(ctx.tx);
  const today = await businessDateOf({ ...ctx, db: ctx.tx });
  const out: Changes = { ...changes };
  for (const field of Object.keys(changes) as (keyof Changes)[]) {
    if (customer.kind === 'business' && individualOnly.has(field))
      throw fieldError(`changes.${field}`, 'does not apply to a business');
    if (customer.kind === 'individual' && businessOnly.has(field))
      throw fieldError(`changes.${field}`, 'does not apply to an individual');
  }
  if (changes.dateOfBirth)
    assertAdult(changes.dateOfBirth, today, settings.minimumAge, 'changes.dateOfBirth');
  if (changes.dateEstablished) assertNotInFuture(changes.dateEstablished, today, 'changes.dateEstablished');
  if (changes.phone) out.phone = normalisePhone(changes.phone, settings.defaultCountry, 'changes.phone');
  if (changes.phoneAlt)
    out.phoneAlt = normalisePhone(changes.phoneAlt, settings.defaultCountry, 'changes.phoneAlt');
  if (changes.idNumber || changes.idType) {
    const dup = await findDuplicates(
      { ...ctx, db: ctx.tx },
      {
        idType: changes.idType ?? (customer.id_type as never),
        idNumber: changes.idNumber ?? customer.id_number ?? '',
      },
    );
    if (dup.exact && dup.exact.customer.id !== customer.id) {
      throw new LmsError(
        'CONFLICT',
        `This ID number already belongs to ${describeCustomer(dup.exact.customer)}.`,
        'duplicate_id',
        [{ path: 'changes.idNumber', message: `already belongs to ${describeCustomer(dup.exact.customer)}` }],
      );
    }
  }
  if (changes.registrationNumber) {
    const dup = await findDuplicates(
      { ...ctx, db: ctx.tx },
      { registrationNumber: changes.registrationNumber },
    );
    if (dup.exact && dup.exact.customer.id !== customer.id) {
      throw new LmsError(
        'CONFLICT',
        `This registration number already belongs to ${describeCustomer(dup.exact.customer)}.`,
        'duplicate_registration',
        [
          {
            path: 'changes.registrationNumber',
            message: `already belongs to ${describeCustomer(dup.exact.customer)}`,
          },
        ],
      );
    }
  }
  return out;
}

const asText = (v: unknown) => (v === null || v === undefined ? null : String(v));

export async function updateCustomer(
  ctx: WriteCtx,
  input: ParsedInputOf<'customers.update'>,
): Promise<CustomerProfile> {
  const actor = requireActor(ctx);
  const customer = await findCustomer(ctx.tx, input.customerId);
  const changes = await normalised(ctx, customer, input.changes);
  const now = ctx.clock.now().toISOString();
  const updated: CustomersTable = { ...customer };
  const changed: Record<string, unknown> = {};
  const previous: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(changes) as [keyof Changes, unknown][]) {
    if (value === undefined) continue;
    const column = columns[field];
    if (asText(customer[column]) === asText(value)) continue;
    (updated as unknown as Record<string, unknown>)[column] = value;
    changed[field] = value;
    previous[field] = customer[column];
    await ctx.tx
      .insertInto('customer_field_history')
      .values({
        id: ctx.ids.uuid(),
        customer_id: customer.id,
        field,
        old_value: asText(customer[column]),
        new_value: asText(value),
        changed_by: actor.userId,
        changed_at: now,
      })
      .execute();
  }
  if (Object.keys(changed).length === 0) return customerProfile({ ...ctx, db: ctx.tx }, customer.id);
  updated.display_name = displayNameOf(updated);
  updated.updated_at = now;
  const hlc = await ctx.emit({
    type: 'customer.updated',
    entityType: 'customer',
    entityId: customer.id,
    payload: { changes: changed, previous, changedBy: actor.userId, changedAt: now },
  });
  // Last-writer-wins per field: every replica records the event's own HLC for the fields it changed.
  const hlcs = JSON.parse(customer.field_hlcs) as Record<string, string>;
  for (const field of Object.keys(changed)) hlcs[field] = hlc;
  updated.field_hlcs = JSON.stringify(hlcs);
  const { id: _id, ...set } = updated;
  await ctx.tx.updateTable('customers').set(set).where('id', '=', customer.id).execute();
  await refreshSearch(ctx.tx, updated);
  await ctx.audit({
    action: 'customer.updated',
    entityType: 'customer',
    entityId: customer.id,
    details: { fields: Object.keys(changed) },
  });
  return customerProfile({ ...ctx, db: ctx.tx }, customer.id);
}

export async function decideKyc(ctx: WriteCtx, input: ParsedInputOf<'kyc.decide'>): Promise<CustomerProfile> {
  const actor = requireActor(ctx);
  const customer = await findCustomer(ctx.tx, input.customerId);
  if (customer.created_by === actor.userId) {
    throw new LmsError(
      'FORBIDDEN',
      'Another officer must verify the KYC of a customer you onboarded (four eyes).',
      'four_eyes',
    );
  }
  const profile = await customerProfile({ ...ctx, db: ctx.tx }, customer.id);
  if (input.decision === 'verified') {
    if (profile.kyc.missingDocuments.length > 0) {
      throw new LmsError(
        'CONFLICT',
        `Documents missing for KYC: ${profile.kyc.missingDocuments.join(', ')}.`,
        'kyc_documents_missing',
      );
    }
    const today = await businessDateOf({ ...ctx, db: ctx.tx });
    if (customer.id_expiry_date && customer.id_expiry_date < today) {
      throw new LmsError('CONFLICT', `The ID document expired on ${customer.id_expiry_date}.`, 'id_expired');
    }
  }
  const now = ctx.clock.now().toISOString();
  await ctx.tx
    .updateTable('customers')
    .set({
      kyc_status: input.decision,
      kyc_decided_by: actor.userId,
      kyc_decided_at: now,
      kyc_note: input.note ?? null,
      updated_at: now,
    })
    .where('id', '=', customer.id)
    .execute();
  await ctx.emit({
    type: 'kyc.decided',
    entityType: 'customer',
    entityId: customer.id,
    payload: { decision: input.decision, note: input.note ?? null, decidedBy: actor.userId, decidedAt: now },
  });
  await ctx.audit({
    action: 'kyc.decided',
    entityType: 'customer',
    entityId: customer.id,
    details: { decision: input.decision, note: input.note ?? null },
  });
  return customerProfile({ ...ctx, db: ctx.tx }, customer.id);
}

export async function listExpiringIds(
  ctx: Ctx,
  input: ParsedInputOf<'kyc.listExpiring'>,
): Promise<OutputOf<'kyc.listExpiring'>> {
  const today = await businessDateOf(ctx);
  const horizon = LocalDate.parse(today).plusDays(input.withinDays).toString();
  const rows = await ctx.db
    .selectFrom('customers')
    .selectAll()
    .where('id_expiry_date', 'is not', null)
    .where('id_expiry_date', '<=', horizon)
    .orderBy('id_expiry_date')
    .limit(1000)
    .execute();
  return rows.map((r) => ({ ...toSummary(r), idExpiryDate: r.id_expiry_date! }));
}

export async function expireOverdueKyc(ctx: WriteCtx): Promise<OutputOf<'kyc.expireOverdue'>> {
  const today = await businessDateOf({ ...ctx, db: ctx.tx });
  const rows = await ctx.tx
    .selectFrom('customers')
    .select('id')
    .where('kyc_status', '=', 'verified')
    .where('id_expiry_date', '<', today)
    .execute();
  for (const { id } of rows) {
    await ctx.tx
      .updateTable('customers')
      .set({ kyc_status: 'expired', updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', id)
      .execute();
    await ctx.emit({ type: 'kyc.expired', entityType: 'customer', entityId: id, payload: { asOf: today } });
    await ctx.audit({
      action: 'kyc.expired',
      entityType: 'customer',
      entityId: id,
      details: { asOf: today },
    });
  }
  return { expired: rows.length };
}
