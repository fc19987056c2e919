// The rows behind the loans list: one page of `loans.list` for the filters, and the total. Answers that arrive
// after the filters changed are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { InputOf, LoanSummary } from '../../../../shared/contract';
import { api } from '../../../api/api';

export const pageSize = 50;

export type LoanFilters = Omit<InputOf<'loans.list'>, 'limit' | 'offset'>;

export interface LoanRows {
  rows: LoanSummary[];
  total: number;
  isLoading: boolean;
  error: string | null;
  reload(): void;
}

export function useLoanRows(filters: LoanFilters, page: number): LoanRows {
  const [rows, setRows] = useState<LoanSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [isLoading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const generation = useRef(0);
  const key = JSON.stringify(filters);

  useEffect(() => {
    const gen = ++generation.current;
    setLoading(true);
    void api
      .call('loans.list', { ...(JSON.parse(key) as LoanFilters), limit: pageSize, offset: page * pageSize })
      .then((result) => {
        if (gen !== generation.current) return;
        setLoading(false);
        if (result.error) return setError(result.error.message);
        setError(null);
        setRows(result.data.rows);
        setTotal(result.data.total);
      });
  }, [key, page, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { rows, total, isLoading, error, reload };
}
