// The signed-in teller's till (`till.current`: requested, open or closing, or none), for the counter (may cash
// be taken?) and the till screen. Also remembers the last till this person had on this computer, because once a
// manager approves the close `till.current` answers null and the teller still wants that till's report.
import { useCallback, useEffect, useState } from 'react';
import type { TillView } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { hasPermission, type Me } from '../../../stores/session';

export interface CurrentTill {
  till: TillView | null;
  /** The last till seen for this person (possibly closed since), for its report. */
  lastTillId: string | null;
  isLoading: boolean;
  /** Whether the person has a till at all (`till.manage`); without it the counter cannot tell. */
  canManage: boolean;
  error: string | null;
  reload(): Promise<void>;
  /** Adopts a till the person just changed (the answer of till.open, till.count, …) without asking again. */
  adopt(till: TillView): void;
}

const lastTillKey = (userId: string) => `lms.counter.lastTill.${userId}`;

export function useCurrentTill(me: Me): CurrentTill {
  const canManage = hasPermission(me, 'till.manage');
  const userId = me.user.id;
  const [till, setTill] = useState<TillView | null>(null);
  const [lastTillId, setLastTillId] = useState<string | null>(() =>
    localStorage.getItem(lastTillKey(userId)),
  );
  const [isLoading, setLoading] = useState(canManage);
  const [error, setError] = useState<string | null>(null);

  const adopt = useCallback(
    (next: TillView | null) => {
      setTill(next);
      if (next) {
        localStorage.setItem(lastTillKey(userId), next.id);
        setLastTillId(next.id);
      }
    },
    [userId],
  );

  const reload = useCallback(async () => {
    if (!canManage) return;
    const result = await api.call('till.current', {});
    setLoading(false);
    if (result.error) return setError(result.error.message);
    setError(null);
    adopt(result.data);
  }, [canManage, adopt]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { till, lastTillId, isLoading, canManage, error, reload, adopt };
}
