import { describe, expect, it } from 'vitest';
import type { LoanProductView } from '../../../shared/contract';
import { productToValues, valuesToInput } from '../../../renderer/screens/loans/products/productValues';

const branch = { currency: 'KES', digits: 2 };

function aProduct(overrides: Partial<LoanProductView> = {}): LoanProductView {
  return {
    id: '0190a0b0-0000-7000-8000-000000000002',
    code: 'BIASHARA',
    name: 'Biashara loan',
    kind: 'business',
    currency: 'KES',
    digits: 2,
    minPrincipalMinor: 1_000_000,
    maxPrincipalMinor: 50_000_000,
    minRepayments: 3,
    maxRepayments: 24,
    minRate: '12',
    maxRate: '30',
    defaultRate: '18',
    termsTemplate: {
      digits: 2,
      rounding: 'half_even',
      interestMethod: 'declining_balance',
      amortization: 'equal_installments',
      every: 1,
      frequency: 'months',
      dayCount: 'actual_365',
      interestPeriod: 'same_as_repayment',
      brokenPeriodInterest: 'same_as_regular',
      graceOnPrincipal: 0,
      graceOnInterest: 0,
      interestFreePeriods: 0,
      fees: { disbursement: { percent: '2', mode: 'deducted' } },
      penalties: { lateFee: { amount: '500.00', graceDays: 3 }, annualRate: '24' },
      allocation: 'penalties_fees_interest_principal',
      prepayment: 'reduce_term',
    },
    eligibility: { minAge: 21 },
    approvalLimits: { manager: 20_000_000, head_office: 100_000_000 },
    allowsTranches: true,
    isActive: true,
    updatedAt: '2025-01-01T00:00:00Z',
    ...overrides,
  };
}

describe('the products form', () => {
  it('gives back what it was given: a product edited without changes saves the same parameters', () => {
    const product = aProduct();
    const { input, errors } = valuesToInput(productToValues(product, branch), 'en');
    expect(errors).toEqual({});
    const { updatedAt: _updatedAt, ...fields } = product;
    expect(input).toEqual(fields);
  });

  it('reads amounts in major units into minor units and charges into the engine’s decimal strings', () => {
    const values = {
      ...productToValues(null, branch),
      code: 'kilimo-1',
      name: 'Kilimo',
      minPrincipalMinor: '5,000',
      maxPrincipalMinor: '250000.50',
      minRepayments: '4',
      maxRepayments: '52',
      minRate: '10',
      maxRate: '36',
      defaultRate: '24.5',
      frequency: 'weeks' as const,
      every: '2',
      disbursementFeeKind: 'amount' as const,
      disbursementFee: '1500',
      lateFeeKind: 'percent' as const,
      lateFee: '5',
      managerLimitMinor: '100000',
      maxTotalExposureMinor: '1,000,000',
    };
    const { input, errors } = valuesToInput(values, 'en');
    expect(errors).toEqual({});
    expect(input).toMatchObject({
      code: 'KILIMO-1',
      minPrincipalMinor: 500_000,
      maxPrincipalMinor: 25_000_050,
      defaultRate: '24.5',
      approvalLimits: { manager: 10_000_000 },
      eligibility: { maxTotalExposureMinor: 100_000_000 },
      termsTemplate: {
        frequency: 'weeks',
        every: 2,
        fees: { disbursement: { amount: '1500.00', mode: 'collected' } },
        penalties: { lateFee: { percent: '5', graceDays: 0 } },
      },
    });
    expect(input?.approvalLimits).not.toHaveProperty('admin');
  });

  it('reports every field that is wrong at once', () => {
    const values = {
      ...productToValues(null, branch),
      code: 'x',
      minPrincipalMinor: '10.001',
      defaultRate: 'eighteen',
      disbursementFeeKind: 'percent' as const,
    };
    const { input, errors } = valuesToInput(values, 'en');
    expect(input).toBeNull();
    expect(errors).toMatchObject({
      code: 'code',
      name: 'required',
      minPrincipalMinor: 'amount',
      defaultRate: 'rate',
      disbursementFee: 'required',
    });
  });
});
