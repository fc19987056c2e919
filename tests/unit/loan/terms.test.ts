import { describe, expect, it } from 'vitest';
import { parseTerms, parseTermsOrThrow, TermsError } from '../../../shared/loan';
import { aLoanInput } from './factories';

function issuesFor(overrides: Record<string, unknown>) {
  const result = parseTerms({ ...aLoanInput(), ...overrides });
  return result.ok ? [] : result.issues;
}

describe('loan terms are refused with the field and the reason', () => {
  it('refuses a zero or negative principal', () => {
    expect(issuesFor({ principal: '0' })).toEqual([
      { path: 'terms.principal', message: 'must be greater than 0' },
    ]);
    expect(issuesFor({ principal: '-100' })).toEqual([
      { path: 'terms.principal', message: 'must be greater than 0' },
    ]);
  });

  it('refuses a principal with more decimals than the currency has', () => {
    expect(issuesFor({ principal: '100.005' })).toEqual([
      { path: 'terms.principal', message: 'must have at most 2 decimal places' },
    ]);
  });

  it('refuses an amount written as a JS number or in exponent notation', () => {
    expect(issuesFor({ principal: 5000 })[0]!.path).toBe('terms.principal');
    expect(issuesFor({ principal: '5e3' })[0]!.path).toBe('terms.principal');
  });

  it('refuses a rate outside 0 to 1,000 % a year', () => {
    expect(issuesFor({ annualRate: '-1' })[0]!.path).toBe('terms.annualRate');
    expect(issuesFor({ annualRate: '1000.01' })[0]).toEqual({
      path: 'terms.annualRate',
      message: 'must be between 0 and 1000 (percent per year)',
    });
    expect(issuesFor({ annualRate: '1000' })).toEqual([]);
    expect(issuesFor({ annualRate: '0' })).toEqual([]);
  });

  it('refuses zero repayments', () => {
    expect(issuesFor({ repayments: 0 })).toEqual([
      { path: 'terms.repayments', message: 'must be at least 1' },
    ]);
    expect(issuesFor({ repayments: 2.5 })).toEqual([
      { path: 'terms.repayments', message: 'must be a whole number' },
    ]);
  });

  it('refuses an unknown convention', () => {
    expect(issuesFor({ dayCount: 'actual_364' })).toEqual([
      { path: 'terms.dayCount', message: 'must be one of actual_actual, actual_365, actual_360, 30_360' },
    ]);
    expect(issuesFor({ interestMethod: 'compound' })[0]!.path).toBe('terms.interestMethod');
  });

  it('refuses a date that does not exist', () => {
    expect(issuesFor({ disbursementDate: '2023-02-30' })).toEqual([
      { path: 'terms.disbursementDate', message: 'must be a date that exists, written YYYY-MM-DD' },
    ]);
  });

  it('refuses a first repayment on or before the disbursement', () => {
    expect(issuesFor({ firstRepaymentDate: '2024-01-10' })).toEqual([
      { path: 'terms.firstRepaymentDate', message: 'must be after the disbursement date' },
    ]);
  });

  it('refuses a grace on principal as long as the loan', () => {
    expect(issuesFor({ graceOnPrincipal: 12 })[0]!.path).toBe('terms.graceOnPrincipal');
  });

  it('says a missing field is required', () => {
    const input: Record<string, unknown> = { ...aLoanInput() };
    delete input.principal;
    expect(parseTerms(input).ok ? [] : (parseTerms(input) as { issues: unknown[] }).issues).toEqual([
      { path: 'terms.principal', message: 'is required' },
    ]);
  });

  it('never throws on input of the wrong shape', () => {
    for (const bad of [null, 42, 'terms', [], { principal: {} }]) {
      const result = parseTerms(bad);
      expect(result.ok).toBe(false);
    }
  });

  it('throws a typed TermsError from the throwing variant', () => {
    expect(() => parseTermsOrThrow({ ...aLoanInput(), principal: '0' })).toThrow(TermsError);
  });

  it('normalises amounts into minor units and percentages into fractions', () => {
    const terms = parseTermsOrThrow(
      aLoanInput({ principal: '1200.50', inMultiplesOf: '0.05', annualRate: '18' }),
    );
    expect(terms.principalMinor).toBe(120050);
    expect(terms.multipleMinor).toBe(5);
    expect(terms.annualRate.toString()).toBe('0.18');
  });
});
