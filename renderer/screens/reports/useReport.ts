// A report's figures for the screen: asked again whenever its params change, the last answer kept while the
// next one loads, the refusal in words when the core says no. Server data stays in the component (STYLE: it is
// fetched through the typed client, not copied into a global store).
import { useEffect, useState } from 'react';
import type { InputOf, OutputOf } from '../../../shared/contract';
import { api } from '../../api/api';

type ReportMethod =
  | 'reports.portfolioAtRisk'
  | 'reports.disbursementsCollections'
  | 'reports.trialBalance'
  | 'reports.balanceSheet'
  | 'reports.incomeStatement'
  | 'reports.accountStatement'
  | 'reports.cashBook';

export function useReport<M extends ReportMethod>(method: M, input: InputOf<M>) {
  const [data, setData] = useState<OutputOf<M> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isLoading, setLoading] = useState(true);
  const key = JSON.stringify(input);
  useEffect(() => {
    let isCurrent = true;
    setLoading(true);
    void api.call(method, JSON.parse(key) as InputOf<M>).then((result) => {
      if (!isCurrent) return;
      setLoading(false);
      if (result.error) {
        setError(result.error.message);
        setData(null);
      } else {
        setError(null);
        setData(result.data as OutputOf<M>);
      }
    });
    return () => {
      isCurrent = false;
    };
  }, [method, key]);
  return { data, error, isLoading };
}

/** What the filters offer (branches for head office, products, officers), asked once per screen. */
export function useReportFilters() {
  const [filters, setFilters] = useState<OutputOf<'reports.filters'> | null>(null);
  useEffect(() => {
    void api.call('reports.filters', {}).then((r) => r.data && setFilters(r.data));
  }, []);
  return filters;
}
