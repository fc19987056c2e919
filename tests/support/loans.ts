// Loans on a real ledger: a branch with an officer, a manager and a teller, a verified customer and a product,
// and shortcuts that take an application through the use cases (apply → decide → disburse).
import { randomUUID } from 'node:crypto';
import type { InputOf } from '../../shared/contract';
import { aBranch, aStaffMember, type TestClock } from './ledger';
import { anIndividual } from './customers';

/** A monthly declining-balance product like the ones a microfinance branch sells. */
export function aProduct(
  overrides: Partial<InputOf<'loanProducts.save'>> = {},
): InputOf<'loanProducts.save'> {
  return {
    code: 'BIASHARA',
    name: 'Biashara monthly',
    kind: 'personal',
    currency: 'KES',
    digits: 2,
    minPrincipalMinor: 1_000_000,
    maxPrincipalMinor: 50_000_000,
    minRepayments: 1,
    maxRepayments: 36,
    minRate: '10',
    maxRate: '36',
    defaultRate: '24',
    termsTemplate: {
      interestMethod: 'declining_balance',
      amortization: 'equal_installments',
      frequency: 'months',
      dayCount: 'actual_365',
      penalties: { lateFee: { amount: '500', graceDays: 0 } },
      allocation: 'penalties_fees_interest_principal',
    },
    approvalLimits: { manager: 20_000_000, admin: 50_000_000 },
    ...overrides,
  };
}

export async function aLoanBranch(options: { clock?: TestClock; setup?: { businessDate?: string } } = {}) {
  const b = await aBranch(options);
  const officer = await aStaffMember(b, {
    username: 'otieno',
    role: 'loan_officer',
    password: 'Officer-Field-2026',
  });
  const manager = await aStaffMember(b, {
    username: 'wanjiru',
    role: 'manager',
    password: 'Manager-Desk-2026',
  });
  const teller = await aStaffMember(b, {
    username: 'kamau',
    role: 'teller',
    password: 'Teller-Counter-2026',
  });
  const product = await b.ok('loanProducts.save', aProduct(), b.adminToken);
  const customer = await b.ok('customers.registerIndividual', anIndividual(), officer.token);
  // KYC is the customers issue's business (tested there); here the customer is simply verified.
  await b.ledger.db
    .updateTable('customers')
    .set({ kyc_status: 'verified' })
    .where('id', '=', customer.id)
    .execute();

  async function anApprovedLoan(input: Partial<InputOf<'loans.apply'>> = {}) {
    const loan = await b.ok(
      'loans.apply',
      {
        customerId: customer.id,
        productId: product.id,
        principalMinor: 10_000_000,
        repayments: 6,
        annualRate: '24',
        expectedDisbursementDate: '2026-11-25',
        purpose: 'Stock for the shop',
        // A second loan for the same customer may break the affordability or exposure rule; the officer knows.
        overrideReason: 'Long-standing customer',
        idempotencyKey: randomUUID(),
        ...input,
      },
      officer.token,
    );
    return b.ok(
      'loans.decide',
      { loanId: loan.id, decision: 'approve', reason: 'Good history' },
      manager.token,
    );
  }

  async function anActiveLoan(input: Partial<InputOf<'loans.apply'>> = {}) {
    const approved = await anApprovedLoan(input);
    const disbursed = await b.ok(
      'loans.disburse',
      { loanId: approved.id, channel: 'transfer', reference: 'BANK-001', idempotencyKey: randomUUID() },
      teller.token,
    );
    return b.ok('loans.get', { loanId: disbursed.loanId }, manager.token);
  }

  return { ...b, officer, manager, teller, product, customer, anApprovedLoan, anActiveLoan };
}
