// The branch vault: the cash the branch holds outside its tellers' tills. Its balance is the sum of its
// movements, each stored signed (+ into the vault: a deposit from the bank, a till's cash returned at close;
// − out of it: a withdrawal to the bank, a till's opening cash), so replicas that receive the same movements in
// any order hold the same balance. Managers move cash between the vault and the bank here; the tills move it
// to and from the vault (tills.ts). Each movement is booked as it is inserted (books/tillBooks.ts).
import type { Kysely } from 'kysely';
import { bookVaultMovement } from '../books/tillBooks';
import type { Database, VaultMovementsTable } from '../../../db/schema';
import { LmsError, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import { requireActor, requireDevice, type Ctx, type WriteCtx } from '../context';

const latestMovements = 50;

export async function vaultBalance(tx: Kysely<Database>, branchId: string): Promise<number> {
  const row = await tx
    .selectFrom('vault_movements')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_minor'), eb.lit(0)).as('total'))
    .where('branch_id', '=', branchId)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/** Refuses a movement out of the vault that is more than it holds. */
export async function assertVaultHolds(tx: Kysely<Database>, branchId: string, amountMinor: number) {
  if ((await vaultBalance(tx, branchId)) < amountMinor) {
    throw new LmsError(
      'CONFLICT',
      'The vault does not hold that much cash; record the cash brought from the bank first.',
      'vault_insufficient_cash',
    );
  }
}

/** Inserts a vault movement once by id (a movement received twice changes nothing). */
export async function insertVaultMovement(tx: Kysely<Database>, m: VaultMovementsTable): Promise<void> {
  const inserted = await tx
    .insertInto('vault_movements')
    .values(m)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) await bookVaultMovement(tx, m);
}

export async function vaultStatus(
  ctx: Ctx,
  _input: ParsedInputOf<'vault.status'>,
): Promise<OutputOf<'vault.status'>> {
  const device = requireDevice(ctx);
  const branch = await ctx.db
    .selectFrom('branches')
    .select('currency')
    .where('id', '=', device.branchId)
    .executeTakeFirstOrThrow();
  const movements = await ctx.db
    .selectFrom('vault_movements')
    .selectAll()
    .where('branch_id', '=', device.branchId)
    .orderBy('posted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(latestMovements)
    .execute();
  return {
    balanceMinor: await vaultBalance(ctx.db, device.branchId),
    currency: branch.currency,
    movements: movements.map((m) => ({
      id: m.id,
      kind: m.kind,
      amountMinor: m.amount_minor,
      reason: m.reason,
      postedAt: m.posted_at,
    })),
  };
}

export async function moveVaultCash(
  ctx: WriteCtx,
  input: ParsedInputOf<'vault.move'>,
): Promise<OutputOf<'vault.move'>> {
  const actor = requireActor(ctx);
  const device = requireDevice(ctx);
  if (input.direction === 'withdrawal') await assertVaultHolds(ctx.tx, device.branchId, input.amountMinor);
  const row: VaultMovementsTable = {
    id: ctx.ids.uuid(),
    branch_id: device.branchId,
    kind: input.direction,
    amount_minor: input.direction === 'deposit' ? input.amountMinor : -input.amountMinor,
    till_id: null,
    reason: input.reason,
    posted_by: actor.userId,
    posted_at: ctx.clock.now().toISOString(),
  };
  await insertVaultMovement(ctx.tx, row);
  const balanceMinor = await vaultBalance(ctx.tx, device.branchId);
  await ctx.emit({
    type: 'vault.moved',
    entityType: 'vault',
    entityId: device.branchId,
    payload: { ...row },
  });
  await ctx.audit({
    action: 'vault.moved',
    entityType: 'vault',
    entityId: device.branchId,
    details: { kind: row.kind, amountMinor: row.amount_minor, reason: row.reason, balanceMinor },
  });
  return { balanceMinor };
}
