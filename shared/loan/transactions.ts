// Loan transactions: the discriminated union the replay consumes, its zod schema for untrusted input, and the
// canonical order (value date, HLC, id). Responsible for refusing malformed or inconsistent transaction lists
// (duplicate ids, a reversal of nothing, a date before the disbursement); not for their effect (replay.ts).
import { z } from 'zod';
import { isValidDate } from '../dates';
import type { Issue, Result } from './terms';

interface TransactionBase {
  id: string;
  /** Hybrid logical clock of the event that recorded it: orders transactions sharing a value date. */
  hlc: string;
  valueDate: string;
}

export type Transaction =
  | (TransactionBase & { type: 'repayment'; amountMinor: number })
  /** A charge levied by hand (e.g. a statement fee); due at once. */
  | (TransactionBase & { type: 'fee'; amountMinor: number })
  | (TransactionBase & { type: 'waiver'; amountMinor: number; component: 'interest' | 'fees' | 'penalties' })
  | (TransactionBase & { type: 'reversal'; reversesId: string })
  | (TransactionBase & { type: 'writeoff' });

export type TransactionType = Transaction['type'];

const amountMinor = z
  .number({ error: 'must be a whole number of minor units' })
  .int({ error: 'must be a whole number of minor units' })
  .positive({ error: 'must be greater than 0' })
  .max(Number.MAX_SAFE_INTEGER, { error: 'is too large' });
const base = {
  id: z.string({ error: 'is required' }).min(1, { error: 'must not be empty' }),
  hlc: z.string({ error: 'is required' }),
  valueDate: z
    .string({ error: 'is required' })
    .refine(isValidDate, { error: 'must be a date that exists, written YYYY-MM-DD' }),
};

export const transactionSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ ...base, type: z.literal('repayment'), amountMinor }),
    z.object({ ...base, type: z.literal('fee'), amountMinor }),
    z.object({
      ...base,
      type: z.literal('waiver'),
      amountMinor,
      component: z.enum(['interest', 'fees', 'penalties'], {
        error: 'must be one of interest, fees, penalties',
      }),
    }),
    z.object({ ...base, type: z.literal('reversal'), reversesId: z.string({ error: 'is required' }) }),
    z.object({ ...base, type: z.literal('writeoff') }),
  ],
  { error: 'must be one of repayment, fee, waiver, reversal, writeoff' },
);

/** The canonical order of a loan's transactions: value date, then HLC, then id. */
export function compareTransactions(a: Transaction, b: Transaction): number {
  if (a.valueDate !== b.valueDate) return a.valueDate < b.valueDate ? -1 : 1;
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortTransactions(transactions: readonly Transaction[]): Transaction[] {
  return [...transactions].sort(compareTransactions);
}

/**
 * The ids whose effect is cancelled: a transaction is cancelled when a reversal that is not itself cancelled
 * targets it (so reversing a reversal restores the original).
 */
export function cancelledIds(transactions: readonly Transaction[]): Set<string> {
  const reversalsOf = new Map<string, string[]>();
  for (const t of transactions) {
    if (t.type === 'reversal')
      reversalsOf.set(t.reversesId, [...(reversalsOf.get(t.reversesId) ?? []), t.id]);
  }
  const memo = new Map<string, boolean>();
  const isCancelled = (id: string, depth: number): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    if (depth > transactions.length) return false; // a cycle of reversals: treat as not cancelled
    const result = (reversalsOf.get(id) ?? []).some((r) => !isCancelled(r, depth + 1));
    memo.set(id, result);
    return result;
  };
  const cancelled = new Set<string>();
  for (const t of transactions) {
    if (isCancelled(t.id, 0)) cancelled.add(t.id);
    if (t.type === 'reversal' && !isCancelled(t.id, 0)) cancelled.add(t.id); // a reversal has no effect of its own
  }
  return cancelled;
}

/** Validates a list of transactions for a loan disbursed on `disbursementDate`. */
export function parseTransactions(
  input: unknown,
  disbursementDate: string,
  root = 'transactions',
): Result<Transaction[]> {
  const parsed = z.array(transactionSchema, { error: 'must be a list of transactions' }).safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({
        path: [root, ...i.path.map(String)].join('.'),
        message: i.message,
      })),
    };
  }
  const issues: Issue[] = [];
  const ids = new Set<string>();
  parsed.data.forEach((t, i) => {
    if (ids.has(t.id))
      issues.push({ path: `${root}.${i}.id`, message: `is a duplicate of an earlier transaction's id` });
    ids.add(t.id);
    if (t.valueDate < disbursementDate) {
      issues.push({ path: `${root}.${i}.valueDate`, message: 'must not be before the disbursement date' });
    }
  });
  parsed.data.forEach((t, i) => {
    if (t.type === 'reversal' && !ids.has(t.reversesId)) {
      issues.push({
        path: `${root}.${i}.reversesId`,
        message: 'must be the id of a transaction of this loan',
      });
    }
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: parsed.data };
}
