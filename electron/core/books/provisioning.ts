// Loan-loss provisioning: active loans grouped by days past due into the configured buckets, each bucket's
// outstanding principal times its rate is the provision it needs; the month's entry moves the loan-loss
// provision (a contra-asset) to the total, against provision expense. Posted once per month, dated the month's
// last day (or the first open day after, journal.ts). The entry is an event carrying its lines, so every
// replica books the same figures whatever its own loans' days past due are when it receives it.
import { CompiledQuery } from 'kysely';
import { LmsError, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import { Dec } from '../../../shared/money';
import { requireActor, requireDevice, type Ctx, type WriteCtx } from '../context';
import { businessDate } from '../loans/common';
import { roleAccounts } from './chart';
import { periodEnd, periodOf, postEntry } from './journal';
import { booksSettings } from './settings';

const bucketSql = `SELECT COUNT(*) AS n, COALESCE(SUM(outstanding_principal_minor), 0) AS principal FROM loans
  WHERE branch_id = ? AND status = 'active' AND days_past_due >= ? AND (? IS NULL OR days_past_due <= ?)`;
const heldSql = `SELECT COALESCE(SUM(credit_minor - debit_minor), 0) AS held FROM gl_balances
  WHERE branch_id = ? AND account_code = ?`;
const postedSql = `SELECT id FROM journal_entries WHERE branch_id = ? AND kind = 'provision' AND source_id = ?`;

async function figures(ctx: Ctx, period: string): Promise<OutputOf<'books.provisioning'>> {
  const branchId = requireDevice(ctx).branchId;
  const settings = await booksSettings.read(ctx.db);
  const accountOf = await roleAccounts(ctx.db, null, { mayWrite: false });
  const buckets = [];
  let required = 0;
  for (const b of settings.provisioning) {
    const row = (
      await ctx.db.executeQuery<{ n: number; principal: number }>(
        CompiledQuery.raw(bucketSql, [branchId, b.fromDays, b.toDays, b.toDays]),
      )
    ).rows[0]!;
    const principal = Number(row.principal);
    const requiredMinor = Dec(principal)
      .mul(b.ratePercent)
      .div(100)
      .toDecimalPlaces(0, Dec.ROUND_HALF_UP)
      .toNumber();
    required += requiredMinor;
    buckets.push({ ...b, loanCount: Number(row.n), outstandingPrincipalMinor: principal, requiredMinor });
  }
  const held = Number(
    (
      await ctx.db.executeQuery<{ held: number }>(
        CompiledQuery.raw(heldSql, [branchId, accountOf('loanLossProvision')]),
      )
    ).rows[0]?.held ?? 0,
  );
  const posted = (
    await ctx.db.executeQuery<{ id: string }>(
      CompiledQuery.raw(postedSql, [branchId, `provision:${branchId}:${period}`]),
    )
  ).rows[0];
  return {
    period,
    asOf: await businessDate(ctx),
    buckets,
    requiredMinor: required,
    heldMinor: held,
    adjustmentMinor: posted ? 0 : required - held,
    postedEntryId: posted?.id ?? null,
  };
}

export async function provisioning(
  ctx: Ctx,
  input: ParsedInputOf<'books.provisioning'>,
): Promise<OutputOf<'books.provisioning'>> {
  return figures(ctx, input.period ?? periodOf(await businessDate(ctx)));
}

export async function postProvisioning(
  ctx: WriteCtx,
  input: ParsedInputOf<'books.postProvisioning'>,
): Promise<OutputOf<'books.postProvisioning'>> {
  const actor = requireActor(ctx);
  const branchId = requireDevice(ctx).branchId;
  const f = await figures({ ...ctx, db: ctx.tx }, input.period);
  if (f.postedEntryId)
    throw new LmsError(
      'CONFLICT',
      `The provisioning of ${input.period} is already posted.`,
      'provisioning_already_posted',
    );
  // Nothing to adjust: nothing is posted or recorded (the month may still be provisioned later).
  if (f.adjustmentMinor === 0) return f;
  const accountOf = await roleAccounts(ctx.tx);
  const entryId = ctx.ids.uuid();
  const entry = {
    id: entryId,
    branchId,
    kind: 'provision' as const,
    valueDate: periodEnd(input.period),
    narration: `Loan-loss provisioning for ${input.period}`,
    sourceId: `provision:${branchId}:${input.period}`,
    createdBy: actor.userId,
    createdAt: ctx.clock.now().toISOString(),
    lines: [
      { accountCode: accountOf('provisionExpense'), amountMinor: f.adjustmentMinor },
      { accountCode: accountOf('loanLossProvision'), amountMinor: -f.adjustmentMinor },
    ],
  };
  await postEntry(ctx.tx, entry);
  await ctx.emit({
    type: 'books.provisioned',
    entityType: 'journal_entry',
    entityId: entryId,
    payload: { entry },
  });
  await ctx.audit({
    action: 'books.provisioned',
    entityType: 'journal_entry',
    entityId: entryId,
    details: {
      period: input.period,
      requiredMinor: f.requiredMinor,
      heldMinor: f.heldMinor,
      adjustmentMinor: f.adjustmentMinor,
    },
  });
  return {
    ...f,
    adjustmentMinor: f.adjustmentMinor,
    postedEntryId: f.adjustmentMinor === 0 ? null : entryId,
  };
}
