import { describe, expect, it } from 'vitest';
import { assessEligibility, defaultPolicy, type CustomerSummary } from '../../../shared/loan';
import type { Minor } from '../../../shared/money';
import { aLoanInput } from './factories';

function aCustomer(overrides: Partial<CustomerSummary> = {}): CustomerSummary {
  return {
    birthDate: '1990-06-01',
    kycStatus: 'verified',
    monthlyIncomeMinor: 50000 as Minor, // 500.00 a month
    existingMonthlyInstallmentsMinor: 0 as Minor,
    existingExposureMinor: 0 as Minor,
    maxDaysPastDueOnOtherLoans: 0,
    ...overrides,
  };
}

function assess(customer: CustomerSummary, terms = aLoanInput()) {
  const result = assessEligibility(customer, terms, defaultPolicy, '2024-01-10');
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const rule = (e: ReturnType<typeof assess>, name: string) => e.results.find((r) => r.rule === name)!;

describe('eligibility and affordability', () => {
  it('accepts a verified adult whose installments are within 40 % of income', () => {
    // 106.62 a month of 500.00 income = 21.3 %
    const e = assess(aCustomer());
    expect(e.isEligible).toBe(true);
    expect(rule(e, 'affordability').reason).toBe(
      'installments of 106.62 EUR a month are 21.3 % of income 500.00 EUR (limit 40 %)',
    );
  });

  it('refuses when all installments together exceed 40 % of income', () => {
    // 106.62 + 100.00 existing = 206.62 of 500.00 = 41.3 %
    const e = assess(aCustomer({ existingMonthlyInstallmentsMinor: 10000 as Minor }));
    expect(e.isEligible).toBe(false);
    expect(rule(e, 'affordability').isPassed).toBe(false);
  });

  it('refuses a minor, with the reason', () => {
    const e = assess(aCustomer({ birthDate: '2008-01-01' }));
    expect(rule(e, 'age')).toEqual({
      rule: 'age',
      isPassed: false,
      reason: 'is 16, younger than the minimum age of 18',
    });
  });

  it('refuses a customer whose identity is not verified', () => {
    expect(rule(assess(aCustomer({ kycStatus: 'pending' })), 'kyc').isPassed).toBe(false);
  });

  it('refuses amounts and terms beyond the product limits', () => {
    const e = assess(
      aCustomer({ monthlyIncomeMinor: 10_000_000 as Minor }),
      aLoanInput({ principal: '60000', repayments: 72 }),
    );
    expect(rule(e, 'product_limits').reason).toBe(
      'amount is above the maximum of 50000.00 EUR; 72 repayments exceed the maximum of 60',
    );
  });

  it('refuses when existing exposure plus this loan is too high', () => {
    expect(rule(assess(aCustomer({ existingExposureMinor: 9_950_000 as Minor })), 'exposure').isPassed).toBe(
      false,
    );
  });

  it('refuses a customer in arrears on another loan', () => {
    const e = assess(aCustomer({ maxDaysPastDueOnOtherLoans: 12 }));
    expect(rule(e, 'arrears')).toEqual({
      rule: 'arrears',
      isPassed: false,
      reason: 'is 12 days past due on another loan',
    });
  });

  it('returns the terms issues instead of a verdict for invalid terms', () => {
    const result = assessEligibility(
      aCustomer(),
      aLoanInput({ principal: '0' }),
      defaultPolicy,
      '2024-01-10',
    );
    expect(result.ok).toBe(false);
  });
});
