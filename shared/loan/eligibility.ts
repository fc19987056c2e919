// Eligibility and affordability: pure rules over a customer summary and the requested terms — age, KYC status,
// product limits, installment-to-income ratio, existing exposure, arrears on other loans. Each rule returns
// pass/fail with a reason a loan officer can read to the customer. Not responsible for gathering the summary
// (electron/core/customers) or for the credit scorecard (shared/customers/scorecard.ts).
import { ChronoUnit } from '@js-joda/core';
import { Dec, formatMajor, type Minor } from '../money';
import { toLocalDate } from '../dates';
import { buildSchedule } from './schedule';
import { parseTerms, type LoanTerms, type Result } from './terms';

export interface CustomerSummary {
  birthDate: string;
  kycStatus: 'verified' | 'pending' | 'rejected' | 'none';
  monthlyIncomeMinor: Minor;
  /** Installments the customer already pays each month on other loans. */
  existingMonthlyInstallmentsMinor: Minor;
  /** Principal outstanding on the customer's other loans. */
  existingExposureMinor: Minor;
  /** The worst days past due across the customer's other loans today. */
  maxDaysPastDueOnOtherLoans: number;
}

export interface EligibilityPolicy {
  minAge: number;
  /** The customer's age at the last installment. */
  maxAgeAtMaturity: number;
  minPrincipalMinor: Minor;
  maxPrincipalMinor: Minor;
  maxRepayments: number;
  /** All monthly installments (existing + this one) over monthly income, percent, e.g. "40". */
  maxInstallmentToIncomePercent: string;
  /** Existing exposure + this principal must not exceed this. */
  maxTotalExposureMinor: Minor;
  maxDaysPastDueOnOtherLoans: number;
}

export type EligibilityRule = 'age' | 'kyc' | 'product_limits' | 'affordability' | 'exposure' | 'arrears';

export interface RuleResult {
  rule: EligibilityRule;
  isPassed: boolean;
  reason: string;
}

export interface Eligibility {
  isEligible: boolean;
  results: RuleResult[];
  /** The new loan's largest installment expressed per month. */
  monthlyInstallmentMinor: Minor;
}

export const defaultPolicy: EligibilityPolicy = {
  minAge: 18,
  maxAgeAtMaturity: 70,
  minPrincipalMinor: 10_000 as Minor,
  maxPrincipalMinor: 5_000_000 as Minor,
  maxRepayments: 60,
  maxInstallmentToIncomePercent: '40',
  maxTotalExposureMinor: 10_000_000 as Minor,
  maxDaysPastDueOnOtherLoans: 0,
};

/** The largest installment of the schedule, converted to a monthly amount by the repayment frequency. */
function monthlyInstallment(terms: LoanTerms): Minor {
  const largest = Math.max(...buildSchedule(terms).installments.map((i) => i.totalMinor));
  const perMonth =
    terms.frequency === 'months'
      ? new Dec(largest).dividedBy(terms.every)
      : terms.frequency === 'weeks'
        ? new Dec(largest).times(52).dividedBy(12 * terms.every)
        : new Dec(largest).times(365).dividedBy(12 * terms.every);
  return perMonth.toDecimalPlaces(0, Dec.ROUND_UP).toNumber() as Minor;
}

function ageOn(birthDate: string, date: string): number {
  return ChronoUnit.YEARS.between(toLocalDate(birthDate), toLocalDate(date));
}

/** Runs every rule (all of them, so the officer sees every reason at once). */
export function assessEligibility(
  customer: CustomerSummary,
  requestedTerms: unknown,
  policy: EligibilityPolicy,
  applicationDate: string,
): Result<Eligibility> {
  const parsed = parseTerms(requestedTerms);
  if (!parsed.ok) return parsed;
  const terms = parsed.value;
  const money = (m: number) => `${formatMajor(m, terms.digits)} ${terms.currency}`;
  const schedule = buildSchedule(terms);
  const maturity = schedule.installments[schedule.installments.length - 1]!.dueDate;
  const results: RuleResult[] = [];

  const age = ageOn(customer.birthDate, applicationDate);
  const ageAtMaturity = ageOn(customer.birthDate, maturity);
  results.push(
    age < policy.minAge
      ? {
          rule: 'age',
          isPassed: false,
          reason: `is ${age}, younger than the minimum age of ${policy.minAge}`,
        }
      : ageAtMaturity > policy.maxAgeAtMaturity
        ? {
            rule: 'age',
            isPassed: false,
            reason: `would be ${ageAtMaturity} at the last installment, older than ${policy.maxAgeAtMaturity}`,
          }
        : { rule: 'age', isPassed: true, reason: `is ${age}, within the age limits` },
  );

  results.push(
    customer.kycStatus === 'verified'
      ? { rule: 'kyc', isPassed: true, reason: 'identity is verified' }
      : {
          rule: 'kyc',
          isPassed: false,
          reason: `identity is not verified (KYC status: ${customer.kycStatus})`,
        },
  );

  const limitProblems: string[] = [];
  if (terms.principalMinor < policy.minPrincipalMinor)
    limitProblems.push(`amount is below the minimum of ${money(policy.minPrincipalMinor)}`);
  if (terms.principalMinor > policy.maxPrincipalMinor)
    limitProblems.push(`amount is above the maximum of ${money(policy.maxPrincipalMinor)}`);
  if (terms.repayments > policy.maxRepayments)
    limitProblems.push(`${terms.repayments} repayments exceed the maximum of ${policy.maxRepayments}`);
  results.push({
    rule: 'product_limits',
    isPassed: limitProblems.length === 0,
    reason:
      limitProblems.length === 0 ? 'amount and term are within the product limits' : limitProblems.join('; '),
  });

  const monthly = monthlyInstallment(terms);
  const burden = monthly + customer.existingMonthlyInstallmentsMinor;
  const limit = new Dec(policy.maxInstallmentToIncomePercent);
  if (customer.monthlyIncomeMinor <= 0) {
    results.push({ rule: 'affordability', isPassed: false, reason: 'no monthly income is recorded' });
  } else {
    const ratio = new Dec(burden).times(100).dividedBy(customer.monthlyIncomeMinor);
    const shown = ratio.toDecimalPlaces(1, Dec.ROUND_HALF_UP).toString();
    results.push({
      rule: 'affordability',
      isPassed: ratio.lte(limit),
      reason: `installments of ${money(burden)} a month are ${shown} % of income ${money(customer.monthlyIncomeMinor)} (limit ${limit.toString()} %)`,
    });
  }

  const exposure = customer.existingExposureMinor + terms.principalMinor;
  results.push({
    rule: 'exposure',
    isPassed: exposure <= policy.maxTotalExposureMinor,
    reason: `total exposure would be ${money(exposure)} (limit ${money(policy.maxTotalExposureMinor)})`,
  });

  const dpd = customer.maxDaysPastDueOnOtherLoans;
  results.push(
    dpd > policy.maxDaysPastDueOnOtherLoans
      ? { rule: 'arrears', isPassed: false, reason: `is ${dpd} days past due on another loan` }
      : { rule: 'arrears', isPassed: true, reason: 'no arrears on other loans' },
  );

  return {
    ok: true,
    value: { isEligible: results.every((r) => r.isPassed), results, monthlyInstallmentMinor: monthly },
  };
}
