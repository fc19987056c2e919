// Reverses a posted transaction (a manager, with a reason), as a new transaction; the original stays, struck
// through.
import { Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoanView } from '../../../../../shared/contract';
import { api } from '../../../../api/api';
import { ModalForm } from '../../shared/ModalForm';
import { ReasonInput } from '../../shared/ReasonInput';
import { useCall } from '../../shared/useCall';
import type { DialogProps } from './types';

export function ReverseDialog({
  loan,
  format,
  transaction,
  onClose,
  onDone,
}: DialogProps & { transaction: LoanView['transactions'][number] }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [reasonError, setReasonError] = useState<string | null>(null);
  const call = useCall(['reason']);
  async function submit() {
    setReasonError(reason.trim() === '' ? t('loans.reasonRequired') : null);
    if (reason.trim() === '') return;
    const done = await call.run(() =>
      api.call('loans.reverse', { transactionId: transaction.id, reason: reason.trim(), idempotencyKey }),
    );
    if (done) onDone(t('loans.done.reversed'));
  }
  return (
    <ModalForm
      title={t('loans.action.reverse')}
      submitLabel={t('loans.action.reverse')}
      color="red"
      isBusy={call.isBusy}
      error={call.error}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <Text>
        {t('loans.dialog.reverseBody', {
          type: t(`loans.transactionType.${transaction.type}`),
          amount: format.moneyIn(transaction.amountMinor, loan.currency, loan.digits),
          date: format.date(transaction.valueDate),
          receipt: transaction.receiptNo ?? '—',
        })}
      </Text>
      <ReasonInput
        value={reason}
        onChange={setReason}
        error={reasonError ?? call.fieldError('reason')}
        autoFocus
      />
    </ModalForm>
  );
}
