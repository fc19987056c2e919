// The general ledger of a loan, derived from the same replay as its projection. Every time a loan's projection
// is written — a posting at the counter, a received event, end-of-day — the books compare what the journal has
// booked for the loan (`loans.gl_positions`) with what the loan now is, and post the difference as one
// balanced entry. The same function runs on every replica over the same transactions, so every replica's
// trial balance agrees; entries can differ only in how a late, backdated transaction's re-allocation was
// split between them (both books end equal, to the minor unit).
//
// What a loan is, in the books (debit positive):
// - cash: Σ repayments and recoveries received − cash paid out at disbursement, per till (cash) or bank
//   (transfer). A reversed repayment's money stays where it was received; the reversal credits suspense
//   ("money received, to apply again") instead.
// - portfolio: the principal outstanding (nil once written off).
// - interest, fees and penalties receivable: what has fallen due and is unpaid, plus, for interest, the part of
//   the current period earned so far (the accrual policy: daily, or to each month end; see books settings).
// - customer credits: an overpayment held to refund (a liability).
// - write-off expense: the principal written off, for as long as the write-off stands.
// - fee income on fees deducted from a disbursement; recovery income on money recovered after a write-off.
// Income on interest, fees and penalties is the flow that balances their receivable: what was paid in the
// loan's current terms plus the change in the receivable ("accrual, reversed on payment"). What remains after
// all of that — charges capitalised by a restructure — goes to interest income; anything else would be a
// defect and goes to suspense (the property test over random histories checks it never does).
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { daysBetween } from '../../../shared/dates';
import type { LoanState } from '../../../shared/loan';
import { Dec } from '../../../shared/money';
import { roleAccounts, type AccountRole, type RoleAccounts } from './chart';
import { LineSet, postEntry, type JournalLine } from './journal';
import { accrualPolicy } from './settings';

export type AccrualPolicy = 'daily' | 'monthEnd' | 'dueDate';

export interface BookedRow {
  id: string;
  type: string;
  amount_minor: number;
  reverses_id: string | null;
  channel: string | null;
  till_id: string | null;
  allocation: string | null;
}

export interface BookedLoan {
  id: string;
  branch_id: string;
  product_id: string;
  terms_from: string | null;
  gl_positions?: string | null;
}

type Component = 'interest' | 'fees' | 'penalties';
const components: readonly Component[] = ['interest', 'fees', 'penalties'];
const receivableRole: Record<Component, AccountRole> = {
  interest: 'interestReceivable',
  fees: 'feesReceivable',
  penalties: 'penaltiesReceivable',
};
const incomeRole: Record<Component, AccountRole> = {
  interest: 'interestIncome',
  fees: 'feeIncome',
  penalties: 'penaltyIncome',
};

/** What the journal holds for a loan: balances by position, and income paid within the current terms. */
interface Positions {
  epoch: string;
  paid: Record<Component, number>;
  at: Record<string, number>;
}

const emptyPositions = (epoch: string): Positions => ({
  epoch,
  paid: { interest: 0, fees: 0, penalties: 0 },
  at: {},
});

/** A position is `role|till`: the till only for cash in a teller's drawer. */
const key = (role: AccountRole, tillId?: string | null) => `${role}|${tillId ?? ''}`;
const roleOf = (k: string) => k.slice(0, k.indexOf('|')) as AccountRole;
const tillOf = (k: string) => k.slice(k.indexOf('|') + 1) || null;

function add(map: Map<string, number>, k: string, amount: number) {
  if (amount !== 0) map.set(k, (map.get(k) ?? 0) + amount);
}

function cashKey(row: BookedRow): string {
  return row.channel === 'cash' && row.till_id ? key('tillCash', row.till_id) : key('bank');
}

/** The money a disbursement actually paid out (less a fee deducted from it). */
function cashOf(row: BookedRow): number {
  if (row.type !== 'disbursement' || !row.allocation) return row.amount_minor;
  const stored = JSON.parse(row.allocation) as { cashMinor?: number };
  return stored.cashMinor ?? row.amount_minor;
}

/** Interest earned in the current period and not yet due: to `asOf` (daily) or to the last month end. */
function accruedInterest(state: LoanState, disbursedOn: string, policy: AccrualPolicy): number {
  if (policy === 'dueDate' || state.status !== 'active') return 0;
  const asOf = state.asOf;
  const until = policy === 'daily' ? asOf : lastMonthEnd(asOf);
  let from = disbursedOn;
  for (const i of state.installments) {
    if (i.n === 0) continue;
    if (i.dueDate > asOf) {
      if (until <= from) return 0;
      const earned = Dec(i.interest.dueMinor)
        .mul(daysBetween(from, until))
        .div(Math.max(1, daysBetween(from, i.dueDate)))
        .floor()
        .toNumber();
      const settled = i.interest.paidMinor + i.interest.waivedMinor + i.interest.writtenOffMinor;
      return Math.max(0, Math.min(earned, i.interest.dueMinor) - settled);
    }
    from = i.dueDate;
  }
  return 0;
}

const daysIn = (y: number, m: number) =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

/** The last month end on or before `date` (YYYY-MM-DD). */
export function lastMonthEnd(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  if (Number(date.slice(8, 10)) === daysIn(y, m)) return date;
  const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
  return `${String(py).padStart(4, '0')}-${String(pm).padStart(2, '0')}-${daysIn(py, pm)}`;
}

/** What the loan is in the books now (see the module header), by position. */
export function targetsOf(
  rows: readonly BookedRow[],
  state: LoanState,
  disbursedOn: string,
  policy: AccrualPolicy,
): Map<string, number> {
  const t = new Map<string, number>();
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const r of rows) {
    switch (r.type) {
      case 'repayment':
        add(t, cashKey(r), r.amount_minor);
        break;
      case 'recovery':
        add(t, cashKey(r), r.amount_minor);
        add(t, key('recoveryIncome'), -r.amount_minor);
        break;
      case 'disbursement': {
        const cash = cashOf(r);
        add(t, cashKey(r), -cash);
        add(t, key('feeIncome', 'deducted'), -(r.amount_minor - cash));
        break;
      }
      case 'reversal': {
        const original = r.reverses_id ? byId.get(r.reverses_id) : undefined;
        if (original?.type === 'repayment' || original?.type === 'recovery') {
          add(t, key('suspense', 'reversed'), -original.amount_minor);
          if (original.type === 'recovery') add(t, key('recoveryIncome'), original.amount_minor);
        }
        break;
      }
    }
  }
  const isWrittenOff = state.status === 'written_off';
  add(t, key('portfolio'), isWrittenOff ? 0 : state.outstanding.principalMinor);
  // Principal written off is an expense for as long as the write-off stands (a reversed one comes back).
  let writtenOff = 0;
  for (const i of state.installments) writtenOff += i.principal.writtenOffMinor;
  add(t, key('writeOffExpense'), writtenOff);
  add(t, key('customerCredits'), -state.creditMinor);
  if (!isWrittenOff) {
    for (const c of components) {
      let due = 0;
      for (const i of state.installments) if (i.dueDate <= state.asOf) due += i[c].outstandingMinor;
      if (c === 'interest') due += accruedInterest(state, disbursedOn, policy);
      add(t, key(receivableRole[c]), due);
    }
  }
  return t;
}

const paidOf = (state: LoanState): Record<Component, number> => ({
  interest: state.paid.interestMinor,
  fees: state.paid.feesMinor,
  penalties: state.paid.penaltiesMinor,
});

export interface LoanBooking {
  /** The lines to post (signed, by role and till). */
  lines: Map<string, number>;
  positions: Positions;
}

/** The change to book for a loan: target positions against booked ones, income as the balancing flow. */
export function loanBooking(
  loan: BookedLoan,
  rows: readonly BookedRow[],
  state: LoanState,
  disbursedOn: string,
  policy: AccrualPolicy,
  cause: 'restructure' | null = null,
): LoanBooking {
  const epoch = loan.terms_from ?? '';
  const booked: Positions = loan.gl_positions
    ? (JSON.parse(loan.gl_positions) as Positions)
    : emptyPositions(epoch);
  const paidBefore = booked.epoch === epoch ? booked.paid : emptyPositions(epoch).paid;
  const targets = targetsOf(rows, state, disbursedOn, policy);
  const lines = new Map<string, number>();
  for (const k of new Set([...targets.keys(), ...Object.keys(booked.at)])) {
    add(lines, k, (targets.get(k) ?? 0) - (booked.at[k] ?? 0));
  }
  const paid = paidOf(state);
  for (const c of components) {
    const receivable = key(receivableRole[c]);
    const change = (targets.get(receivable) ?? 0) - (booked.at[receivable] ?? 0);
    add(lines, key(incomeRole[c]), -(change + (paid[c] - paidBefore[c])));
  }
  let residual = 0;
  for (const v of lines.values()) residual -= v;
  if (residual !== 0) {
    const plug: AccountRole =
      state.status === 'written_off' && residual > 0
        ? 'writeOffExpense'
        : cause === 'restructure'
          ? 'interestIncome'
          : 'suspense';
    add(lines, key(plug), residual);
  }
  const at: Record<string, number> = {};
  for (const [k, v] of targets) if (v !== 0) at[k] = v;
  return { lines, positions: { epoch, paid, at } };
}

/** The account of each position's role, with the till kept on cash lines. */
export async function resolveLines(
  tx: Kysely<Database>,
  loan: BookedLoan,
  lines: Map<string, number>,
  accounts?: RoleAccounts,
): Promise<JournalLine[]> {
  const accountOf = accounts ?? (await roleAccounts(tx, loan.product_id));
  const out: JournalLine[] = [];
  for (const [k, amount] of lines) {
    if (amount === 0) continue;
    const role = roleOf(k);
    out.push({
      accountCode: accountOf(role),
      amountMinor: amount,
      loanId: loan.id,
      tillId: role === 'tillCash' ? tillOf(k) : null,
    });
  }
  return out;
}

/**
 * Many loans' changes in one entry per branch (end-of-day: penalties, accruals and buckets move together),
 * each line still naming its loan. Answers the JSON positions to save per loan, for the caller's own UPDATE.
 */
export class LoanBookBatch {
  private readonly lines = new Map<string, LineSet>();
  private readonly accounts = new Map<string, RoleAccounts>();
  private readonly policies = new Map<string, AccrualPolicy>();

  constructor(private readonly tx: Kysely<Database>) {}

  /** A product's accrual policy, read once per batch. */
  async policyOf(productId: string): Promise<AccrualPolicy> {
    let policy = this.policies.get(productId);
    if (!policy) {
      policy = await accrualPolicy(this.tx, productId);
      this.policies.set(productId, policy);
    }
    return policy;
  }

  async add(
    loan: BookedLoan & { disbursed_on: string | null },
    rows: readonly BookedRow[],
    state: LoanState,
    policy: AccrualPolicy,
  ): Promise<string | null> {
    if (!loan.disbursed_on) return loan.gl_positions ?? null;
    const { lines, positions } = loanBooking(loan, rows, state, loan.disbursed_on, policy);
    if (lines.size > 0) {
      const set = this.lines.get(loan.branch_id) ?? new LineSet();
      let accounts = this.accounts.get(loan.product_id);
      if (!accounts) {
        accounts = await roleAccounts(this.tx, loan.product_id);
        this.accounts.set(loan.product_id, accounts);
      }
      for (const l of await resolveLines(this.tx, loan, lines, accounts))
        set.add(l.accountCode, l.amountMinor, l);
      this.lines.set(loan.branch_id, set);
    }
    return JSON.stringify(positions);
  }

  async post(o: {
    newId(): string;
    valueDate: string;
    narration: string;
    createdAt: string;
    createdBy?: string | null;
    kind?: 'endOfDay' | 'loan';
  }) {
    for (const [branchId, set] of this.lines) {
      await postEntry(this.tx, {
        id: o.newId(),
        branchId,
        kind: o.kind ?? 'endOfDay',
        valueDate: o.valueDate,
        narration: o.narration,
        createdBy: o.createdBy ?? null,
        createdAt: o.createdAt,
        lines: set.lines,
      });
    }
    this.lines.clear();
  }
}
