// Loans on a real ledger: products checked by the engine, applications with eligibility, four-eyes decisions
// within limits, disbursement fixing the schedule, repayments allocated by the engine with receipts, reversals,
// waivers, write-off and recovery, restructuring — each an event and an audit row, each idempotent.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { replay, parseTerms } from '../../shared/loan';
import { engineTransactions, stateOf, transactionRowsOf } from '../../electron/core/loans/project';
import { removeDir } from '../support/ledger';
import { aLoanBranch, aProduct } from '../support/loans';

type LoanBranch = Awaited<ReturnType<typeof aLoanBranch>>;
const opened: LoanBranch[] = [];
async function branch() {
  const b = await aLoanBranch();
  opened.push(b);
  return b;
}
afterEach(async () => {
  for (const b of opened.splice(0)) {
    await b.close();
    removeDir(b.dir);
  }
});

/** The loan row's balances equal a replay of its transactions from scratch. */
async function expectProjectionEqualsReplay(b: LoanBranch, loanId: string) {
  const loan = await b.ledger.db
    .selectFrom('loans')
    .selectAll()
    .where('id', '=', loanId)
    .executeTakeFirstOrThrow();
  const terms = parseTerms(JSON.parse(loan.terms));
  if (!terms.ok) throw new Error('terms');
  const state = replay(
    terms.value,
    engineTransactions(await transactionRowsOf(b.ledger.db, loanId), loan.terms_from),
    loan.as_of!,
  );
  expect(loan.outstanding_total_minor).toBe(state.outstanding.totalMinor);
  expect(loan.outstanding_principal_minor).toBe(state.outstanding.principalMinor);
  expect(loan.days_past_due).toBe(state.daysPastDue);
  expect(loan.payoff_minor).toBe(loan.status === 'active' ? state.payoffMinor : 0);
}

describe('loan products', () => {
  it('refuses terms the engine would refuse, naming the field', async () => {
    const b = await branch();
    const bad = await b.call(
      'loanProducts.save',
      aProduct({
        code: 'BAD',
        termsTemplate: { interestMethod: 'flat', frequency: 'months', penalties: { annualRate: 'abc' } },
      }),
      b.adminToken,
    );
    expect(bad.error).toMatchObject({ code: 'VALIDATION', reason: 'invalid_terms' });
    expect(bad.error?.issues?.[0]?.path).toBe('termsTemplate.penalties.annualRate');
    const limits = await b.call(
      'loanProducts.save',
      aProduct({ code: 'X2', defaultRate: '50' }),
      b.adminToken,
    );
    expect(limits.error?.issues?.[0]?.path).toBe('defaultRate');
    expect(await b.ledger.db.selectFrom('loan_products').select('code').execute()).toEqual([
      { code: 'BIASHARA' },
    ]);
  });
});

describe('an application', () => {
  it('shows each eligibility rule and the schedule before anything is saved', async () => {
    const b = await branch();
    const check = await b.ok(
      'loans.checkEligibility',
      {
        customerId: b.customer.id,
        productId: b.product.id,
        principalMinor: 10_000_000,
        repayments: 6,
        expectedDisbursementDate: '2026-11-25',
      },
      b.officer.token,
    );
    expect(check.eligibility.isEligible).toBe(true);
    expect(check.eligibility.results.map((r) => r.rule)).toEqual([
      'age',
      'kyc',
      'product_limits',
      'affordability',
      'exposure',
      'arrears',
    ]);
    expect(check.schedule).toHaveLength(6);
    expect(check.schedule.reduce((s, i) => s + i.principalMinor, 0)).toBe(10_000_000);
    expect(check.schedule[0]!.dueDate).toBe('2026-12-25');
    const tooBig = await b.ok(
      'loans.checkEligibility',
      {
        customerId: b.customer.id,
        productId: b.product.id,
        principalMinor: 90_000_000,
        repayments: 6,
        expectedDisbursementDate: '2026-11-25',
      },
      b.officer.token,
    );
    expect(tooBig.issues[0]).toMatchObject({ path: 'principalMinor' });
    expect(await b.ledger.db.selectFrom('loans').select('id').execute()).toEqual([]);
  });

  it('is decided by a manager who did not take it, within their limit, with the reason audited', async () => {
    const b = await branch();
    const key = randomUUID();
    const input = {
      customerId: b.customer.id,
      productId: b.product.id,
      principalMinor: 10_000_000,
      repayments: 6,
      expectedDisbursementDate: '2026-11-25',
      purpose: 'Stock',
      idempotencyKey: key,
    };
    const loan = await b.ok('loans.apply', input, b.officer.token);
    const again = await b.ok('loans.apply', input, b.officer.token);
    expect(again.id).toBe(loan.id);
    expect(loan).toMatchObject({ status: 'submitted', applicationNo: 'NBO-01-000001', annualRate: '24' });
    // The officer who took it cannot approve (and lacks the permission anyway); an admin who created it neither.
    const own = await b.call(
      'loans.decide',
      { loanId: loan.id, decision: 'approve', reason: 'ok' },
      b.officer.token,
    );
    expect(own.error?.code).toBe('FORBIDDEN');
    const above = await b.call(
      'loans.decide',
      { loanId: loan.id, decision: 'approve_changed', principalMinor: 30_000_000, reason: 'more' },
      b.manager.token,
    );
    expect(above.error).toMatchObject({ code: 'FORBIDDEN', reason: 'approval_limit' });
    const approved = await b.ok(
      'loans.decide',
      {
        loanId: loan.id,
        decision: 'approve_changed',
        principalMinor: 8_000_000,
        reason: 'Lower amount fits cash flow',
      },
      b.manager.token,
    );
    expect(approved).toMatchObject({
      status: 'approved',
      approvedPrincipalMinor: 8_000_000,
      principalMinor: 8_000_000,
    });
    expect(approved.decisions).toMatchObject([
      { decision: 'approve_changed', reason: 'Lower amount fits cash flow', principalMinor: 8_000_000 },
    ]);
    const second = await b.call(
      'loans.decide',
      { loanId: loan.id, decision: 'reject', reason: 'no' },
      b.manager.token,
    );
    expect(second.error?.reason).toBe('loan_wrong_state');
    const audit = await b.ledger.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('entity_id', '=', loan.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['loan.submitted', 'loan.approvedWithChanges']);
    expect(JSON.parse(audit[1]!.details)).toMatchObject({
      reason: 'Lower amount fits cash flow',
      approvedPrincipalMinor: 8_000_000,
    });
    const events = await b.ledger.db
      .selectFrom('events')
      .select('type')
      .where('entity_id', '=', loan.id)
      .execute();
    expect(events.map((e) => e.type)).toEqual(['loan.applied', 'loan.decided']);
  });
});

describe('disbursement and repayments', () => {
  it('fixes the schedule at the disbursement date, issues the account number, and allocates repayments', async () => {
    const b = await branch();
    const approved = await b.anApprovedLoan();
    const key = randomUUID();
    const disbursed = await b.ok(
      'loans.disburse',
      { loanId: approved.id, channel: 'transfer', reference: 'BANK-9', idempotencyKey: key },
      b.teller.token,
    );
    const twice = await b.ok(
      'loans.disburse',
      { loanId: approved.id, channel: 'transfer', reference: 'BANK-9', idempotencyKey: key },
      b.teller.token,
    );
    expect(twice).toMatchObject({ transactionId: disbursed.transactionId, isReplay: true });
    const again = await b.call(
      'loans.disburse',
      { loanId: approved.id, channel: 'transfer', reference: 'BANK-9', idempotencyKey: randomUUID() },
      b.teller.token,
    );
    expect(again.error?.reason).toBe('already_disbursed');
    const loan = await b.ok('loans.get', { loanId: approved.id }, b.teller.token);
    expect(loan).toMatchObject({
      status: 'active',
      accountNo: 'NBO-01-000001',
      disbursedOn: '2026-11-25',
      outstandingTotalMinor: loan.schedule.reduce((s, i) => s + i.outstandingMinor, 0),
    });
    const first = loan.schedule[0]!;
    // A repayment of exactly the first installment pays it; the receipt number is issued.
    const paid = await b.ok(
      'loans.repay',
      {
        loanId: loan.id,
        amountMinor: first.outstandingMinor,
        channel: 'transfer',
        reference: 'MPESA-1',
        idempotencyKey: randomUUID(),
      },
      b.teller.token,
    );
    expect(paid.receiptNo).toBe('NBO-01-000002');
    expect(paid.allocation.principalMinor + paid.allocation.interestMinor).toBe(first.outstandingMinor);
    expect(paid.allocation.interestMinor).toBe(first.interest.dueMinor);
    const after = await b.ok('loans.get', { loanId: loan.id }, b.teller.token);
    expect(after.schedule[0]!.state).toBe('paid');
    expect(after.outstandingTotalMinor).toBe(loan.outstandingTotalMinor - first.outstandingMinor);
    await expectProjectionEqualsReplay(b, loan.id);
    const pdf = await b.ok('loans.receipt', { transactionId: paid.transactionId }, b.teller.token);
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a reversal by a manager restores the balance; waivers and write-off go through the engine', async () => {
    const b = await branch();
    const loan = await b.anActiveLoan();
    const paid = await b.ok(
      'loans.repay',
      {
        loanId: loan.id,
        amountMinor: 1_000_000,
        channel: 'transfer',
        reference: 'X',
        idempotencyKey: randomUUID(),
      },
      b.teller.token,
    );
    const byTeller = await b.call(
      'loans.reverse',
      { transactionId: paid.transactionId, reason: 'wrong loan', idempotencyKey: randomUUID() },
      b.teller.token,
    );
    expect(byTeller.error?.code).toBe('FORBIDDEN');
    await b.ok(
      'loans.reverse',
      { transactionId: paid.transactionId, reason: 'wrong loan', idempotencyKey: randomUUID() },
      b.manager.token,
    );
    const back = await b.ok('loans.get', { loanId: loan.id }, b.manager.token);
    expect(back.outstandingTotalMinor).toBe(loan.outstandingTotalMinor);
    expect(back.transactions.find((t) => t.id === paid.transactionId)?.isReversed).toBe(true);
    const twice = await b.call(
      'loans.reverse',
      { transactionId: paid.transactionId, reason: 'again', idempotencyKey: randomUUID() },
      b.manager.token,
    );
    expect(twice.error?.reason).toBe('already_reversed');
    const off = await b.ok(
      'loans.writeOff',
      { loanId: loan.id, reason: 'Customer emigrated', idempotencyKey: randomUUID() },
      b.manager.token,
    );
    expect(off.loanStatus).toBe('written_off');
    const repay = await b.call(
      'loans.repay',
      {
        loanId: loan.id,
        amountMinor: 100,
        channel: 'transfer',
        reference: 'Y',
        idempotencyKey: randomUUID(),
      },
      b.teller.token,
    );
    expect(repay.error?.reason).toBe('loan_wrong_state');
    const recovered = await b.ok(
      'loans.recover',
      {
        loanId: loan.id,
        amountMinor: 500_000,
        channel: 'transfer',
        reference: 'Z',
        idempotencyKey: randomUUID(),
      },
      b.teller.token,
    );
    expect(recovered.receiptNo).not.toBeNull();
    await expectProjectionEqualsReplay(b, loan.id);
  });
});

describe('end-of-day', () => {
  it('replays only the loans whose balances can change, and every loan reads the same as a replay today', async () => {
    const b = await branch();
    const paying = await b.anActiveLoan();
    const late = await b.anActiveLoan({ principalMinor: 5_000_000 });
    // A month and a few days on: both loans have an installment due; one pays it, the other does not. (The
    // next day is not a month end, when the books' month-end accrual replays every active loan.)
    b.clock.advanceMinutes(34 * 24 * 60);
    const signIn = async (username: string, password: string) =>
      (await b.ok('auth.signIn', { username, password })).sessionToken;
    const admin = await signIn('amina', 'Correct-Horse-Battery-42');
    const teller = await signIn('kamau', 'Teller-Counter-2026');
    await b.ok('eod.run', {}, admin);
    const due = (await b.ok('loans.get', { loanId: paying.id }, admin)).schedule[0]!;
    await b.ok(
      'loans.repay',
      {
        loanId: paying.id,
        amountMinor: due.outstandingMinor + due.penalties.outstandingMinor,
        channel: 'transfer',
        reference: 'P1',
        idempotencyKey: randomUUID(),
      },
      teller,
    );
    b.clock.advanceMinutes(24 * 60);
    const admin2 = await signIn('amina', 'Correct-Horse-Battery-42');
    const run = await b.ok('eod.run', {}, admin2);
    // The late loan is in arrears (replayed); the paying one has nothing due until next month (left alone).
    expect(run.loansReplayed).toBeLessThan(run.loansProcessed);
    expect(run.loansReplayed).toBeGreaterThanOrEqual(1);
    const loans = await b.ledger.db.selectFrom('loans').selectAll().where('status', '=', 'active').execute();
    for (const loan of loans) {
      const state = stateOf(loan, await transactionRowsOf(b.ledger.db, loan.id), run.businessDate);
      expect([
        loan.id,
        loan.outstanding_total_minor,
        loan.overdue_total_minor,
        loan.days_past_due,
        loan.arrears_bucket,
        loan.next_due_date,
      ]).toEqual([
        loan.id,
        state.outstanding.totalMinor,
        state.overdue.totalMinor,
        state.daysPastDue,
        state.arrearsBucket,
        state.installments.find((i) => i.n > 0 && !i.isSettled)?.dueDate ?? null,
      ]);
    }
    const lateNow = await b.ok('loans.get', { loanId: late.id }, admin2);
    expect(lateNow.daysPastDue).toBeGreaterThan(0);
    expect(lateNow.outstanding.penaltiesMinor).toBeGreaterThan(0);
  });
});

describe('a repayments file', () => {
  it('posts every good row once, in one transaction with one audit record, and names the rows it could not post', async () => {
    const b = await branch();
    const one = await b.anActiveLoan();
    const two = await b.anActiveLoan({ principalMinor: 4_000_000 });
    const rows = [
      {
        accountNo: one.accountNo!,
        amountMinor: 300_000,
        valueDate: '2026-11-25',
        reference: 'F-1',
        idempotencyKey: randomUUID(),
      },
      {
        accountNo: two.accountNo!,
        amountMinor: 200_000,
        valueDate: '2026-11-25',
        reference: 'F-2',
        idempotencyKey: randomUUID(),
      },
      {
        accountNo: one.accountNo!,
        amountMinor: 100_000,
        valueDate: '2026-11-25',
        reference: 'F-3',
        idempotencyKey: randomUUID(),
      },
      {
        accountNo: 'NBO-01-999999',
        amountMinor: 100,
        valueDate: '2026-11-25',
        reference: 'F-4',
        idempotencyKey: randomUUID(),
      },
      {
        accountNo: two.accountNo!,
        amountMinor: 100,
        valueDate: '2026-11-30',
        reference: 'F-5',
        idempotencyKey: randomUUID(),
      },
    ];
    const first = await b.ok('loans.importRepayments', { rows }, b.manager.token);
    expect(first).toEqual({
      posted: 3,
      skipped: 0,
      failed: [
        { row: 3, message: 'there is no loan with account number NBO-01-999999' },
        { row: 4, message: 'the value date 2026-11-30 is after the business date 2026-11-25' },
      ],
    });
    const again = await b.ok('loans.importRepayments', { rows: rows.slice(0, 3) }, b.manager.token);
    expect(again).toEqual({ posted: 0, skipped: 3, failed: [] });
    const after = await b.ok('loans.get', { loanId: one.id }, b.manager.token);
    expect(after.outstandingTotalMinor).toBe(one.outstandingTotalMinor - 400_000);
    expect(after.transactions.filter((t) => t.type === 'repayment').map((t) => t.reference)).toEqual([
      'F-1',
      'F-3',
    ]);
    await expectProjectionEqualsReplay(b, one.id);
    await expectProjectionEqualsReplay(b, two.id);
    const audit = await b.ledger.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'loan.repaymentsImported')
      .execute();
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({
      rows: 5,
      posted: 3,
      failed: 2,
      totalMinor: 600_000,
      loans: 2,
    });
    const events = await b.ledger.db
      .selectFrom('events')
      .select('payload')
      .where('type', '=', 'loan.transactionsImported')
      .execute();
    expect(
      events.map((e) => (JSON.parse(e.payload) as { transactions: unknown[] }).transactions.length),
    ).toEqual([3]);
  });
});

describe('restructuring', () => {
  it('keeps arrears that are not capitalised owed, as a charge due on the first day of the new schedule', async () => {
    const b = await branch();
    const loan = await b.anActiveLoan();
    b.clock.advanceMinutes(45 * 24 * 60);
    const manager = (await b.ok('auth.signIn', { username: 'wanjiru', password: 'Manager-Desk-2026' }))
      .sessionToken;
    await b.ok('eod.run', {}, manager);
    const before = await b.ok('loans.get', { loanId: loan.id }, manager);
    expect(before.daysPastDue).toBeGreaterThan(0);
    const arrears = before.payoffMinor - before.outstanding.principalMinor;
    const after = await b.ok(
      'loans.restructure',
      {
        loanId: loan.id,
        fromDate: '2027-01-09',
        repayments: 10,
        capitaliseArrears: false,
        reason: 'Harvest failed',
      },
      manager,
    );
    const carried = after.transactions.find((t) => t.type === 'fee');
    expect(carried).toMatchObject({
      amountMinor: arrears,
      valueDate: '2027-01-09',
      note: 'arrears carried into the restructured schedule',
    });
    expect(after.outstanding.principalMinor).toBe(before.outstanding.principalMinor);
    expect(after.outstanding.feesMinor).toBeGreaterThanOrEqual(arrears);
    expect(after.termsHistory).toMatchObject([{ kind: 'restructured', reason: 'Harvest failed' }]);
    expect(after.schedule).toHaveLength(10);
    await expectProjectionEqualsReplay(b, loan.id);
  });
});

describe('a business loan paid out in tranches', () => {
  it('pays out part of the approved amount, then the rest later, rescheduling at each tranche', async () => {
    const b = await branch();
    const product = await b.ok(
      'loanProducts.save',
      aProduct({ code: 'BIZ-TR', kind: 'business', allowsTranches: true }),
      b.adminToken,
    );
    const approved = await b.anApprovedLoan({
      productId: product.id,
      principalMinor: 10_000_000,
      repayments: 6,
    });
    const first = await b.ok(
      'loans.disburse',
      {
        loanId: approved.id,
        channel: 'transfer',
        reference: 'T1',
        amountMinor: 4_000_000,
        idempotencyKey: randomUUID(),
      },
      b.teller.token,
    );
    expect(first.balanceAfter.principalMinor).toBe(4_000_000);
    const early = await b.call(
      'loans.disburse',
      {
        loanId: approved.id,
        channel: 'transfer',
        reference: 'T2',
        amountMinor: 6_000_000,
        idempotencyKey: randomUUID(),
      },
      b.teller.token,
    );
    expect(early.error?.reason).toBe('loan_wrong_state');
    b.clock.advanceMinutes(10 * 24 * 60);
    const manager = (await b.ok('auth.signIn', { username: 'wanjiru', password: 'Manager-Desk-2026' }))
      .sessionToken;
    const teller = (await b.ok('auth.signIn', { username: 'kamau', password: 'Teller-Counter-2026' }))
      .sessionToken;
    await b.ok('eod.run', {}, manager);
    const more = await b.call(
      'loans.disburse',
      {
        loanId: approved.id,
        channel: 'transfer',
        reference: 'T2',
        amountMinor: 7_000_000,
        idempotencyKey: randomUUID(),
      },
      teller,
    );
    expect(more.error?.issues?.[0]?.path).toBe('amountMinor');
    const second = await b.ok(
      'loans.disburse',
      {
        loanId: approved.id,
        channel: 'transfer',
        reference: 'T2',
        amountMinor: 6_000_000,
        idempotencyKey: randomUUID(),
      },
      teller,
    );
    // The new principal: the first tranche, ten days' interest earned on it, and the second tranche.
    expect(second.balanceAfter.principalMinor).toBeGreaterThan(10_000_000);
    expect(second.balanceAfter.principalMinor).toBeLessThan(10_000_000 + 30_000);
    const loan = await b.ok('loans.get', { loanId: approved.id }, manager);
    expect(loan).toMatchObject({
      disbursedPrincipalMinor: 10_000_000,
      approvedPrincipalMinor: 10_000_000,
      repayments: 6,
    });
    expect(loan.termsHistory).toMatchObject([{ kind: 'tranche' }]);
    expect(loan.transactions.filter((t) => t.type === 'disbursement').map((t) => t.amountMinor)).toEqual([
      4_000_000, 6_000_000,
    ]);
    const third = await b.call(
      'loans.disburse',
      { loanId: approved.id, channel: 'transfer', reference: 'T3', idempotencyKey: randomUUID() },
      teller,
    );
    expect(third.error?.reason).toBe('already_disbursed');
    await expectProjectionEqualsReplay(b, approved.id);
  });
});

describe('a posting before end-of-day has caught up', () => {
  it('is dated today, and brings its loan current as of today (late fee included)', async () => {
    const b = await branch();
    const loan = await b.anActiveLoan();
    b.clock.advanceMinutes(32 * 24 * 60); // 2026-12-27: the first installment (25 Dec) is two days late
    const teller = (await b.ok('auth.signIn', { username: 'kamau', password: 'Teller-Counter-2026' }))
      .sessionToken;
    const paid = await b.ok(
      'loans.repay',
      {
        loanId: loan.id,
        amountMinor: 100_000,
        channel: 'transfer',
        reference: 'LATE',
        idempotencyKey: randomUUID(),
      },
      teller,
    );
    expect(paid.valueDate).toBe('2026-12-27');
    const row = await b.ledger.db
      .selectFrom('loans')
      .selectAll()
      .where('id', '=', loan.id)
      .executeTakeFirstOrThrow();
    expect(row.as_of).toBe('2026-12-27');
    expect(row.days_past_due).toBe(2);
    expect(paid.allocation.penaltiesMinor).toBe(50_000); // the product's late fee, paid first
    await expectProjectionEqualsReplay(b, loan.id);
  });
});
