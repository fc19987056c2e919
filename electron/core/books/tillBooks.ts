// The books of cash that is not a loan's: a till's opening cash from the vault and its return at close, cash in
// and out with a reason, the variance found at a count, and the vault's cash to and from the bank. Each
// movement is booked once, as the entry with the movement's own id, dated the branch's calendar day when it
// was posted, by the code that inserts the movement —
// locally and when a replica receives it — so every replica holds the same entries. A loan's cash (a repayment
// into a till, a disbursement out of it) is booked with the loan (loanBooks.ts), the line naming the till.
import { CompiledQuery, type Kysely } from 'kysely';
import type { Database, TillMovementKind, VaultMovementsTable } from '../../../db/schema';
import { roleAccounts, type AccountRole } from './chart';
import { localDateIn } from '../loans/eod';
import { postEntry } from './journal';

/** The account a till movement's money comes from or goes to; null: booked with its loan. */
const counterpart: Record<TillMovementKind, AccountRole | null> = {
  opening: 'vaultCash',
  closing: 'vaultCash',
  cash_in: 'otherCash',
  cash_out: 'otherCash',
  variance: 'cashOverShort',
  disbursement: null,
  repayment: null,
  reversal: null,
};

const narration: Record<TillMovementKind, string> = {
  opening: 'Till opened with cash from the vault',
  closing: 'Till closed: cash returned to the vault',
  cash_in: 'Cash into the till',
  cash_out: 'Cash out of the till',
  variance: 'Till count variance',
  disbursement: '',
  repayment: '',
  reversal: '',
};

const tillSql = `SELECT t.branch_id, b.time_zone FROM tills t JOIN branches b ON b.id = t.branch_id WHERE t.id = ?`;
const zoneSql = 'SELECT time_zone FROM branches WHERE id = ?';

export async function bookTillMovement(
  tx: Kysely<Database>,
  m: {
    id: string;
    till_id: string;
    kind: TillMovementKind;
    amount_minor: number;
    reason?: string | null;
    posted_by: string;
    posted_at: string;
  },
): Promise<void> {
  const other = counterpart[m.kind];
  if (!other || m.amount_minor === 0) return;
  const till = (
    await tx.executeQuery<{ branch_id: string; time_zone: string }>(CompiledQuery.raw(tillSql, [m.till_id]))
  ).rows[0];
  if (!till) return;
  const accountOf = await roleAccounts(tx);
  await postEntry(tx, {
    id: m.id,
    branchId: till.branch_id,
    kind: 'till',
    valueDate: localDateIn(new Date(m.posted_at), till.time_zone),
    narration: [narration[m.kind], m.reason].filter(Boolean).join(' — '),
    sourceId: m.id,
    createdBy: m.posted_by,
    createdAt: m.posted_at,
    lines: [
      { accountCode: accountOf('tillCash'), amountMinor: m.amount_minor, tillId: m.till_id },
      { accountCode: accountOf(other), amountMinor: -m.amount_minor },
    ],
  });
}

/** The vault's cash to and from the bank; its cash to and from the tills is booked by the till's movement. */
export async function bookVaultMovement(tx: Kysely<Database>, v: VaultMovementsTable): Promise<void> {
  if (v.kind !== 'deposit' && v.kind !== 'withdrawal') return;
  const accountOf = await roleAccounts(tx);
  const zone = (await tx.executeQuery<{ time_zone: string }>(CompiledQuery.raw(zoneSql, [v.branch_id])))
    .rows[0];
  await postEntry(tx, {
    id: v.id,
    branchId: v.branch_id,
    kind: 'vault',
    valueDate: localDateIn(new Date(v.posted_at), zone?.time_zone ?? 'UTC'),
    narration: [v.kind === 'deposit' ? 'Cash brought from the bank' : 'Cash taken to the bank', v.reason]
      .filter(Boolean)
      .join(' — '),
    sourceId: v.id,
    createdBy: v.posted_by,
    createdAt: v.posted_at,
    lines: [
      { accountCode: accountOf('vaultCash'), amountMinor: v.amount_minor },
      { accountCode: accountOf('bank'), amountMinor: -v.amount_minor },
    ],
  });
}
