// The eligibility check and schedule preview, run again ~300 ms after the terms stop changing. Keeps showing the
// last answer while a new one is on its way; answers for terms that have since changed are dropped.
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import type { OutputOf } from '../../../../shared/contract';
import { api } from '../../../api/api';
import type { TermsInput } from './applicationInput';

export type Check = OutputOf<'loans.checkEligibility'>;

export interface Eligibility {
  check: Check | null;
  isChecking: boolean;
  error: string | null;
  /** The terms the shown answer is for (the screen compares them with the current terms). */
  checkedKey: string | null;
}

export function useEligibility(terms: TermsInput | null): Eligibility {
  const key = terms ? JSON.stringify(terms) : null;
  const [debouncedKey] = useDebouncedValue(key, 300);
  const [check, setCheck] = useState<Check | null>(null);
  const [checkedKey, setCheckedKey] = useState<string | null>(null);
  const [isChecking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  useEffect(() => {
    const gen = ++generation.current;
    if (!debouncedKey) {
      setChecking(false);
      return;
    }
    setChecking(true);
    void api.call('loans.checkEligibility', JSON.parse(debouncedKey) as TermsInput).then((result) => {
      if (gen !== generation.current) return;
      setChecking(false);
      if (result.error) {
        setError(result.error.message);
        setCheck(null);
      } else {
        setError(null);
        setCheck(result.data);
      }
      setCheckedKey(debouncedKey);
    });
  }, [debouncedKey]);

  return { check: key ? check : null, isChecking: isChecking || key !== debouncedKey, error, checkedKey };
}
