// What the customer receives when a loan is paid out with its disbursement fee deducted: the fee is worked out
// with the engine's own arithmetic (shared/money: a flat amount, or a percentage of the principal rounded with
// the product's rounding mode), from the loan's terms as `loans.get` returns them. A fee "collected" at
// disbursement is paid separately, so the customer receives the whole principal.
// Not responsible for booking the fee (the core does, and its posting result is what the receipt shows).
import {
  Dec,
  isDecimalString,
  percentOf,
  toMinor,
  type Minor,
  type RoundingMode,
} from '../../../../shared/money';

export interface PayOut {
  principalMinor: number;
  /** The fee taken from the principal before the cash leaves the till (0 when collected or none). */
  deductedFeeMinor: number;
  netMinor: number;
}

const roundings: readonly RoundingMode[] = ['half_even', 'half_up', 'down', 'up'];

function record(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** The deducted fee for paying out `principalMinor`; null when the terms' fee cannot be read. */
export function deductedFee(
  terms: Record<string, unknown>,
  principalMinor: number,
  digits: number,
): number | null {
  const fee = record(record(terms.fees)?.disbursement);
  if (!fee || fee.mode !== 'deducted') return 0;
  const rounding = roundings.find((r) => r === terms.rounding) ?? 'half_even';
  try {
    if (typeof fee.amount === 'string' && isDecimalString(fee.amount)) return toMinor(fee.amount, digits);
    if (typeof fee.percent === 'string' && isDecimalString(fee.percent))
      return percentOf(principalMinor as Minor, new Dec(fee.percent), rounding);
  } catch {
    return null;
  }
  return null;
}

export function payOut(
  terms: Record<string, unknown>,
  principalMinor: number,
  digits: number,
): PayOut | null {
  const fee = deductedFee(terms, principalMinor, digits);
  if (fee === null) return null;
  return { principalMinor, deductedFeeMinor: fee, netMinor: principalMinor - fee };
}
