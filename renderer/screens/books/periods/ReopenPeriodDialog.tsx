// Re-opening a closed month (an administrator, accounting.reopen), with the reason the audit log keeps.
import { Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import { ModalForm } from '../../loans/shared/ModalForm';
import { ReasonInput } from '../../loans/shared/ReasonInput';
import { useCall } from '../../loans/shared/useCall';

interface Props {
  period: string;
  label: string;
  onClose(): void;
  onReopened(): void;
}

export function ReopenPeriodDialog({ period, label, onClose, onReopened }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const call = useCall(['reason']);
  async function submit() {
    setReasonError(reason.trim() === '' ? t('books.reasonRequired') : null);
    if (reason.trim() === '') return;
    const done = await call.run(() => api.call('books.reopenPeriod', { period, reason: reason.trim() }));
    if (done) onReopened();
  }
  return (
    <ModalForm
      title={t('books.periods.reopenTitle', { month: label })}
      submitLabel={t('books.periods.reopen')}
      color="orange"
      isBusy={call.isBusy}
      error={call.error}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <Text>{t('books.periods.reopenBody')}</Text>
      <ReasonInput
        value={reason}
        onChange={setReason}
        label={t('books.reason')}
        description={t('books.periods.reopenHint')}
        error={reasonError ?? call.fieldError('reason')}
        autoFocus
      />
    </ModalForm>
  );
}
