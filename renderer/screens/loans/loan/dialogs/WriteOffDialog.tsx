// Writes off what is outstanding on an active loan (a manager, with a reason). Says how much first: this is
// hard to undo.
import { Alert } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/api';
import { ModalForm } from '../../shared/ModalForm';
import { ReasonInput } from '../../shared/ReasonInput';
import { useCall } from '../../shared/useCall';
import type { DialogProps } from './types';

export function WriteOffDialog({ loan, format, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [reasonError, setReasonError] = useState<string | null>(null);
  const call = useCall(['reason']);
  async function submit() {
    setReasonError(reason.trim() === '' ? t('loans.reasonRequired') : null);
    if (reason.trim() === '') return;
    const done = await call.run(() =>
      api.call('loans.writeOff', { loanId: loan.id, reason: reason.trim(), idempotencyKey }),
    );
    if (done)
      onDone(
        t('loans.done.writtenOff', { amount: format.moneyIn(done.amountMinor, loan.currency, loan.digits) }),
      );
  }
  return (
    <ModalForm
      title={t('loans.action.write_off')}
      submitLabel={t('loans.dialog.confirmWriteOff')}
      color="red"
      isBusy={call.isBusy}
      error={call.error}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <Alert color="red" title={t('loans.dialog.writeOffTitle')}>
        {t('loans.dialog.writeOffBody', {
          amount: format.moneyIn(loan.outstandingTotalMinor, loan.currency, loan.digits),
          number: loan.accountNo ?? loan.applicationNo,
        })}
      </Alert>
      <ReasonInput
        value={reason}
        onChange={setReason}
        error={reasonError ?? call.fieldError('reason')}
        autoFocus
      />
    </ModalForm>
  );
}
