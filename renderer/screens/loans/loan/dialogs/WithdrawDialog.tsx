// Withdraws an application that is not yet disbursed (the customer changed their mind), with a reason.
import { Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/api';
import { ModalForm } from '../../shared/ModalForm';
import { ReasonInput } from '../../shared/ReasonInput';
import { useCall } from '../../shared/useCall';
import type { DialogProps } from './types';

export function WithdrawDialog({ loan, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const call = useCall(['reason']);
  async function submit() {
    setReasonError(reason.trim() === '' ? t('loans.reasonRequired') : null);
    if (reason.trim() === '') return;
    const done = await call.run(() => api.call('loans.withdraw', { loanId: loan.id, reason: reason.trim() }));
    if (done) onDone(t('loans.done.withdrawn'));
  }
  return (
    <ModalForm
      title={t('loans.action.withdraw')}
      submitLabel={t('loans.action.withdraw')}
      color="red"
      isBusy={call.isBusy}
      error={call.error}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <Text>{t('loans.dialog.withdrawBody', { number: loan.applicationNo })}</Text>
      <ReasonInput
        value={reason}
        onChange={setReason}
        error={reasonError ?? call.fieldError('reason')}
        autoFocus
      />
    </ModalForm>
  );
}
