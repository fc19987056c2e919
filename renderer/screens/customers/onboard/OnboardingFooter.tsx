// What every onboarding form ends with: "referred by", the duplicate warning, the general error, the buttons,
// and the reason-for-override dialog when the core asks for one.
import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '../../../../shared/contract';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { CustomerPicker } from '../shared/CustomerPicker';
import { DuplicateWarning } from './DuplicateWarning';
import { OverrideModal } from './OverrideModal';
import type { DuplicateCheck } from './useDuplicateCheck';
import type { RegisterState } from './useRegister';

interface Props {
  check: DuplicateCheck;
  state: RegisterState;
  referredByError: string | null;
  onReferredByChange(id: string): void;
  onBack(): void;
}

export function OnboardingFooter({ check, state, referredByError, onReferredByChange, onBack }: Props) {
  const { t } = useTranslation();
  const [referrer, setReferrer] = useState<CustomerSummary | null>(null);
  return (
    <>
      <CustomerPicker
        label={t('customers.field.referredBy')}
        value={referrer}
        onChange={(c) => {
          setReferrer(c);
          onReferredByChange(c?.id ?? '');
        }}
        error={referredByError}
      />
      <DuplicateWarning check={check} />
      <ErrorAlert message={state.message} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onBack}>
          {t('customers.onboard.back')}
        </Button>
        <Button type="submit" loading={state.isBusy}>
          {t('customers.onboard.submit')}
        </Button>
      </Group>
      {state.override ? (
        <OverrideModal
          message={state.override.message}
          matches={check.exact ? [check.exact, ...check.likely] : check.likely}
          isBusy={state.isBusy}
          error={state.override.error}
          onCancel={state.cancelOverride}
          onConfirm={(reason) => void state.confirmOverride(reason)}
        />
      ) : null}
    </>
  );
}
