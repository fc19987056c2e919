// One call a dialog or button makes: busy while it runs, the refusal in words (the server's message, with the
// first field issue when there is one) when it fails, the data when it succeeds.
import { useState } from 'react';
import type { ApiError, ApiResult } from '../../../../shared/contract';

export function refusalText(error: ApiError): string {
  const issue = error.issues?.[0];
  if (!issue) return error.message;
  return issue.path
    ? `${error.message} (${issue.path}: ${issue.message})`
    : `${error.message} ${issue.message}`;
}

export interface Call {
  isBusy: boolean;
  error: string | null;
  /** The last refusal whole (its reason code decides how some screens show it). */
  refusal: ApiError | null;
  setError(message: string | null): void;
  run<T>(call: () => Promise<ApiResult<T>>): Promise<T | null>;
}

export function useCall(): Call {
  const [isBusy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [error, setError] = useState<string | null>(null);
  return {
    isBusy,
    error,
    refusal,
    setError,
    async run(call) {
      setBusy(true);
      setError(null);
      setRefusal(null);
      const result = await call();
      setBusy(false);
      if (result.error) {
        setRefusal(result.error);
        setError(refusalText(result.error));
        return null;
      }
      return result.data;
    },
  };
}
