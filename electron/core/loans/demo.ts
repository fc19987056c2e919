// Demo loans with living histories (`loans.seedDemo`, `lms seed --loans N`): a year of a branch's lending replayed
// day by day through the same use cases as the window — applications by a demo officer, four-eyes decisions by a
// demo manager, transfers disbursed and repaid by a demo teller, restructures and write-offs by the manager — so
// every loan has its events, audit rows, receipts and an engine-replayed projection. The plan (products, how much
// a borrower affords, who pays how) is pure and seeded (demoPlan.ts): the same count gives the same shape.
// Not responsible for the engine's arithmetic, the postings' rules or the books: it only calls the use cases.
//
// Decisions:
// - Demo ledgers only: a loan not taken by the demo officer (`demo.officer`) is a real loan, and a ledger with
//   one is refused (CONFLICT) before anything is written — demo loans never mix with a lender's real book.
// - The history: on a ledger with no loans yet, the branch's business date is moved back 12 months and the
//   seeding walks forward to today. The move back is local (the business date of other devices only moves
//   forward when they sync), recorded in the `loans.demoSeeded` audit row. With demo loans already there, the
//   date never moves back: new loans start on the current business date (a second run adds young loans; the
//   plans of earlier demo loans are not kept, so they are not repaid on the days a later run walks).
// - Each simulated day moves the business date with the same statement end-of-day uses, and only the loans a
//   day touches are replayed (each posting projects its loan; a write-off first brings its loan current).
//   The last step to today is the real end-of-day run (`runEndOfDay`: reminders queued, the run recorded),
//   then every active loan is projected as of today. End-of-day on every simulated day would cost a replay of
//   the portfolio per day.
// - Staff and borrowers: see demoCast.ts.
// - Money moves by transfer (mobile money), so no till has to be open; every amount comes from the engine's
//   replay (what is due, the payoff), never from arithmetic here.
import { LmsError, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import { addDays, addMonths, daysBetween } from '../../../shared/dates';
import type { LoanProductsTable } from '../../../db/schema';
import { requireActor, requireDevice, type WriteCtx } from '../context';
import { applyForLoan, decideApplication } from './applications';
import { requireLoan, type LoanRow } from './common';
import {
  anotherCustomer,
  completeKyc,
  demoCrew,
  demoStaff,
  ensureCustomers,
  ensureProducts,
  findBorrower,
  loadBorrowers,
  type Borrower,
  type Cast,
} from './demoCast';
import {
  approveReasons,
  cohortPicker,
  cohortWeights,
  rejectReasons,
  restructureReasons,
  seededRandom,
  writeOffReasons,
  type Cohort,
  type DemoProduct,
} from './demoPlan';
import { localDateIn, runEndOfDay } from './eod';
import { disburseLoan, recoverLoan, repayLoan, restructureLoan, writeOffLoan } from './posting';
import { parsedTermsOf, projectLoan, projectLoans, stateOf, transactionRowsOf } from './project';

const historyMonths = 12;
const seed = 0x5eed_2026;

interface DemoLoan {
  id: string;
  borrower: Borrower;
  product: DemoProduct;
  productRow: LoanProductsTable;
  principalMinor: number;
  cohort: Cohort | null;
  /** Installments paid as agreed before the cohort's turn (falling behind, or paying off). */
  stopAfter: number;
  /** The day of the cohort's turn: the restructure, the write-off or the early payoff. */
  turnOn: string | null;
}

type Step =
  | { kind: 'apply'; index: number }
  | { kind: 'decide' | 'disburse' | 'pay' | 'turn' | 'recover'; loan: DemoLoan };

interface Sim extends Cast {
  /** Moves the walk's clock to a simulated day (null: the real clock). */
  setDay(day: string | null): void;
  pickCohort: ReturnType<typeof cohortPicker>;
  agenda: Map<string, Step[]>;
  count: number;
  /** Applications from this index on are left for the manager to decide (the approvals screen has work). */
  undecidedFrom: number;
  created: number;
}

export async function seedDemoLoans(
  realCtx: WriteCtx,
  input: ParsedInputOf<'loans.seedDemo'>,
): Promise<OutputOf<'loans.seedDemo'>> {
  // The walk's clock reads the simulated day (noon UTC, the same calendar day in every branch time zone), so
  // each day's postings are dated that day, as they would have been, rather than today.
  let simulated: string | null = null;
  const clock = {
    now: () => (simulated ? new Date(`${simulated}T12:00:00.000Z`) : realCtx.clock.now()),
  };
  const ctx: WriteCtx = { ...realCtx, clock };
  requireActor(ctx);
  const device = requireDevice(ctx);
  await refuseRealLoans(ctx);
  const hasLoans = (await ctx.tx.selectFrom('loans').select('id').limit(1).executeTakeFirst()) !== undefined;
  const branch = await ctx.tx
    .selectFrom('branches')
    .selectAll()
    .where('id', '=', device.branchId)
    .executeTakeFirstOrThrow();
  const today = localDateIn(ctx.clock.now(), branch.time_zone);
  const end = branch.business_date > today ? branch.business_date : today;
  const start = hasLoans ? branch.business_date : addMonths(end, -historyMonths);

  const crew = await demoCrew(ctx);
  const products = await ensureProducts(ctx, branch.currency, branch.currency_digits);
  const sim: Sim = {
    ctx,
    setDay: (day) => {
      simulated = day;
    },
    crew,
    random: seededRandom(seed),
    pickCohort: cohortPicker(),
    products,
    borrowers: new Map(),
    agenda: new Map(),
    count: input.count,
    undecidedFrom: input.count - Math.floor(input.count / 50),
    today: start,
    end,
    created: 0,
    customersAdded: 0,
  };
  // Customers first, while the business date is still today (registration checks dates against it).
  await ensureCustomers(sim, Math.ceil(input.count / 2));
  if (start !== branch.business_date) await setBusinessDate(ctx, start);
  await loadBorrowers(sim);

  const days = daysBetween(start, end) + 1;
  for (let i = 0; i < input.count; i++)
    schedule(sim, addDays(start, Math.floor((i * days) / input.count)), { kind: 'apply', index: i });
  await walk(sim, start, today);
  simulated = null;
  // End-of-day replays only the loans whose balances can have moved; a demo ends with every loan as of today.
  const active = await ctx.tx
    .selectFrom('loans')
    .select('id')
    .where('branch_id', '=', device.branchId)
    .where('status', '=', 'active')
    .execute();
  await projectLoans(
    ctx.tx,
    active.map((l) => l.id),
    end,
  );
  await ctx.audit({
    action: 'loans.demoSeeded',
    entityType: 'branch',
    entityId: device.branchId,
    details: {
      created: sim.created,
      from: start,
      to: end,
      businessDateMovedBackFrom: start !== branch.business_date ? branch.business_date : null,
      customersAdded: sim.customersAdded,
    },
  });
  return { created: sim.created };
}

async function refuseRealLoans(ctx: WriteCtx) {
  const officer = await ctx.tx
    .selectFrom('users')
    .select('id')
    .where('branch_id', '=', requireDevice(ctx).branchId)
    .where('username', '=', demoStaff.officer.username)
    .executeTakeFirst();
  const real = await ctx.tx
    .selectFrom('loans')
    .select('application_no')
    .where('created_by', '!=', officer?.id ?? '')
    .limit(1)
    .executeTakeFirst();
  if (real)
    throw new LmsError(
      'CONFLICT',
      `This ledger already has real loans (application ${real.application_no}, not demo data): demo loans are loaded only into a demo ledger. Set up a separate ledger for demonstrations.`,
    );
}

/** Walks from `start` to the last day; the step to today is the real end-of-day run. */
async function walk(sim: Sim, start: string, today: string) {
  for (let day = start; day <= sim.end; day = addDays(day, 1)) {
    sim.setDay(day === today ? null : day);
    if (day !== start) {
      if (day === sim.end && day === today) await runEndOfDay(sim.ctx, { toDate: day });
      else await setBusinessDate(sim.ctx, day);
    }
    sim.today = day;
    // Steps scheduled for today while today runs (a same-day decision, disbursement) join the end of the list.
    const steps = sim.agenda.get(day) ?? [];
    sim.agenda.set(day, steps);
    for (let i = 0; i < steps.length; i++) await runStep(sim, steps[i]!);
    sim.agenda.delete(day);
    // One write transaction for the whole seeding; yielding once a day keeps the core's worker responsive.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function schedule(sim: Sim, date: string, step: Step) {
  const on = date < sim.today ? sim.today : date;
  if (on > sim.end) return;
  const steps = sim.agenda.get(on);
  if (steps) steps.push(step);
  else sim.agenda.set(on, [step]);
}

/** A few days on, but never beyond the last day: what is started is finished within the history. */
const soon = (sim: Sim, maxDays: number) => {
  const date = addDays(sim.today, sim.random.int(0, maxDays));
  return date > sim.end ? sim.end : date;
};

async function runStep(sim: Sim, step: Step) {
  if (step.kind === 'apply') return apply(sim, step.index);
  if (step.kind === 'decide') return decide(sim, step.loan);
  if (step.kind === 'disburse') return disburse(sim, step.loan);
  // A loan closed or written off since this step was planned has nothing more to do.
  const row = await requireLoan(sim.ctx, step.loan.id);
  if (step.kind === 'recover') return row.status === 'written_off' ? recover(sim, step.loan) : undefined;
  if (row.status !== 'active') return;
  return step.kind === 'pay' ? pay(sim, step.loan, row) : turn(sim, step.loan, row);
}

// ——— The day's steps ———

async function apply(sim: Sim, index: number) {
  const { random, crew } = sim;
  let offer = await findBorrower(sim);
  if (!offer) {
    await ensureCustomers(sim, sim.borrowers.size + Math.max(10, Math.ceil(sim.count / 10)));
    await loadBorrowers(sim);
    offer = await findBorrower(sim);
  }
  if (!offer) throw new Error('demo loans: no customer fits any demo product');
  const { borrower, product, productRow, principalMinor, repayments } = offer;
  await completeKyc(sim, borrower);
  const collateral =
    product.code === 'DEMO-BIZ-WEEKLY' || random.chance(40)
      ? [
          {
            type: product.code === 'DEMO-BIZ-WEEKLY' ? ('inventory' as const) : ('household' as const),
            description:
              product.code === 'DEMO-BIZ-WEEKLY'
                ? 'Shop stock counted at the officer’s visit'
                : 'Television, fridge and sofa set',
            valueMinor: principalMinor + Math.floor(principalMinor / 2),
            valuationDate: sim.today,
            lienStatus: 'none' as const,
          },
        ]
      : [];
  const guarantor = product.code === 'DEMO-GROUP' ? anotherCustomer(sim, borrower) : null;
  const view = await applyForLoan(crew.officer, {
    customerId: borrower.id,
    productId: productRow.id,
    principalMinor,
    repayments,
    expectedDisbursementDate: soon(sim, 2),
    purpose: random.pick(product.purposes),
    collateral,
    guarantors: guarantor
      ? [{ customerId: guarantor, guaranteedMinor: Math.max(1, Math.floor(principalMinor / 2)) }]
      : [],
    submit: true,
    overrideReason: undefined,
    idempotencyKey: sim.ctx.ids.uuid(),
  });
  sim.created++;
  const loan: DemoLoan = {
    id: view.id,
    borrower,
    product,
    productRow,
    principalMinor,
    cohort: null,
    stopAfter: 0,
    turnOn: null,
  };
  borrower.open.add(loan);
  if (index < sim.undecidedFrom) schedule(sim, soon(sim, 2), { kind: 'decide', loan });
}

async function decide(sim: Sim, loan: DemoLoan) {
  const { random, crew } = sim;
  if (random.chance(4)) {
    await decideApplication(crew.manager, {
      loanId: loan.id,
      decision: 'reject',
      reason: random.pick(rejectReasons),
    });
    loan.borrower.open.delete(loan);
    return;
  }
  const step = loan.product.stepMajor * 10 ** loan.productRow.digits;
  const lower = Math.floor((loan.principalMinor * 4) / (5 * step)) * step;
  if (random.chance(10) && lower >= loan.productRow.min_principal_minor && lower < loan.principalMinor) {
    await decideApplication(crew.manager, {
      loanId: loan.id,
      decision: 'approve_changed',
      principalMinor: lower,
      reason: 'A smaller amount fits the cash flow better',
    });
  } else {
    await decideApplication(crew.manager, {
      loanId: loan.id,
      decision: 'approve',
      reason: random.pick(approveReasons),
    });
  }
  schedule(sim, soon(sim, 2), { kind: 'disburse', loan });
}

async function disburse(sim: Sim, loan: DemoLoan) {
  const { random, crew, end } = sim;
  await disburseLoan(crew.teller, {
    loanId: loan.id,
    channel: 'transfer',
    reference: `B2C-${random.code()}`,
    idempotencyKey: sim.ctx.ids.uuid(),
  });
  const row = await requireLoan(sim.ctx, loan.id);
  const dues = parsedTermsOf(row.terms)
    .schedule.installments.filter((i) => i.n > 0)
    .map((i) => i.dueDate);
  // Each behaviour is drawn with its turn day, and is feasible only when it shows within the history.
  const turns = new Map<Cohort, { stopAfter: number; turnOn: string | null }>([
    ['on_time', { stopAfter: dues.length, turnOn: null }],
    ['late', { stopAfter: dues.length, turnOn: null }],
  ]);
  const weights: Partial<Record<Cohort, number>> = {
    on_time: cohortWeights.on_time,
    late: cohortWeights.late,
  };
  const writeOffAfter = random.int(0, Math.min(1, dues.length - 1));
  const writeOffOn = addDays(dues[writeOffAfter]!, 181 + random.int(0, 20));
  if (addDays(dues[writeOffAfter]!, 30) <= end) {
    // A write-off beyond today is not scheduled: the loan stays in arrears.
    turns.set('written_off', { stopAfter: writeOffAfter, turnOn: writeOffOn });
    weights.written_off = writeOffOn <= end ? cohortWeights.written_off : cohortWeights.stillInArrears;
  }
  if (dues.length >= 3) {
    const behindAfter = random.int(1, Math.min(2, dues.length - 2));
    const restructureOn = addDays(dues[behindAfter]!, random.int(30, 60));
    if (restructureOn <= end) {
      turns.set('restructured', { stopAfter: behindAfter, turnOn: restructureOn });
      weights.restructured = cohortWeights.restructured;
    }
    const payOffAfter = random.int(1, dues.length - 2);
    const payOffOn = addDays(dues[payOffAfter]!, -random.int(1, 5));
    if (payOffOn <= end) {
      turns.set('paid_early', { stopAfter: payOffAfter, turnOn: payOffOn });
      weights.paid_early = cohortWeights.paid_early;
    }
  }
  const cohort = sim.pickCohort(weights);
  const turn = turns.get(cohort)!;
  Object.assign(loan, { cohort, ...turn });
  if (loan.stopAfter === 0 && loan.turnOn) schedule(sim, loan.turnOn, { kind: 'turn', loan });
  else schedule(sim, payDay(sim, loan, dues[0]!), { kind: 'pay', loan });
}

const payDay = (sim: Sim, loan: DemoLoan, dueDate: string) =>
  loan.cohort === 'late' ? addDays(dueDate, sim.random.int(5, 40)) : dueDate;

/** Pays what is due today (everything overdue with its penalties, and today's installment). */
async function pay(sim: Sim, loan: DemoLoan, row: LoanRow) {
  const state = stateOf(row, await transactionRowsOf(sim.ctx.tx, loan.id), sim.today);
  const installments = state.installments.filter((i) => i.n > 0);
  const dueMinor = installments
    .filter((i) => i.dueDate <= sim.today && !i.isSettled)
    .reduce((sum, i) => sum + i.outstandingMinor, 0);
  if (dueMinor > 0 && (await repay(sim, loan, dueMinor)) === 'closed') return;
  const dueSoFar = installments.filter((i) => i.dueDate <= sim.today).length;
  if (loan.turnOn && dueSoFar >= loan.stopAfter) {
    schedule(sim, loan.turnOn, { kind: 'turn', loan });
    return;
  }
  const next = installments.find((i) => i.dueDate > sim.today && !i.isSettled);
  // Nothing left to fall due but still open (a residue within tolerance): look again in a week.
  schedule(sim, next ? payDay(sim, loan, next.dueDate) : addDays(sim.today, 7), { kind: 'pay', loan });
}

async function repay(sim: Sim, loan: DemoLoan, amountMinor: number) {
  const posted = await repayLoan(sim.crew.teller, {
    loanId: loan.id,
    amountMinor,
    channel: 'transfer',
    reference: `MPESA-${sim.random.code()}`,
    idempotencyKey: sim.ctx.ids.uuid(),
  });
  if (posted.loanStatus === 'closed') loan.borrower.open.delete(loan);
  return posted.loanStatus;
}

/** The cohort's turn: the manager restructures or writes off, or the customer pays off early. */
async function turn(sim: Sim, loan: DemoLoan, row: LoanRow) {
  const { ctx, crew, random, today } = sim;
  if (loan.cohort === 'paid_early') {
    const state = stateOf(row, await transactionRowsOf(ctx.tx, loan.id), today);
    await repay(sim, loan, state.payoffMinor);
    return;
  }
  if (loan.cohort === 'written_off') {
    // The write-off books what is outstanding on the loan row: bring it current first.
    await projectLoan(ctx.tx, loan.id, today);
    await writeOffLoan(crew.manager, {
      loanId: loan.id,
      reason: random.pick(writeOffReasons),
      idempotencyKey: ctx.ids.uuid(),
    });
    loan.borrower.open.delete(loan);
    loan.borrower.isUsable = false;
    if (random.chance(50)) schedule(sim, addDays(today, random.int(20, 90)), { kind: 'recover', loan });
    return;
  }
  const state = stateOf(row, await transactionRowsOf(ctx.tx, loan.id), today);
  const left = state.installments.filter((i) => i.n > 0 && !i.isSettled).length;
  await restructureLoan(crew.manager, {
    loanId: loan.id,
    fromDate: today,
    repayments: Math.min(loan.productRow.max_repayments, left + random.int(2, 6)),
    capitaliseArrears: true,
    reason: random.pick(restructureReasons),
  });
  // Back on track: the customer pays the new schedule as agreed.
  Object.assign(loan, { cohort: 'on_time', turnOn: null });
  const terms = parsedTermsOf((await requireLoan(ctx, loan.id)).terms);
  const next = terms.schedule.installments.find((i) => i.n > 0 && i.dueDate > today);
  if (next) schedule(sim, next.dueDate, { kind: 'pay', loan });
}

/** Some money comes back on a written-off loan (a guarantor, a sold asset). */
async function recover(sim: Sim, loan: DemoLoan) {
  const writeOff = await sim.ctx.tx
    .selectFrom('loan_transactions')
    .select('amount_minor')
    .where('loan_id', '=', loan.id)
    .where('type', '=', 'writeoff')
    .executeTakeFirst();
  const amountMinor = Math.floor(((writeOff?.amount_minor ?? 0) * sim.random.int(10, 40)) / 100);
  if (amountMinor <= 0) return;
  await recoverLoan(sim.crew.teller, {
    loanId: loan.id,
    amountMinor,
    channel: 'transfer',
    reference: `MPESA-${sim.random.code()}`,
    idempotencyKey: sim.ctx.ids.uuid(),
  });
}

/** The statement end-of-day uses to move the business date (without its projection of every loan). */
async function setBusinessDate(ctx: WriteCtx, date: string) {
  await ctx.tx
    .updateTable('branches')
    .set({ business_date: date })
    .where('id', '=', requireDevice(ctx).branchId)
    .execute();
}
