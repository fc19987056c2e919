// The terms fail the eligibility check and the officer submits anyway: the failed rules are shown and a reason
// is required (the core audits it with the application).
import { List, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalForm } from '../shared/ModalForm';
import { ReasonInput } from '../shared/ReasonInput';
import type { Check } from './useEligibility';

interface Props {
  check: Check | null;
  isBusy: boolean;
  error: string | null;
  onCancel(): void;
  onConfirm(reason: string): void;
}

export function OverrideModal({ check, isBusy, error, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const failed = check?.eligibility.results.filter((r) => !r.isPassed) ?? [];
  return (
    <ModalForm
      title={t('loans.apply.overrideTitle')}
      submitLabel={t('loans.apply.submitAnyway')}
      color="orange"
      isBusy={isBusy}
      error={null}
      size="lg"
      onClose={onCancel}
      onSubmit={() => {
        if (reason.trim().length < 5) return setLocalError(t('loans.reasonTooShort'));
        setLocalError(null);
        onConfirm(reason.trim());
      }}
    >
      <Text>{t('loans.apply.overrideBody')}</Text>
      {failed.length > 0 ? (
        <List size="sm">
          {failed.map((r) => (
            <List.Item key={r.rule}>
              {t(`loans.rule.${r.rule}`, { defaultValue: r.rule })}: {r.reason}
            </List.Item>
          ))}
        </List>
      ) : null}
      <ReasonInput
        label={t('loans.apply.overrideReason')}
        value={reason}
        onChange={setReason}
        error={localError ?? error}
        autoFocus
      />
    </ModalForm>
  );
}
