// Merge rules for the till, the vault, reminders and end-of-day: how their events from another device become
// rows here (spread into the registry in ./appliers). Every applier is idempotent and order-insensitive:
//   till.*        — the event carries the till as it is after the change and the movements the change made.
//                   Movements are cash facts: inserted once by id, never dropped; the till's balance is the
//                   sum of its movements. The till's own fields follow its lifecycle, which only moves forward
//                   (requested → open → closing → closed), so a late event never winds a till back.
//   vault.moved   — a cash fact: inserted once by id; the vault's balance is the sum of its movements.
//   reminder.queued — a batch of reminders with their communications; a reminder already queued here for the
//                   same (loan, kind, due date) — by this device or another — is not queued twice. Its customer
//                   is the one the id means here (a registration settled into another customer means the
//                   survivor, as for the loan itself: ./loanAppliers).
//   eod.completed — a branch's business date only moves forward (the later of the two wins); the loans of the
//                   branch this replica holds are brought current as of it, as the run did on its device.
import type { Kysely } from 'kysely';
import type {
  CommunicationsTable,
  Database,
  EodRunsTable,
  RemindersTable,
  TillsTable,
  VaultMovementsTable,
} from '../../db/schema';
import { projectLoans } from '../core/loans/project';
import { insertReminders } from '../core/loans/reminders';
import {
  ensureTillRow,
  insertTillMovement,
  recomputeTillBalance,
  type AnyTillMovement,
} from '../core/till/cash';
import { insertVaultMovement } from '../core/till/vault';
import type { Applier, ApplyContext, RemoteEvent } from './appliers';
import { customerHere } from './resolutions';

const activeStatuses = new Set<TillsTable['status']>(['requested', 'open', 'closing']);

/** How far along its lifecycle a till is; 'cancelled' marks a placeholder or a till set aside (lowest). */
const stage: Record<TillsTable['status'], number> = {
  cancelled: -1,
  requested: 0,
  open: 1,
  closing: 2,
  closed: 3,
};

/** The latest instant a till's row records: at the same stage (a recount), the later snapshot wins. */
const lastInstant = (t: TillsTable) => t.closed_at ?? t.counted_at ?? t.opened_at ?? t.requested_at;

function isNewer(incoming: TillsTable, existing: TillsTable): boolean {
  const a = stage[incoming.status];
  const b = stage[existing.status];
  return a > b || (a === b && lastInstant(incoming) >= lastInstant(existing));
}

async function recordException(ctx: ApplyContext, e: RemoteEvent, kind: string, local: unknown) {
  await ctx.tx
    .insertInto('sync_exceptions')
    .values({
      id: ctx.newId(),
      kind,
      entity_type: e.entityType,
      entity_id: e.entityId,
      event_id: e.id,
      local_version: JSON.stringify(local),
      remote_version: JSON.stringify(e.payload),
      status: 'open',
      resolution: null,
      resolved_by: null,
      resolved_at: null,
      created_at: ctx.now,
    } as never)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/**
 * A teller has one till that is not closed. Two devices offline can each open one for the same teller; the
 * second to arrive is kept (its cash facts matter) but set aside as 'cancelled', for a manager to look at.
 */
async function clashingTill(tx: Kysely<Database>, till: TillsTable) {
  if (!activeStatuses.has(till.status)) return undefined;
  return tx
    .selectFrom('tills')
    .select(['id', 'status', 'business_date'])
    .where('teller_id', '=', till.teller_id)
    .where('status', 'in', [...activeStatuses])
    .where('id', '!=', till.id)
    .executeTakeFirst();
}

async function applyTillEvent(ctx: ApplyContext, e: RemoteEvent) {
  const { tx } = ctx;
  const p = e.payload as {
    till: TillsTable;
    movements: AnyTillMovement[];
    vaultMovements: VaultMovementsTable[];
  };
  const { balance_minor: _balance, ...incoming } = p.till;
  await ensureTillRow(tx, incoming.id, { tellerId: incoming.teller_id, at: incoming.requested_at });
  const existing = await tx
    .selectFrom('tills')
    .selectAll()
    .where('id', '=', incoming.id)
    .executeTakeFirstOrThrow();
  if (isNewer(p.till, existing)) {
    const clash = await clashingTill(tx, p.till);
    if (clash) await recordException(ctx, e, 'two_open_tills', clash);
    const fields = clash
      ? {
          ...incoming,
          status: 'cancelled' as const,
          note: 'Set aside: the teller had another till open (sync)',
        }
      : incoming;
    await tx.updateTable('tills').set(fields).where('id', '=', incoming.id).execute();
  }
  for (const m of p.movements) await insertTillMovement(tx, m);
  for (const v of p.vaultMovements) await insertVaultMovement(tx, v);
  await recomputeTillBalance(tx, incoming.id);
}

const tillApplier: Applier = { rule: 'fact', apply: applyTillEvent };

async function exists(tx: Kysely<Database>, table: 'loans' | 'communications', id: string) {
  return Boolean(await tx.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst());
}

export const tillAppliers: Record<string, Applier> = {
  'till.opened': tillApplier,
  'till.confirmed': tillApplier,
  'till.cashMoved': tillApplier,
  'till.counted': tillApplier,
  'till.closed': tillApplier,
  'vault.moved': {
    rule: 'fact',
    async apply({ tx }, e) {
      await insertVaultMovement(tx, e.payload as unknown as VaultMovementsTable);
    },
  },
  'reminder.queued': {
    rule: 'create',
    async apply({ tx }, e) {
      const p = e.payload as { reminders: RemindersTable[]; communications: CommunicationsTable[] };
      const communicationOf = new Map(p.communications.map((c) => [c.id, c]));
      const reminders: RemindersTable[] = [];
      const communications: CommunicationsTable[] = [];
      for (const r of p.reminders) {
        // A reminder about a loan or customer this replica does not hold has nothing to attach to; it is a
        // message queue entry, not a fact about money, and stays in received_events.
        const customerId = await customerHere(tx, r.customer_id);
        if (!(await exists(tx, 'loans', r.loan_id)) || !customerId) continue;
        const queued = await tx
          .selectFrom('reminders')
          .select('id')
          .where('loan_id', '=', r.loan_id)
          .where('kind', '=', r.kind)
          .where('due_date', '=', r.due_date)
          .executeTakeFirst();
        if (queued) continue;
        reminders.push({ ...r, customer_id: customerId });
        const c = r.communication_id ? communicationOf.get(r.communication_id) : undefined;
        if (c && !(await exists(tx, 'communications', c.id)))
          communications.push({ ...c, customer_id: (await customerHere(tx, c.customer_id)) ?? customerId });
      }
      await insertReminders(tx, reminders, communications);
    },
  },
  'eod.completed': {
    rule: 'lww',
    async apply({ tx }, e) {
      const p = e.payload as { branchId: string; businessDate: string; run?: EodRunsTable };
      if (p.run) {
        await tx
          .insertInto('eod_runs')
          .values(p.run)
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
      }
      const moved = await tx
        .updateTable('branches')
        .set({ business_date: p.businessDate })
        .where('id', '=', p.branchId)
        .where('business_date', '<', p.businessDate)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) === 0) return;
      const loans = await tx
        .selectFrom('loans')
        .select('id')
        .where('branch_id', '=', p.branchId)
        .where('status', 'in', ['active', 'written_off'])
        .where((eb) => eb.or([eb('as_of', 'is', null), eb('as_of', '<', p.businessDate)]))
        .orderBy('id')
        .execute();
      await projectLoans(
        tx,
        loans.map((l) => l.id),
        p.businessDate,
      );
    },
  },
};
