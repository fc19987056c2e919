// Money on loans: disbursement (cash from the teller's till or a transfer; the schedule fixed at the actual
// date; the account number issued), repayments (and a batch of them from a bank or mobile-money file),
// reversals, waivers, write-off, recovery and restructuring.
//
// Every posting is one row in `loan_transactions` (immutable: a mistake is corrected by a reversal row), one
// event carrying that row (and the till movement, and any loan columns it changed), one audit record and the
// loan's projection recomputed by the engine's replay — all in the caller's single transaction. A posting
// carries an idempotency key made once per action by the screen: the same key again answers the first
// posting and writes nothing (a double-click on "Post" posts once).
//
// A reversal corrects the loan, not the till: when a cash repayment was posted to the wrong loan the cash is
// still in the drawer and is posted again to the right one; real cash going back out is a till cash-out.
import { LoanBookBatch } from '../books/loanBooks';
import { rawFirst, rawInsert, rawInsertMany } from '../../../db/raw';
import {
  fieldError,
  LmsError,
  type OutputOf,
  type ParsedInputOf,
  type PostingResult,
} from '../../../shared/contract';
import type { LoanTransactionsTable } from '../../../db/schema';
import { restructure } from '../../../shared/loan';
import { formatMajor } from '../../../shared/money';
import { requireActor, requireDevice, type WriteCtx } from '../context';
import { nextNumber } from '../customers/rules';
import { hlcKey, nextHlc } from '../events/log';
import { tillCash, type TillMovementRow } from '../till/cash';
import { applyLoanColumns } from './applications';
import { businessDate, requireLoan, requireProduct, wrongState, type LoanRow } from './common';
import { termsFor } from './products';
import {
  engineTransactions,
  parsedTermsOf,
  stateOf,
  transactionColumns,
  transactionRowsOf,
  writeProjection,
  type LoanTransactionRow,
} from './project';
import { decodeHlc, encodeHlc, tick } from '../../../shared/hlc';
import { writeSetting } from '../settings/store';
import { loanViewOf } from './views';

export interface Allocation {
  principalMinor: number;
  interestMinor: number;
  feesMinor: number;
  penaltiesMinor: number;
  creditMinor: number;
}
const noAllocation: Allocation = {
  principalMinor: 0,
  interestMinor: 0,
  feesMinor: 0,
  penaltiesMinor: 0,
  creditMinor: 0,
};

/**
 * What the posting row stores: the allocation when posted and the balance after it (what the receipt prints),
 * and the money that moved (a disbursement pays out less than its principal when a fee is deducted).
 */
export interface PostedAllocation extends Allocation {
  balanceAfter: PostingResult['balanceAfter'];
  cashMinor?: number;
}

const narrations: Record<LoanTransactionsTable['type'], string> = {
  disbursement: 'Loan disbursed',
  repayment: 'Repayment received',
  fee: 'Charge on the loan',
  waiver: 'Charges waived',
  reversal: 'Transaction reversed',
  writeoff: 'Loan written off',
  recovery: 'Recovery on a loan written off',
};

function narrationOf(
  type: LoanTransactionsTable['type'],
  reference: string | null,
  note: string | null,
): string {
  return [narrations[type], reference, note].filter(Boolean).join(' — ');
}

interface Posting {
  loan: LoanRow;
  type: LoanTransactionsTable['type'];
  amountMinor: number;
  valueDate: string;
  channel: 'cash' | 'transfer' | null;
  reference: string | null;
  component?: string | null;
  reversesId?: string | null;
  note?: string | null;
  idempotencyKey: string | null;
  /** Cash through the actor's till: + into it, − out of it. */
  till?: { kind: TillMovementRow['kind']; amountMinor: number };
  hasReceipt: boolean;
  /** Loan columns this posting changes (a disbursement fixes the terms and issues the account number). */
  columns?: Record<string, unknown>;
  event: string;
  audit: { action: string; details: Record<string, unknown> };
  /** More for the event (a restructure's or a tranche's replaced terms). */
  extra?: Record<string, unknown>;
  /** A restructure: what the books cannot explain otherwise is capitalised interest. */
  cause?: 'restructure';
  /** The business date, when the caller has read it already. */
  today?: string;
}

/** The result of an earlier posting with the same idempotency key, or null. */
const earlierPostingSql = `SELECT t.id, t.loan_id, t.receipt_no, t.amount_minor, t.value_date, t.allocation, l.status
  FROM loan_transactions t JOIN loans l ON l.id = t.loan_id WHERE t.idempotency_key = ?`;

async function earlierPosting(ctx: WriteCtx, key: string): Promise<PostingResult | null> {
  const row = await rawFirst<{
    id: string;
    loan_id: string;
    receipt_no: string | null;
    amount_minor: number;
    value_date: string;
    allocation: string | null;
    status: LoanRow['status'];
  }>(ctx.tx, earlierPostingSql, [key]);
  if (!row) return null;
  const posted = row.allocation ? (JSON.parse(row.allocation) as PostedAllocation) : null;
  const { balanceAfter, ...allocation } = posted ?? {
    ...noAllocation,
    balanceAfter: { principalMinor: 0, totalOutstandingMinor: 0 },
  };
  return {
    transactionId: row.id,
    loanId: row.loan_id,
    receiptNo: row.receipt_no,
    amountMinor: row.amount_minor,
    valueDate: row.value_date,
    allocation,
    balanceAfter,
    loanStatus: row.status,
    isReplay: true,
  };
}

async function post(ctx: WriteCtx, p: Posting): Promise<PostingResult> {
  const actor = requireActor(ctx);
  const device = requireDevice(ctx);
  const today = p.today ?? (await businessDate(ctx));
  const id = ctx.ids.uuid();
  const hlc = await nextHlc(ctx.tx, ctx, device.id);
  const now = ctx.clock.now().toISOString();
  const receiptNo = p.hasReceipt ? await nextNumber(ctx, 'receipt') : null;
  const loan = { ...p.loan, ...(p.columns ?? {}) } as LoanRow;
  if (p.columns) await applyLoanColumns(ctx.tx, loan.id, p.columns);

  const existing = await transactionRowsOf(ctx.tx, loan.id);
  const newRow = {
    id,
    type: p.type,
    amount_minor: p.amountMinor,
    component: p.component ?? null,
    reverses_id: p.reversesId ?? null,
    value_date: p.valueDate,
    hlc,
  };
  const state = loan.disbursed_on ? stateOf(loan, [...existing, newRow], today) : null;
  const a = state?.allocations.find((x) => x.transactionId === id);
  const allocation: Allocation = a
    ? {
        principalMinor: a.principalMinor,
        interestMinor: a.interestMinor,
        feesMinor: a.feesMinor,
        penaltiesMinor: a.penaltiesMinor,
        creditMinor: a.creditMinor,
      }
    : noAllocation;
  const balanceAfter = {
    principalMinor: state?.outstanding.principalMinor ?? 0,
    totalOutstandingMinor: state?.outstanding.totalMinor ?? 0,
  };
  const row: LoanTransactionsTable = {
    ...newRow,
    loan_id: loan.id,
    branch_id: device.branchId,
    channel: p.channel,
    reference: p.reference,
    till_id: null,
    receipt_no: receiptNo,
    idempotency_key: p.idempotencyKey,
    allocation: JSON.stringify({ ...allocation, balanceAfter } satisfies PostedAllocation),
    note: p.note ?? null,
    posted_by: actor.userId,
    posted_at: now,
  };
  const cashMinor = p.type === 'disbursement' && p.till ? -p.till.amountMinor : p.amountMinor;
  row.allocation = JSON.stringify({ ...allocation, balanceAfter, cashMinor } satisfies PostedAllocation);
  let movement: TillMovementRow | null = null;
  if (p.till && p.channel === 'cash') {
    movement = await tillCash(ctx, {
      kind: p.till.kind,
      amountMinor: p.till.amountMinor,
      loanTransactionId: id,
      reference: receiptNo ?? p.reference,
    });
    row.till_id = movement.till_id;
  }
  await rawInsert(ctx.tx, 'loan_transactions', row);
  let status = loan.status;
  if (state) {
    status = state.status;
    await writeProjection(ctx.tx, loan, state, [...existing, row], {
      at: now,
      newId: () => ctx.ids.uuid(),
      userId: actor.userId,
      narration: narrationOf(p.type, receiptNo ?? p.reference, p.note ?? null),
      sourceId: id,
      valueDate: p.valueDate,
      cause: p.cause ?? null,
      updatedAt: now,
    });
  }
  await ctx.emit({
    type: p.event,
    entityType: 'loan',
    entityId: loan.id,
    payload: { transaction: row, till: movement, columns: p.columns ?? null, ...(p.extra ?? {}) },
    hlc,
  });
  await ctx.audit({
    action: p.audit.action,
    entityType: 'loan',
    entityId: loan.id,
    details: {
      transactionId: id,
      receiptNo,
      amountMinor: p.amountMinor,
      valueDate: p.valueDate,
      allocation,
      ...p.audit.details,
    },
  });
  return {
    transactionId: id,
    loanId: loan.id,
    receiptNo,
    amountMinor: p.amountMinor,
    valueDate: p.valueDate,
    allocation,
    balanceAfter,
    loanStatus: status,
    isReplay: false,
  };
}

/** A value date: the business date by default; an earlier one only for loans.manage, never before the loan. */
function valueDateFor(ctx: WriteCtx, loan: LoanRow, requested: string | undefined, today: string): string {
  if (!requested || requested === today) return today;
  if (requested > today)
    throw fieldError('valueDate', 'must not be after the business date', 'backdating_not_allowed');
  if (!ctx.actor?.permissions.has('loans.manage'))
    throw fieldError('valueDate', 'only a manager may backdate a repayment', 'backdating_not_allowed');
  const from = loan.terms_from ?? loan.disbursed_on ?? today;
  if (requested < from)
    throw fieldError(
      'valueDate',
      `must not be before ${from}, when the loan’s current terms start`,
      'backdating_not_allowed',
    );
  return requested;
}

export async function disburseLoan(
  ctx: WriteCtx,
  input: ParsedInputOf<'loans.disburse'>,
): Promise<OutputOf<'loans.disburse'>> {
  const earlier = await earlierPosting(ctx, input.idempotencyKey);
  if (earlier) return earlier;
  const loan = await requireLoan(ctx, input.loanId);
  const product = await requireProduct(ctx, loan.product_id);
  const approved = loan.approved_principal_minor ?? loan.requested_principal_minor;
  const inTranches = product.allows_tranches === 1;
  if (loan.status === 'active' && inTranches && loan.disbursed_principal_minor < approved)
    return disburseTranche(ctx, loan, approved - loan.disbursed_principal_minor, input);
  if (loan.status === 'active' || loan.disbursed_on)
    throw new LmsError('CONFLICT', 'This loan has already been disbursed.', 'already_disbursed');
  if (loan.status !== 'approved') throw wrongState('Only an approved loan can be disbursed.');
  if (input.amountMinor !== undefined && !inTranches && input.amountMinor !== approved)
    throw fieldError(
      'amountMinor',
      'must be the approved amount (this product does not pay out in tranches)',
      'invalid_terms',
    );
  if (input.amountMinor !== undefined && input.amountMinor > approved)
    throw fieldError('amountMinor', 'must not be more than the approved amount', 'invalid_terms');
  const principal = input.amountMinor ?? approved;
  const today = await businessDate(ctx);
  const applied = JSON.parse(loan.terms) as { firstRepaymentDate?: string };
  const terms = termsFor(product, {
    principalMinor: principal,
    repayments: loan.repayments,
    annualRate: loan.annual_rate,
    disbursementDate: today,
    firstRepaymentDate: applied.firstRepaymentDate,
  });
  const termsJson = JSON.stringify(terms);
  const { schedule } = parsedTermsOf(termsJson);
  const accountNo = await nextNumber(ctx, 'loan_account');
  const feeCollected =
    schedule.disbursementFeeMinor > 0 && schedule.netDisbursedMinor === principal
      ? schedule.disbursementFeeMinor
      : 0;
  const result = await post(ctx, {
    loan,
    type: 'disbursement',
    amountMinor: principal,
    valueDate: today,
    channel: input.channel,
    reference: input.reference ?? null,
    idempotencyKey: input.idempotencyKey,
    till: { kind: 'disbursement', amountMinor: -schedule.netDisbursedMinor },
    hasReceipt: true,
    columns: {
      status: 'active',
      account_no: accountNo,
      terms: termsJson,
      disbursed_on: today,
      disbursed_principal_minor: principal,
      approved_principal_minor: approved,
    },
    event: 'loan.disbursed',
    audit: {
      action: 'loan.disbursed',
      details: {
        accountNo,
        channel: input.channel,
        netDisbursedMinor: schedule.netDisbursedMinor,
        feeMinor: schedule.disbursementFeeMinor,
      },
    },
  });
  if (feeCollected > 0) {
    // The fee collected at disbursement is paid at the counter at once: a repayment of installment 0's fee.
    const active = await requireLoan(ctx, loan.id);
    await post(ctx, {
      loan: active,
      type: 'repayment',
      amountMinor: feeCollected,
      valueDate: today,
      channel: input.channel,
      reference: input.reference ?? null,
      note: 'disbursement fee collected',
      idempotencyKey: `${input.idempotencyKey}:fee`,
      till: { kind: 'repayment', amountMinor: feeCollected },
      hasReceipt: false,
      event: 'loan.transactionPosted',
      audit: { action: 'loan.feeCollected', details: {} },
    });
  }
  return result;
}

/**
 * A further tranche of a loan paid out in parts: the loan is rescheduled from today, the outstanding
 * principal, the interest earned so far and the tranche forming the new principal, over the installments that
 * were still to come. A loan in arrears must be brought current first (a tranche is not paid out to cover
 * arrears). Same-day tranches are one disbursement.
 */
async function disburseTranche(
  ctx: WriteCtx,
  loan: LoanRow,
  remaining: number,
  input: ParsedInputOf<'loans.disburse'>,
): Promise<PostingResult> {
  const amount = input.amountMinor ?? remaining;
  if (amount > remaining)
    throw fieldError(
      'amountMinor',
      'must not be more than what is left of the approved amount',
      'invalid_terms',
    );
  const today = await businessDate(ctx);
  const from = loan.terms_from ?? loan.disbursed_on!;
  if (today <= from)
    throw wrongState('A second tranche on the same day is one disbursement: pay the amounts out together.');
  const { terms, schedule } = parsedTermsOf(loan.terms);
  const rows = await transactionRowsOf(ctx.tx, loan.id);
  const before = stateOf(loan, rows, today);
  if (before.daysPastDue > 0)
    throw wrongState(
      'This loan is in arrears: it must be brought current before the next tranche is paid out.',
    );
  const toCome = Math.max(1, schedule.installments.filter((i) => i.n > 0 && i.dueDate > today).length);
  const result = restructure(terms, engineTransactions(rows, loan.terms_from), {
    fromDate: today,
    repayments: toCome,
    capitaliseArrears: true,
  });
  if (!result.ok)
    throw new LmsError(
      'VALIDATION',
      'The loan cannot be rescheduled for this tranche.',
      'invalid_terms',
      result.issues,
    );
  const newPrincipal = result.value.carriedPrincipalMinor + result.value.capitalisedMinor + amount;
  const termsJson = JSON.stringify({
    ...result.value.newTerms.input,
    principal: formatMajor(newPrincipal, terms.digits),
  });
  parsedTermsOf(termsJson); // refuses terms the engine would not schedule, before anything is written
  const actor = requireActor(ctx);
  const history = {
    id: ctx.ids.uuid(),
    loan_id: loan.id,
    kind: 'tranche',
    effective_from: from,
    terms: loan.terms,
    reason: `tranche of ${formatMajor(amount, terms.digits)} ${terms.currency}`,
    decided_by: actor.userId,
    created_at: ctx.clock.now().toISOString(),
  };
  await ctx.tx.insertInto('loan_terms_history').values(history).execute();
  return post(ctx, {
    loan,
    type: 'disbursement',
    amountMinor: amount,
    valueDate: today,
    channel: input.channel,
    reference: input.reference ?? null,
    idempotencyKey: input.idempotencyKey,
    till: { kind: 'disbursement', amountMinor: -amount },
    hasReceipt: true,
    columns: {
      terms: termsJson,
      terms_from: today,
      repayments: toCome,
      disbursed_principal_minor: loan.disbursed_principal_minor + amount,
    },
    event: 'loan.trancheDisbursed',
    audit: {
      action: 'loan.trancheDisbursed',
      details: {
        amountMinor: amount,
        newPrincipalMinor: newPrincipal,
        repayments: toCome,
        channel: input.channel,
      },
    },
    extra: { history },
  });
}

export async function repayLoan(
  ctx: WriteCtx,
  input: ParsedInputOf<'loans.repay'>,
): Promise<OutputOf<'loans.repay'>> {
  const earlier = await earlierPosting(ctx, input.idempotencyKey);
  if (earlier) return earlier;
  const loan = await requireLoan(ctx, input.loanId);
  if (loan.status === 'written_off')
    throw wrongState('This loan is written off: record money received on it as a recovery.');
  if (loan.status !== 'active') throw wrongState('Only an active loan takes repayments.');
  if (input.channel === 'transfer' && !input.reference)
    throw fieldError('reference', 'is required for a transfer', 'invalid_input');
  const today = await businessDate(ctx);
  const valueDate = valueDateFor(ctx, loan, input.valueDate, today);
  return post(ctx, {
    today,
    loan,
    type: 'repayment',
    amountMinor: input.amountMinor,
    valueDate,
    channel: input.channel,
    reference: input.reference ?? null,
    idempotencyKey: input.idempotencyKey,
    till: { kind: 'repayment', amountMinor: input.amountMinor },
    hasReceipt: true,
    event: 'loan.transactionPosted',
    audit: { action: 'loan.repaid', details: { channel: input.channel, reference: input.reference ?? null } },
  });
}

/** Rows per chunk of the batch's inserts, per event it emits, and per `IN (…)` lookup. */
const importChunk = 500;

const chunks = <T>(items: readonly T[], size = importChunk): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, k) => items.slice(k * size, (k + 1) * size));

/**
 * A bank or mobile-money file of transfer repayments, posted in one transaction: looked up in bulk, each loan
 * replayed once with all of its new repayments, the rows inserted in chunks, one `loan.transactionsImported`
 * event per 500 rows (every row travels, so replicas apply the same facts) and one audit record for the file.
 * A row whose idempotency key was posted before (this file imported twice) is skipped; a row that cannot be
 * posted (unknown account, a loan not active, a date outside the loan) is reported and the others go on.
 */
export async function importRepayments(
  ctx: WriteCtx,
  input: ParsedInputOf<'loans.importRepayments'>,
): Promise<OutputOf<'loans.importRepayments'>> {
  const actor = requireActor(ctx);
  const device = requireDevice(ctx);
  const today = await businessDate(ctx);
  const now = ctx.clock.now().toISOString();
  const failed: { row: number; message: string }[] = [];

  const seen = new Set<string>();
  for (const part of chunks(input.rows.map((r) => r.idempotencyKey))) {
    const rows = await ctx.tx
      .selectFrom('loan_transactions')
      .select('idempotency_key')
      .where('idempotency_key', 'in', part)
      .execute();
    for (const r of rows) seen.add(r.idempotency_key!);
  }
  const loansByAccount = new Map<string, LoanRow>();
  for (const part of chunks([...new Set(input.rows.map((r) => r.accountNo))])) {
    for (const loan of await ctx.tx.selectFrom('loans').selectAll().where('account_no', 'in', part).execute())
      loansByAccount.set(loan.account_no!, loan);
  }

  // HLCs for the whole file, ticked in memory from the ledger's clock and written back once.
  let clock = decodeHlc(await nextHlc(ctx.tx, ctx, device.id));
  const nextTick = () => {
    clock = tick(clock, ctx.clock.now().getTime(), device.id);
    return encodeHlc(clock);
  };
  let skipped = 0;
  const accepted: { index: number; loan: LoanRow; row: LoanTransactionsTable }[] = [];
  input.rows.forEach((r, index) => {
    if (seen.has(r.idempotencyKey)) {
      skipped++;
      return;
    }
    seen.add(r.idempotencyKey);
    const loan = loansByAccount.get(r.accountNo);
    const from = loan?.terms_from ?? loan?.disbursed_on ?? today;
    const problem = !loan
      ? `there is no loan with account number ${r.accountNo}`
      : loan.status !== 'active'
        ? `loan ${r.accountNo} is ${loan.status.replace('_', ' ')}, not active`
        : r.valueDate > today
          ? `the value date ${r.valueDate} is after the business date ${today}`
          : r.valueDate < from
            ? `the value date ${r.valueDate} is before ${from}, when the loan’s current terms start`
            : null;
    if (problem || !loan) {
      failed.push({ row: index, message: problem ?? 'not posted' });
      return;
    }
    accepted.push({
      index,
      loan,
      row: {
        id: ctx.ids.uuid(),
        loan_id: loan.id,
        branch_id: device.branchId,
        type: 'repayment',
        amount_minor: r.amountMinor,
        component: null,
        reverses_id: null,
        value_date: r.valueDate,
        hlc: nextTick(),
        channel: 'transfer',
        reference: r.reference,
        till_id: null,
        receipt_no: null,
        idempotency_key: r.idempotencyKey,
        allocation: null,
        note: null,
        posted_by: actor.userId,
        posted_at: now,
      },
    });
  });
  await writeSetting(ctx.tx, hlcKey, encodeHlc(clock), now);

  // Each loan replayed once, with every new repayment: their allocations and the loan's projection.
  const byLoan = new Map<string, typeof accepted>();
  for (const a of accepted) {
    const list = byLoan.get(a.loan.id);
    if (list) list.push(a);
    else byLoan.set(a.loan.id, [a]);
  }
  const history = new Map<string, LoanTransactionRow[]>();
  for (const part of chunks([...byLoan.keys()])) {
    const rows = await ctx.tx
      .selectFrom('loan_transactions')
      .select(['loan_id', ...transactionColumns])
      .where('loan_id', 'in', part)
      .execute();
    for (const r of rows) {
      const list = history.get(r.loan_id);
      if (list) list.push(r);
      else history.set(r.loan_id, [r]);
    }
  }
  // The file is one entry in the books (each line naming its loan).
  const batch = new LoanBookBatch(ctx.tx);
  for (const [loanId, items] of byLoan) {
    const loan = items[0]!.loan;
    const all = [...(history.get(loanId) ?? []), ...items.map((a) => a.row)];
    const state = stateOf(loan, all, today);
    const allocations = new Map(state.allocations.map((x) => [x.transactionId, x]));
    for (const a of items) {
      const x = allocations.get(a.row.id);
      a.row.allocation = JSON.stringify({
        principalMinor: x?.principalMinor ?? 0,
        interestMinor: x?.interestMinor ?? 0,
        feesMinor: x?.feesMinor ?? 0,
        penaltiesMinor: x?.penaltiesMinor ?? 0,
        creditMinor: x?.creditMinor ?? 0,
        balanceAfter: {
          principalMinor: state.outstanding.principalMinor,
          totalOutstandingMinor: state.outstanding.totalMinor,
        },
        cashMinor: a.row.amount_minor,
      } satisfies PostedAllocation);
    }
    await writeProjection(ctx.tx, loan, state, all, { at: now, updatedAt: now, batch });
  }
  await batch.post({
    newId: () => ctx.ids.uuid(),
    kind: 'loan',
    valueDate: today,
    narration: `Repayments imported from a file (${accepted.length})`,
    createdAt: now,
    createdBy: actor.userId,
  });
  const rows = accepted.map((a) => a.row);
  await rawInsertMany(ctx.tx, 'loan_transactions', rows);
  const batchId = ctx.ids.uuid();
  for (const part of chunks(rows))
    await ctx.emit({
      type: 'loan.transactionsImported',
      entityType: 'loan_import',
      entityId: batchId,
      payload: { transactions: part },
    });
  await ctx.audit({
    action: 'loan.repaymentsImported',
    entityType: 'loan_import',
    entityId: batchId,
    details: {
      rows: input.rows.length,
      posted: rows.length,
      skipped,
      failed: failed.length,
      totalMinor: rows.reduce((s, r) => s + r.amount_minor, 0),
      loans: byLoan.size,
    },
  });
  return { posted: rows.length, skipped, failed };
}

export async function reverseTransaction(
  ctx: WriteCtx,
  input: ParsedInputOf<'loans.reverse'>,
): Promise<OutputOf<'loans.reverse'>> {
  const earlier = await earlierPosting(ctx, input.idempotencyKey);
  if (earlier) return earlier;
  const original = await ctx.tx
    .selectFrom('loan_transactions')
    .selectAll()
    .where('id', '=', input.transactionId)
    .executeTakeFirst();
  if (!original) throw new LmsError('NOT_FOUND', 'There is no such transaction.', 'transaction_not_found');
  if (original.type === 'disbursement' || original.type === 'reversal')
    throw wrongState(`A ${original.type} cannot be reversed.`);
  const already = await ctx.tx
    .selectFrom('loan_transactions')
    .select('id')
    .where('reverses_id', '=', original.id)
    .executeTakeFirst();
  if (already)
    throw new LmsError('CONFLICT', 'This transaction has already been reversed.', 'already_reversed');
  const loan = await requireLoan(ctx, original.loan_id);
  if (loan.terms_from && original.value_date < loan.terms_from)
    throw wrongState('This transaction is before the loan was restructured; it is part of the history.');
  const today = await businessDate(ctx);
  return post(ctx, {
    loan,
    type: 'reversal',
    amountMinor: original.amount_minor,
    valueDate: today,
    channel: null,
    reference: original.receipt_no ?? original.reference,
    reversesId: original.id,
    note: input.reason,
    idempotencyKey: input.idempotencyKey,
    hasReceipt: false,
    ...(original.type === 'writeoff' ? { columns: { written_off_on: null } } : {}),
    event: 'loan.transactionPosted',
    audit: {
      action: 'loan.transactionReversed',
      details: { reversedId: original.id, reversedType: original.type, reason: input.reason },
    },
  });
}

export async function waiveCharges(
  ctx: WriteCtx,
  input: ParsedInputOf<'loans.waive'>,
): Promise<OutputOf<'loans.waive'>> {
  const earlier = await earlierPosting(ctx, input.idempotencyKey);
  if (earlier) return earlier;
  const loan = await requireLoan(ctx, input.loanId);
  if (loan.status !== 'active') throw wrongState('Only charges on an active loan can be waived.');
  const today = await businessDate(ctx);
  const state = stateOf(loan, await transactionRowsOf(ctx.tx, loan.id), today);
  const outstanding =
    input.component === 'interest'
      ? state.outstanding.interestMinor
      : input.component === 'fees'
        ? state.outstanding.feesMinor
        : state.outstanding.penaltiesMinor;
  if (input.amountMinor > outstanding)
    throw fieldError('amountMinor', `must not exceed the ${input.component} outstanding`, 'invalid_input');
  return post(ctx, {
    loan,
    type: 'waiver',
    amountMinor: input.amountMinor,
    component: input.component,
    valueDate: today,
    channel: null,
    reference: null,
    note: input.reason,
    idempotencyKey: input.idempotencyKey,
    hasReceipt: false,
    event: 'loan.transactionPosted',
    audit: { action: 'loan.waived', details: { component: input.component, reason: input.reason } },
  });
}

export async function writeOffLoan(
  ctx: WriteCtx,
  input: ParsedInputOf<'loans.writeOff'>,
): Promise<OutputOf<'loans.writeOff'>> {
  const earlier = await earlierPosting(ctx, input.idempotencyKey);
  if (earlier) return earlier;
  const loan = await requireLoan(ctx, input.loanId);
  if (loan.status !== 'active') throw wrongState('Only an active loan can be written off.');
  const today = await businessDate(ctx);
  // What is written off is what the loan owes today (the row may be behind: end-of-day has not run yet).
  const owed = stateOf(loan, await transactionRowsOf(ctx.tx, loan.id), today).outstanding.totalMinor;
  return post(ctx, {
    today,
    loan,
    type: 'writeoff',
    amountMinor: owed,
    valueDate: today,
    channel: null,
    reference: null,
    note: input.reason,
    idempotencyKey: input.idempotencyKey,
    hasReceipt: false,
    columns: { written_off_on: today },
    event: 'loan.transactionPosted',
    audit: { action: 'loan.writtenOff', details: { reason: input.reason } },
  });
}

export async function recoverLoan(
  ctx: WriteCtx,
  input: ParsedInputOf<'loans.recover'>,
): Promise<OutputOf<'loans.recover'>> {
  const earlier = await earlierPosting(ctx, input.idempotencyKey);
  if (earlier) return earlier;
  const loan = await requireLoan(ctx, input.loanId);
  if (loan.status !== 'written_off') throw wrongState('Recoveries are recorded on written-off loans only.');
  if (input.channel === 'transfer' && !input.reference)
    throw fieldError('reference', 'is required for a transfer', 'invalid_input');
  return post(ctx, {
    loan,
    type: 'recovery',
    amountMinor: input.amountMinor,
    valueDate: await businessDate(ctx),
    channel: input.channel,
    reference: input.reference ?? null,
    idempotencyKey: input.idempotencyKey,
    till: { kind: 'repayment', amountMinor: input.amountMinor },
    hasReceipt: true,
    event: 'loan.transactionPosted',
    audit: { action: 'loan.recovered', details: { channel: input.channel } },
  });
}

export async function restructureLoan(
  ctx: WriteCtx,
  input: ParsedInputOf<'loans.restructure'>,
): Promise<OutputOf<'loans.restructure'>> {
  const loan = await requireLoan(ctx, input.loanId);
  if (loan.status !== 'active') throw wrongState('Only an active loan can be restructured.');
  const today = await businessDate(ctx);
  if (input.fromDate > today)
    throw fieldError('fromDate', 'must not be after the business date', 'invalid_terms');
  const { terms } = parsedTermsOf(loan.terms);
  const rows = await transactionRowsOf(ctx.tx, loan.id);
  const result = restructure(terms, engineTransactions(rows, loan.terms_from), {
    fromDate: input.fromDate,
    ...(input.repayments !== undefined ? { repayments: input.repayments } : {}),
    ...(input.annualRate !== undefined ? { annualRate: input.annualRate } : {}),
    ...(input.firstRepaymentDate !== undefined ? { firstRepaymentDate: input.firstRepaymentDate } : {}),
    capitaliseArrears: input.capitaliseArrears,
  });
  if (!result.ok)
    throw new LmsError(
      'VALIDATION',
      'The loan cannot be restructured on these terms.',
      'invalid_terms',
      result.issues.map((i) => ({
        path: i.path.replace(/^request\.?/, '') || 'fromDate',
        message: i.message,
      })),
    );
  const actor = requireActor(ctx);
  const now = ctx.clock.now().toISOString();
  const history = {
    id: ctx.ids.uuid(),
    loan_id: loan.id,
    kind: input.capitaliseArrears ? 'restructured_capitalised' : 'restructured',
    effective_from: loan.terms_from ?? loan.disbursed_on ?? input.fromDate,
    terms: loan.terms,
    reason: input.reason,
    decided_by: actor.userId,
    created_at: now,
  };
  const columns = {
    terms: JSON.stringify(result.value.newTerms.input),
    terms_from: input.fromDate,
    repayments: result.value.newTerms.repayments,
    annual_rate: result.value.newTerms.input.annualRate,
    updated_at: now,
  };
  await ctx.tx.insertInto('loan_terms_history').values(history).execute();
  const details = {
    reason: input.reason,
    fromDate: input.fromDate,
    carriedPrincipalMinor: result.value.carriedPrincipalMinor,
    capitalisedMinor: result.value.capitalisedMinor,
    arrearsDueMinor: result.value.arrearsDueMinor,
    repayments: columns.repayments,
    annualRate: columns.annual_rate,
  };
  if (result.value.arrearsDueMinor > 0) {
    // Arrears not capitalised stay owed: a charge due on the first day of the new schedule (the engine
    // replays only the new schedule's transactions, from `terms_from`).
    await post(ctx, {
      loan,
      type: 'fee',
      amountMinor: result.value.arrearsDueMinor,
      valueDate: input.fromDate,
      channel: null,
      reference: null,
      note: 'arrears carried into the restructured schedule',
      idempotencyKey: null,
      hasReceipt: false,
      columns,
      event: 'loan.restructured',
      audit: { action: 'loan.restructured', details },
      extra: { history },
      cause: 'restructure',
    });
    return loanViewOf(ctx, loan.id);
  }
  await applyLoanColumns(ctx.tx, loan.id, columns);
  const state = stateOf({ ...loan, ...columns }, rows, today);
  await writeProjection(ctx.tx, { ...loan, ...columns }, state, rows, {
    at: now,
    newId: () => ctx.ids.uuid(),
    userId: actor.userId,
    narration: `Loan restructured — ${input.reason}`,
    valueDate: today,
    cause: 'restructure',
  });
  await ctx.emit({
    type: 'loan.restructured',
    entityType: 'loan',
    entityId: loan.id,
    payload: { history, columns },
  });
  await ctx.audit({ action: 'loan.restructured', entityType: 'loan', entityId: loan.id, details });
  return loanViewOf(ctx, loan.id);
}
