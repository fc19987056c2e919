// What a customer's loan statement says, as data, and the checks that its figures agree with each other before
// it is printed. Responsible for the shape the statement's layout (statement.ts) draws from; not for computing
// the figures (core/reports/statementLines.ts, from the engine's replay) nor for drawing them.
import type { PrintLanguage } from './amountInWords';

export type StatementLineKind =
  | 'disbursement'
  | 'repayment'
  | 'fee'
  | 'waiver'
  | 'reversal'
  | 'writeoff'
  | 'recovery'
  /** Penalty interest and late fees the engine charged since the line before. */
  | 'charges'
  /** A tranche or a restructure replaced the schedule: the balances start again from the new terms. */
  | 'rescheduled';

export interface StatementComponents {
  principalMinor: number;
  interestMinor: number;
  feesMinor: number;
  penaltiesMinor: number;
}

/** One line of the transactions table. Amounts are non-negative minor units. */
export interface StatementLine {
  valueDate: string;
  kind: StatementLineKind;
  /** The receipt number and the bank or mobile-money reference, as far as they exist. */
  reference: string;
  /** The amount as posted (a charge: what the engine charged); null for a line with no amount of its own. */
  amountMinor: number | null;
  /** What the line paid of each component (a waiver: what it waived); null when it settles nothing. */
  allocation: StatementComponents | null;
  /** A waiver's component. */
  component?: 'interest' | 'fees' | 'penalties';
  isReversed: boolean;
  isPayoff: boolean;
  /** Added to the total outstanding: a charge line, a fee. */
  chargedMinor: number;
  /** Interest and fees not yet earned, given up by an early payoff. */
  rebateMinor: number;
  writtenOffMinor: number;
  /** Money beyond what was owed, kept for the customer. */
  creditMinor: number;
  /** The balances after this line. */
  balance: { principalMinor: number; totalMinor: number };
}

export type StatementInstallmentState = 'paid' | 'due' | 'overdue' | 'partly_paid' | 'upcoming';

export interface StatementInstallment {
  n: number;
  dueDate: string;
  /** What falls due on the installment, by component. */
  due: StatementComponents;
  paidMinor: number;
  outstandingMinor: number;
  state: StatementInstallmentState;
}

/** Everything a loan statement prints. Amounts are minor units of `loan.currency`. */
export interface LoanStatementData {
  institutionName: string;
  branch: { code: string; name: string; timeZone: string };
  customer: { number: string; name: string; phone: string | null; addressLines: readonly string[] };
  loan: {
    accountNo: string;
    productName: string;
    status: 'active' | 'closed' | 'written_off';
    currency: string;
    digits: number;
    principalMinor: number;
    /** Percent a year, as the terms say it ("24", "18.5"). */
    annualRate: string;
    repayments: number;
    every: number;
    frequency: 'days' | 'weeks' | 'months';
    disbursedOn: string;
    maturityDate: string | null;
  };
  /** The period the transactions are listed for; balances and the schedule are as of `to`. */
  period: { from: string; to: string };
  schedule: readonly StatementInstallment[];
  /** The transactions before the period, summed up as one line. */
  opening: { transactions: number; principalMinor: number; totalMinor: number } | null;
  lines: readonly StatementLine[];
  /** The engine's replay on `period.to`. */
  outstanding: StatementComponents & { totalMinor: number; overdueMinor: number; daysPastDue: number };
  /** When the statement was made (ISO instant): printed on every page and the PDF's date. */
  generatedAt: string;
  generatedBy: string;
  language: PrintLanguage;
}

/** Two years of weekly repayments with their reversals and charges stay far below; beyond it is a bug upstream. */
const maxLines = 5000;

/**
 * A statement is read line by line against the customer's own receipts: each balance must follow from the one
 * before and what the line did, and the last must be the engine's outstanding. The data is built from the
 * replay and checked there; it is checked again before it is drawn (pair assertion).
 */
export function assertStatementAddsUp(s: LoanStatementData): void {
  const fail = (why: string): never => {
    throw new RangeError(`loan statement ${s.loan.accountNo} to ${s.period.to}: ${why}`);
  };
  if (s.lines.length > maxLines) fail(`more than ${maxLines} lines`);
  let before = s.opening
    ? { principalMinor: s.opening.principalMinor, totalMinor: s.opening.totalMinor }
    : null;
  for (const [i, line] of s.lines.entries()) {
    const figures = [
      line.amountMinor ?? 0,
      ...Object.values(line.allocation ?? {}),
      line.chargedMinor,
      line.rebateMinor,
      line.writtenOffMinor,
      line.creditMinor,
      line.balance.principalMinor,
      line.balance.totalMinor,
    ];
    if (!figures.every((a) => Number.isSafeInteger(a) && a >= 0)) {
      fail(`line ${i + 1}: amounts must be non-negative whole minor units`);
    }
    // The first disbursement and each new schedule (a tranche, a restructure) set the balances afresh.
    const startsBalances = line.kind === 'rescheduled' || (line.kind === 'disbursement' && before === null);
    if (before && !startsBalances) {
      const a = line.allocation ?? { principalMinor: 0, interestMinor: 0, feesMinor: 0, penaltiesMinor: 0 };
      const settled = a.principalMinor + a.interestMinor + a.feesMinor + a.penaltiesMinor;
      const total = before.totalMinor + line.chargedMinor - settled - line.rebateMinor - line.writtenOffMinor;
      const principal = line.kind === 'writeoff' ? 0 : before.principalMinor - a.principalMinor;
      if (total !== line.balance.totalMinor || principal !== line.balance.principalMinor) {
        fail(
          `line ${i + 1} (${line.valueDate} ${line.kind}): the balances ${line.balance.principalMinor} / ` +
            `${line.balance.totalMinor} do not follow from ${before.principalMinor} / ${before.totalMinor}`,
        );
      }
    }
    before = line.balance;
  }
  const o = s.outstanding;
  if (o.principalMinor + o.interestMinor + o.feesMinor + o.penaltiesMinor !== o.totalMinor) {
    fail('the outstanding components do not add up to the total');
  }
  if (before && (before.principalMinor !== o.principalMinor || before.totalMinor !== o.totalMinor)) {
    fail(`the last balance ${before.totalMinor} is not the outstanding ${o.totalMinor}`);
  }
}
