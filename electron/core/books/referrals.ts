// Referral rewards in the books. A reward is earned when the customer it was promised for has a loan
// disbursed: the reward becomes payable (Dr referral rewards, Cr referral rewards payable), booked once, as the
// entry with the reward's own id, by the projection of that loan — on every replica alike. Settling it pays
// the referrer from the bank (Dr payable, Cr bank), as the entry whose id the settlement event carries.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { rawAll, rawRun } from '../../../db/raw';
import { roleAccounts } from './chart';
import { postEntry } from './journal';

const pendingSql = `SELECT id, amount_minor FROM referral_rewards WHERE referred_customer_id = ? AND status = 'pending'`;
const earnSql = `UPDATE referral_rewards SET status = 'earned', earned_at = ? WHERE id = ? AND status = 'pending'`;

/** Marks the rewards promised for `customerId` earned and books them payable. */
export async function earnReferralRewards(
  tx: Kysely<Database>,
  o: { customerId: string; branchId: string; date: string; at: string },
): Promise<void> {
  const pending = await rawAll<{ id: string; amount_minor: number }>(tx, pendingSql, [o.customerId]);
  if (pending.length === 0) return;
  const accountOf = await roleAccounts(tx);
  for (const r of pending) {
    await rawRun(tx, earnSql, [o.at, r.id]);
    await postEntry(tx, {
      id: r.id,
      branchId: o.branchId,
      kind: 'referral',
      valueDate: o.date,
      narration: 'Referral reward earned: the referred customer’s loan was disbursed',
      sourceId: r.id,
      createdAt: o.at,
      lines: [
        { accountCode: accountOf('referralExpense'), amountMinor: r.amount_minor },
        { accountCode: accountOf('referralRewardsPayable'), amountMinor: -r.amount_minor },
      ],
    });
  }
}

/** Books a settled reward paid out (once: the entry id comes with the settlement). */
export async function bookReferralSettled(
  tx: Kysely<Database>,
  o: {
    entryId: string;
    rewardId: string;
    amountMinor: number;
    branchId: string;
    date: string;
    at: string;
    by: string | null;
  },
): Promise<void> {
  const known = await rawAll<{ id: string }>(tx, 'SELECT id FROM journal_entries WHERE id = ?', [o.entryId]);
  if (known.length > 0) return;
  const accountOf = await roleAccounts(tx);
  await postEntry(tx, {
    id: o.entryId,
    branchId: o.branchId,
    kind: 'referral',
    valueDate: o.date,
    narration: 'Referral reward paid',
    sourceId: o.rewardId,
    createdBy: o.by,
    createdAt: o.at,
    lines: [
      { accountCode: accountOf('referralRewardsPayable'), amountMinor: o.amountMinor },
      { accountCode: accountOf('bank'), amountMinor: -o.amountMinor },
    ],
  });
}
