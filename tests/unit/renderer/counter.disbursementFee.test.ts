import { describe, expect, it } from 'vitest';
import { payOut } from '../../../renderer/screens/counter/desk/disbursementFee';

describe('what the customer receives at disbursement', () => {
  it('is the principal less a deducted flat fee', () => {
    const terms = { fees: { disbursement: { amount: '500', mode: 'deducted' } } };
    expect(payOut(terms, 5_000_000, 2)).toEqual({
      principalMinor: 5_000_000,
      deductedFeeMinor: 50_000,
      netMinor: 4_950_000,
    });
  });

  it('rounds a deducted percentage with the product’s rounding mode', () => {
    const halfEven = { fees: { disbursement: { percent: '1.5', mode: 'deducted' } } };
    expect(payOut(halfEven, 3_333_333, 2)?.deductedFeeMinor).toBe(50_000); // 49,999.995 → 50,000
    const down = { rounding: 'down', fees: { disbursement: { percent: '1.5', mode: 'deducted' } } };
    expect(payOut(down, 3_333_333, 2)?.deductedFeeMinor).toBe(49_999);
  });

  it('is the whole principal when the fee is collected separately or there is none', () => {
    expect(payOut({ fees: { disbursement: { amount: '500', mode: 'collected' } } }, 100, 2)?.netMinor).toBe(
      100,
    );
    expect(payOut({ fees: { disbursement: { amount: '500' } } }, 100, 2)?.netMinor).toBe(100);
    expect(payOut({}, 100, 2)?.netMinor).toBe(100);
  });

  it('says it cannot tell when the fee in the terms is not readable', () => {
    expect(payOut({ fees: { disbursement: { amount: 'five', mode: 'deducted' } } }, 100, 2)).toBeNull();
  });
});
