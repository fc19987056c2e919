// One query a books screen shows: loaded when the screen opens and whenever its input changes (compared by
// value), again on `reload()` after a change; the data, or the refusal in words. An answer that arrives after
// the input changed again is dropped, so a slow answer never overwrites a newer one.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { InputOf, MethodName, OutputOf } from '../../../../shared/contract';
import { api } from '../../../api/api';

export interface Query<T> {
  data: T | null;
  error: string | null;
  isLoading: boolean;
  reload(): Promise<void>;
}

export function useQuery<M extends MethodName>(
  method: M,
  input: InputOf<M>,
  isWanted = true,
): Query<OutputOf<M>> {
  const [data, setData] = useState<OutputOf<M> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isLoading, setLoading] = useState(false);
  const key = JSON.stringify(input);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    if (!isWanted) return;
    const ticket = ++latest.current;
    setLoading(true);
    const result = await api.call(method, JSON.parse(key) as InputOf<M>);
    if (ticket !== latest.current) return;
    setLoading(false);
    if (result.error) return setError(result.error.message);
    setError(null);
    setData(result.data);
  }, [method, key, isWanted]);

  useEffect(() => void reload(), [reload]);
  return { data, error, isLoading, reload };
}
