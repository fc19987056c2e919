// One call a dialog or button makes: busy while it runs, the refusal in words when it fails, the data when it
// succeeds. Issues on fields the dialog shows (`fields`) go next to those fields; the rest is the general error.
import { useState } from 'react';
import type { ApiError, ApiResult } from '../../../../shared/contract';

function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** The refusal for the dialog's alert: the message, and the issues not shown on a field (unless they repeat it). */
export function refusalText(error: ApiError, placed: readonly string[] = []): string | null {
  const rest = (error.issues ?? []).filter((i) => !placed.includes(i.path));
  if ((error.issues?.length ?? 0) > 0 && rest.length === 0) return null;
  const extra = rest
    .filter((i) => i.message !== error.message)
    .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  return [sentence(error.message), ...extra].join(' — ');
}

export interface Call {
  isBusy: boolean;
  error: string | null;
  /** The last refusal whole (its reason code decides how some screens show it). */
  refusal: ApiError | null;
  /** The refusal's message for one of the dialog's fields, if it named it. */
  fieldError(path: string): string | null;
  setError(message: string | null): void;
  run<T>(call: () => Promise<ApiResult<T>>): Promise<T | null>;
}

export function useCall(fields: readonly string[] = []): Call {
  const [isBusy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [error, setError] = useState<string | null>(null);
  return {
    isBusy,
    error,
    refusal,
    fieldError(path) {
      const issue = refusal?.issues?.find((i) => i.path === path);
      return issue && fields.includes(path) ? sentence(issue.message) : null;
    },
    setError,
    async run(call) {
      setBusy(true);
      setError(null);
      setRefusal(null);
      const result = await call();
      setBusy(false);
      if (result.error) {
        setRefusal(result.error);
        setError(refusalText(result.error, fields));
        return null;
      }
      return result.data;
    },
  };
}
