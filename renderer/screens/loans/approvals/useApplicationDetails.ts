// What the approval queue shows beyond a loan's summary: the whole application (`loans.get`: submitted at,
// terms, collateral, guarantors) and the eligibility rules on its terms today (`loans.checkEligibility`). Fetched
// one application at a time, at most `maxDetailed` of them, so a long queue does not flood the core.
import { useEffect, useRef, useState } from 'react';
import type { LoanSummary, LoanView } from '../../../../shared/contract';
import { api } from '../../../api/api';
import type { Check } from '../apply/useEligibility';

const maxDetailed = 50;

export interface Details {
  loan: LoanView;
  /** null when the check could not run (e.g. the person may not apply, or the product is gone). */
  check: Check | null;
}

export function termsOf(loan: LoanView) {
  return {
    customerId: loan.customerId,
    productId: loan.productId,
    principalMinor: loan.requestedPrincipalMinor,
    repayments: loan.repayments,
    annualRate: loan.annualRate,
    expectedDisbursementDate: loan.expectedDisbursementDate,
    firstRepaymentDate:
      typeof loan.terms.firstRepaymentDate === 'string' ? loan.terms.firstRepaymentDate : undefined,
  };
}

export async function fetchDetails(loanId: string, canCheck: boolean): Promise<Details | null> {
  const got = await api.call('loans.get', { loanId });
  if (!got.data) return null;
  const checked = canCheck ? await api.call('loans.checkEligibility', termsOf(got.data)) : null;
  return { loan: got.data, check: checked?.data ?? null };
}

export function useApplicationDetails(rows: LoanSummary[], canCheck: boolean): Map<string, Details> {
  const [details, setDetails] = useState<Map<string, Details>>(new Map());
  const asked = useRef(new Set<string>());
  useEffect(() => {
    let isCurrent = true;
    const wanted = rows.slice(0, maxDetailed).filter((r) => !asked.current.has(r.id));
    void (async () => {
      for (const row of wanted) {
        if (!isCurrent) return;
        asked.current.add(row.id);
        const found = await fetchDetails(row.id, canCheck);
        if (found) setDetails((all) => new Map(all).set(row.id, found));
      }
    })();
    return () => {
      isCurrent = false;
    };
  }, [rows, canCheck]);
  return details;
}
