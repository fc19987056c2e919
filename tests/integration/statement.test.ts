// The customer's loan statement (`reports.loanStatement`) on a real ledger: a loan with a real history — applied,
// approved by another person, disbursed, paid on time, paid late with a late fee, a payment reversed — printed as
// a PDF whose text (pdftotext) shows the customer's name as written, every transaction and a closing balance
// equal to the engine's replay, and whose first page renders to an image with ink on it (pdftoppm).
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateOf, transactionRowsOf } from '../../electron/core/loans/project';
import { formatMinor } from '../../electron/core/print/format';
import { adminPassword, removeDir } from '../support/ledger';
import { anIndividual } from '../support/customers';
import { aLoanBranch, aProduct } from '../support/loans';

type LoanBranch = Awaited<ReturnType<typeof aLoanBranch>>;

const customerName = 'Zoë Łukasz-Ñandú Øyvind';
const day = 24 * 60;

/**
 * A 100,000.00 KES loan over six months, disbursed on 2026-11-25 to a customer whose name is not Latin-1: the
 * first installment paid on its due date, a payment made in error and reversed by the manager, the second
 * installment paid nine days late (the product's 500.00 late fee first), then a part payment.
 */
async function aLoanWithHistory() {
  const b = await aLoanBranch();
  const customer = await b.ok(
    'customers.registerIndividual',
    anIndividual({
      firstName: 'Zoë',
      middleName: 'Łukasz-Ñandú',
      lastName: 'Øyvind',
      address: 'Kenyatta Avenue 12',
      city: 'Nairobi',
    }),
    b.officer.token,
  );
  await b.ledger.db
    .updateTable('customers')
    .set({ kyc_status: 'verified' })
    .where('id', '=', customer.id)
    .execute();
  const loan = await b.anActiveLoan({ customerId: customer.id, principalMinor: 10_000_000, repayments: 6 });
  const signIn = async (username: string, password: string) =>
    (await b.ok('auth.signIn', { username, password })).sessionToken;
  const repay = async (amountMinor: number, reference: string) =>
    b.ok(
      'loans.repay',
      { loanId: loan.id, amountMinor, channel: 'transfer', reference, idempotencyKey: randomUUID() },
      await signIn('kamau', 'Teller-Counter-2026'),
    );

  b.clock.advanceMinutes(30 * day); // 2026-12-25, the first due date
  await repay(loan.schedule[0]!.outstandingMinor, 'MPESA-1');
  const mistake = await repay(123_456, 'MPESA-WRONG');
  await b.ok(
    'loans.reverse',
    { transactionId: mistake.transactionId, reason: 'Paid to the wrong loan', idempotencyKey: randomUUID() },
    await signIn('wanjiru', 'Manager-Desk-2026'),
  );
  b.clock.advanceMinutes(40 * day); // 2027-02-03: the second installment (25 Jan) is nine days late
  const late = await repay(loan.schedule[1]!.outstandingMinor + 50_000, 'MPESA-2');
  b.clock.advanceMinutes(7 * day); // 2027-02-10
  await repay(1_500_000, 'MPESA-3');
  const manager = await signIn('wanjiru', 'Manager-Desk-2026');
  return { b, loan, late, manager };
}

async function statementPdf(
  b: LoanBranch,
  token: string,
  input: { loanId: string; from?: string; to?: string },
) {
  const file = await b.ok('reports.loanStatement', input, token);
  const path = join(b.dir, file.fileName);
  writeFileSync(path, Buffer.from(file.base64, 'base64'));
  return { file, path, text: execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }) };
}

const money = (minor: number) => formatMinor(minor, 2);

// The statement only reads: one loan's history serves every test (building it takes most of the time).
let world: Awaited<ReturnType<typeof aLoanWithHistory>>;
beforeAll(async () => {
  world = await aLoanWithHistory();
});
afterAll(async () => {
  await world.b.close();
  removeDir(world.b.dir);
});

describe('a loan statement', () => {
  it('prints the customer as written, every transaction, and closes on the replay’s balance', async () => {
    const { b, loan, late, manager } = world;
    const { file, path, text } = await statementPdf(b, manager, { loanId: loan.id });
    expect(file.fileName).toBe(`statement-${loan.accountNo}-2027-02-10.pdf`);

    expect(text).toContain(customerName);
    expect(text).toContain(loan.accountNo!);
    expect(text).toContain(loan.customerNumber);
    expect(text).toContain('Kenyatta Avenue 12');

    const view = await b.ok('loans.get', { loanId: loan.id }, manager);
    expect(view.transactions).toHaveLength(6); // disbursement, 4 repayments, 1 reversal
    for (const tx of view.transactions) expect(text).toContain(money(tx.amountMinor));
    for (const receipt of view.transactions.map((t) => t.receiptNo).filter(Boolean))
      expect(text).toContain(receipt!);
    expect(text).toMatch(/Repayment \(reversed\)/);
    // The late payment paid the 500.00 late fee first: its line shows it in the penalties column.
    expect(late.allocation.penaltiesMinor).toBe(50_000);
    expect(text).toMatch(/Penalties charged\s+500\.00/);

    // The closing balance is the engine's replay of the loan today, to the minor unit.
    const row = await b.ledger.db
      .selectFrom('loans')
      .selectAll()
      .where('id', '=', loan.id)
      .executeTakeFirstOrThrow();
    const state = stateOf(row, await transactionRowsOf(b.ledger.db, loan.id), '2027-02-10');
    expect(state.outstanding.totalMinor).toBe(view.outstandingTotalMinor);
    const closing = text.split('\n').find((l) => l.includes('Balance on 2027-02-10'));
    expect(closing?.trim().split(/\s+/).slice(-2)).toEqual([
      money(state.outstanding.principalMinor),
      money(state.outstanding.totalMinor),
    ]);

    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    for (let n = 1; n <= pages; n++) expect(text).toContain(`Page ${n} of ${pages}`);
    expect(text).toMatch(/Generated at 2027-02-10 \d\d:\d\d GMT\+3 by WANJIRU/);
  });

  it('renders its first page to an image with the statement on it', async () => {
    const { b, loan, manager } = world;
    const { path } = await statementPdf(b, manager, { loanId: loan.id });
    const png = join(b.dir, 'page');
    execFileSync('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '1', '-singlefile', path, png]);
    expect(existsSync(`${png}.png`)).toBe(true);
    expect(statSync(`${png}.png`).size).toBeGreaterThan(5_000);
    // The same page in grey levels (PGM: a short text header, then one byte per pixel): ink covers a real
    // share of it — not a blank page, not a black one.
    execFileSync('pdftoppm', ['-r', '50', '-gray', '-f', '1', '-l', '1', '-singlefile', path, png]);
    const pgm = readFileSync(`${png}.pgm`);
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
    const pixels = pgm.subarray(header[0].length);
    expect(pixels.length).toBe(Number(header[1]) * Number(header[2]));
    const inked = pixels.filter((v) => v < 200).length / pixels.length;
    expect(inked).toBeGreaterThan(0.02);
    expect(inked).toBeLessThan(0.5);
  });

  it('gives the same bytes for the same loan and clock', async () => {
    const { b, loan, manager } = world;
    const first = await b.ok('reports.loanStatement', { loanId: loan.id }, manager);
    const second = await b.ok('reports.loanStatement', { loanId: loan.id }, manager);
    expect(second.base64).toBe(first.base64);
    b.clock.advanceMinutes(1);
    const later = await b.ok('reports.loanStatement', { loanId: loan.id }, manager);
    expect(later.base64).not.toBe(first.base64); // its "Generated at" moved: the clock is the only difference
  });

  it('sums up the transactions before a period in an opening balance and stops at its end', async () => {
    const { b, loan, manager } = world;
    const { text } = await statementPdf(b, manager, {
      loanId: loan.id,
      from: '2027-01-01',
      to: '2027-02-05',
    });
    expect(text).toContain('Statement period: 2027-01-01 – 2027-02-05');
    // Before the period: the disbursement, the first installment, the mistake and its reversal.
    expect(text).toMatch(/Balance brought forward \(4 earlier transactions\)/);
    expect(text).not.toContain('MPESA-1');
    expect(text).toContain('MPESA-2');
    expect(text).not.toContain('MPESA-3'); // after the period
    const row = await b.ledger.db
      .selectFrom('loans')
      .selectAll()
      .where('id', '=', loan.id)
      .executeTakeFirstOrThrow();
    const state = stateOf(row, await transactionRowsOf(b.ledger.db, loan.id), '2027-02-05');
    const closing = text.split('\n').find((l) => l.includes('Balance on 2027-02-05'));
    expect(closing?.trim().split(/\s+/).slice(-1)).toEqual([money(state.outstanding.totalMinor)]);
  });

  it('refuses a malformed loan id or period, and a teller (reports are for managers and auditors)', async () => {
    const { b, loan, manager } = world;
    const bad = await b.call('reports.loanStatement', { loanId: 'NBO-01-000001' }, manager);
    expect(bad.error).toMatchObject({ code: 'VALIDATION' });
    expect(bad.error?.issues?.[0]?.path).toBe('loanId');
    const backwards = await b.call(
      'reports.loanStatement',
      { loanId: loan.id, from: '2027-02-01', to: '2027-01-01' },
      manager,
    );
    expect(backwards.error?.issues?.[0]?.path).toBe('to');
    const unknown = await b.call('reports.loanStatement', { loanId: randomUUID() }, manager);
    expect(unknown.error).toMatchObject({ code: 'NOT_FOUND', reason: 'loan_not_found' });

    const teller = (await b.ok('auth.signIn', { username: 'kamau', password: 'Teller-Counter-2026' }))
      .sessionToken;
    const refused = await b.call('reports.loanStatement', { loanId: loan.id }, teller);
    expect(refused.error).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('a statement of every kind of line', () => {
  it('follows waivers, an early payoff with its rebate and credit, a write-off and recovery, a restructure and tranches to the replay’s balance', async () => {
    const { b } = world;
    const signIn = async (username: string, password: string) =>
      (await b.ok('auth.signIn', { username, password })).sessionToken;
    const dateOf = (clock: typeof b.clock) => clock.now().toISOString().slice(0, 10); // 08:00 UTC, 11:00 in Nairobi
    const today = dateOf(b.clock);
    const admin = await signIn('amina', adminPassword);
    const tranches = await b.ok(
      'loanProducts.save',
      aProduct({ code: 'BIZ-TR', kind: 'business', allowsTranches: true }),
      admin,
    );
    const open = async (input: { productId?: string } = {}) => {
      const applied = await b.ok(
        'loans.apply',
        {
          customerId: b.customer.id,
          productId: b.product.id,
          principalMinor: 5_000_000,
          repayments: 6,
          expectedDisbursementDate: today,
          purpose: 'Stock',
          overrideReason: 'Long-standing customer',
          idempotencyKey: randomUUID(),
          ...input,
        },
        await signIn('otieno', 'Officer-Field-2026'),
      );
      const decision = { loanId: applied.id, decision: 'approve' as const, reason: 'Good history' };
      return b.ok('loans.decide', decision, await signIn('wanjiru', 'Manager-Desk-2026'));
    };
    const disburse = async (loanId: string, amountMinor?: number) =>
      b.ok(
        'loans.disburse',
        {
          loanId,
          channel: 'transfer',
          reference: 'BANK',
          idempotencyKey: randomUUID(),
          ...(amountMinor ? { amountMinor } : {}),
        },
        await signIn('kamau', 'Teller-Counter-2026'),
      );
    const paidOff = (await disburse((await open()).id)).loanId;
    const writtenOff = (await disburse((await open()).id)).loanId;
    const restructured = (await disburse((await open()).id)).loanId;
    const inTranches = (await disburse((await open({ productId: tranches.id })).id, 2_000_000)).loanId;

    b.clock.advanceMinutes(40 * day); // every loan's first installment is ten days late: a late fee each
    const manager = await signIn('wanjiru', 'Manager-Desk-2026');
    const teller = await signIn('kamau', 'Teller-Counter-2026');
    const key = () => ({ idempotencyKey: randomUUID() });
    await b.ok(
      'loans.waive',
      { loanId: paidOff, component: 'penalties', amountMinor: 30_000, reason: 'First delay', ...key() },
      manager,
    );
    const payoff = (await b.ok('loans.get', { loanId: paidOff }, manager)).payoffMinor;
    await b.ok(
      'loans.repay',
      { loanId: paidOff, amountMinor: payoff + 100_000, channel: 'transfer', reference: 'PAYOFF', ...key() },
      teller,
    );
    await b.ok('loans.writeOff', { loanId: writtenOff, reason: 'Customer emigrated', ...key() }, manager);
    await b.ok(
      'loans.recover',
      { loanId: writtenOff, amountMinor: 250_000, channel: 'transfer', reference: 'RECOVERED', ...key() },
      teller,
    );
    await b.ok(
      'loans.restructure',
      {
        loanId: restructured,
        fromDate: dateOf(b.clock),
        repayments: 10,
        capitaliseArrears: false,
        reason: 'Harvest failed',
      },
      manager,
    );
    await b.ok(
      'loans.repay',
      { loanId: restructured, amountMinor: 400_000, channel: 'transfer', reference: 'AFTER', ...key() },
      teller,
    );
    await b.ok(
      'loans.repay',
      { loanId: inTranches, amountMinor: 1_000_000, channel: 'transfer', reference: 'CURRENT', ...key() },
      teller,
    );
    b.clock.advanceMinutes(3 * day);
    await disburse(inTranches, 3_000_000);

    const reader = await signIn('wanjiru', 'Manager-Desk-2026');
    const expectations: [string, RegExp][] = [
      [
        paidOff,
        /Waiver · penalties\s+300\.00[\s\S]*Repayment · payoff[\s\S]*Credit \(overpayment\)\s+KES 1,000\.00/,
      ],
      [writtenOff, /Penalties charged\s+500\.00[\s\S]*Write-off[\s\S]*Recovery\s+2,500\.00/],
      // The replaced schedule's late fee, then the new schedule with the arrears carried into it as a fee.
      [restructured, /Penalties charged[\s\S]*New schedule[\s\S]*Fee[\s\S]*AFTER/],
      [inTranches, /Disbursement\s+20,000\.00[\s\S]*New schedule[\s\S]*Disbursement\s+30,000\.00/],
    ];
    for (const [loanId, lines] of expectations) {
      const { text } = await statementPdf(b, reader, { loanId });
      expect(text).toMatch(lines);
      const view = await b.ok('loans.get', { loanId }, reader);
      const closing = text.split('\n').find((l) => /Balance on \d{4}-\d\d-\d\d/.test(l));
      expect(closing?.trim().split(/\s+/).slice(-1)).toEqual([money(view.outstanding.totalMinor)]);
    }
  });
});
