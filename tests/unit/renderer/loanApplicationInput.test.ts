import { describe, expect, it } from 'vitest';
import type { LoanProductView } from '../../../shared/contract';
import {
  emptyApplication,
  toApplication,
  toTerms,
  type ApplicationValues,
} from '../../../renderer/screens/loans/apply/applicationInput';

const customerId = '0190a0b0-0000-7000-8000-000000000001';
const productId = '0190a0b0-0000-7000-8000-000000000002';
const key = '0190a0b0-0000-7000-8000-0000000000ff';

function aProduct(overrides: Partial<LoanProductView> = {}): LoanProductView {
  return {
    id: productId,
    code: 'BIASHARA',
    name: 'Biashara loan',
    kind: 'personal',
    currency: 'KES',
    digits: 2,
    minPrincipalMinor: 1_000_000,
    maxPrincipalMinor: 50_000_000,
    minRepayments: 3,
    maxRepayments: 24,
    minRate: '12',
    maxRate: '30',
    defaultRate: '18',
    termsTemplate: { interestMethod: 'declining_balance', frequency: 'months' },
    eligibility: {},
    approvalLimits: { manager: 20_000_000 },
    allowsTranches: false,
    isActive: true,
    updatedAt: '2025-01-01T00:00:00Z',
    ...overrides,
  };
}

function anApplication(overrides: Partial<ApplicationValues> = {}): ApplicationValues {
  return {
    ...emptyApplication('2025-03-03'),
    customerId,
    productId,
    principalMinor: '50,000.50',
    repayments: '12',
    annualRate: '18.5',
    purpose: 'Stock for the shop',
    ...overrides,
  };
}

describe('the eligibility check’s terms', () => {
  it('turns typed amounts into minor units and keeps the rate as a string', () => {
    const { terms, errors } = toTerms(anApplication(), aProduct(), 'en');
    expect(errors).toEqual({});
    expect(terms).toEqual({
      customerId,
      productId,
      principalMinor: 5_000_050,
      repayments: 12,
      annualRate: '18.5',
      expectedDisbursementDate: '2025-03-03',
      firstRepaymentDate: undefined,
    });
  });

  it('leaves the rate to the product’s default when it is empty', () => {
    expect(toTerms(anApplication({ annualRate: '' }), aProduct(), 'en').terms?.annualRate).toBeUndefined();
  });

  it('refuses a rate outside the product’s range', () => {
    const { terms, errors } = toTerms(anApplication({ annualRate: '31' }), aProduct(), 'en');
    expect(terms).toBeNull();
    expect(errors).toEqual({ annualRate: 'rateRange' });
  });

  it('waits for a customer, a product and the terms', () => {
    const { terms, errors } = toTerms(emptyApplication('2025-03-03'), null, 'en');
    expect(terms).toBeNull();
    expect(errors).toMatchObject({
      customerId: 'required',
      productId: 'required',
      principalMinor: 'required',
    });
  });

  it('says which amount is not an amount', () => {
    expect(toTerms(anApplication({ principalMinor: '12.345' }), aProduct(), 'en').errors).toEqual({
      principalMinor: 'amount',
    });
    expect(toTerms(anApplication({ repayments: '1.5' }), aProduct(), 'en').errors).toEqual({
      repayments: 'whole',
    });
  });
});

describe('the application', () => {
  it('carries collateral and guarantors in minor units, with the submit flag and the idempotency key', () => {
    const { input, errors } = toApplication(
      anApplication({
        collateral: [
          {
            key: 'a',
            type: 'vehicle',
            description: ' Toyota pick-up KBZ 123A ',
            valueMinor: '800000',
            valuationDate: '2025-02-20',
            lienStatus: 'pending',
          },
        ],
        guarantors: [
          {
            key: 'b',
            customer: {
              id: '0190a0b0-0000-7000-8000-000000000003',
              customerNo: 'NBO01-01-000003',
              kind: 'individual',
              displayName: 'Baraka Odhiambo',
              phone: null,
              idNumber: null,
              dateOfBirth: null,
              kycStatus: 'verified',
              createdAt: '2025-01-01T00:00:00Z',
            },
            guaranteedMinor: '25000.5',
          },
        ],
      }),
      aProduct(),
      'en',
      { submit: true, idempotencyKey: key },
    );
    expect(errors).toEqual({});
    expect(input).toMatchObject({
      principalMinor: 5_000_050,
      purpose: 'Stock for the shop',
      submit: true,
      idempotencyKey: key,
      collateral: [{ type: 'vehicle', description: 'Toyota pick-up KBZ 123A', valueMinor: 80_000_000 }],
      guarantors: [{ customerId: '0190a0b0-0000-7000-8000-000000000003', guaranteedMinor: 2_500_050 }],
    });
  });

  it('names the collateral field that is wrong, by its path', () => {
    const { input, errors } = toApplication(
      anApplication({
        collateral: [
          {
            key: 'a',
            type: 'land',
            description: '',
            valueMinor: 'lots',
            valuationDate: '',
            lienStatus: 'none',
          },
        ],
      }),
      aProduct(),
      'en',
      { submit: false, idempotencyKey: key },
    );
    expect(input).toBeNull();
    expect(errors).toEqual({
      'collateral.0.valueMinor': 'amount',
      'collateral.0.description': 'required',
      'collateral.0.valuationDate': 'required',
    });
  });

  it('needs a purpose', () => {
    expect(
      toApplication(anApplication({ purpose: '  ' }), aProduct(), 'en', {
        submit: false,
        idempotencyKey: key,
      }).errors,
    ).toEqual({ purpose: 'required' });
  });
});
