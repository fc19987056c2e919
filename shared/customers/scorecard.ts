// The credit scorecard: transparent points per factor with configurable weights, so an officer can explain
// a score line by line. Pure: the caller gathers the facts. Score = points / max points × 1000, half-up.
// Bands: A ≥ 750 (low risk), B ≥ 600, C ≥ 450, D below.
import Decimal from 'decimal.js';

export interface ScoreFacts {
  kind: 'individual' | 'business';
  /** Installments paid on time / installments due so far, over all loans; null when there is no history. */
  onTimeRatio: { onTime: number; due: number } | null;
  /** The worst days past due on any current loan; 0 without loans. */
  maxDaysInArrears: number;
  monthlyIncomeMinor: number | null;
  monthlyExpensesMinor: number | null;
  annualTurnoverMinor: number | null;
  monthsAsCustomer: number;
  kycStatus: 'pending' | 'verified' | 'rejected' | 'expired';
  /** Whole years since the business was established; null for individuals. */
  businessAgeYears: number | null;
}

export interface ScoreWeights {
  repaymentHistory: number;
  arrears: number;
  affordability: number;
  tenure: number;
  kyc: number;
  businessAge: number;
}

export interface FactorScore {
  factor: keyof ScoreWeights;
  value: string;
  points: number;
  maxPoints: number;
  reason: string;
}

export interface Score {
  score: number;
  band: 'A' | 'B' | 'C' | 'D';
  factors: FactorScore[];
}

function share(weight: number, fraction: Decimal.Value): number {
  return new Decimal(weight).mul(fraction).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

function factor(
  factorName: keyof ScoreWeights,
  weight: number,
  fraction: Decimal.Value,
  value: string,
  reason: string,
): FactorScore {
  return { factor: factorName, value, points: share(weight, fraction), maxPoints: weight, reason };
}

function repayment(f: ScoreFacts, w: number): FactorScore {
  if (!f.onTimeRatio || f.onTimeRatio.due === 0)
    return factor('repaymentHistory', w, '0.5', 'no history', 'No repayments due yet: half points.');
  const ratio = new Decimal(f.onTimeRatio.onTime).div(f.onTimeRatio.due);
  const percent = ratio.mul(100).toDecimalPlaces(0, Decimal.ROUND_DOWN);
  return factor(
    'repaymentHistory',
    w,
    ratio,
    `${percent}% on time`,
    `${f.onTimeRatio.onTime} of ${f.onTimeRatio.due} installments paid on time.`,
  );
}

function arrears(f: ScoreFacts, w: number): FactorScore {
  const d = f.maxDaysInArrears;
  if (d === 0) return factor('arrears', w, 1, '0 days', 'Nothing overdue.');
  if (d <= 30) return factor('arrears', w, '0.5', `${d} days`, 'In arrears up to 30 days: half points.');
  return factor('arrears', w, 0, `${d} days`, 'In arrears more than 30 days: no points.');
}

function affordability(f: ScoreFacts, w: number): FactorScore {
  if (f.kind === 'business') {
    return f.annualTurnoverMinor && f.annualTurnoverMinor > 0
      ? factor('affordability', w, 1, 'turnover declared', 'Annual turnover declared.')
      : factor('affordability', w, 0, 'no turnover', 'No annual turnover declared.');
  }
  const income = f.monthlyIncomeMinor ?? 0;
  if (income <= 0) return factor('affordability', w, 0, 'no income', 'No monthly income declared.');
  const free = new Decimal(income - (f.monthlyExpensesMinor ?? 0)).div(income);
  const percent = Decimal.max(free, 0).mul(100).toDecimalPlaces(0, Decimal.ROUND_DOWN);
  if (free.gte('0.5'))
    return factor(
      'affordability',
      w,
      1,
      `${percent}% free`,
      'At least half of income is left after expenses.',
    );
  if (free.gte('0.25'))
    return factor(
      'affordability',
      w,
      '0.5',
      `${percent}% free`,
      'A quarter to a half of income is left after expenses.',
    );
  return factor(
    'affordability',
    w,
    0,
    `${percent}% free`,
    'Less than a quarter of income is left after expenses.',
  );
}

function tenure(f: ScoreFacts, w: number): FactorScore {
  const m = f.monthsAsCustomer;
  const value = `${m} months`;
  if (m >= 24) return factor('tenure', w, 1, value, 'A customer for two years or more.');
  if (m >= 12) return factor('tenure', w, new Decimal(2).div(3), value, 'A customer for one to two years.');
  if (m >= 6)
    return factor('tenure', w, new Decimal(1).div(3), value, 'A customer for six months to a year.');
  return factor('tenure', w, 0, value, 'A customer for less than six months.');
}

function kyc(f: ScoreFacts, w: number): FactorScore {
  return f.kycStatus === 'verified'
    ? factor('kyc', w, 1, 'verified', 'KYC verified.')
    : factor('kyc', w, 0, f.kycStatus, `KYC ${f.kycStatus}: no points.`);
}

function businessAge(f: ScoreFacts, w: number): FactorScore | null {
  if (f.kind !== 'business' || f.businessAgeYears === null) return null;
  const y = f.businessAgeYears;
  if (y >= 3) return factor('businessAge', w, 1, `${y} years`, 'Trading for three years or more.');
  if (y >= 1) return factor('businessAge', w, '0.5', `${y} years`, 'Trading for one to three years.');
  return factor('businessAge', w, 0, `${y} years`, 'Trading for less than a year.');
}

export function scoreCustomer(facts: ScoreFacts, weights: ScoreWeights): Score {
  const factors = [
    repayment(facts, weights.repaymentHistory),
    arrears(facts, weights.arrears),
    affordability(facts, weights.affordability),
    tenure(facts, weights.tenure),
    kyc(facts, weights.kyc),
    businessAge(facts, weights.businessAge),
  ].filter((x): x is FactorScore => x !== null);
  const points = factors.reduce((s, x) => s + x.points, 0);
  const max = factors.reduce((s, x) => s + x.maxPoints, 0);
  const score =
    max === 0
      ? 0
      : new Decimal(points).mul(1000).div(max).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  const band = score >= 750 ? 'A' : score >= 600 ? 'B' : score >= 450 ? 'C' : 'D';
  return { score, band, factors };
}
