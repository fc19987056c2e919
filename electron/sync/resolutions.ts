// Settling a sync exception: what each resolution changes, applied the same way by the manager's own ledger
// (electron/core/sync/exceptions.ts, in the resolving transaction) and by every replica that receives the
// `sync.exceptionResolved` event (its applier in ./appliers, in the pull's transaction). The resolving ledger
// decides the effect once, in absolute terms (which customer survives, which account gets which username), and
// the event carries it, so a replica never re-decides from its own "local" and "remote": every replica applying
// the same events ends with the same rows. Not responsible for raising exceptions (./appliers).
//
// The decisions, per kind:
//   duplicate_registration (one national ID or business registration at two branches, offline): the same person.
//     Nothing is deleted and no row is re-keyed: the customer the ledger kept survives and the other registration's
//     id becomes an alias of it (customer_aliases), so later events about that id — edits, KYC, documents, notes,
//     links — apply to the survivor instead of raising `event_for_unknown_customer`.
//       keep_local    — the survivor's profile stays as it is;
//       accept_remote — the other registration's details win where it has one (phone, address, …);
//       merged        — the survivor's empty fields are filled from the other registration (the note says why).
//     Profile changes travel as an ordinary `customer.updated` of the survivor (its home branch receives it, and
//     last-writer-wins by HLC settles them everywhere), the alias in this event. Events about the twin already
//     held here for a manager are applied to the survivor when the alias is made, in central's order: a replica
//     that received a twin's event before the resolution holds it, the manager's ledger received it after, and
//     both must end with it applied. Head office thus sees the person's whole picture; the branch that registered
//     the twin keeps serving its own record (it never holds the survivor), so a twin's later activity appears at
//     head office under the survivor only.
//     Loans too: an application naming the twin (as borrower or guarantor) held here is applied with the
//     survivor in its place (./loanAppliers), and then the loan's own events held for want of it
//     (`event_for_unknown_loan`: its decision, disbursement, repayments …), in central's order, each settled as
//     applied — so the loan's balances are the branch's, to the minor unit.
//   event_for_unknown_customer / edit_of_unknown_customer (an event held because its customer was not here):
//       accept_remote — the held event is applied now, through its normal applier (to the customer, or the one its
//                       id was merged into); refused while the customer is still unknown here;
//       keep_local    — the event is set aside (it stays in the received log: nothing is lost);
//       merged        — means nothing here and is refused.
//   event_for_unknown_loan (an event held because its loan was not here): applied, and settled as applied, when
//     the loan's application is applied through a resolution (above); settling it alone changes no data.
//   username_clash (one username made on two devices of one branch, offline): both are people who must sign in,
//     so the other device's account is kept under `name~DEVICE` (a name no one can type into users.create, so it
//     never clashes again) — active with accept_remote, deactivated with keep_local (an administrator may
//     reactivate it). A device that created that account renames its own row the same way. merged is refused.
//   anything else: the decision is recorded; no data changes.
//
// Known limit: two managers settling the same exception differently on two devices before either syncs: each
// ledger keeps the first decision it applied for the exception row, but both effects apply everywhere (aliases and
// held events are idempotent, profile changes are last-writer-wins), so the data still agrees.
import type { Kysely } from 'kysely';
import type { Database, SyncExceptionsTable } from '../../db/schema';
import type { ExceptionEffect, exceptionResolutions } from '../../shared/contract';
import { endUserSessions } from '../core/auth/sessions';
import type { Applier, ApplyContext, RemoteEvent } from './appliers';
import { loanAppliers } from './loanAppliers';

export type Resolution = (typeof exceptionResolutions)[number];

/** The `sync.exceptionResolved` event's payload. */
export interface ResolutionPayload {
  exceptionId: string;
  kind: string;
  entityType: string;
  entityId: string;
  /** The event that raised the exception: the same on every replica that raised it. */
  eventId: string;
  resolution: Resolution;
  note: string;
  /** Absent from resolutions recorded before migration 5 (they changed no data). */
  resolvedBy?: string;
  resolvedAt?: string;
  effect?: ExceptionEffect;
}

/**
 * The customer an id means on this ledger: its own row, or the survivor its registration was settled into.
 * Null when this ledger holds neither.
 */
export async function customerHere(tx: Kysely<Database>, id: string): Promise<string | null> {
  const row = await tx.selectFrom('customers').select('id').where('id', '=', id).executeTakeFirst();
  if (row) return row.id;
  const alias = await tx
    .selectFrom('customer_aliases')
    .select('customer_id')
    .where('alias_id', '=', id)
    .executeTakeFirst();
  return alias?.customer_id ?? null;
}

/** The event an exception holds, as it was received. */
export async function heldEvent(tx: Kysely<Database>, eventId: string): Promise<RemoteEvent | null> {
  const r = await tx.selectFrom('received_events').selectAll().where('id', '=', eventId).executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    globalSeq: r.global_seq,
    branchId: r.branch_id,
    deviceId: r.device_id,
    deviceSeq: r.device_seq,
    hlc: r.hlc,
    type: r.type,
    entityType: r.entity_type,
    entityId: r.entity_id,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    schemaVersion: r.schema_version,
  };
}

/**
 * The customers an event's applier needs on this ledger: a loan application's borrower first, then its
 * guarantors in order (the loans' applier maps them in that order: ./loanAppliers).
 */
export function customersOf(e: RemoteEvent): string[] {
  const p = e.payload as Record<string, unknown>;
  if (e.type === 'relationship.added') return [String(p.customer_id), String(p.related_customer_id)];
  if (e.type === 'document.attached' || e.type === 'communication.logged' || e.type === 'loan.guarantorAdded')
    return [String(p.customer_id)];
  if (e.type === 'loan.applied') {
    const { loan, guarantors } = p as {
      loan: { customer_id: string };
      guarantors?: { customer_id: string }[];
    };
    return [loan.customer_id, ...(guarantors ?? []).map((g) => g.customer_id)];
  }
  return e.entityType === 'customer' ? [e.entityId] : [];
}

/** Every id of `customers` resolves here; answers the ids they mean, or null. */
export async function resolveCustomers(tx: Kysely<Database>, customers: string[]): Promise<string[] | null> {
  const ids: string[] = [];
  for (const id of customers) {
    const here = await customerHere(tx, id);
    if (!here) return null;
    ids.push(here);
  }
  return ids;
}

const effectType = (row: SyncExceptionsTable) =>
  row.effect ? (JSON.parse(row.effect) as ExceptionEffect).type : null;

const heldKinds = ['event_for_unknown_customer', 'edit_of_unknown_customer'];

/**
 * The applier of a held event. The registry a caller passes is the customers' (./appliers cannot import the
 * whole registry, which imports it); a loan's events are held for its customers too, so the loans' appliers
 * are always at hand.
 */
const applierOf = (registry: Record<string, Applier>, type: string): Applier | undefined =>
  registry[type] ?? loanAppliers[type];

/** The effect of a held event applied here, naming the customer it was applied to. */
async function appliedEffect(
  ctx: ApplyContext,
  e: RemoteEvent,
  customerId: string | null,
): Promise<ExceptionEffect> {
  const customer = customerId
    ? await ctx.tx
        .selectFrom('customers')
        .select('display_name')
        .where('id', '=', customerId)
        .executeTakeFirst()
    : undefined;
  return {
    type: 'eventApplied',
    eventId: e.id,
    eventType: e.type,
    customerId,
    customerName: customer?.display_name ?? null,
  };
}

async function settleRow(
  ctx: ApplyContext,
  row: SyncExceptionsTable,
  p: ResolutionPayload,
  effect: ExceptionEffect,
) {
  const resolver = p.resolvedBy
    ? await ctx.tx.selectFrom('users').select('id').where('id', '=', p.resolvedBy).executeTakeFirst()
    : undefined;
  await ctx.tx
    .updateTable('sync_exceptions')
    .set({
      status: 'resolved',
      resolution: p.resolution,
      resolved_by: resolver?.id ?? null,
      resolved_at: p.resolvedAt ?? ctx.now,
      note: p.note ?? null,
      effect: JSON.stringify(effect),
    })
    .where('id', '=', row.id)
    .execute();
}

/**
 * The events held here for want of the loan (they arrived before its application could apply), applied now that
 * it is here, in central's order, each settled as applied by the resolution that brought the loan (see the
 * header). One set aside meanwhile is applied too: its money is a fact, and applying wins.
 */
async function applyHeldForLoan(
  ctx: ApplyContext,
  p: ResolutionPayload,
  loanId: string,
  registry: Record<string, Applier>,
) {
  const loan = await ctx.tx
    .selectFrom('loans')
    .select('customer_id')
    .where('id', '=', loanId)
    .executeTakeFirst();
  if (!loan) return; // the application is still held (for its product, say): they wait with it
  const held = await ctx.tx
    .selectFrom('sync_exceptions')
    .innerJoin('received_events', 'received_events.id', 'sync_exceptions.event_id')
    .selectAll('sync_exceptions')
    .where('sync_exceptions.kind', '=', 'event_for_unknown_loan')
    .where((eb) =>
      eb.or([
        eb('sync_exceptions.entity_id', '=', loanId),
        eb(eb.fn('json_extract', ['sync_exceptions.local_version', eb.val('$.loanId')]), '=', loanId),
      ]),
    )
    .orderBy('received_events.global_seq')
    .orderBy('sync_exceptions.id')
    .execute();
  const effects = new Map<string, ExceptionEffect>();
  for (const row of held) {
    if (effectType(row) === 'eventApplied') continue;
    let effect = effects.get(row.event_id);
    if (!effect) {
      const e = await heldEvent(ctx.tx, row.event_id);
      const applier = e && applierOf(registry, e.type);
      if (!e || !applier) continue;
      await applier.apply(ctx, e);
      effect = await appliedEffect(ctx, e, loan.customer_id);
      effects.set(row.event_id, effect);
    }
    await settleRow(ctx, row, { ...p, resolution: 'accept_remote', note: '' }, effect);
  }
}

/**
 * Re-applies a held event when every customer it names is here now (and, for a loan's application, the events
 * held for want of the loan); answers the effect, or null.
 */
async function replayHeld(
  ctx: ApplyContext,
  p: ResolutionPayload,
  eventId: string,
  registry: Record<string, Applier>,
): Promise<ExceptionEffect | null> {
  const e = await heldEvent(ctx.tx, eventId);
  const applier = e && applierOf(registry, e.type);
  if (!e || !applier) return null;
  const ids = await resolveCustomers(ctx.tx, customersOf(e));
  if (!ids) return null;
  await applier.apply(ctx, e);
  if (e.type === 'loan.applied') await applyHeldForLoan(ctx, p, e.entityId, registry);
  return appliedEffect(ctx, e, ids[0] ?? null);
}

/** The events held here for the twin, in central's order, applied to the survivor (see the header). */
async function applyHeldForTwin(
  ctx: ApplyContext,
  p: ResolutionPayload,
  aliasId: string,
  registry: Record<string, Applier>,
) {
  // The payload names the twin (an id is a UUID: a text match finds exactly the events that carry it).
  const held = await ctx.tx
    .selectFrom('sync_exceptions')
    .innerJoin('received_events', 'received_events.id', 'sync_exceptions.event_id')
    .selectAll('sync_exceptions')
    .where('sync_exceptions.status', '=', 'open')
    .where('sync_exceptions.kind', 'in', heldKinds)
    .where((eb) =>
      eb.or([
        eb('received_events.entity_id', '=', aliasId),
        eb('received_events.payload', 'like', `%${aliasId}%`),
      ]),
    )
    .orderBy('received_events.global_seq')
    .orderBy('sync_exceptions.id')
    .execute();
  for (const row of held) {
    const e = await heldEvent(ctx.tx, row.event_id);
    if (!e || !customersOf(e).includes(aliasId)) continue;
    const effect = await replayHeld(ctx, p, row.event_id, registry);
    // Applied as if accepted, by the manager who settled the twin, at that decision's time.
    if (effect) await settleRow(ctx, row, { ...p, resolution: 'accept_remote', note: '' }, effect);
  }
}

async function mergeCustomer(
  ctx: ApplyContext,
  p: ResolutionPayload,
  effect: Extract<ExceptionEffect, { type: 'customerMerged' }>,
  resolutionEventId: string,
  registry: Record<string, Applier>,
): Promise<boolean> {
  // Only where the survivor is a row and the other registration is not (head office and its replicas; the
  // ledger that registered the twin keeps its own record, see the header).
  const survivor = await ctx.tx
    .selectFrom('customers')
    .select('id')
    .where('id', '=', effect.customerId)
    .executeTakeFirst();
  const twin = await ctx.tx
    .selectFrom('customers')
    .select('id')
    .where('id', '=', effect.aliasId)
    .executeTakeFirst();
  if (!survivor || twin) return false;
  await ctx.tx
    .insertInto('customer_aliases')
    .values({
      alias_id: effect.aliasId,
      customer_id: effect.customerId,
      resolution_event_id: resolutionEventId,
      created_at: ctx.now,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await applyHeldForTwin(ctx, p, effect.aliasId, registry);
  return true;
}

async function applyHeld(
  ctx: ApplyContext,
  p: ResolutionPayload,
  own: SyncExceptionsTable[],
  eventId: string,
  registry: Record<string, Applier>,
): Promise<boolean> {
  if (own.length === 0) return false; // this ledger applied it when it arrived, or never received it
  if (own.some((r) => effectType(r) === 'eventApplied')) return true;
  return (await replayHeld(ctx, p, eventId, registry)) !== null; // null: still unknown here, stays open
}

async function addUser(
  ctx: ApplyContext,
  effect: Extract<ExceptionEffect, { type: 'userAdded' }>,
  eventId: string,
): Promise<boolean> {
  const { tx } = ctx;
  const user = await tx.selectFrom('users').selectAll().where('id', '=', effect.userId).executeTakeFirst();
  const created = user ? null : await heldEvent(tx, eventId);
  const branchId = user?.branch_id ?? String(created?.payload.branchId ?? '');
  const taken = await tx
    .selectFrom('users')
    .select('id')
    .where('branch_id', '=', branchId)
    .where('username', '=', effect.username)
    .where('id', '!=', effect.userId)
    .executeTakeFirst();
  if (taken) return false;
  const isActive = effect.isActive ? 1 : 0;
  if (user) {
    await tx
      .updateTable('users')
      .set({ username: effect.username, is_active: isActive, updated_at: ctx.now })
      .where('id', '=', user.id)
      .execute();
    if (!effect.isActive) await endUserSessions(tx, user.id, new Date(ctx.now));
    return true;
  }
  if (created?.type !== 'user.created') return false;
  const p = created.payload as Record<string, string & boolean>;
  await tx
    .insertInto('users')
    .values({
      id: effect.userId,
      branch_id: branchId,
      username: effect.username,
      display_name: p.displayName,
      role_code: p.role,
      password_hash: p.passwordHash,
      password_changed_at: ctx.now,
      must_change_password: p.mustChangePassword ? 1 : 0,
      totp_secret: null,
      totp_enabled_at: null,
      failed_attempts: 0,
      locked_until: null,
      is_active: isActive,
      last_sign_in_at: null,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .execute();
  return true;
}

/**
 * Applies a resolution here and marks this ledger's exceptions for the same (kind, event) resolved, with the
 * note and the effect. Answers false when the effect cannot take place on this ledger (then nothing changes and
 * its exception, if any, stays open for a manager here). `registry` holds the appliers that re-apply held events.
 */
export async function applyResolution(
  ctx: ApplyContext,
  p: ResolutionPayload,
  meta: { eventId: string },
  registry: Record<string, Applier>,
): Promise<boolean> {
  const effect: ExceptionEffect = p.effect ?? { type: 'recorded' };
  const own = await ctx.tx
    .selectFrom('sync_exceptions')
    .selectAll()
    .where('kind', '=', p.kind)
    .where('event_id', '=', p.eventId)
    .execute();
  let isDone = true;
  if (effect.type === 'customerMerged') isDone = await mergeCustomer(ctx, p, effect, meta.eventId, registry);
  else if (effect.type === 'eventApplied') isDone = await applyHeld(ctx, p, own, p.eventId, registry);
  else if (effect.type === 'userAdded') isDone = await addUser(ctx, effect, p.eventId);
  if (!isDone) return false;
  // A held event applied after another device set it aside: applied wins (applying is idempotent, setting
  // aside changes nothing), so the row says so on every replica.
  const settles = (r: SyncExceptionsTable) =>
    r.status === 'open' || (effect.type === 'eventApplied' && effectType(r) !== 'eventApplied');
  for (const row of own.filter(settles)) await settleRow(ctx, row, p, effect);
  return true;
}
