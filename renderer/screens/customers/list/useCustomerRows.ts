// The rows behind the customer list. With no query, the whole branch in display-name order, fetched a page at a
// time as the person scrolls (the first page says how many there are, so the scrollbar is right at once); with
// a query, the best 100 matches. Answers that arrive after the query or filters changed are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CustomerSummary } from '../../../../shared/contract';
import { api } from '../../../api/api';

export const pageSize = 100;
export const searchLimit = 100;
/** Bound on the pages kept in memory (100 × 100 rows); the farthest from the view are dropped first. */
const maxPages = 100;

export interface Filters {
  query: string;
  kind: CustomerSummary['kind'] | null;
  kycStatus: CustomerSummary['kycStatus'] | null;
}

export interface CustomerRows {
  count: number;
  isSearch: boolean;
  isLoading: boolean;
  error: string | null;
  rowAt(index: number): CustomerSummary | undefined;
  /** Asks for the rows from `start` to `end` (inclusive) to be loaded; cheap when they already are. */
  ensureRange(start: number, end: number): void;
  reload(): void;
}

export function useCustomerRows({ query, kind, kycStatus }: Filters): CustomerRows {
  const [count, setCount] = useState(0);
  const [isLoading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [, setVersion] = useState(0);
  const pages = useRef(new Map<number, CustomerSummary[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  const [reloads, setReloads] = useState(0);
  const trimmed = query.trim();
  const isSearch = trimmed !== '';

  const fetchPage = useCallback(
    async (page: number, gen: number) => {
      pending.current.add(page);
      const result = await api.call('customers.search', {
        query: '',
        kind: kind ?? undefined,
        kycStatus: kycStatus ?? undefined,
        limit: pageSize,
        offset: page * pageSize,
      });
      if (gen !== generation.current) return;
      pending.current.delete(page);
      setLoading(false);
      if (result.error) return setError(result.error.message);
      if (pages.current.size >= maxPages) {
        const farthest = [...pages.current.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page))[0];
        if (farthest !== undefined) pages.current.delete(farthest);
      }
      pages.current.set(page, result.data.rows);
      if (result.data.total !== null) setCount(result.data.total);
      setVersion((v) => v + 1);
    },
    [kind, kycStatus],
  );

  useEffect(() => {
    const gen = ++generation.current;
    pages.current = new Map();
    pending.current = new Set();
    setError(null);
    setLoading(true);
    if (!isSearch) {
      void fetchPage(0, gen);
      return;
    }
    void api
      .call('customers.search', {
        query: trimmed,
        kind: kind ?? undefined,
        kycStatus: kycStatus ?? undefined,
        limit: searchLimit,
        offset: 0,
      })
      .then((result) => {
        if (gen !== generation.current) return;
        setLoading(false);
        if (result.error) return setError(result.error.message);
        pages.current.set(0, result.data.rows);
        setCount(result.data.rows.length);
        setVersion((v) => v + 1);
      });
  }, [trimmed, isSearch, kind, kycStatus, fetchPage, reloads]);

  const ensureRange = useCallback(
    (start: number, end: number) => {
      if (isSearch) return;
      for (let page = Math.floor(start / pageSize); page <= Math.floor(end / pageSize); page++) {
        if (!pages.current.has(page) && !pending.current.has(page)) void fetchPage(page, generation.current);
      }
    },
    [isSearch, fetchPage],
  );

  const rowAt = (index: number) => {
    const size = isSearch ? searchLimit : pageSize;
    return pages.current.get(Math.floor(index / size))?.[index % size];
  };

  return { count, isSearch, isLoading, error, rowAt, ensureRange, reload: () => setReloads((n) => n + 1) };
}
