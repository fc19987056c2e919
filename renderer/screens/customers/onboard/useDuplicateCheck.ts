// Asks the core, shortly after the person stops typing, whether the customer being onboarded already exists
// (same ID or registration number, similar name and birth date, same phone).
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { InputOf, OutputOf } from '../../../../shared/contract';
import { api } from '../../../api/api';

export type DuplicateCheck = OutputOf<'customers.checkDuplicates'>;
const none: DuplicateCheck = { exact: null, likely: [] };

export function useDuplicateCheck(query: InputOf<'customers.checkDuplicates'> | null): DuplicateCheck {
  const key = query ? JSON.stringify(query) : '';
  const [debouncedKey] = useDebouncedValue(key, 400);
  const [result, setResult] = useState<{ key: string; check: DuplicateCheck }>({ key: '', check: none });

  useEffect(() => {
    if (!debouncedKey) return;
    let isCurrent = true;
    void api
      .call('customers.checkDuplicates', JSON.parse(debouncedKey) as InputOf<'customers.checkDuplicates'>)
      .then((r) => {
        if (isCurrent && r.data) setResult({ key: debouncedKey, check: r.data });
      });
    return () => {
      isCurrent = false;
    };
  }, [debouncedKey]);

  return key === '' ? none : result.check;
}
