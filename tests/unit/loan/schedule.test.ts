import { describe, expect, it } from 'vitest';
import { buildSchedule, equalInstallment } from '../../../shared/loan';
import { asMinor, ratio } from '../../../shared/money';
import { aLoan, rows } from './factories';

describe('the repayment schedule', () => {
  it('charges interest only during the grace on principal, then amortises over the remaining periods', () => {
    // 1,200.00 at 12 % a year = 1 % a month, 4 months, 1 month of grace on principal.
    // Month 1: interest 1,200.00 × 1 % = 12.00, no principal.
    // E over the 3 remaining months: 1,200 × 1.01³ / (1 + 1.01 + 1.01²) = 1,236.3612 / 3.0301 = 408.0265… → 408.03
    // Month 2: interest 12.00, principal 408.03 − 12.00 = 396.03, balance 803.97
    // Month 3: interest 803.97 × 1 % = 8.0397 → 8.04, principal 399.99, balance 403.98
    // Month 4: interest 403.98 × 1 % = 4.0398 → 4.04, principal takes the rest 403.98, total 408.02
    const schedule = buildSchedule(aLoan({ repayments: 4, graceOnPrincipal: 1 }));
    expect(rows(schedule.installments)).toEqual([
      [0, 1200, 1200],
      [39603, 1200, 40803],
      [39999, 804, 40803],
      [40398, 404, 40802],
    ]);
  });

  it('defers the interest of a grace on interest payment to the first installment after it', () => {
    // 1,200.00 at 1 % a month over 3 months: E = 1,236.3612 / 3.0301 → 408.03.
    // Month 1 interest 12.00 is not collected then: installment 1 is principal only (396.03);
    // month 2 collects its own 8.04 plus the deferred 12.00 = 20.04.
    const schedule = buildSchedule(aLoan({ repayments: 3, graceOnInterest: 1 }));
    expect(rows(schedule.installments)).toEqual([
      [39603, 0, 39603],
      [39999, 2004, 42003],
      [40398, 404, 40802],
    ]);
    expect(schedule.totals.interestMinor).toBe(1200 + 804 + 404);
  });

  it('charges no interest at all in interest-free periods', () => {
    // Rates 0 %, 1 %, 1 %: E = 1,200 × 1 × 1.01 × 1.01 / F, F = 1 → 1 + 1 × 1.01 = 2.01 → 1 + 2.01 × 1.01 = 3.0301
    // E = 1,224.12 / 3.0301 = 403.9868… → 403.99; month 1: no interest, principal 403.99, balance 796.01;
    // month 2: interest 7.9601 → 7.96, principal 396.03, balance 399.98; month 3: 3.9998 → 4.00 + 399.98 = 403.98.
    const schedule = buildSchedule(aLoan({ repayments: 3, interestFreePeriods: 1 }));
    expect(rows(schedule.installments)).toEqual([
      [40399, 0, 40399],
      [39603, 796, 40399],
      [39998, 400, 40398],
    ]);
  });

  it('repays equal principal with interest on the declining balance', () => {
    // 1,000.00 over 4 months at 1 %: principal 250.00 each; interest 10.00, 7.50, 5.00, 2.50.
    const schedule = buildSchedule(
      aLoan({ principal: '1000', repayments: 4, amortization: 'equal_principal' }),
    );
    expect(rows(schedule.installments)).toEqual([
      [25000, 1000, 26000],
      [25000, 750, 25750],
      [25000, 500, 25500],
      [25000, 250, 25250],
    ]);
  });

  it('puts the rounding residue of equal principal in the last installment', () => {
    // 1,000.00 / 3 = 333.333… → 333.33, 333.33, and the last takes 333.34.
    const schedule = buildSchedule(
      aLoan({ principal: '1000', repayments: 3, amortization: 'equal_principal' }),
    );
    expect(schedule.installments.map((i) => i.principalMinor)).toEqual([33333, 33333, 33334]);
  });

  it('charges a broken first period for its real length with daily interest', () => {
    // 1,000.00 at 36.5 % actual/365, disbursed 2024-01-01, first repayment 2024-01-21 (20 days), then monthly.
    // r₁ = 0.365 × 20 / 365 = 0.02; r₂ = 0.365 × 31 / 365 = 0.031 (2024-01-21 → 2024-02-21).
    // E = 1,000 × 1.02 × 1.031 / (1 + 1.031) = 1,051.62 / 2.031 = 517.784… → 517.78
    // 1: interest 20.00, principal 497.78, balance 502.22; 2: interest 502.22 × 0.031 = 15.5688 → 15.57, principal 502.22
    const schedule = buildSchedule(
      aLoan({
        principal: '1000',
        annualRate: '36.5',
        repayments: 2,
        interestPeriod: 'daily',
        disbursementDate: '2024-01-01',
        firstRepaymentDate: '2024-01-21',
      }),
    );
    expect(schedule.installments.map((i) => [i.dueDate, i.days])).toEqual([
      ['2024-01-21', 20],
      ['2024-02-21', 31],
    ]);
    expect(rows(schedule.installments)).toEqual([
      [49778, 2000, 51778],
      [50222, 1557, 51779],
    ]);
  });

  it('charges a broken first period the regular rate when interest is per repayment period (the default)', () => {
    // Fineract's convention: annualRate / 12 per period whatever its length: 1,200.00 × 1 % = 12.00.
    const schedule = buildSchedule(
      aLoan({ repayments: 3, disbursementDate: '2024-01-01', firstRepaymentDate: '2024-01-16' }),
    );
    expect(schedule.installments[0]!.interestMinor).toBe(1200);
    expect(schedule.installments.map((i) => i.dueDate)).toEqual(['2024-01-16', '2024-02-16', '2024-03-16']);
  });

  it('charges a broken first period pro rata of a regular period when the product says so', () => {
    // 1,200.00 at 1 % a month; first repayment 15 days after disbursement, where a regular month ending on
    // 2024-01-16 has 31 days: 1,200.00 × 1 % × 15 / 31 = 5.806… → 5.81
    const schedule = buildSchedule(
      aLoan({
        repayments: 3,
        disbursementDate: '2024-01-01',
        firstRepaymentDate: '2024-01-16',
        brokenPeriodInterest: 'pro_rata',
      }),
    );
    expect(schedule.installments[0]!.interestMinor).toBe(581);
  });

  it('keeps due dates on the month end when disbursed on the 31st', () => {
    const schedule = buildSchedule(aLoan({ repayments: 3, disbursementDate: '2024-01-31' }));
    expect(schedule.installments.map((i) => i.dueDate)).toEqual(['2024-02-29', '2024-03-31', '2024-04-30']);
  });

  it('repays weekly and every few days', () => {
    const weekly = buildSchedule(
      aLoan({ principal: '520', annualRate: '0', repayments: 4, frequency: 'weeks' }),
    );
    expect(weekly.installments.map((i) => [i.dueDate, i.principalMinor])).toEqual([
      ['2024-01-22', 13000],
      ['2024-01-29', 13000],
      ['2024-02-05', 13000],
      ['2024-02-12', 13000],
    ]);
    const fortnightly = buildSchedule(aLoan({ repayments: 2, every: 14, frequency: 'days' }));
    expect(fortnightly.installments.map((i) => i.dueDate)).toEqual(['2024-01-29', '2024-02-12']);
  });

  it('charges weekly interest as the annual rate over 52 weeks', () => {
    // 5,200.00 at 52 % a year, weekly: 1 % a week; first week's interest 52.00.
    const schedule = buildSchedule(
      aLoan({ principal: '5200', annualRate: '52', repayments: 10, frequency: 'weeks' }),
    );
    expect(schedule.installments[0]!.interestMinor).toBe(5200);
  });

  it('moves a due date off a closed day and charges daily interest for the days actually lent', () => {
    // 2024-02-15 is a Thursday; with Thursdays closed, it moves to Friday 2024-02-16 (32 days after 2024-01-15).
    const schedule = buildSchedule(
      aLoan({
        repayments: 2,
        interestPeriod: 'daily',
        calendar: { holidays: [], nonWorkingDays: ['thursday'], policy: 'next_working_day' },
      }),
    );
    expect(schedule.installments[0]!.dueDate).toBe('2024-02-16');
    expect(schedule.installments[0]!.days).toBe(32);
    // 1,200.00 × 12 % × 32 / 365 = 12.6246… → 12.62
    expect(schedule.installments[0]!.interestMinor).toBe(1262);
  });

  it('splits a year boundary under actual/actual', () => {
    // 2023-12-15 → 2024-01-15: 17 days of 2023 (/365) and 14 days of 2024 (/366).
    // 1,200.00 × 12 % × (17/365 + 14/366) = 144 × 0.084828… = 12.2152… → 12.22
    const schedule = buildSchedule(
      aLoan({
        repayments: 2,
        interestPeriod: 'daily',
        dayCount: 'actual_actual',
        disbursementDate: '2023-12-15',
      }),
    );
    expect(schedule.installments[0]!.interestMinor).toBe(1222);
  });

  it('adds the per-installment fee to every installment', () => {
    const schedule = buildSchedule(aLoan({ repayments: 3, fees: { perInstallment: { amount: '1.50' } } }));
    expect(schedule.installments.map((i) => i.feesMinor)).toEqual([150, 150, 150]);
    expect(schedule.installments[0]!.totalMinor).toBe(40803 + 150);
    expect(schedule.totals.feesMinor).toBe(450);
  });

  it('rounds the installment to a multiple and lets the last installment absorb the residue', () => {
    // 1,200.00 at 1 % over 3 months: E = 408.0265 → in multiples of 5.00: 410.00
    // 1: interest 12.00, principal 398.00, balance 802.00; 2: interest 8.02, principal 401.98, balance 400.02;
    // 3: interest 4.0002 → 4.00, principal takes the rest 400.02, total 404.02.
    const schedule = buildSchedule(aLoan({ repayments: 3, inMultiplesOf: '5' }));
    expect(schedule.installments.map((i) => i.totalMinor)).toEqual([41000, 41000, 40402]);
    expect(schedule.totals.principalMinor).toBe(120000);
  });

  it('has zero interest when the rate is zero, and still sums', () => {
    const schedule = buildSchedule(aLoan({ principal: '100', annualRate: '0', repayments: 3 }));
    expect(schedule.installments.map((i) => i.principalMinor)).toEqual([3333, 3333, 3334]);
    expect(schedule.totals.interestMinor).toBe(0);
  });

  it('finds the equal installment with the annuity formula when the rates are equal', () => {
    // 100 at 1 % over 6 periods: 100 × 0.01 × 1.01⁶ / (1.01⁶ − 1) = 17.2548…
    expect(
      equalInstallment(asMinor(100), Array(6).fill(ratio(1n, 100n)))
        .toDecimalPlaces(4)
        .toString(),
    ).toBe('17.2548');
  });
});
