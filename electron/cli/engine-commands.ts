// `lms schedule` and `lms replay` as pure functions over stdin text: parse one JSON object, run the loan engine,
// print JSON with amounts as decimal strings in major units. Responsible for the text in and out and for turning
// bad input into exit code 1 with `field: reason` lines on stderr; not for reading stdin or exiting the process
// (electron/cli/main.ts wires these to the terminal).
import { formatMajor } from '../../shared/money';
import {
  generateSchedule,
  replayLoan,
  type ComponentState,
  type ComponentTotals,
  type Issue,
  type LoanState,
  type Schedule,
} from '../../shared/loan';

export interface CommandOutput {
  exitCode: 0 | 1;
  stdout: string;
  stderr: string;
}

function fail(issues: Issue[]): CommandOutput {
  return { exitCode: 1, stdout: '', stderr: issues.map((i) => `${i.path}: ${i.message}`).join('\n') + '\n' };
}

function readObject(
  stdinText: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; out: CommandOutput } {
  let value: unknown;
  try {
    value = JSON.parse(stdinText);
  } catch {
    return { ok: false, out: fail([{ path: 'input', message: 'must be one JSON object' }]) };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, out: fail([{ path: 'input', message: 'must be one JSON object' }]) };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

function json(value: unknown): CommandOutput {
  return { exitCode: 0, stdout: JSON.stringify(value, null, 2) + '\n', stderr: '' };
}

/** The schedule in the vectors' format: amounts as decimal strings in major units ("278.00"). */
export function scheduleToJson(schedule: Schedule) {
  const d = schedule.digits;
  const hasFees = schedule.totals.feesMinor > 0;
  return {
    installments: schedule.installments.map((i) => ({
      n: i.n,
      due: i.dueDate,
      principal: formatMajor(i.principalMinor, d),
      interest: formatMajor(i.interestMinor, d),
      ...(hasFees ? { fees: formatMajor(i.feesMinor, d) } : {}),
      total: formatMajor(i.totalMinor, d),
      balance: formatMajor(i.balanceAfterMinor, d),
    })),
    totals: {
      principal: formatMajor(schedule.totals.principalMinor, d),
      interest: formatMajor(schedule.totals.interestMinor, d),
      ...(hasFees ? { fees: formatMajor(schedule.totals.feesMinor, d) } : {}),
      total: formatMajor(schedule.totals.totalMinor, d),
    },
  };
}

/** `lms schedule`: `{ "terms": { ... } }` in, the repayment schedule out. */
export function runSchedule(stdinText: string): CommandOutput {
  const input = readObject(stdinText);
  if (!input.ok) return input.out;
  const result = generateSchedule(input.value.terms);
  if (!result.ok) return fail(result.issues);
  return json(scheduleToJson(result.value));
}

function componentToJson(c: ComponentState, d: number) {
  return {
    due: formatMajor(c.dueMinor, d),
    paid: formatMajor(c.paidMinor, d),
    waived: formatMajor(c.waivedMinor, d),
    writtenOff: formatMajor(c.writtenOffMinor, d),
    outstanding: formatMajor(c.outstandingMinor, d),
    overdue: formatMajor(c.overdueMinor, d),
  };
}

function totalsToJson(t: ComponentTotals, d: number) {
  return {
    principal: formatMajor(t.principalMinor, d),
    interest: formatMajor(t.interestMinor, d),
    fees: formatMajor(t.feesMinor, d),
    penalties: formatMajor(t.penaltiesMinor, d),
    total: formatMajor(t.totalMinor, d),
  };
}

/** The loan state with amounts in major units, for people and scripts. */
export function stateToJson(state: LoanState) {
  const d = state.digits;
  return {
    asOf: state.asOf,
    status: state.status,
    currency: state.currency,
    daysPastDue: state.daysPastDue,
    arrearsBucket: state.arrearsBucket,
    payoff: formatMajor(state.payoffMinor, d),
    credit: formatMajor(state.creditMinor, d),
    outstanding: totalsToJson(state.outstanding, d),
    overdue: totalsToJson(state.overdue, d),
    paid: totalsToJson(state.paid, d),
    installments: state.installments.map((i) => ({
      n: i.n,
      due: i.dueDate,
      isOverdue: i.isOverdue,
      isSettled: i.isSettled,
      principal: componentToJson(i.principal, d),
      interest: componentToJson(i.interest, d),
      fees: componentToJson(i.fees, d),
      penalties: componentToJson(i.penalties, d),
    })),
    allocations: state.allocations.map((a) => ({
      transactionId: a.transactionId,
      type: a.type,
      valueDate: a.valueDate,
      amount: formatMajor(a.amountMinor, d),
      isReversed: a.isReversed,
      isPayoff: a.isPayoff,
      principal: formatMajor(a.principalMinor, d),
      interest: formatMajor(a.interestMinor, d),
      fees: formatMajor(a.feesMinor, d),
      penalties: formatMajor(a.penaltiesMinor, d),
      waived: formatMajor(a.waivedMinor, d),
      rebate: formatMajor(a.rebateMinor, d),
      writtenOff: formatMajor(a.writtenOffMinor, d),
      credit: formatMajor(a.creditMinor, d),
    })),
  };
}

/**
 * `lms replay`: `{ "terms": {...}, "transactions": [{ id, hlc, valueDate, type, amountMinor, ... }], "asOf" }`
 * in, the loan's state on `asOf` out. `asOf` defaults to the latest transaction's value date (or the
 * disbursement date) so the command never reads a clock.
 */
export function runReplay(stdinText: string): CommandOutput {
  const input = readObject(stdinText);
  if (!input.ok) return input.out;
  const { terms, transactions } = input.value;
  let asOf = input.value.asOf;
  if (asOf === undefined) {
    const dates = Array.isArray(transactions)
      ? transactions.map((t) =>
          t && typeof t === 'object' ? (t as { valueDate?: unknown }).valueDate : undefined,
        )
      : [];
    const latest = dates
      .filter((x): x is string => typeof x === 'string')
      .sort()
      .pop();
    const disbursed =
      terms && typeof terms === 'object'
        ? (terms as { disbursementDate?: unknown }).disbursementDate
        : undefined;
    asOf = latest ?? disbursed;
  }
  const result = replayLoan({ terms, transactions, asOf });
  if (!result.ok) return fail(result.issues);
  return json(stateToJson(result.value));
}
