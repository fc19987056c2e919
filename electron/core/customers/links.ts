// The customer's connections and history: relationships between customers, the communication log, referral
// rewards (earned when the referred customer's first loan is disbursed; settled by the branch), and the credit
// score computed with the scorecard and kept as a history.
import { bookReferralSettled } from '../books/referrals';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { LocalDate, ChronoUnit } from '@js-joda/core';
import { LmsError, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import { scoreCustomer } from '../../../shared/customers/scorecard';
import type { Ctx, WriteCtx } from '../context';
import { requireActor, requireDevice } from '../context';
import { findCustomer, scoresOf } from './profile';
import { businessDateOf, readCustomerSettings, toSummary } from './rules';

export async function addRelationship(
  ctx: WriteCtx,
  input: ParsedInputOf<'relationships.add'>,
): Promise<OutputOf<'relationships.add'>> {
  const actor = requireActor(ctx);
  if (input.customerId === input.relatedCustomerId) {
    throw new LmsError('VALIDATION', 'A customer cannot be related to themselves.', 'invalid_input', [
      { path: 'relatedCustomerId', message: 'must be another customer' },
    ]);
  }
  await findCustomer(ctx.tx, input.customerId);
  const other = await findCustomer(ctx.tx, input.relatedCustomerId);
  const existing = await ctx.tx
    .selectFrom('relationships')
    .select('id')
    .where('customer_id', '=', input.customerId)
    .where('related_customer_id', '=', input.relatedCustomerId)
    .where('kind', '=', input.kind)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (existing)
    throw new LmsError('CONFLICT', 'That relationship is already recorded.', 'relationship_exists');
  const row = {
    id: ctx.ids.uuid(),
    customer_id: input.customerId,
    related_customer_id: input.relatedCustomerId,
    kind: input.kind,
    note: input.note ?? null,
    created_by: actor.userId,
    created_at: ctx.clock.now().toISOString(),
    removed_at: null,
  };
  await ctx.tx.insertInto('relationships').values(row).execute();
  await ctx.emit({
    type: 'relationship.added',
    entityType: 'customer',
    entityId: input.customerId,
    payload: row,
  });
  await ctx.audit({
    action: 'relationship.added',
    entityType: 'customer',
    entityId: input.customerId,
    details: { kind: input.kind, related: other.customer_no },
  });
  return {
    id: row.id,
    kind: row.kind,
    direction: 'outgoing',
    other: toSummary(other),
    note: row.note,
    createdAt: row.created_at,
  };
}

export async function removeRelationship(
  ctx: WriteCtx,
  input: ParsedInputOf<'relationships.remove'>,
): Promise<OutputOf<'relationships.remove'>> {
  const row = await ctx.tx
    .selectFrom('relationships')
    .selectAll()
    .where('id', '=', input.relationshipId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new LmsError('NOT_FOUND', 'No such current relationship.', 'relationship_not_found');
  const now = ctx.clock.now().toISOString();
  await ctx.tx.updateTable('relationships').set({ removed_at: now }).where('id', '=', row.id).execute();
  await ctx.emit({
    type: 'relationship.removed',
    entityType: 'customer',
    entityId: row.customer_id,
    payload: { relationshipId: row.id, removedAt: now },
  });
  await ctx.audit({
    action: 'relationship.removed',
    entityType: 'customer',
    entityId: row.customer_id,
    details: { relationshipId: row.id, kind: row.kind },
  });
  return { ok: true };
}

export async function logCommunication(
  ctx: WriteCtx,
  input: ParsedInputOf<'communications.log'>,
): Promise<OutputOf<'communications.log'>> {
  const actor = requireActor(ctx);
  await findCustomer(ctx.tx, input.customerId);
  const now = ctx.clock.now().toISOString();
  const row = {
    id: ctx.ids.uuid(),
    customer_id: input.customerId,
    channel: input.channel,
    direction: input.direction,
    subject: input.subject,
    note: input.note ?? null,
    staff_user_id: actor.userId,
    is_system: 0,
    occurred_at: input.occurredAt ? new Date(input.occurredAt).toISOString() : now,
    created_at: now,
  };
  await ctx.tx.insertInto('communications').values(row).execute();
  await ctx.emit({
    type: 'communication.logged',
    entityType: 'customer',
    entityId: input.customerId,
    payload: row,
  });
  await ctx.audit({
    action: 'communication.logged',
    entityType: 'customer',
    entityId: input.customerId,
    details: { channel: row.channel, subject: row.subject },
  });
  return { id: row.id };
}

export async function listCommunications(
  ctx: Ctx,
  input: ParsedInputOf<'communications.list'>,
): Promise<OutputOf<'communications.list'>> {
  await findCustomer(ctx.db, input.customerId);
  const rows = await ctx.db
    .selectFrom('communications')
    .leftJoin('users', 'users.id', 'communications.staff_user_id')
    .selectAll('communications')
    .select('users.username')
    .where('customer_id', '=', input.customerId)
    .orderBy('occurred_at', 'desc')
    .limit(1000)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    direction: r.direction,
    subject: r.subject,
    note: r.note,
    staff: r.username,
    isSystem: r.is_system === 1,
    occurredAt: r.occurred_at,
  }));
}

export async function listReferrals(
  ctx: Ctx,
  input: ParsedInputOf<'referrals.list'>,
): Promise<OutputOf<'referrals.list'>> {
  let query = ctx.db.selectFrom('referral_rewards').selectAll().orderBy('created_at', 'desc').limit(1000);
  if (input.status) query = query.where('status', '=', input.status);
  const rows = await query.execute();
  const ids = [...new Set(rows.flatMap((r) => [r.referrer_customer_id, r.referred_customer_id]))];
  const customers = ids.length
    ? await ctx.db.selectFrom('customers').selectAll().where('id', 'in', ids).execute()
    : [];
  const byId = new Map(customers.map((c) => [c.id, toSummary(c)]));
  return rows.map((r) => ({
    id: r.id,
    referrer: byId.get(r.referrer_customer_id)!,
    referred: byId.get(r.referred_customer_id)!,
    amountMinor: r.amount_minor,
    status: r.status,
    earnedAt: r.earned_at,
    settledAt: r.settled_at,
  }));
}

export interface ReferralSettlement {
  rewardId: string;
  amountMinor: number;
  entryId: string;
  branchId: string;
  date: string;
  settledAt: string;
  settledBy: string;
}

/** Marks a reward settled and books its payment (locally, and when a replica receives the settlement). */
export async function applyReferralSettled(tx: Kysely<Database>, s: ReferralSettlement): Promise<void> {
  await tx
    .updateTable('referral_rewards')
    .set({ status: 'settled', settled_at: s.settledAt, settled_by: s.settledBy })
    .where('id', '=', s.rewardId)
    .execute();
  await bookReferralSettled(tx, {
    entryId: s.entryId,
    rewardId: s.rewardId,
    amountMinor: s.amountMinor,
    branchId: s.branchId,
    date: s.date,
    at: s.settledAt,
    by: s.settledBy,
  });
}

export async function settleReferral(
  ctx: WriteCtx,
  input: ParsedInputOf<'referrals.settle'>,
): Promise<OutputOf<'referrals.settle'>> {
  const actor = requireActor(ctx);
  const row = await ctx.tx
    .selectFrom('referral_rewards')
    .selectAll()
    .where('id', '=', input.rewardId)
    .executeTakeFirst();
  if (!row) throw new LmsError('NOT_FOUND', 'No such referral reward.', 'invalid_input');
  if (row.status !== 'earned') {
    throw new LmsError(
      'CONFLICT',
      row.status === 'settled'
        ? 'This reward has already been settled.'
        : 'This reward is not earned yet: the referred customer has no disbursed loan.',
      'referral_not_earned',
    );
  }
  const now = ctx.clock.now().toISOString();
  const settlement = {
    rewardId: row.id,
    amountMinor: row.amount_minor,
    entryId: ctx.ids.uuid(),
    branchId: requireDevice(ctx).branchId,
    date: await businessDateOf({ ...ctx, db: ctx.tx }),
    settledAt: now,
    settledBy: actor.userId,
  };
  await applyReferralSettled(ctx.tx, settlement);
  await ctx.emit({
    type: 'referral.settled',
    entityType: 'customer',
    entityId: row.referrer_customer_id,
    payload: settlement,
  });
  await ctx.audit({
    action: 'referral.settled',
    entityType: 'customer',
    entityId: row.referrer_customer_id,
    details: { rewardId: row.id, amountMinor: row.amount_minor },
  });
  return { ok: true };
}

export async function computeScore(
  ctx: WriteCtx,
  input: ParsedInputOf<'scores.compute'>,
): Promise<OutputOf<'scores.compute'>> {
  const actor = requireActor(ctx);
  const c = await findCustomer(ctx.tx, input.customerId);
  const settings = await readCustomerSettings(ctx.tx);
  const today = LocalDate.parse(await businessDateOf({ ...ctx, db: ctx.tx }));
  const since = LocalDate.parse(c.created_at.slice(0, 10));
  const result = scoreCustomer(
    {
      kind: c.kind,
      // Loans arrive with the loans issue; until then there is no repayment history and nothing in arrears.
      onTimeRatio: null,
      maxDaysInArrears: 0,
      monthlyIncomeMinor: c.monthly_income_minor,
      monthlyExpensesMinor: c.monthly_expenses_minor,
      annualTurnoverMinor: c.annual_turnover_minor,
      monthsAsCustomer: Math.max(0, since.until(today, ChronoUnit.MONTHS)),
      kycStatus: c.kyc_status,
      businessAgeYears: c.date_established
        ? Math.max(0, LocalDate.parse(c.date_established).until(today, ChronoUnit.YEARS))
        : null,
    },
    settings.scoreWeights,
  );
  const computedAt = ctx.clock.now().toISOString();
  await ctx.tx
    .insertInto('credit_scores')
    .values({
      id: ctx.ids.uuid(),
      customer_id: c.id,
      score: result.score,
      band: result.band,
      factors: JSON.stringify(result.factors),
      computed_by: actor.userId,
      computed_at: computedAt,
    })
    .execute();
  await ctx.emit({
    type: 'customer.scored',
    entityType: 'customer',
    entityId: c.id,
    payload: { score: result.score, band: result.band, factors: result.factors },
  });
  await ctx.audit({
    action: 'customer.scored',
    entityType: 'customer',
    entityId: c.id,
    details: { score: result.score, band: result.band },
  });
  return { ...result, computedAt, computedBy: actor.username };
}

export async function scoreHistory(
  ctx: Ctx,
  input: ParsedInputOf<'scores.history'>,
): Promise<OutputOf<'scores.history'>> {
  await findCustomer(ctx.db, input.customerId);
  return scoresOf(ctx, input.customerId);
}
