// The loan projection: a loan's balances, days past due, bucket and payoff as of a business date are the
// engine's replay of its terms and transactions (shared/loan), written to the `loans` row in the same
// transaction as the write that changed them, and by end-of-day. Not responsible for deciding what may be
// posted (posting.ts) or for the ledger (the books issue).
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';

/** Recomputes the projection of one disbursed loan as of `asOf`; loans not yet disbursed are left alone. */
export async function projectLoan(_tx: Kysely<Database>, _loanId: string, _asOf: string): Promise<void> {
  await Promise.resolve();
  throw new Error('projectLoan: not built yet');
}
