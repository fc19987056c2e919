// Books settings: the interest accrual policy (the default and a product's own) and the loan-loss provisioning
// buckets by days past due with their rates. Stored as the 'books' settings group (a change is an event and an
// audit row, and reaches every replica like any setting).
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { settingsGroup } from '../settings/store';
import type { AccrualPolicy } from './loanBooks';

export interface ProvisionBucket {
  name: string;
  /** Days past due from (inclusive) … to (inclusive; null: no upper bound). */
  fromDays: number;
  toDays: number | null;
  /** Percent of the outstanding principal, as a decimal string ("25" is 25 %). */
  ratePercent: string;
}

export interface BooksSettings {
  accrual: AccrualPolicy;
  productAccrual: Record<string, AccrualPolicy>;
  provisioning: ProvisionBucket[];
}

export const defaultBooksSettings: BooksSettings = {
  accrual: 'monthEnd',
  productAccrual: {},
  provisioning: [
    { name: 'Current', fromDays: 0, toDays: 0, ratePercent: '1' },
    { name: 'Watch', fromDays: 1, toDays: 30, ratePercent: '5' },
    { name: 'Substandard', fromDays: 31, toDays: 90, ratePercent: '25' },
    { name: 'Doubtful', fromDays: 91, toDays: 180, ratePercent: '50' },
    { name: 'Loss', fromDays: 181, toDays: null, ratePercent: '100' },
  ],
};

export const booksSettings = settingsGroup('books', defaultBooksSettings);

/** The accrual policy of a product (its own, else the default). */
export async function accrualPolicy(db: Kysely<Database>, productId: string): Promise<AccrualPolicy> {
  const s = await booksSettings.read(db);
  return s.productAccrual[productId] ?? s.accrual;
}
