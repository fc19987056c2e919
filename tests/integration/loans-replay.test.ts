// The replay invariant, over random histories driven through the real use cases on a real ledger: whatever a
// branch does to a loan — repayments of any size (some backdated by a manager), waivers, reversals, end-of-day
// moving the business date, a write-off — the loan row always holds exactly what the engine's replay of its
// terms and transactions gives from scratch, and no money is lost: what was received is what was paid plus the
// customer's credit; and the books hold (entries balance, the loan's portfolio share is its principal, suspense
// holds only money a reversal took off the loan).
//
// Each run works on its own copy of one prepared branch (a closed ledger file copied in milliseconds), with a
// random product, a random loan disbursed through the use cases and a random sequence of steps.
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf, LoanView } from '../../shared/contract';
import { addDays, daysBetween } from '../../shared/dates';
import { parseTerms, replay, type LoanState, type Transaction } from '../../shared/loan';
import { verifyBooks } from '../../electron/core/books/verify';
import { adminPassword, aLedger, removeDir, TestClock, type TestBranch } from '../support/ledger';
import { aLoanBranch, aProduct } from '../support/loans';

const passwords = {
  amina: adminPassword,
  wanjiru: 'Manager-Desk-2026',
  kamau: 'Teller-Counter-2026',
  otieno: 'Officer-Field-2026',
} as const;
type Staff = keyof typeof passwords;

let template: { dir: string; clockMs: number; customerId: string; tokens: Record<Staff, string> };

beforeAll(async () => {
  const b = await aLoanBranch();
  template = {
    dir: b.dir,
    clockMs: b.clock.now().getTime(),
    customerId: b.customer.id,
    tokens: { amina: b.adminToken, wanjiru: b.manager.token, kamau: b.teller.token, otieno: b.officer.token },
  };
  await b.close();
}, 60_000);
afterAll(() => removeDir(template.dir));

// ---- What a run is made of -------------------------------------------------------------------------------

const productArb = fc.record({
  interestMethod: fc.constantFrom('declining_balance', 'flat'),
  amortization: fc.constantFrom('equal_installments', 'equal_principal'),
  frequency: fc.constantFrom('weeks', 'months'),
  charges: fc.constantFrom('late_fee', 'penalty_rate', 'both'),
  lateFee: fc.oneof(
    fc.record({ amount: fc.constantFrom('150', '500') }),
    fc.record({ percent: fc.constantFrom('2', '5') }),
  ),
  graceDays: fc.integer({ min: 0, max: 5 }),
  penaltyRate: fc.constantFrom('12', '24', '36.5'),
  allocation: fc.constantFrom(
    'penalties_fees_interest_principal',
    'interest_principal_penalties_fees',
    'due_then_future_principal',
  ),
  prepayment: fc.constantFrom('reduce_term', 'reduce_installment'),
  perInstallmentFee: fc.option(fc.constantFrom('50', '120'), { nil: undefined }),
  disbursementFee: fc.option(
    fc.record({ percent: fc.constantFrom('1', '2.5'), mode: fc.constantFrom('collected', 'deducted') }),
    { nil: undefined },
  ),
});
type ProductChoice = typeof productArb extends fc.Arbitrary<infer T> ? T : never;

const loanArb = fc.record({
  principalMinor: fc.integer({ min: 10_000, max: 200_000 }).map((major) => major * 100),
  repayments: fc.integer({ min: 1, max: 12 }),
  annualRate: fc.integer({ min: 10, max: 36 }).map(String),
});
type LoanChoice = typeof loanArb extends fc.Arbitrary<infer T> ? T : never;

const stepArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('repay' as const),
      /** Of the first installment, or of what pays the loan off today. */
      basis: fc.oneof(
        { weight: 4, arbitrary: fc.constant('installment' as const) },
        { weight: 1, arbitrary: fc.constant('payoff' as const) },
      ),
      percent: fc.integer({ min: 1, max: 120 }),
      /** Backdated by a manager to this fraction of the days since disbursement; null: today. */
      backdate: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null, freq: 2 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('waive' as const),
      component: fc.constantFrom('interest' as const, 'fees' as const, 'penalties' as const),
      percent: fc.integer({ min: 1, max: 100 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('endOfDay' as const),
      days: fc.integer({ min: 1, max: 75 }),
      /** How far towards today the run moves the business date (at least one day). */
      reach: fc.constantFrom(0.25, 0.5, 1, 1),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'writeOff' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('recover' as const),
      amountMinor: fc.integer({ min: 1, max: 500_000 }),
    }),
  },
);
type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

function termsTemplateOf(p: ProductChoice): InputOf<'loanProducts.save'>['termsTemplate'] {
  return {
    interestMethod: p.interestMethod,
    amortization: p.amortization,
    frequency: p.frequency,
    dayCount: 'actual_365',
    allocation: p.allocation,
    prepayment: p.prepayment,
    penalties: {
      ...(p.charges !== 'penalty_rate' ? { lateFee: { ...p.lateFee, graceDays: p.graceDays } } : {}),
      ...(p.charges !== 'late_fee' ? { annualRate: p.penaltyRate } : {}),
    },
    fees: {
      ...(p.perInstallmentFee ? { perInstallment: { amount: p.perInstallmentFee } } : {}),
      ...(p.disbursementFee ? { disbursement: p.disbursementFee } : {}),
    },
  };
}

// ---- A run: a branch of its own, a loan, the steps --------------------------------------------------------

interface Run {
  b: TestBranch;
  tokens: Record<Staff, string>;
  loanId: string;
}

function aCopyOfTheBranch(): Run['b'] {
  const dir = mkdtempSync(join(tmpdir(), 'lms-replay-'));
  copyFileSync(join(template.dir, 'ledger.sqlite'), join(dir, 'ledger.sqlite'));
  return aLedger({ dir, clock: new TestClock(template.clockMs) });
}

async function aDisbursedLoan(b: TestBranch, tokens: Run['tokens'], p: ProductChoice, l: LoanChoice) {
  const product = await b.ok(
    'loanProducts.save',
    aProduct({ code: 'PROP', maxPrincipalMinor: 50_000_000, termsTemplate: termsTemplateOf(p) }),
    tokens.amina,
  );
  const applied = await b.ok(
    'loans.apply',
    {
      customerId: template.customerId,
      productId: product.id,
      principalMinor: l.principalMinor,
      repayments: l.repayments,
      annualRate: l.annualRate,
      expectedDisbursementDate: '2026-11-25',
      purpose: 'Stock for the shop',
      overrideReason: 'Property test: eligibility is not what is tested',
      idempotencyKey: randomUUID(),
    },
    tokens.otieno,
  );
  await b.ok(
    'loans.decide',
    { loanId: applied.id, decision: 'approve', reason: 'Good history' },
    tokens.wanjiru,
  );
  const disbursed = await b.ok(
    'loans.disburse',
    { loanId: applied.id, channel: 'transfer', reference: 'BANK-1', idempotencyKey: randomUUID() },
    tokens.kamau,
  );
  return disbursed.loanId;
}

async function businessDates(run: Run) {
  const status = await run.b.ok('eod.status', {}, run.tokens.amina);
  return { businessDate: status.businessDate, today: status.today };
}

/** A refusal the rules promise (a loan no longer active takes no repayment, waiver or write-off). */
function expectRefusedAsNotActive(result: { error?: { reason?: string } }, loan: LoanView) {
  expect(loan.status).not.toBe('active');
  expect(result.error?.reason).toBe('loan_wrong_state');
}

async function take(run: Run, step: Step): Promise<void> {
  const { b, tokens, loanId } = run;
  const loan = await b.ok('loans.get', { loanId }, tokens.amina);
  const key = randomUUID();
  switch (step.kind) {
    case 'repay': {
      const first = loan.schedule.find((i) => i.n > 0)!;
      const base =
        step.basis === 'payoff'
          ? loan.payoffMinor
          : first.principal.dueMinor + first.interest.dueMinor + first.fees.dueMinor;
      const amountMinor = Math.max(1, Math.round((base * step.percent) / 100));
      const { businessDate } = await businessDates(run);
      const valueDate =
        step.backdate === null
          ? undefined
          : addDays(
              loan.disbursedOn!,
              Math.floor(step.backdate * daysBetween(loan.disbursedOn!, businessDate)),
            );
      // Backdating needs loans.manage as well as teller.post: the administrator posts those.
      const result = await b.call(
        'loans.repay',
        { loanId, amountMinor, channel: 'transfer', reference: 'MPESA', valueDate, idempotencyKey: key },
        valueDate === undefined ? tokens.kamau : tokens.amina,
      );
      if (loan.status === 'active') expect(result.error).toBeUndefined();
      else expectRefusedAsNotActive(result, loan);
      return;
    }
    case 'waive': {
      const outstanding = loan.outstanding[`${step.component}Minor`];
      if (loan.status === 'active' && outstanding === 0) return;
      const amountMinor = Math.max(1, Math.floor((outstanding * step.percent) / 100));
      const result = await b.call(
        'loans.waive',
        { loanId, component: step.component, amountMinor, reason: 'Hardship', idempotencyKey: key },
        tokens.wanjiru,
      );
      if (loan.status === 'active') expect(result.error).toBeUndefined();
      else expectRefusedAsNotActive(result, loan);
      return;
    }
    case 'reverse': {
      const reversible = loan.transactions.filter(
        (t) => ['repayment', 'waiver', 'writeoff'].includes(t.type) && !t.isReversed,
      );
      if (reversible.length === 0) return;
      const transactionId = reversible[step.pick % reversible.length]!.id;
      await b.ok(
        'loans.reverse',
        { transactionId, reason: 'Posted in error', idempotencyKey: key },
        tokens.wanjiru,
      );
      return;
    }
    case 'endOfDay': {
      b.clock.advanceMinutes(step.days * 24 * 60);
      // Sessions do not last days: everyone signs in again.
      for (const username of Object.keys(passwords) as Staff[]) {
        const signedIn = await b.ok('auth.signIn', { username, password: passwords[username] });
        run.tokens[username] = signedIn.sessionToken;
      }
      const { businessDate, today } = await businessDates(run);
      const toDate = addDays(
        businessDate,
        Math.max(1, Math.round(step.reach * daysBetween(businessDate, today))),
      );
      await b.ok('eod.run', { toDate }, run.tokens.amina);
      return;
    }
    case 'writeOff': {
      const result = await b.call(
        'loans.writeOff',
        { loanId, reason: 'Customer absconded', idempotencyKey: key },
        tokens.wanjiru,
      );
      if (loan.status === 'active') expect(result.error).toBeUndefined();
      else expectRefusedAsNotActive(result, loan);
      return;
    }
    case 'recover': {
      const result = await b.call(
        'loans.recover',
        {
          loanId,
          amountMinor: step.amountMinor,
          channel: 'transfer',
          reference: 'RECOVERY',
          idempotencyKey: key,
        },
        tokens.kamau,
      );
      if (loan.status === 'written_off') expect(result.error).toBeUndefined();
      else expect(result.error?.reason).toBe('loan_wrong_state');
      return;
    }
  }
}

// ---- The invariant ----------------------------------------------------------------------------------------

/** The engine's input, from the rows, written out here rather than borrowed from the code under test. */
function engineTransactionsOf(
  rows: {
    id: string;
    type: string;
    amount_minor: number;
    component: string | null;
    reverses_id: string | null;
    value_date: string;
    hlc: string;
  }[],
): Transaction[] {
  const replayed = rows.filter((r) => ['repayment', 'fee', 'waiver', 'writeoff'].includes(r.type));
  const ids = new Set(replayed.map((r) => r.id));
  const reversals = rows.filter((r) => r.type === 'reversal' && ids.has(r.reverses_id!));
  return [...replayed, ...reversals].map((r): Transaction => {
    const base = { id: r.id, hlc: r.hlc, valueDate: r.value_date };
    if (r.type === 'reversal') return { ...base, type: 'reversal', reversesId: r.reverses_id! };
    if (r.type === 'writeoff') return { ...base, type: 'writeoff' };
    if (r.type === 'waiver')
      return { ...base, type: 'waiver', amountMinor: r.amount_minor, component: r.component as 'interest' };
    return { ...base, type: r.type as 'repayment' | 'fee', amountMinor: r.amount_minor };
  });
}

const projected = (s: LoanState) => ({
  status: s.status,
  outstanding_principal_minor: s.outstanding.principalMinor,
  outstanding_interest_minor: s.outstanding.interestMinor,
  outstanding_fees_minor: s.outstanding.feesMinor,
  outstanding_penalties_minor: s.outstanding.penaltiesMinor,
  outstanding_total_minor: s.outstanding.totalMinor,
  overdue_total_minor: s.overdue.totalMinor,
  paid_total_minor: s.paid.totalMinor,
  payoff_minor: s.payoffMinor,
  credit_minor: s.creditMinor,
  days_past_due: s.daysPastDue,
  arrears_bucket: s.arrearsBucket,
});
type Projected = ReturnType<typeof projected>;

async function expectLoanIsItsReplay(run: Run, after: string) {
  const db = run.b.ledger.db;
  const loan = await db
    .selectFrom('loans')
    .selectAll()
    .where('id', '=', run.loanId)
    .executeTakeFirstOrThrow();
  // A posting made before end-of-day has caught up with the calendar is dated today (its loan is projected
  // as of today); a loan end-of-day left alone is as of the business date or earlier.
  const dates = await businessDates(run);
  const businessDate =
    loan.as_of !== null && loan.as_of > dates.businessDate ? loan.as_of : dates.businessDate;
  const rows = await db
    .selectFrom('loan_transactions')
    .selectAll()
    .where('loan_id', '=', run.loanId)
    .execute();
  const terms = parseTerms(JSON.parse(loan.terms));
  if (!terms.ok) throw new Error(`the loan's terms do not parse: ${JSON.stringify(terms.issues)}`);
  const transactions = engineTransactionsOf(rows);
  const expected = projected(replay(terms.value, transactions, loan.as_of!));
  const stored = Object.fromEntries(
    Object.keys(expected).map((column) => [column, loan[column as keyof Projected]]),
  ) as Projected;

  // The row is the replay from scratch as of the row's date …
  expect(stored, `${after}: the row against a replay as of ${loan.as_of}`).toEqual(expected);
  // … and that date is the business date, unless nothing but the payoff can have moved since (end-of-day
  // leaves alone a loan with nothing due, and closed or written-off loans do not change with time).
  const today = projected(replay(terms.value, transactions, businessDate));
  if (loan.as_of !== businessDate)
    expect(
      { ...stored, payoff_minor: 0 },
      `${after}: a loan left at ${loan.as_of} on ${businessDate}`,
    ).toEqual({
      ...today,
      payoff_minor: 0,
    });

  // No money is lost: every repayment not reversed is paid into the loan or held as the customer's credit.
  const reversed = new Set(rows.filter((r) => r.type === 'reversal').map((r) => r.reverses_id));
  const received = rows
    .filter((r) => r.type === 'repayment' && !reversed.has(r.id))
    .reduce((s, r) => s + r.amount_minor, 0);
  expect(loan.paid_total_minor + loan.credit_minor, `${after}: paid + credit against received`).toBe(
    received,
  );

  // The books hold: every entry balances, the loan's share of the portfolio is its principal, and nothing was
  // left to suspense but money a reversal took off the loan.
  const checks = await verifyBooks(db);
  expect(
    checks.filter((c) => !c.isOk),
    `${after}: the books`,
  ).toEqual([]);
  const suspense = await db
    .selectFrom('journal_lines')
    .select((eb) =>
      eb.fn.coalesce(eb.fn.sum<number>(eb('credit_minor', '-', eb.ref('debit_minor'))), eb.lit(0)).as('held'),
    )
    .where('account_code', '=', '1900')
    .executeTakeFirstOrThrow();
  const reversedCash = rows
    .filter((r) => (r.type === 'repayment' || r.type === 'recovery') && reversed.has(r.id))
    .reduce((s, r) => s + r.amount_minor, 0);
  expect(Number(suspense.held), `${after}: suspense holds only reversed money`).toBe(reversedCash);
}

describe('the replay invariant over random histories posted through the use cases', () => {
  it('keeps every loan row equal to a replay from scratch, and paid + credit equal to what was received', async () => {
    await fc.assert(
      fc.asyncProperty(
        productArb,
        loanArb,
        fc.array(stepArb, { minLength: 3, maxLength: 12 }),
        async (p, l, steps) => {
          const b = aCopyOfTheBranch();
          try {
            const run: Run = { b, tokens: { ...template.tokens }, loanId: '' };
            run.loanId = await aDisbursedLoan(b, run.tokens, p, l);
            await expectLoanIsItsReplay(run, 'disbursed');
            for (const [i, step] of steps.entries()) {
              await take(run, step);
              await expectLoanIsItsReplay(run, `step ${i + 1} (${step.kind})`);
            }
          } finally {
            await b.close().finally(() => removeDir(b.dir));
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
