// Restructuring: rescheduling a running loan from a date with new terms (term, rate, first date), capitalising
// the arrears or leaving them due. Responsible for computing the balance carried into the new schedule and
// building it; the old schedule and state are returned untouched so the history stays readable. Not
// responsible for the approval workflow or the ledger entries (electron/core/loans).
import { asMinor, formatMajor, type Minor } from '../money';
import { isValidDate } from '../dates';
import { replay } from './replay';
import type { LoanState } from './state';
import { buildSchedule, type Schedule } from './schedule';
import { parseTerms, type LoanTerms, type Result } from './terms';
import type { Transaction } from './transactions';

export interface RestructureRequest {
  /** The business date the new schedule starts (the "disbursement" of the new schedule). */
  fromDate: string;
  repayments?: number;
  /** Nominal annual percent, a decimal string. */
  annualRate?: string;
  firstRepaymentDate?: string;
  graceOnPrincipal?: number;
  /** Add overdue interest, fees, penalties and interest earned so far to the new principal. */
  capitaliseArrears: boolean;
}

export interface Restructure {
  previousSchedule: Schedule;
  /** The loan's state at the end of the day before `fromDate`, under the old terms: the history. */
  stateBefore: LoanState;
  newTerms: LoanTerms;
  newSchedule: Schedule;
  /** Principal outstanding carried into the new schedule. */
  carriedPrincipalMinor: Minor;
  /** Arrears (interest, fees, penalties, interest earned) added to the new principal. */
  capitalisedMinor: Minor;
  /** Arrears left due on `fromDate` when they are not capitalised. */
  arrearsDueMinor: Minor;
}

/** Reschedules a loan from `request.fromDate`. Bad requests give issues under `request.*`, never a throw. */
export function restructure(
  terms: LoanTerms,
  transactions: readonly Transaction[],
  request: RestructureRequest,
): Result<Restructure> {
  if (!isValidDate(request.fromDate) || request.fromDate <= terms.disbursementDate) {
    return {
      ok: false,
      issues: [{ path: 'request.fromDate', message: 'must be a date after the disbursement date' }],
    };
  }
  const previousSchedule = buildSchedule(terms);
  const stateBefore = replay(terms, transactions, request.fromDate, previousSchedule);
  if (stateBefore.status !== 'active') {
    return {
      ok: false,
      issues: [{ path: 'request', message: `a ${stateBefore.status} loan cannot be restructured` }],
    };
  }
  const principal = stateBefore.outstanding.principalMinor;
  const arrears = stateBefore.payoffMinor - principal;
  const newPrincipal = principal + (request.capitaliseArrears ? arrears : 0);
  const input = {
    ...terms.input,
    principal: formatMajor(newPrincipal, terms.digits),
    disbursementDate: request.fromDate,
    firstRepaymentDate: request.firstRepaymentDate,
    repayments: request.repayments ?? terms.repayments,
    annualRate: request.annualRate ?? terms.input.annualRate,
    graceOnPrincipal: request.graceOnPrincipal ?? 0,
    graceOnInterest: 0,
    interestFreePeriods: 0,
    fees: { ...terms.input.fees, disbursement: undefined },
  };
  const newTerms = parseTerms(input, 'request');
  if (!newTerms.ok) return newTerms;
  return {
    ok: true,
    value: {
      previousSchedule,
      stateBefore,
      newTerms: newTerms.value,
      newSchedule: buildSchedule(newTerms.value),
      carriedPrincipalMinor: principal,
      capitalisedMinor: asMinor(request.capitaliseArrears ? arrears : 0),
      arrearsDueMinor: asMinor(request.capitaliseArrears ? 0 : arrears),
    },
  };
}
