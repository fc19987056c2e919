// Small factories for the engine's tests: a loan's terms in the vectors' format and its transactions.
import { parseTermsOrThrow, type LoanTerms, type TermsInput, type Transaction } from '../../../shared/loan';

export function aLoanInput(overrides: Partial<TermsInput> = {}): TermsInput {
  return {
    principal: '1200',
    currency: 'EUR',
    digits: 2,
    rounding: 'half_even',
    annualRate: '12',
    interestMethod: 'declining_balance',
    amortization: 'equal_installments',
    repayments: 12,
    every: 1,
    frequency: 'months',
    dayCount: 'actual_365',
    interestPeriod: 'same_as_repayment',
    disbursementDate: '2024-01-15',
    graceOnPrincipal: 0,
    ...overrides,
  };
}

export function aLoan(overrides: Partial<TermsInput> = {}): LoanTerms {
  return parseTermsOrThrow(aLoanInput(overrides));
}

let counter = 0;
const nextId = () => `t${String(++counter).padStart(4, '0')}`;

export function aRepayment(
  valueDate: string,
  amountMinor: number,
  more: Partial<Transaction> = {},
): Transaction {
  const id = more.id ?? nextId();
  return { id, hlc: `${valueDate}:${id}`, valueDate, type: 'repayment', amountMinor, ...more } as Transaction;
}

export function aReversal(of: Transaction, valueDate: string): Transaction {
  const id = nextId();
  return { id, hlc: `${valueDate}:${id}`, valueDate, type: 'reversal', reversesId: of.id };
}

export function aWaiver(
  valueDate: string,
  component: 'interest' | 'fees' | 'penalties',
  amountMinor: number,
): Transaction {
  const id = nextId();
  return { id, hlc: `${valueDate}:${id}`, valueDate, type: 'waiver', component, amountMinor };
}

export function aFee(valueDate: string, amountMinor: number): Transaction {
  const id = nextId();
  return { id, hlc: `${valueDate}:${id}`, valueDate, type: 'fee', amountMinor };
}

export function aWriteOff(valueDate: string): Transaction {
  const id = nextId();
  return { id, hlc: `${valueDate}:${id}`, valueDate, type: 'writeoff' };
}

/** The installments as compact rows: [principal, interest, total] in minor units. */
export function rows(installments: { principalMinor: number; interestMinor: number; totalMinor: number }[]) {
  return installments.map((i) => [i.principalMinor, i.interestMinor, i.totalMinor]);
}
