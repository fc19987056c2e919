// Cash through a teller's till for loan transactions: the one function loan posting calls for every cash
// disbursement, repayment or reversal, and its applier for movements received from another device.
// A till's balance is always the sum of its movements (the opening handed over from the vault is one), so a
// replica that receives the same movements in any order, or twice, arrives at the same balance. Not
// responsible for the till's lifecycle (tills.ts) or for the loan's own rows (posting.ts).
import type { Kysely } from 'kysely';
import { bookTillMovement } from '../books/tillBooks';
import type { Database, TillMovementKind, TillsTable } from '../../../db/schema';
import { LmsError } from '../../../shared/contract';
import { requireActor, type WriteCtx } from '../context';

export interface TillMovementRow {
  id: string;
  till_id: string;
  kind: 'disbursement' | 'repayment' | 'reversal';
  amount_minor: number;
  loan_transaction_id: string;
  reference: string | null;
  reason: string | null;
  posted_by: string;
  posted_at: string;
}

/** Any movement row (loan cash above, and the till's own: opening, cash in/out, variance, closing). */
export interface AnyTillMovement {
  id: string;
  till_id: string;
  kind: TillMovementKind;
  amount_minor: number;
  loan_transaction_id: string | null;
  reference: string | null;
  reason: string | null;
  posted_by: string;
  posted_at: string;
}

/** The signed-in teller's open till (the one that takes cash), if any. */
export async function openTillOf(tx: Kysely<Database>, tellerId: string): Promise<TillsTable | undefined> {
  return tx
    .selectFrom('tills')
    .selectAll()
    .where('teller_id', '=', tellerId)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

/** Sets a till's balance to the sum of its movements (order-free, idempotent: the rule every replica follows). */
export async function recomputeTillBalance(tx: Kysely<Database>, tillId: string): Promise<number> {
  const row = await tx
    .selectFrom('till_movements')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_minor'), eb.lit(0)).as('total'))
    .where('till_id', '=', tillId)
    .executeTakeFirstOrThrow();
  const balance = Number(row.total);
  await tx.updateTable('tills').set({ balance_minor: balance }).where('id', '=', tillId).execute();
  return balance;
}

/** Inserts a movement once by id and brings the till's balance to the sum of its movements. */
export async function insertTillMovement(tx: Kysely<Database>, m: AnyTillMovement): Promise<boolean> {
  const inserted = await tx
    .insertInto('till_movements')
    .values(m)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  await recomputeTillBalance(tx, m.till_id);
  await bookTillMovement(tx, m);
  return true;
}

/**
 * Moves the actor's open till by amountMinor (+ cash in, − cash out) for a loan transaction; refuses (LmsError
 * CONFLICT, reason 'till_not_open') when the actor has no open till, and (CONFLICT, 'till_insufficient_cash')
 * when cash out exceeds its balance. Writes the till_movements row and the till's balance; emits NO event (the
 * loan event carries the movement).
 */
export async function tillCash(
  ctx: WriteCtx,
  m: {
    kind: TillMovementRow['kind'];
    amountMinor: number;
    loanTransactionId: string;
    reference: string | null;
  },
): Promise<TillMovementRow> {
  const actor = requireActor(ctx);
  if (!Number.isSafeInteger(m.amountMinor)) throw new Error('tillCash: amountMinor must be a safe integer');
  const till = await openTillOf(ctx.tx, actor.userId);
  if (!till) {
    throw new LmsError(
      'CONFLICT',
      'Open your till (and have a manager confirm its opening cash) before taking or paying out cash.',
      'till_not_open',
    );
  }
  if (m.amountMinor < 0 && till.balance_minor + m.amountMinor < 0) {
    throw new LmsError(
      'CONFLICT',
      'There is not enough cash in your till for this payout; ask a manager for cash from the vault.',
      'till_insufficient_cash',
    );
  }
  const row: TillMovementRow = {
    id: ctx.ids.uuid(),
    till_id: till.id,
    kind: m.kind,
    amount_minor: m.amountMinor,
    loan_transaction_id: m.loanTransactionId,
    reference: m.reference,
    reason: null,
    posted_by: actor.userId,
    posted_at: ctx.clock.now().toISOString(),
  };
  await ctx.tx.insertInto('till_movements').values(row).execute();
  await ctx.tx
    .updateTable('tills')
    .set({ balance_minor: till.balance_minor + m.amountMinor })
    .where('id', '=', till.id)
    .execute();
  return row;
}

/**
 * A till this replica has not heard of yet (its `till.opened` is still on its way): a placeholder row so the
 * movement (a cash fact, never dropped) can be kept; `till.opened` fills it in when it arrives. Status
 * 'cancelled' keeps it out of the one-active-till-per-teller rule until then.
 */
export async function ensureTillRow(
  tx: Kysely<Database>,
  tillId: string,
  hint: { tellerId: string; at: string },
): Promise<void> {
  await tx
    .insertInto('tills')
    .values({
      id: tillId,
      branch_id: '',
      teller_id: hint.tellerId,
      business_date: hint.at.slice(0, 10),
      currency: '',
      status: 'cancelled',
      opening_minor: 0,
      balance_minor: 0,
      counted_minor: null,
      variance_minor: null,
      denominations: null,
      requested_at: hint.at,
      opened_at: null,
      opened_confirmed_by: null,
      counted_at: null,
      closed_at: null,
      close_approved_by: null,
      note: placeholderNote,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** Marks a till row that exists only because a movement arrived before the till's own events. */
export const placeholderNote = '(awaiting till.opened from another device)';

/** Applies a movement received from another device (idempotent: inserting the same id twice changes nothing). */
export async function applyTillMovement(tx: Kysely<Database>, m: TillMovementRow): Promise<void> {
  await ensureTillRow(tx, m.till_id, { tellerId: m.posted_by, at: m.posted_at });
  await insertTillMovement(tx, m);
}
