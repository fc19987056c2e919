// Merge rules for loans, in the registry's terms (electron/sync/appliers.ts):
//   create — `loan.applied` (with its collateral and guarantors), `loan.collateralAdded`, `loan.guarantorAdded`:
//            inserted once by id;
//   lww    — `loanProduct.saved`: the whole product, last writer by HLC;
//   fact   — `loan.transactionPosted` and the money of `loan.disbursed`: every transaction row is kept, whatever
//            else happened to the loan; the engine's replay orders them by (value date, HLC, id), so a
//            repayment posted offline with an earlier value date re-runs the allocation identically everywhere;
//   owner  — lifecycle commands (`loan.updated`, `loan.submitted`, `loan.decided`, `loan.withdrawn`, the
//            terms of `loan.disbursed`, `loan.restructured`) belong to the loan's branch.
//
// Lifecycle state is a fold, not a sequence of overwrites: the loan's lifecycle columns are rebuilt from its
// `loan.applied` row and every lifecycle event this replica holds (its own and received), in HLC order, each
// accepted only if the loan is in the state the command was issued from and it comes from the owning branch.
// Every replica holding the same events therefore folds to the same row, whatever order they arrived in. A
// command the fold refuses (two different decisions on one application, a second disbursement of one loan, a
// withdrawal of a loan disbursed elsewhere) goes to the manager's exception queue with both versions; its money,
// if any, stays on the loan as a transaction — never dropped.
//
// The people a loan names — the borrower and guarantors of `loan.applied`, the guarantor of `loan.guarantorAdded`
// (`customersOf`, ./resolutions) — are the customers their ids mean on this ledger: a registration a manager
// settled as the same person as another (a national ID registered at two branches offline) means the survivor.
// So head office and its replicas hold a twin's loans under the survivor, while the branch that registered the
// twin, which holds its own row, keeps them under it. The borrower is mapped once, when the application is
// inserted; the fold never writes it back from the `loan.applied` payload (it is not one of its columns). A loan
// naming a customer this ledger does not hold is held for a manager (`event_for_unknown_customer`), and its
// later events are held for want of the loan (`event_for_unknown_loan`) and left out of the fold; settling the
// customer applies the application and then those events, in central's order (./resolutions).
import type { Kysely } from 'kysely';
import type {
  Database,
  LoanGuarantorsTable,
  LoanProductsTable,
  LoanTransactionsTable,
} from '../../db/schema';
import { applyLoanColumns, insertApplication, type ApplicationRows } from '../core/loans/applications';
import { applyProduct } from '../core/loans/products';
import { projectLoan } from '../core/loans/project';
import { applyTillMovement, type TillMovementRow } from '../core/till/cash';
import { raiseException, type Applier, type ApplyContext, type RemoteEvent } from './appliers';
import { customerHere, customersOf } from './resolutions';

const lifecycleTypes = [
  'loan.updated',
  'loan.submitted',
  'loan.decided',
  'loan.withdrawn',
  'loan.disbursed',
  'loan.trancheDisbursed',
  'loan.restructured',
] as const;
type LifecycleType = (typeof lifecycleTypes)[number];

/** The statuses each lifecycle command may be issued from. */
const allowedFrom: Record<LifecycleType, readonly string[]> = {
  'loan.updated': ['draft', 'returned'],
  'loan.submitted': ['draft', 'returned'],
  'loan.decided': ['submitted'],
  'loan.withdrawn': ['draft', 'submitted', 'returned', 'approved'],
  'loan.disbursed': ['approved'],
  'loan.trancheDisbursed': ['active'],
  'loan.restructured': ['active'],
};

/**
 * The columns a lifecycle fold owns (the projection's columns belong to projectLoan). Never the borrower: it is
 * the customer the application's id means here, mapped when the loan was inserted (see the header).
 */
const lifecycleColumns = [
  'status',
  'account_no',
  'purpose',
  'requested_principal_minor',
  'approved_principal_minor',
  'disbursed_principal_minor',
  'repayments',
  'annual_rate',
  'terms',
  'terms_from',
  'expected_disbursement_date',
  'submitted_at',
  'decided_by',
  'decided_at',
  'decision_reason',
  'disbursed_on',
] as const;

interface HeldEvent {
  id: string;
  hlc: string;
  type: string;
  branchId: string;
  payload: Record<string, unknown>;
}

/**
 * The business date a received loan is projected on: this replica's branch's (a device that is still joining
 * has no local device yet: then the loan's own branch's).
 */
async function projectionDate(tx: Kysely<Database>, loanBranchId: string): Promise<string> {
  const local = await tx
    .selectFrom('devices')
    .innerJoin('branches', 'branches.id', 'devices.branch_id')
    .select('branches.business_date')
    .where('devices.is_local', '=', 1)
    .executeTakeFirst();
  if (local) return local.business_date;
  const own = await tx
    .selectFrom('branches')
    .select('business_date')
    .where('id', '=', loanBranchId)
    .executeTakeFirst();
  return own?.business_date ?? '1970-01-01';
}

/** Every lifecycle event of the loan this replica holds, its own and received, plus the one being applied. */
async function heldEvents(
  tx: Kysely<Database>,
  loanId: string,
  current: RemoteEvent | null,
): Promise<HeldEvent[]> {
  const types = [...lifecycleTypes, 'loan.applied'];
  const own = await tx
    .selectFrom('events')
    .innerJoin('devices', 'devices.id', 'events.device_id')
    .select(['events.id', 'events.hlc', 'events.type', 'events.payload', 'devices.branch_id'])
    .where('events.entity_id', '=', loanId)
    .where('events.type', 'in', types)
    .execute();
  const received = await tx
    .selectFrom('received_events')
    .select(['id', 'hlc', 'type', 'payload', 'branch_id'])
    .where('entity_id', '=', loanId)
    .where('type', 'in', types)
    .where('applied_at', 'is not', null)
    // One that arrived before its loan was held, not applied; it counts once applied (./resolutions), so the
    // fold at each held event applied in turn sees what a replica that received them in order saw.
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('sync_exceptions')
            .select('sync_exceptions.id')
            .whereRef('sync_exceptions.event_id', '=', 'received_events.id')
            .where('sync_exceptions.kind', '=', 'event_for_unknown_loan')
            .where((eb) =>
              eb.or([
                eb('sync_exceptions.effect', 'is', null),
                eb(eb.fn('json_extract', ['sync_exceptions.effect', eb.val('$.type')]), '!=', 'eventApplied'),
              ]),
            ),
        ),
      ),
    )
    .execute();
  const byId = new Map<string, HeldEvent>();
  for (const e of [...own, ...received])
    byId.set(e.id, {
      id: e.id,
      hlc: e.hlc,
      type: e.type,
      branchId: e.branch_id,
      payload: JSON.parse(e.payload) as Record<string, unknown>,
    });
  if (current)
    byId.set(current.id, {
      id: current.id,
      hlc: current.hlc,
      type: current.type,
      branchId: current.branchId,
      payload: current.payload,
    });
  return [...byId.values()].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.id < b.id ? -1 : 1));
}

interface Decision {
  id: string;
  loan_id: string;
  decision: 'approve' | 'approve_changed' | 'return' | 'reject' | 'withdraw';
  reason: string;
  principal_minor: number | null;
  repayments: number | null;
  annual_rate: string | null;
  decided_by: string;
  decided_at: string;
}

/**
 * Rebuilds the loan's lifecycle columns, its decisions and its terms history from the events held here, and
 * queues the commands the fold refuses. Answers whether the loan is disbursed (so it can be projected).
 */
export async function refoldLoan(ctx: ApplyContext, loanId: string, current: RemoteEvent | null) {
  const { tx } = ctx;
  const loan = await tx.selectFrom('loans').selectAll().where('id', '=', loanId).executeTakeFirst();
  if (!loan) return;
  const events = await heldEvents(tx, loanId, current);
  const applied = events.find((e) => e.type === 'loan.applied');
  const base = (applied?.payload.loan ?? loan) as Record<string, unknown>;
  const state: Record<string, unknown> = Object.fromEntries(
    lifecycleColumns.map((c) => [c, base[c] ?? null]),
  );
  state.disbursed_principal_minor = base.disbursed_principal_minor ?? 0;
  const decisions: (Decision & { hlc: string })[] = [];
  const history: Record<string, unknown>[] = [];
  for (const e of events) {
    if (e.type === 'loan.applied') continue;
    const type = e.type as LifecycleType;
    const fromOwner = e.branchId === loan.branch_id;
    if (!fromOwner || !allowedFrom[type].includes(state.status as string)) {
      if (current && e.id === current.id)
        await raiseException(ctx, current, fromOwner ? 'conflicting_loan_command' : 'not_owning_branch', {
          loanId,
          status: state.status,
          accountNo: state.account_no,
        });
      continue;
    }
    const p = e.payload as {
      columns?: Record<string, unknown>;
      decision?: Decision;
      history?: Record<string, unknown>;
    };
    for (const [k, v] of Object.entries(p.columns ?? {}))
      if ((lifecycleColumns as readonly string[]).includes(k)) state[k] = v;
    if (p.decision) decisions.push({ ...p.decision, hlc: e.hlc });
    if (p.history) history.push(p.history);
  }
  await applyLoanColumns(tx, loanId, state);
  // Decisions and terms history are what the accepted commands say, nothing else.
  await tx.deleteFrom('loan_decisions').where('loan_id', '=', loanId).execute();
  for (const d of decisions) await tx.insertInto('loan_decisions').values(d).execute();
  await tx.deleteFrom('loan_terms_history').where('loan_id', '=', loanId).execute();
  for (const h of history)
    await tx
      .insertInto('loan_terms_history')
      .values(h as never)
      .execute();
}

async function reproject(tx: Kysely<Database>, loanId: string) {
  const loan = await tx
    .selectFrom('loans')
    .select('branch_id')
    .where('id', '=', loanId)
    .executeTakeFirstOrThrow();
  await projectLoan(tx, loanId, await projectionDate(tx, loan.branch_id));
}

async function knownLoan(ctx: ApplyContext, e: RemoteEvent): Promise<boolean> {
  const loan = await ctx.tx.selectFrom('loans').select('id').where('id', '=', e.entityId).executeTakeFirst();
  if (!loan) await raiseException(ctx, e, 'event_for_unknown_loan', { loanId: e.entityId });
  return Boolean(loan);
}

/**
 * The customers an event names (`customersOf`), as this ledger holds them (see the header), in the same order;
 * null when one is not here, and the event is then held for a manager.
 */
async function customersHere(ctx: ApplyContext, e: RemoteEvent): Promise<string[] | null> {
  const ids: string[] = [];
  for (const id of customersOf(e)) {
    const here = await customerHere(ctx.tx, id);
    if (!here) {
      await raiseException(ctx, e, 'event_for_unknown_customer', { customerId: id });
      return null;
    }
    ids.push(here);
  }
  return ids;
}

/** A transaction row and its till movement: facts, kept whatever the loan's state. */
async function keepTransaction(ctx: ApplyContext, e: RemoteEvent) {
  const p = e.payload as { transaction: LoanTransactionsTable; till: TillMovementRow | null };
  await ctx.tx
    .insertInto('loan_transactions')
    .values(p.transaction)
    .onConflict((oc) => oc.doNothing())
    .execute();
  if (p.till) await applyTillMovement(ctx.tx, p.till);
  return p.transaction;
}

const lifecycle: Applier = {
  rule: 'owner',
  async apply(ctx, e) {
    if (!(await knownLoan(ctx, e))) return;
    // Money a lifecycle command carries (a disbursement, a restructure's arrears) is a fact.
    if ((e.payload as { transaction?: unknown }).transaction) await keepTransaction(ctx, e);
    await refoldLoan(ctx, e.entityId, e);
    await reproject(ctx.tx, e.entityId);
  },
};

export const loanAppliers: Record<string, Applier> = {
  'loanProduct.saved': {
    rule: 'lww',
    async apply({ tx }, e) {
      await applyProduct(tx, { ...(e.payload as Omit<LoanProductsTable, 'hlc'>), hlc: e.hlc });
    },
  },
  'loan.applied': {
    rule: 'create',
    async apply(ctx, e) {
      const rows = e.payload as unknown as ApplicationRows;
      const people = await customersHere(ctx, e);
      if (!people) return;
      const [borrower, ...guarantors] = people as [string, ...string[]];
      const product = await ctx.tx
        .selectFrom('loan_products')
        .select('id')
        .where('id', '=', rows.loan.product_id)
        .executeTakeFirst();
      if (!product)
        return raiseException(ctx, e, 'event_for_unknown_product', { productId: rows.loan.product_id });
      await insertApplication(ctx.tx, {
        ...rows,
        loan: { ...rows.loan, customer_id: borrower },
        guarantors: rows.guarantors.map((g, i) => ({ ...g, customer_id: guarantors[i]! })),
      });
    },
  },
  'loan.collateralAdded': {
    rule: 'create',
    async apply(ctx, e) {
      if (!(await knownLoan(ctx, e))) return;
      await ctx.tx
        .insertInto('loan_collateral')
        .values(e.payload as never)
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
  },
  'loan.guarantorAdded': {
    rule: 'create',
    async apply(ctx, e) {
      if (!(await knownLoan(ctx, e))) return;
      const guarantor = await customersHere(ctx, e);
      if (!guarantor) return;
      await ctx.tx
        .insertInto('loan_guarantors')
        .values({ ...(e.payload as unknown as LoanGuarantorsTable), customer_id: guarantor[0]! })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
  },
  'loan.updated': lifecycle,
  'loan.submitted': lifecycle,
  'loan.decided': lifecycle,
  'loan.withdrawn': lifecycle,
  'loan.disbursed': lifecycle,
  'loan.trancheDisbursed': lifecycle,
  'loan.restructured': lifecycle,
  'loan.transactionsImported': {
    rule: 'fact',
    async apply(ctx, e) {
      const { transactions } = e.payload as { transactions: LoanTransactionsTable[] };
      const loans = new Set<string>();
      for (const t of transactions) {
        const known = await ctx.tx
          .selectFrom('loans')
          .select('id')
          .where('id', '=', t.loan_id)
          .executeTakeFirst();
        if (!known) {
          await raiseException(ctx, e, 'event_for_unknown_loan', { loanId: t.loan_id, transactionId: t.id });
          continue;
        }
        await ctx.tx
          .insertInto('loan_transactions')
          .values(t)
          .onConflict((oc) => oc.doNothing())
          .execute();
        loans.add(t.loan_id);
      }
      for (const id of loans) await reproject(ctx.tx, id);
    },
  },
  'loan.transactionPosted': {
    rule: 'fact',
    async apply(ctx, e) {
      if (!(await knownLoan(ctx, e))) return;
      const t = await keepTransaction(ctx, e);
      const p = e.payload as { columns: Record<string, unknown> | null };
      if (p.columns) await applyLoanColumns(ctx.tx, e.entityId, p.columns);
      if (t.type === 'repayment') {
        // Money on a loan written off elsewhere is kept (the engine holds it as a credit) and shown to a manager.
        const writeoff = await ctx.tx
          .selectFrom('loan_transactions')
          .select('id')
          .where('loan_id', '=', e.entityId)
          .where('type', '=', 'writeoff')
          .executeTakeFirst();
        if (writeoff)
          await raiseException(ctx, e, 'repayment_on_written_off_loan', {
            loanId: e.entityId,
            writeoffId: writeoff.id,
          });
      }
      await reproject(ctx.tx, e.entityId);
    },
  },
};
