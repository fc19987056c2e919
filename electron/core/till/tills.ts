// A teller's till through the day: the teller asks to open it with cash from the vault and a manager confirms
// the handover (four eyes); cash comes and goes with loan transactions (cash.ts) and with cash in/out for a
// reason; at the end of the day the teller counts it by denomination, and a manager approves the close: the
// variance (counted − balance) is booked as cash over/short and the counted cash goes back to the vault.
// States: requested → open → closing → closed. A teller has at most one till that is not closed.
// Every change is an event carrying the till as it now is and the movements it made (tillAppliers.ts).
// Not responsible for loan postings (loans/posting.ts) or the general ledger (books/tillBooks.ts books each movement
// as it is inserted).
import type { Kysely } from 'kysely';
import type { Database, TillsTable, VaultMovementsTable } from '../../../db/schema';
import {
  fieldError,
  LmsError,
  type OutputOf,
  type ParsedInputOf,
  type TillView,
} from '../../../shared/contract';
import { requireActor, requireDevice, type Ctx, type WriteCtx } from '../context';
import { effectiveBusinessDate, ensureBusinessDateCurrent } from '../loans/eod';
import { loanSettingsOf } from '../loans/settings';
import { insertTillMovement, openTillOf, recomputeTillBalance, type AnyTillMovement } from './cash';
import { tillReport } from './report';
import { assertVaultHolds, insertVaultMovement } from './vault';

const activeStatuses = ['requested', 'open', 'closing'] as const;

export type Denomination = { valueMinor: number; count: number };

async function tillById(tx: Kysely<Database>, ctx: Ctx, tillId: string): Promise<TillsTable> {
  const till = await tx
    .selectFrom('tills')
    .selectAll()
    .where('id', '=', tillId)
    .where('branch_id', '=', requireDevice(ctx).branchId)
    .executeTakeFirst();
  if (!till) throw new LmsError('NOT_FOUND', 'There is no such till at this branch.', 'till_not_found');
  return till;
}

function wrongState(till: TillsTable, expected: string): LmsError {
  return new LmsError(
    'CONFLICT',
    `This till is ${till.status}; it must be ${expected} for that.`,
    'till_wrong_state',
  );
}

/** The teller's own till must be confirmed by someone else: a manager never confirms or closes their own. */
function assertFourEyes(till: TillsTable, userId: string, what: string) {
  if (till.teller_id === userId) {
    throw new LmsError(
      'FORBIDDEN',
      `Another manager must ${what} a till you work yourself (four eyes).`,
      'four_eyes',
    );
  }
}

export async function tillViewOf(db: Kysely<Database>, till: TillsTable): Promise<TillView> {
  const movements = await db
    .selectFrom('till_movements')
    .selectAll()
    .where('till_id', '=', till.id)
    .orderBy('posted_at')
    .orderBy('id')
    .execute();
  const teller = await db
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', till.teller_id)
    .executeTakeFirst();
  return {
    id: till.id,
    tellerId: till.teller_id,
    tellerName: teller?.display_name ?? null,
    businessDate: till.business_date,
    currency: till.currency,
    status: till.status,
    openingMinor: till.opening_minor,
    balanceMinor: till.balance_minor,
    countedMinor: till.counted_minor,
    varianceMinor: till.variance_minor,
    denominations: till.denominations ? (JSON.parse(till.denominations) as Denomination[]) : null,
    requestedAt: till.requested_at,
    openedAt: till.opened_at,
    closedAt: till.closed_at,
    movements: movements.map((m) => ({
      id: m.id,
      kind: m.kind,
      amountMinor: m.amount_minor,
      reference: m.reference,
      reason: m.reason,
      postedAt: m.posted_at,
    })),
  };
}

/**
 * Emits the till's event (the till as it now is, and the movements this change made) and its audit row, and
 * answers the till's view.
 */
async function publish(
  ctx: WriteCtx,
  type: string,
  tillId: string,
  movements: AnyTillMovement[],
  vaultMovements: VaultMovementsTable[],
  details: Record<string, unknown>,
): Promise<TillView> {
  const till = await ctx.tx
    .selectFrom('tills')
    .selectAll()
    .where('id', '=', tillId)
    .executeTakeFirstOrThrow();
  await ctx.emit({
    type,
    entityType: 'till',
    entityId: tillId,
    payload: { till, movements, vaultMovements },
  });
  await ctx.audit({ action: type, entityType: 'till', entityId: tillId, details });
  return tillViewOf(ctx.tx, till);
}

function movement(
  ctx: WriteCtx,
  tillId: string,
  kind: AnyTillMovement['kind'],
  amountMinor: number,
  reason: string | null,
  id = ctx.ids.uuid(),
): AnyTillMovement {
  return {
    id,
    till_id: tillId,
    kind,
    amount_minor: amountMinor,
    loan_transaction_id: null,
    reference: null,
    reason,
    posted_by: requireActor(ctx).userId,
    posted_at: ctx.clock.now().toISOString(),
  };
}

export async function currentTill(
  ctx: Ctx,
  _input: ParsedInputOf<'till.current'>,
): Promise<OutputOf<'till.current'>> {
  const actor = requireActor(ctx);
  const till = await ctx.db
    .selectFrom('tills')
    .selectAll()
    .where('teller_id', '=', actor.userId)
    .where('status', 'in', activeStatuses)
    .executeTakeFirst();
  return till ? tillViewOf(ctx.db, till) : null;
}

export async function openTill(
  ctx: WriteCtx,
  input: ParsedInputOf<'till.open'>,
): Promise<OutputOf<'till.open'>> {
  const actor = requireActor(ctx);
  const device = requireDevice(ctx);
  const existing = await ctx.tx
    .selectFrom('tills')
    .select(['id', 'status'])
    .where('teller_id', '=', actor.userId)
    .where('status', 'in', activeStatuses)
    .executeTakeFirst();
  if (existing) {
    throw new LmsError(
      'CONFLICT',
      `You already have a till that is ${existing.status}; close it before opening another.`,
      'till_already_open',
    );
  }
  const branch = await ctx.tx
    .selectFrom('branches')
    .select('currency')
    .where('id', '=', device.branchId)
    .executeTakeFirstOrThrow();
  const till: TillsTable = {
    id: ctx.ids.uuid(),
    branch_id: device.branchId,
    teller_id: actor.userId,
    business_date: await ensureBusinessDateCurrent(ctx),
    currency: branch.currency,
    status: 'requested',
    opening_minor: input.openingMinor,
    // The cash is in the till once a manager hands it over (confirmOpen books the opening movement).
    balance_minor: 0,
    counted_minor: null,
    variance_minor: null,
    denominations: null,
    requested_at: ctx.clock.now().toISOString(),
    opened_at: null,
    opened_confirmed_by: null,
    counted_at: null,
    closed_at: null,
    close_approved_by: null,
    note: null,
  };
  await ctx.tx.insertInto('tills').values(till).execute();
  return publish(ctx, 'till.opened', till.id, [], [], { openingMinor: input.openingMinor });
}

export async function confirmTillOpen(
  ctx: WriteCtx,
  input: ParsedInputOf<'till.confirmOpen'>,
): Promise<OutputOf<'till.confirmOpen'>> {
  const actor = requireActor(ctx);
  const till = await tillById(ctx.tx, ctx, input.tillId);
  if (till.status !== 'requested') throw wrongState(till, 'requested');
  assertFourEyes(till, actor.userId, 'confirm');
  const now = ctx.clock.now().toISOString();
  const vaultMovements: VaultMovementsTable[] = [];
  if (till.opening_minor > 0) {
    await assertVaultHolds(ctx.tx, till.branch_id, till.opening_minor);
    vaultMovements.push({
      id: ctx.ids.uuid(),
      branch_id: till.branch_id,
      kind: 'to_till',
      amount_minor: -till.opening_minor,
      till_id: till.id,
      reason: 'Opening cash handed to the teller',
      posted_by: actor.userId,
      posted_at: now,
    });
  }
  const opening = movement(ctx, till.id, 'opening', till.opening_minor, 'Opening cash from the vault');
  for (const v of vaultMovements) await insertVaultMovement(ctx.tx, v);
  await insertTillMovement(ctx.tx, opening);
  await ctx.tx
    .updateTable('tills')
    .set({ status: 'open', opened_at: now, opened_confirmed_by: actor.userId })
    .where('id', '=', till.id)
    .execute();
  return publish(ctx, 'till.confirmed', till.id, [opening], vaultMovements, {
    openingMinor: till.opening_minor,
    tellerId: till.teller_id,
  });
}

export async function tillCashMovement(
  ctx: WriteCtx,
  input: ParsedInputOf<'till.cashMovement'>,
): Promise<OutputOf<'till.cashMovement'>> {
  const actor = requireActor(ctx);
  const till = await openTillOf(ctx.tx, actor.userId);
  if (!till) {
    throw new LmsError('CONFLICT', 'Open your till before moving cash in or out of it.', 'till_not_open');
  }
  // The movement's id is the form's idempotency key (a UUID the renderer made once per action, not a UUIDv7:
  // movements are ordered by posted_at): a double-click posts once, with no column of its own.
  const posted = await ctx.tx
    .selectFrom('till_movements')
    .select(['till_id', 'posted_by'])
    .where('id', '=', input.idempotencyKey)
    .executeTakeFirst();
  if (posted) {
    if (posted.till_id !== till.id || posted.posted_by !== actor.userId) {
      throw fieldError('idempotencyKey', 'was used for another posting');
    }
    return tillViewOf(ctx.tx, till);
  }
  if (input.direction === 'out' && input.amountMinor > till.balance_minor) {
    throw new LmsError('CONFLICT', 'There is not that much cash in your till.', 'till_insufficient_cash');
  }
  const m = movement(
    ctx,
    till.id,
    input.direction === 'in' ? 'cash_in' : 'cash_out',
    input.direction === 'in' ? input.amountMinor : -input.amountMinor,
    input.reason,
    input.idempotencyKey,
  );
  await insertTillMovement(ctx.tx, m);
  return publish(ctx, 'till.cashMoved', till.id, [m], [], {
    kind: m.kind,
    amountMinor: m.amount_minor,
    reason: input.reason,
  });
}

/** The count's total, exactly (BigInt: a million 1000-shilling notes still adds up to the cent). */
export function countedTotal(lines: readonly Denomination[]): number {
  const total = lines.reduce((sum, l) => sum + BigInt(l.valueMinor) * BigInt(l.count), 0n);
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) throw fieldError('denominations', 'the total is too large');
  return Number(total);
}

function checkDenominations(lines: readonly Denomination[], offered: readonly number[]): Denomination[] {
  const allowed = new Set(offered);
  const seen = new Set<number>();
  lines.forEach((l, i) => {
    if (!allowed.has(l.valueMinor)) {
      throw fieldError(`denominations.${i}.valueMinor`, 'is not a note or coin this branch counts');
    }
    if (seen.has(l.valueMinor)) throw fieldError(`denominations.${i}.valueMinor`, 'is counted twice');
    seen.add(l.valueMinor);
  });
  return [...lines].sort((a, b) => b.valueMinor - a.valueMinor);
}

export async function countTill(
  ctx: WriteCtx,
  input: ParsedInputOf<'till.count'>,
): Promise<OutputOf<'till.count'>> {
  const actor = requireActor(ctx);
  const till = await ctx.tx
    .selectFrom('tills')
    .selectAll()
    .where('teller_id', '=', actor.userId)
    .where('status', 'in', ['open', 'closing'])
    .executeTakeFirst();
  if (!till) throw new LmsError('CONFLICT', 'You have no open till to count.', 'till_not_open');
  const settings = await loanSettingsOf(ctx.tx);
  const lines = checkDenominations(input.denominations, settings.denominations);
  const countedMinor = countedTotal(lines);
  const varianceMinor = countedMinor - till.balance_minor;
  await ctx.tx
    .updateTable('tills')
    .set({
      status: 'closing',
      counted_minor: countedMinor,
      variance_minor: varianceMinor,
      denominations: JSON.stringify(lines),
      counted_at: ctx.clock.now().toISOString(),
      note: input.note ?? till.note,
    })
    .where('id', '=', till.id)
    .execute();
  return publish(ctx, 'till.counted', till.id, [], [], {
    countedMinor,
    balanceMinor: till.balance_minor,
    varianceMinor,
  });
}

export async function approveTillClose(
  ctx: WriteCtx,
  input: ParsedInputOf<'till.approveClose'>,
): Promise<OutputOf<'till.approveClose'>> {
  const actor = requireActor(ctx);
  const till = await tillById(ctx.tx, ctx, input.tillId);
  if (till.status !== 'closing') throw wrongState(till, 'counted');
  assertFourEyes(till, actor.userId, 'approve the close of');
  const counted = till.counted_minor!;
  // Against the balance now: a movement synced in from another device after the count still counts.
  const varianceMinor = counted - till.balance_minor;
  const settings = await loanSettingsOf(ctx.tx);
  if (Math.abs(varianceMinor) > settings.tillVarianceToleranceMinor && !input.note) {
    throw fieldError('note', 'explain the variance: it is above the tolerance');
  }
  const now = ctx.clock.now().toISOString();
  const movements: AnyTillMovement[] = [];
  if (varianceMinor !== 0) {
    const overShort = varianceMinor > 0 ? 'Cash over' : 'Cash short';
    movements.push(
      movement(
        ctx,
        till.id,
        'variance',
        varianceMinor,
        input.note ? `${overShort}: ${input.note}` : overShort,
      ),
    );
  }
  if (counted !== 0)
    movements.push(movement(ctx, till.id, 'closing', -counted, 'Counted cash returned to the vault'));
  const vaultMovements: VaultMovementsTable[] =
    counted === 0
      ? []
      : [
          {
            id: ctx.ids.uuid(),
            branch_id: till.branch_id,
            kind: 'from_till',
            amount_minor: counted,
            till_id: till.id,
            reason: 'Till closed: counted cash returned',
            posted_by: actor.userId,
            posted_at: now,
          },
        ];
  for (const m of movements) await insertTillMovement(ctx.tx, m);
  for (const v of vaultMovements) await insertVaultMovement(ctx.tx, v);
  // Pair assertion: a closed till holds nothing.
  const balance = await recomputeTillBalance(ctx.tx, till.id);
  if (balance !== 0) throw new Error(`till ${till.id} closes with a balance of ${balance}`);
  await ctx.tx
    .updateTable('tills')
    .set({
      status: 'closed',
      variance_minor: varianceMinor,
      closed_at: now,
      close_approved_by: actor.userId,
      note: input.note ?? till.note,
    })
    .where('id', '=', till.id)
    .execute();
  return publish(ctx, 'till.closed', till.id, movements, vaultMovements, {
    countedMinor: counted,
    varianceMinor,
    tellerId: till.teller_id,
    note: input.note ?? null,
  });
}

export async function listTills(ctx: Ctx, input: ParsedInputOf<'till.list'>): Promise<OutputOf<'till.list'>> {
  const date = input.businessDate ?? (await effectiveBusinessDate(ctx));
  const tills = await ctx.db
    .selectFrom('tills')
    .selectAll()
    .where('branch_id', '=', requireDevice(ctx).branchId)
    .where('business_date', '=', date)
    .orderBy('requested_at')
    .execute();
  const views: TillView[] = [];
  for (const till of tills) views.push(await tillViewOf(ctx.db, till));
  return views;
}

export async function tillReportPdf(
  ctx: Ctx,
  input: ParsedInputOf<'till.report'>,
): Promise<OutputOf<'till.report'>> {
  const actor = requireActor(ctx);
  const till = await tillById(ctx.db, ctx, input.tillId);
  // A teller prints their own till; a manager (till.approve) any of the branch's.
  if (till.teller_id !== actor.userId && !actor.permissions.has('till.approve')) {
    throw new LmsError('FORBIDDEN', 'You may print only your own till’s report.', 'permission_denied');
  }
  return tillReport(ctx, till, await tillViewOf(ctx.db, till));
}
