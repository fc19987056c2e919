import { describe, expect, it } from 'vitest';
import { describeTerms, say } from '../../../renderer/screens/loans/loan/termsText';

/** A stand-in for i18next: the key with its parameters, so the test reads what the screen would be asked. */
const t = (key: string, params?: Record<string, unknown>) =>
  params && Object.keys(params).length > 0 ? `${key}(${JSON.stringify(params)})` : key;
const format = {
  date: (d: string) => `date ${d}`,
  major: (amount: string, currency: string) => `${currency} ${amount}`,
};

const terms = {
  principal: '50000.00',
  currency: 'KES',
  annualRate: '18',
  interestMethod: 'declining_balance',
  repayments: 12,
  every: 2,
  frequency: 'weeks',
  disbursementDate: '2025-03-03',
  graceOnPrincipal: 2,
  graceOnInterest: 0,
  fees: { disbursement: { percent: '2', mode: 'deducted' } },
  penalties: { lateFee: { amount: '500', graceDays: 3 } },
  allocation: 'penalties_fees_interest_principal',
  someNewTerm: true,
};

describe('a loan’s terms in words', () => {
  const lines = describeTerms(terms);
  const text = (term: string) => {
    const line = lines.find((l) => l.term === term);
    return line ? say(line.text, t, format) : undefined;
  };

  it('says how often and how many repayments fall due', () => {
    expect(text('repayments')).toBe(
      'loans.termText.repayments({"count":12,"every":"loans.frequency.weeks({\\"count\\":2})"})',
    );
  });

  it('says each charge with its amount or percentage and how it is taken', () => {
    expect(text('disbursementFee')).toBe(
      'loans.termText.fee.deducted({"charge":"loans.termText.percent({\\"percent\\":\\"2\\"})"})',
    );
    expect(text('lateFee')).toBe('loans.termText.lateFee({"charge":"KES 500","days":3})');
  });

  it('names the choices, and leaves out grace that is zero', () => {
    expect(text('interestMethod')).toBe('loans.termText.interestMethod.declining_balance');
    expect(text('graceOnPrincipal')).toBe('loans.termText.periods({"count":2})');
    expect(text('graceOnInterest')).toBeUndefined();
  });

  it('leaves amounts and dates to the screen’s formatting', () => {
    expect(text('principal')).toBe('KES 50000.00');
    expect(text('disbursementDate')).toBe('date 2025-03-03');
  });

  it('still shows a term it does not know, raw', () => {
    expect(text('someNewTerm')).toBe('true');
  });
});
