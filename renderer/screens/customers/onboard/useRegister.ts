// The submit of an onboarding form: places refused fields next to their inputs, asks for a reason on a likely
// duplicate (then resubmits with it), and opens the new profile on success.
import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ApiResult, CustomerSummary } from '../../../../shared/contract';
import { applyServerError } from '../../../components/serverErrors';
import type { AmountError } from './inputs';

type Register = (duplicateOverrideReason?: string) => Promise<ApiResult<CustomerSummary>>;

export interface RegisterState {
  message: string | null;
  isBusy: boolean;
  override: { message: string; error: string | null } | null;
  /** Shows amount errors next to their fields; true when there were none. */
  checkAmounts(errors: Record<string, AmountError>): boolean;
  submit(register: Register): Promise<void>;
  confirmOverride(reason: string): Promise<void>;
  cancelOverride(): void;
}

export function useRegister<V extends Record<string, unknown>>(form: UseFormReturnType<V>): RegisterState {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [pending, setPending] = useState<Register | null>(null);
  const [override, setOverride] = useState<RegisterState['override']>(null);

  async function send(register: Register, reason?: string) {
    setBusy(true);
    setMessage(null);
    const result = await register(reason);
    setBusy(false);
    if (result.data) {
      setOverride(null);
      void navigate(`/customers/${result.data.id}`);
      return;
    }
    const { error } = result;
    if (error.reason === 'likely_duplicate' && !reason) {
      setPending(() => register);
      setOverride({ message: error.message, error: null });
    } else if (reason && error.issues?.some((i) => i.path === 'duplicateOverrideReason')) {
      setOverride({ message: error.message, error: error.issues[0]?.message ?? error.message });
    } else {
      setOverride(null);
      setMessage(applyServerError(form, error));
    }
  }

  return {
    message,
    isBusy,
    override,
    checkAmounts(errors) {
      for (const [field, error] of Object.entries(errors))
        form.setFieldError(field, t(`customers.amountError.${error}`));
      return Object.keys(errors).length === 0;
    },
    submit: (register) => send(register),
    confirmOverride: async (reason) => {
      if (pending) await send(pending, reason);
    },
    cancelOverride: () => setOverride(null),
  };
}
