// The provisioning buckets as the settings form holds them (text, as typed) and as the contract takes them:
// whole days from and to (an empty "to" is no upper bound) and a rate as a decimal string ("2.5", a French
// "2,5" too). Sorted by their first day, so a refusal naming `provisioning.<i>` points at the row shown at i.
// Pure; rates stay strings (never a float).
import type { OutputOf } from '../../../../shared/contract';

export type ProvisionBucket = OutputOf<'books.settings'>['provisioning'][number];

export interface BucketText {
  name: string;
  fromDays: string;
  toDays: string;
  ratePercent: string;
}

export type BucketProblem = 'required' | 'wholeDays' | 'rate';
export type BucketErrors = Record<string, BucketProblem>;

export const maxBuckets = 20;

export function bucketsToText(buckets: readonly ProvisionBucket[]): BucketText[] {
  return buckets.map((b) => ({
    name: b.name,
    fromDays: String(b.fromDays),
    toDays: b.toDays === null ? '' : String(b.toDays),
    ratePercent: b.ratePercent,
  }));
}

function wholeDays(text: string): number | null {
  return /^\d{1,5}$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** "2,5" → "2.5"; null unless 0–100 with at most four decimals. */
export function parseRatePercent(text: string): string | null {
  const value = text.trim().replace(',', '.');
  const match = /^(\d{1,3})(?:\.(\d{1,4}))?$/.exec(value);
  if (!match) return null;
  const whole = Number(match[1]);
  const hasFraction = /[1-9]/.test(match[2] ?? '');
  if (whole > 100 || (whole === 100 && hasFraction)) return null;
  return value;
}

/**
 * The rows as the contract's buckets, sorted by their first day (with the rows in the same order), or the
 * problems by `<row>.<field>` when a row cannot be read.
 */
export function textToBuckets(
  rows: readonly BucketText[],
): { ok: true; buckets: ProvisionBucket[]; rows: BucketText[] } | { ok: false; errors: BucketErrors } {
  const errors: BucketErrors = {};
  const parsed: { bucket: ProvisionBucket; row: BucketText }[] = [];
  for (const [i, row] of rows.entries()) {
    const fromDays = wholeDays(row.fromDays);
    const toDays = row.toDays.trim() === '' ? null : wholeDays(row.toDays);
    const ratePercent = parseRatePercent(row.ratePercent);
    if (row.name.trim() === '') errors[`${i}.name`] = 'required';
    if (fromDays === null) errors[`${i}.fromDays`] = row.fromDays.trim() === '' ? 'required' : 'wholeDays';
    if (row.toDays.trim() !== '' && toDays === null) errors[`${i}.toDays`] = 'wholeDays';
    if (ratePercent === null)
      errors[`${i}.ratePercent`] = row.ratePercent.trim() === '' ? 'required' : 'rate';
    if (fromDays !== null && ratePercent !== null && row.name.trim() !== '')
      parsed.push({ bucket: { name: row.name.trim(), fromDays, toDays, ratePercent }, row });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  parsed.sort((a, b) => a.bucket.fromDays - b.bucket.fromDays);
  return { ok: true, buckets: parsed.map((p) => p.bucket), rows: parsed.map((p) => p.row) };
}
