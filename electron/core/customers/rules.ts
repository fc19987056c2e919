// Onboarding rules and the small pure helpers the customer use cases share: the settings (with defaults),
// people-facing numbers, phone and name normalisation, the full-text search terms and query.
import { rawFirst } from '../../../db/raw';
import { LocalDate } from '@js-joda/core';
import { distance } from 'fastest-levenshtein';
import { sql, type Kysely } from 'kysely';
import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { CustomersTable, Database } from '../../../db/schema';
import { fieldError, type CustomerSettings, type CustomerSummary } from '../../../shared/contract';
import type { Ctx, WriteCtx } from '../context';
import { requireDevice } from '../context';
import { settingsGroup } from '../settings/store';

export const defaultCustomerSettings: CustomerSettings = {
  minimumAge: 18,
  defaultCountry: 'KE',
  maxDocumentBytes: 10 * 1024 * 1024,
  requiredDocuments: { individual: ['id_document', 'photo'], business: ['business_registration'] },
  referralRewardMinor: 50_000,
  scoreWeights: {
    repaymentHistory: 30,
    arrears: 20,
    affordability: 20,
    tenure: 10,
    kyc: 10,
    businessAge: 10,
  },
};

const group = settingsGroup('customers', defaultCustomerSettings);

export const readCustomerSettings = (db: Kysely<Database>): Promise<CustomerSettings> => group.read(db);
export const updateCustomerSettings = (
  ctx: WriteCtx,
  input: Partial<CustomerSettings>,
): Promise<CustomerSettings> => group.update(ctx, input);

/** `BRANCH-DEVICE-000123`: unique offline, since each device numbers only its own. */
const nextNumberSql = `INSERT INTO counters (name, next_value) VALUES (?, 2)
  ON CONFLICT (name) DO UPDATE SET next_value = counters.next_value + 1 RETURNING next_value`;

export async function nextNumber(ctx: WriteCtx, counter: string): Promise<string> {
  const device = requireDevice(ctx);
  const row = (await rawFirst<{ next_value: number }>(ctx.tx, nextNumberSql, [counter]))!;
  return `${device.branchCode}-${device.code}-${String(row.next_value - 1).padStart(6, '0')}`;
}

export async function businessDateOf(ctx: Ctx): Promise<string> {
  const branch = await ctx.db
    .selectFrom('branches')
    .select('business_date')
    .where('id', '=', requireDevice(ctx).branchId)
    .executeTakeFirstOrThrow();
  return branch.business_date;
}

/** A phone number in E.164, or a VALIDATION error on `field`. */
export function normalisePhone(input: string, country: string, field: string): string {
  const parsed = parsePhoneNumberFromString(input, country as CountryCode);
  if (!parsed || !parsed.isValid()) {
    throw fieldError(field, `is not a valid phone number (e.g. +254 712 345 678)`, 'invalid_phone');
  }
  return parsed.number;
}

export function assertNotInFuture(date: string, today: string, field: string) {
  if (date > today) throw fieldError(field, 'must not be in the future', 'date_in_future');
}

export function assertAdult(dateOfBirth: string, today: string, minimumAge: number, field = 'dateOfBirth') {
  assertNotInFuture(dateOfBirth, today, field);
  if (LocalDate.parse(dateOfBirth).plusYears(minimumAge).isAfter(LocalDate.parse(today))) {
    throw fieldError(field, `the customer must be at least ${minimumAge} years old`, 'under_age');
  }
}

/** Lower case, accents folded, spaces collapsed: "  Amína  NJOROGE " → "amina njoroge". */
export function foldName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Same person, probably: equal once folded and word-sorted, or at most two edits apart. */
export function isSimilarName(a: string, b: string): boolean {
  const fa = foldName(a).split(' ').sort().join(' ');
  const fb = foldName(b).split(' ').sort().join(' ');
  if (fa === fb) return true;
  const budget = Math.min(2, Math.floor(Math.min(fa.length, fb.length) / 5));
  return distance(fa, fb) <= budget;
}

export function displayNameOf(
  c: Pick<CustomersTable, 'kind' | 'first_name' | 'middle_name' | 'last_name' | 'registered_name'>,
): string {
  if (c.kind === 'business') return c.registered_name ?? '';
  return [c.first_name, c.middle_name, c.last_name].filter(Boolean).join(' ');
}

function phoneForms(e164: string | null): string[] {
  if (!e164) return [];
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return [e164.replace(/\D/g, '')];
  const national = parsed.formatNational().replace(/\D/g, '');
  return [e164.replace(/\D/g, ''), national, parsed.nationalNumber];
}

/** Everything search-as-you-type should find a customer by, as space-separated terms. */
export function searchTermsOf(c: CustomersTable): string {
  return [
    c.display_name,
    c.registered_name,
    c.id_number,
    c.id_number?.replace(/-/g, ''),
    c.registration_number?.replace(/[/-]/g, ''),
    c.customer_no.replace(/-/g, ''),
    c.customer_no.replace(/-/g, ' '),
    ...phoneForms(c.phone),
    ...phoneForms(c.phone_alt),
  ]
    .filter(Boolean)
    .join(' ');
}

export type NumberQuery = { phone: string | null; digits: string; customerNo: string | null };

/**
 * A query that is a number (an ID, a phone, a customer number), as the prefixes to look up in the B-tree
 * indexes: "0712 345" → phone prefix "+254712345"; "NBO-01-0004" → customer number prefix. Null for names.
 */
export function toNumberQuery(input: string, country: string): NumberQuery | null {
  const trimmed = input.trim();
  if (/^[A-Za-z]{2,8}-\d/.test(trimmed))
    return { phone: null, digits: '', customerNo: trimmed.toUpperCase() };
  if (!/^[+\d\s().-]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 2) return null;
  const code = getCountryCallingCode(country as CountryCode);
  // "+2547…" as typed, "07…" in national form, "2547…" without the plus, or "7…" without the trunk zero.
  const phone = trimmed.startsWith('+')
    ? `+${digits}`
    : digits.startsWith('0')
      ? `+${code}${digits.slice(1)}`
      : digits.startsWith(code)
        ? `+${digits}`
        : `+${code}${digits}`;
  return { phone, digits, customerNo: null };
}

/**
 * What the officer typed, as an FTS5 query: each word a quoted prefix, all required. A number typed with
 * spaces or dashes ("0712 345", "NBO-01-00") is one term. Quoting makes any character in a name inert.
 */
export function toFtsQuery(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  const words =
    /^[+\d\s().-]+$/.test(trimmed) || /^[A-Za-z]{2,8}-\d/.test(trimmed)
      ? [trimmed.replace(/[^\p{L}\p{N}]/gu, '')]
      : trimmed.split(/\s+/).map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''));
  const terms = words.filter(Boolean).map((w) => `"${w}"*`);
  return terms.length > 0 ? terms.join(' ') : null;
}

/** The columns a summary needs: lists select only these. */
export const summaryColumns = [
  'customers.id',
  'customers.customer_no',
  'customers.kind',
  'customers.display_name',
  'customers.phone',
  'customers.id_number',
  'customers.registration_number',
  'customers.date_of_birth',
  'customers.kyc_status',
  'customers.created_at',
] as const;

type SummaryRow = Pick<
  CustomersTable,
  | 'id'
  | 'customer_no'
  | 'kind'
  | 'display_name'
  | 'phone'
  | 'id_number'
  | 'registration_number'
  | 'date_of_birth'
  | 'kyc_status'
  | 'created_at'
>;

export function toSummary(c: SummaryRow): CustomerSummary {
  return {
    id: c.id,
    customerNo: c.customer_no,
    kind: c.kind,
    displayName: c.display_name,
    phone: c.phone,
    idNumber: c.id_number ?? c.registration_number,
    dateOfBirth: c.date_of_birth,
    kycStatus: c.kyc_status,
    createdAt: c.created_at,
  };
}

/**
 * Keeps the search index in step with a customer. The index row shares the customer row's rowid, so it is
 * found without a scan (FTS5 cannot index its UNINDEXED customer_id column).
 */
export async function refreshSearch(tx: Kysely<Database>, c: CustomersTable, isNew = false): Promise<void> {
  const rowid = sql<number>`(SELECT rowid FROM customers WHERE id = ${c.id})`;
  if (!isNew) await sql`DELETE FROM customer_search WHERE rowid = ${rowid}`.execute(tx);
  await sql`INSERT INTO customer_search (rowid, customer_id, terms) VALUES (${rowid}, ${c.id}, ${searchTermsOf(c)})`.execute(
    tx,
  );
}
