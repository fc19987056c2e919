// Test factories for the books: a branch opened on 1 October 2026 with an accountant and a flat-rate product
// whose figures are easy to compute by hand (as in tests/integration/books.test.ts), and the month of branch
// activity that test posts, for the reports that read the same books.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { adminPassword, removeDir, TestClock } from './ledger';
import { aLoanBranch, aProduct } from './loans';

const key = () => randomUUID();
/** Whole shillings in minor units. */
export const kes = (major: number) => major * 100;

/**
 * A branch opened on 1 October 2026 with a flat-rate product: 12 % a year flat over 10 months is 1 % of the
 * principal a month; a 2 % disbursement fee deducted; a late fee of KES 500. Interest is recognised when it
 * falls due. The caller closes it with `dispose()`.
 */
export async function aBranchInOctober() {
  const clock = new TestClock(Date.parse('2026-10-01T05:00:00.000Z'));
  const b = await aLoanBranch({ clock, setup: { businessDate: '2026-10-01' } });
  await b.ok(
    'users.create',
    {
      username: 'achieng',
      displayName: 'Achieng',
      role: 'accountant',
      temporaryPassword: 'Temporary-Pass-123',
    },
    b.adminToken,
  );
  const first = await b.ok('auth.signIn', { username: 'achieng', password: 'Temporary-Pass-123' });
  await b.ok(
    'auth.changePassword',
    { currentPassword: 'Temporary-Pass-123', newPassword: 'Accountant-Books-2026' },
    first.sessionToken,
  );
  const people = {
    admin: { username: 'amina', password: adminPassword, token: b.adminToken },
    manager: { username: 'wanjiru', password: 'Manager-Desk-2026', token: b.manager.token },
    teller: { username: 'kamau', password: 'Teller-Counter-2026', token: b.teller.token },
    officer: { username: 'otieno', password: 'Officer-Field-2026', token: b.officer.token },
    accountant: { username: 'achieng', password: 'Accountant-Books-2026', token: '' },
  };
  const signInAll = async () => {
    for (const p of Object.values(people))
      p.token = (await b.ok('auth.signIn', { username: p.username, password: p.password })).sessionToken;
  };
  await signInAll();
  /** Moves the clock to `date` (08:00 in Nairobi) and runs end-of-day up to it. */
  const dayOf = async (date: string) => {
    clock.advanceMs(Date.parse(`${date}T05:00:00.000Z`) - clock.now().getTime());
    await signInAll();
    await b.ok('eod.run', {}, people.manager.token);
  };
  await b.ok('books.updateSettings', { accrual: 'dueDate' }, people.admin.token);
  const product = await b.ok(
    'loanProducts.save',
    aProduct({
      code: 'FLAT12',
      name: 'Flat 12',
      minRate: '12',
      maxRate: '12',
      defaultRate: '12',
      termsTemplate: {
        interestMethod: 'flat',
        frequency: 'months',
        dayCount: '30_360',
        fees: { disbursement: { percent: '2', mode: 'deducted' } },
        penalties: { lateFee: { amount: '500', graceDays: 0 } },
        allocation: 'penalties_fees_interest_principal',
      },
    }),
    people.admin.token,
  );
  const approve = async (principalMajor: number) => {
    const applied = await b.ok(
      'loans.apply',
      {
        customerId: b.customer.id,
        productId: product.id,
        principalMinor: kes(principalMajor),
        repayments: 10,
        annualRate: '12',
        expectedDisbursementDate: '2026-10-01',
        purpose: 'Stock',
        overrideReason: 'Known customer',
        idempotencyKey: key(),
      },
      people.officer.token,
    );
    return b.ok(
      'loans.decide',
      { loanId: applied.id, decision: 'approve', reason: 'Good' },
      people.manager.token,
    );
  };
  const dispose = async () => {
    await b.close();
    removeDir(b.dir);
  };
  return { ...b, clock, people, dayOf, approve, product, dispose };
}

export type BranchInOctober = Awaited<ReturnType<typeof aBranchInOctober>>;

/**
 * October and November 2026 at the branch, through the use cases:
 *   1 Oct   KES 1,000,000 share capital into the bank (a manual journal, four eyes); 500,000 from the bank
 *           into the vault; a till opened with 200,000 from the vault.
 *           Loan A 100,000 paid out in cash (98,000 after the 2 % fee), loan C 50,000 by transfer (49,000).
 *   1 Nov   A pays its first installment, 11,000 (10,000 principal, 1,000 interest), in cash.
 *   10 Nov  C pays 6,000 by transfer: its late fee of 500 first, then 500 interest and 5,000 principal.
 *   15 Nov  100 of stationery paid from the till.
 *   30 Nov  the till holds 112,900 by the books; 112,850 is counted (50 short) and returned to the vault.
 */
export async function aMonthOfBranchActivity(b: BranchInOctober) {
  const { people } = b;
  const capital = await b.ok(
    'books.proposeJournal',
    {
      valueDate: '2026-10-01',
      narration: 'Share capital paid in',
      lines: [
        { accountCode: '1130', debitMinor: kes(1_000_000) },
        { accountCode: '3100', creditMinor: kes(1_000_000) },
      ],
      idempotencyKey: key(),
    },
    people.accountant.token,
  );
  await b.ok('books.decideJournal', { id: capital.id, decision: 'approve' }, people.manager.token);
  await b.ok(
    'vault.move',
    { direction: 'deposit', amountMinor: kes(500_000), reason: 'Cash from the bank' },
    people.manager.token,
  );
  const till = await b.ok('till.open', { openingMinor: kes(200_000) }, people.teller.token);
  await b.ok('till.confirmOpen', { tillId: till.id }, people.manager.token);

  const a = await b.approve(100_000);
  const c = await b.approve(50_000);
  await b.ok('loans.disburse', { loanId: a.id, channel: 'cash', idempotencyKey: key() }, people.teller.token);
  await b.ok(
    'loans.disburse',
    { loanId: c.id, channel: 'transfer', reference: 'EFT-1', idempotencyKey: key() },
    people.teller.token,
  );

  await b.dayOf('2026-11-01');
  await b.ok(
    'loans.repay',
    { loanId: a.id, amountMinor: kes(11_000), channel: 'cash', idempotencyKey: key() },
    people.teller.token,
  );
  await b.dayOf('2026-11-10');
  await b.ok(
    'loans.repay',
    {
      loanId: c.id,
      amountMinor: kes(6_000),
      channel: 'transfer',
      reference: 'M-PESA 1',
      idempotencyKey: key(),
    },
    people.teller.token,
  );
  await b.dayOf('2026-11-15');
  await b.ok(
    'till.cashMovement',
    { direction: 'out', amountMinor: kes(100), reason: 'Stationery', idempotencyKey: key() },
    people.teller.token,
  );
  await b.dayOf('2026-11-30');
  const current = await b.ok('till.current', {}, people.teller.token);
  expect(current!.balanceMinor).toBe(kes(112_900));
  await b.ok('till.count', { denominations: [{ valueMinor: kes(50), count: 2257 }] }, people.teller.token);
  await b.ok('till.approveClose', { tillId: till.id, note: 'Short by 50' }, people.manager.token);
  return { loanA: a.id, loanC: c.id, tillId: till.id };
}
