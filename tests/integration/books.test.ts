// The books (issue 7): a month of branch activity posted through the use cases, and the trial balance, the
// balance sheet and the income statement checked to the minor unit against figures computed by hand; manual
// journals with four eyes; closed periods; provisioning; and `lms verify` catching a journal line edited
// behind the app's back.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { balanceSheet, incomeStatement, trialBalance } from '../../electron/core/books/ledger';
import { verifyBooks } from '../../electron/core/books/verify';
import { main } from '../../electron/cli/main';
import {
  aBranchInOctober as aBranch,
  aMonthOfBranchActivity,
  kes,
  type BranchInOctober,
} from '../support/books';
import { anIndividual } from '../support/customers';

const key = () => randomUUID();
const opened: BranchInOctober[] = [];
afterEach(async () => {
  for (const b of opened.splice(0)) await b.dispose();
});

async function aBranchInOctober() {
  const b = await aBranch();
  opened.push(b);
  return b;
}

describe('a month of branch activity in the books', () => {
  it('gives the trial balance, balance sheet and income statement computed by hand, to the minor unit', async () => {
    const b = await aBranchInOctober();
    // tests/support/books.ts: capital, vault, till, two loans (cash and transfer, 2 % fee deducted), a repayment
    // on time, a late one with its fee, stationery from the till, and a till closed 50 short.
    const { loanC } = await aMonthOfBranchActivity(b);
    const late = await b.ok('loans.get', { loanId: loanC }, b.people.manager.token);
    expect(late.outstanding.penaltiesMinor).toBe(0);
    const tb = await trialBalance(b.ledger.db, { period: '2026-11', branchId: null });
    const byCode = Object.fromEntries(tb.accounts.map((x) => [x.code, x.balanceMinor]));
    expect(byCode).toEqual({
      '1110': kes(500_000 - 200_000 + 112_850), // vault: deposit, the till's opening, its counted cash back
      '1130': kes(-500_000 + 1_000_000 - 49_000 + 6_000), // bank
      '1210': kes(100_000 + 50_000 - 10_000 - 5_000), // portfolio
      '1120': 0, // the till is closed and returned to the vault
      '1310': 0, // interest receivable: both installments' interest recognised and paid
      '1330': 0, // penalties receivable
      '3100': -kes(1_000_000),
      '4100': -kes(1_000 + 500), // interest income: one month on each loan
      '4200': -kes(2_000 + 1_000), // fee income: 2 % deducted at disbursement
      '4300': -kes(500), // penalty income: the late fee
      '5300': kes(50), // cash short
      '5900': kes(100), // stationery
    });
    expect(tb.totalDebitMinor).toBe(tb.totalCreditMinor);
    expect(tb.totalDebitMinor).toBe(kes(412_850 + 457_000 + 135_000 + 50 + 100));

    const is = await incomeStatement(b.ledger.db, {
      fromPeriod: '2026-10',
      toPeriod: '2026-11',
      branchId: null,
    });
    expect(is.income.totalMinor).toBe(kes(5_000));
    expect(is.expenses.totalMinor).toBe(kes(150));
    expect(is.netIncomeMinor).toBe(kes(4_850));
    const october = await incomeStatement(b.ledger.db, {
      fromPeriod: '2026-10',
      toPeriod: '2026-10',
      branchId: null,
    });
    expect(october.netIncomeMinor).toBe(kes(3_000));

    const bs = await balanceSheet(b.ledger.db, { period: '2026-11', branchId: null });
    expect(bs.assets.totalMinor).toBe(kes(412_850 + 457_000 + 135_000));
    expect(bs.liabilities.totalMinor).toBe(0);
    expect(bs.equity.totalMinor).toBe(kes(1_000_000));
    expect(bs.currentEarningsMinor).toBe(kes(4_850));
    expect(bs.totalLiabilitiesAndEquityMinor).toBe(bs.assets.totalMinor);

    expect((await verifyBooks(b.ledger.db)).filter((x) => !x.isOk)).toEqual([]);
  });
});

describe('interest accrual', () => {
  it('accrues the current period’s interest daily, or to the month end, and reverses it when paid', async () => {
    const b = await aBranchInOctober();
    const { people } = b;
    await b.ok('books.updateSettings', { accrual: 'daily' }, people.admin.token);
    const loan = await b.approve(100_000);
    await b.ok(
      'loans.disburse',
      { loanId: loan.id, channel: 'transfer', reference: 'EFT', idempotencyKey: key() },
      people.teller.token,
    );
    const receivable = async () =>
      (await trialBalance(b.ledger.db, { period: '2026-12', branchId: null })).accounts.find(
        (x) => x.code === '1310',
      )?.balanceMinor ?? 0;
    // 15 of the first period's 31 days: KES 1,000 × 15 / 31 = 483.87 (rounded down).
    await b.dayOf('2026-10-16');
    expect(await receivable()).toBe(48_387);
    // To the month end instead: 30 days of 31 by 31 October.
    await b.ok('books.updateSettings', { accrual: 'monthEnd' }, people.admin.token);
    await b.dayOf('2026-10-31');
    expect(await receivable()).toBe(96_774);
    // Due on 1 November: the whole KES 1,000; paid, the receivable is reversed and the income stays.
    await b.dayOf('2026-11-01');
    expect(await receivable()).toBe(100_000);
    await b.ok(
      'loans.repay',
      {
        loanId: loan.id,
        amountMinor: kes(11_000),
        channel: 'transfer',
        reference: 'M1',
        idempotencyKey: key(),
      },
      people.teller.token,
    );
    expect(await receivable()).toBe(0);
    const tb = await trialBalance(b.ledger.db, { period: '2026-12', branchId: null });
    expect(tb.accounts.find((x) => x.code === '4100')?.balanceMinor).toBe(-kes(1_000));
    expect((await verifyBooks(b.ledger.db)).filter((x) => !x.isOk)).toEqual([]);
  });
});

describe('manual journals', () => {
  it('post only once a second person approves them, balanced, and never to a control account', async () => {
    const b = await aBranchInOctober();
    const { people } = b;
    const lines = [
      { accountCode: '5900', debitMinor: kes(1_500) },
      { accountCode: '1130', creditMinor: kes(1_500) },
    ];
    const teller = await b.call(
      'books.proposeJournal',
      { valueDate: '2026-10-01', narration: 'Rent', lines, idempotencyKey: key() },
      people.teller.token,
    );
    expect(teller.error?.code).toBe('FORBIDDEN');
    const unbalanced = await b.call(
      'books.proposeJournal',
      {
        valueDate: '2026-10-01',
        narration: 'Rent',
        lines: [lines[0], { accountCode: '1130', creditMinor: kes(1_000) }],
        idempotencyKey: key(),
      },
      people.accountant.token,
    );
    expect(unbalanced.error).toMatchObject({ code: 'VALIDATION', reason: 'journal_unbalanced' });
    const control = await b.call(
      'books.proposeJournal',
      {
        valueDate: '2026-10-01',
        narration: 'Fix',
        lines: [
          { accountCode: '1210', debitMinor: 100 },
          { accountCode: '1130', creditMinor: 100 },
        ],
        idempotencyKey: key(),
      },
      people.accountant.token,
    );
    expect(control.error?.issues?.[0]).toMatchObject({ path: 'lines.0.accountCode' });

    const proposed = await b.ok(
      'books.proposeJournal',
      { valueDate: '2026-10-01', narration: 'Rent for October', lines, idempotencyKey: key() },
      people.accountant.token,
    );
    expect(proposed.status).toBe('pending');
    expect(
      await b.ledger.db.selectFrom('journal_entries').select('id').where('kind', '=', 'manual').execute(),
    ).toEqual([]);
    const own = await b.call(
      'books.decideJournal',
      { id: proposed.id, decision: 'approve' },
      people.accountant.token,
    );
    expect(own.error).toMatchObject({ code: 'FORBIDDEN', reason: 'four_eyes' });
    const approved = await b.ok(
      'books.decideJournal',
      { id: proposed.id, decision: 'approve' },
      people.manager.token,
    );
    expect(approved.status).toBe('approved');
    const [entry] = await b.ok(
      'books.journal',
      { from: '2026-10-01', to: '2026-10-31', kind: 'manual' },
      people.manager.token,
    );
    expect(entry!.lines.map((l) => [l.accountCode, l.debitMinor, l.creditMinor])).toEqual([
      ['5900', kes(1_500), 0],
      ['1130', 0, kes(1_500)],
    ]);
    expect(entry!.approvedBy).toBe(approved.decidedBy);
    const again = await b.call(
      'books.decideJournal',
      { id: proposed.id, decision: 'reject', reason: 'No' },
      people.admin.token,
    );
    expect(again.error?.reason).toBe('journal_already_decided');
    // A mistake is corrected by a reversing entry, once; entries derived from loans are not reversed here.
    const reversal = await b.ok(
      'books.reverseJournal',
      { entryId: entry!.id, reason: 'Paid twice', idempotencyKey: key() },
      people.manager.token,
    );
    expect(reversal.reversesId).toBe(entry!.id);
    expect(reversal.lines.map((l) => [l.accountCode, l.debitMinor, l.creditMinor])).toEqual([
      ['5900', 0, kes(1_500)],
      ['1130', kes(1_500), 0],
    ]);
    const tb = await trialBalance(b.ledger.db, { period: '2026-12', branchId: null });
    expect(tb.accounts.find((x) => x.code === '5900')?.balanceMinor ?? 0).toBe(0);
    const twice = await b.call(
      'books.reverseJournal',
      { entryId: entry!.id, reason: 'Again', idempotencyKey: key() },
      people.manager.token,
    );
    expect(twice.error?.reason).toBe('journal_already_reversed');
    const audit = await b.ledger.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'books.journal%')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'books.journalProposed',
      'books.journalApproved',
      'books.journalReversed',
    ]);
  });
});

describe('accounting periods', () => {
  it('close in order once over; a backdated posting lands in the first open month with its value date; only an admin re-opens', async () => {
    const b = await aBranchInOctober();
    const { people } = b;
    const loan = await b.approve(100_000);
    await b.ok(
      'loans.disburse',
      { loanId: loan.id, channel: 'transfer', reference: 'EFT', idempotencyKey: key() },
      people.teller.token,
    );
    const early = await b.call('books.closePeriod', { period: '2026-10' }, people.manager.token);
    expect(early.error?.reason).toBe('period_not_closable');
    await b.dayOf('2026-11-03');
    const closed = await b.ok('books.closePeriod', { period: '2026-10' }, people.manager.token);
    expect(closed.status).toBe('closed');
    // A repayment a manager backdates into October is booked on 1 November, its value date kept.
    const repaid = await b.ok(
      'loans.repay',
      {
        loanId: loan.id,
        amountMinor: kes(5_000),
        channel: 'transfer',
        reference: 'LATE-FILE',
        valueDate: '2026-10-20',
        idempotencyKey: key(),
      },
      people.admin.token,
    );
    const entry = await b.ledger.db
      .selectFrom('journal_entries')
      .selectAll()
      .where('source_id', '=', repaid.transactionId)
      .executeTakeFirstOrThrow();
    expect([entry.value_date, entry.posting_date, entry.period]).toEqual([
      '2026-10-20',
      '2026-11-01',
      '2026-11',
    ]);
    // The journal refuses any change in place.
    expect(() =>
      b.ledger.sqlite.prepare('UPDATE journal_lines SET debit_minor = debit_minor + 1').run(),
    ).toThrow(/immutable/);
    expect(() => b.ledger.sqlite.prepare('DELETE FROM journal_entries').run()).toThrow(/immutable/);
    const byManager = await b.call(
      'books.reopenPeriod',
      { period: '2026-10', reason: 'Audit adjustment' },
      people.manager.token,
    );
    expect(byManager.error?.code).toBe('FORBIDDEN');
    const reopened = await b.ok(
      'books.reopenPeriod',
      { period: '2026-10', reason: 'Audit adjustment' },
      people.admin.token,
    );
    expect(reopened.status).toBe('open');
    const audit = await b.ledger.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'books.periodReopened')
      .execute();
    expect(JSON.parse(audit[0]!.details)).toEqual({ reason: 'Audit adjustment' });
  });
});

describe('loan-loss provisioning', () => {
  it('provisions each bucket’s principal at its rate, posts the adjustment once a month, and moves it the next', async () => {
    const b = await aBranchInOctober();
    const { people } = b;
    const good = await b.approve(100_000);
    const bad = await b.approve(50_000);
    for (const l of [good, bad])
      await b.ok(
        'loans.disburse',
        { loanId: l.id, channel: 'transfer', reference: 'EFT', idempotencyKey: key() },
        people.teller.token,
      );
    await b.dayOf('2026-11-01');
    await b.ok(
      'loans.repay',
      {
        loanId: good.id,
        amountMinor: kes(11_000),
        channel: 'transfer',
        reference: 'M1',
        idempotencyKey: key(),
      },
      people.teller.token,
    );
    await b.dayOf('2026-11-30');
    const preview = await b.ok('books.provisioning', { period: '2026-11' }, people.manager.token);
    // The good loan (KES 90,000, current) at 1 %; the other (KES 50,000, 29 days past due) at 5 %.
    expect(
      preview.buckets.map((x) => [x.name, x.loanCount, x.outstandingPrincipalMinor, x.requiredMinor]),
    ).toEqual([
      ['Current', 1, kes(90_000), kes(900)],
      ['Watch', 1, kes(50_000), kes(2_500)],
      ['Substandard', 0, 0, 0],
      ['Doubtful', 0, 0, 0],
      ['Loss', 0, 0, 0],
    ]);
    expect(preview.adjustmentMinor).toBe(kes(3_400));
    const posted = await b.ok('books.postProvisioning', { period: '2026-11' }, people.manager.token);
    expect(posted.postedEntryId).not.toBeNull();
    const twice = await b.call('books.postProvisioning', { period: '2026-11' }, people.manager.token);
    expect(twice.error?.reason).toBe('provisioning_already_posted');
    const tb = await trialBalance(b.ledger.db, { period: '2026-11', branchId: null });
    expect(tb.accounts.find((x) => x.code === '1400')?.balanceMinor).toBe(-kes(3_400));
    expect(tb.accounts.find((x) => x.code === '5200')?.balanceMinor).toBe(kes(3_400));
    // A month later the bad loan is 60 days past due (substandard, 25 %): only the difference is posted.
    await b.dayOf('2026-12-31');
    const december = await b.ok('books.provisioning', { period: '2026-12' }, people.manager.token);
    expect(december.heldMinor).toBe(kes(3_400));
    expect(december.adjustmentMinor).toBe(december.requiredMinor - kes(3_400));
  });
});

describe('lms verify', () => {
  it('passes on books kept by the app and fails on a journal line edited behind its back', async () => {
    const b = await aBranchInOctober();
    const { people } = b;
    const loan = await b.approve(100_000);
    await b.ok(
      'loans.disburse',
      { loanId: loan.id, channel: 'transfer', reference: 'EFT', idempotencyKey: key() },
      people.teller.token,
    );
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s), stdin: () => '' };
    expect(await main(['verify', '--db', b.ledger.path], io as never)).toBe(0);
    expect(out.join('\n')).toContain('books: every journal entry is as it was posted: ok');
    // Someone drops the guard and moves a line to another account (the entry still balances).
    b.ledger.sqlite.exec(`DROP TRIGGER journal_lines_no_update;
      UPDATE journal_lines SET account_code = '5900' WHERE account_code = '4200';`);
    err.length = 0;
    expect(await main(['verify', '--db', b.ledger.path], io as never)).toBe(1);
    expect(err.join('\n')).toMatch(/does not match its hash: changed outside the app/);
    expect(err.join('\n')).toMatch(/account 4200 in 2026-10 .* differs from its lines/);
  });
});

describe('referral rewards', () => {
  it('become payable when the referred customer’s loan is disbursed, and are paid from the bank when settled', async () => {
    const b = await aBranchInOctober();
    const { people } = b;
    const referred = await b.ok(
      'customers.registerIndividual',
      anIndividual({ referredByCustomerId: b.customer.id }),
      people.officer.token,
    );
    await b.ledger.db
      .updateTable('customers')
      .set({ kyc_status: 'verified' })
      .where('id', '=', referred.id)
      .execute();
    const [reward] = await b.ok('referrals.list', {}, people.manager.token);
    const payable = async () =>
      (await trialBalance(b.ledger.db, { period: '2026-12', branchId: null })).accounts.find(
        (x) => x.code === '2200',
      )?.balanceMinor ?? 0;
    expect(await payable()).toBe(0);
    const applied = await b.ok(
      'loans.apply',
      {
        customerId: referred.id,
        productId: b.product.id,
        principalMinor: kes(20_000),
        repayments: 10,
        annualRate: '12',
        expectedDisbursementDate: '2026-10-01',
        purpose: 'Stock',
        overrideReason: 'Known customer',
        idempotencyKey: key(),
      },
      people.officer.token,
    );
    await b.ok(
      'loans.decide',
      { loanId: applied.id, decision: 'approve', reason: 'Good' },
      people.manager.token,
    );
    await b.ok(
      'loans.disburse',
      { loanId: applied.id, channel: 'transfer', reference: 'EFT', idempotencyKey: key() },
      people.teller.token,
    );
    expect((await b.ok('referrals.list', {}, people.manager.token))[0]!.status).toBe('earned');
    expect(await payable()).toBe(-reward!.amountMinor);
    await b.ok('referrals.settle', { rewardId: reward!.id }, people.manager.token);
    expect(await payable()).toBe(0);
    const tb = await trialBalance(b.ledger.db, { period: '2026-12', branchId: null });
    expect(tb.accounts.find((x) => x.code === '5400')?.balanceMinor).toBe(reward!.amountMinor);
    expect((await verifyBooks(b.ledger.db)).filter((x) => !x.isOk)).toEqual([]);
  });
});

describe('the provisioning report', () => {
  it('exports the month’s buckets, what they require and the adjustment as CSV', async () => {
    const b = await aBranchInOctober();
    const { people } = b;
    const loan = await b.approve(100_000);
    await b.ok(
      'loans.disburse',
      { loanId: loan.id, channel: 'transfer', reference: 'EFT', idempotencyKey: key() },
      people.teller.token,
    );
    const file = await b.ok(
      'reports.export',
      { report: 'provisioning', params: { period: '2026-10' }, format: 'csv' },
      people.manager.token,
    );
    const csv = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(file.fileName).toMatch(/^provisioning-NBO-2026-10/);
    expect(csv).toContain('Current,0–0,1 %,1,100000.00,1000.00');
    expect(csv).toContain('Adjustment to post,1000.00');
  });
});
