// The loans screens' formatting: the branch's (money, dates, instants) plus money in a loan's or product's own
// currency and digits, which need not be the branch's.
import { useMemo } from 'react';
import { formatMoney } from '../../../format';
import type { Me } from '../../../stores/session';
import { useBranchFormat, type BranchFormat } from '../../customers/shared/format';

export interface LoanFormat extends BranchFormat {
  /** An amount in a given currency (a loan's, a product's); the branch's when not given. */
  moneyIn(minor: number | null | undefined, currency?: string, digits?: number): string;
}

export function useLoanFormat(me: Me): LoanFormat {
  const branch = useBranchFormat(me);
  return useMemo(
    () => ({
      ...branch,
      moneyIn: (minor, currency = branch.currency, digits = branch.digits) =>
        minor === null || minor === undefined ? '—' : formatMoney(minor, currency, digits, branch.locale),
    }),
    [branch],
  );
}
