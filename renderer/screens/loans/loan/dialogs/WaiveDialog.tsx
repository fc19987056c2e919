// Waives part of the interest, fees or penalties due (a manager, with a reason). The outstanding amount of the
// chosen component is shown; the amount is typed in major units and sent in minor units.
import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/api';
import { MoneyInput } from '../../../customers/onboard/MoneyInput';
import { parseAmount } from '../../amount';
import { ModalForm } from '../../shared/ModalForm';
import { ReasonInput } from '../../shared/ReasonInput';
import { useCall } from '../../shared/useCall';
import type { DialogProps } from './types';

type Component = 'interest' | 'fees' | 'penalties';
const components: readonly Component[] = ['penalties', 'fees', 'interest'];

export function WaiveDialog({ loan, format, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const [component, setComponent] = useState<Component>(
    () => components.find((c) => loan.outstanding[`${c}Minor`] > 0) ?? 'penalties',
  );
  const [amount, setAmount] = useState('');
  const [amountError, setAmountError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [reasonError, setReasonError] = useState<string | null>(null);
  const call = useCall(['amountMinor', 'reason']);
  const outstanding = loan.outstanding[`${component}Minor`];

  async function submit() {
    const amountMinor = parseAmount(amount, loan.digits, format.locale);
    setAmountError(amountMinor ? null : t('loans.inputError.amount'));
    if (!amountMinor) return;
    setReasonError(reason.trim() === '' ? t('loans.reasonRequired') : null);
    if (reason.trim() === '') return;
    const done = await call.run(() =>
      api.call('loans.waive', {
        loanId: loan.id,
        component,
        amountMinor,
        reason: reason.trim(),
        idempotencyKey,
      }),
    );
    if (done)
      onDone(
        t('loans.done.waived', { amount: format.moneyIn(done.amountMinor, loan.currency, loan.digits) }),
      );
  }

  return (
    <ModalForm
      title={t('loans.action.waive')}
      submitLabel={t('loans.action.waive')}
      isBusy={call.isBusy}
      error={call.error}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('loans.dialog.component')}
        </Text>
        <SegmentedControl
          aria-label={t('loans.dialog.component')}
          value={component}
          onChange={(v) => setComponent(v as Component)}
          data={components.map((c) => ({ value: c, label: t(`loans.component.${c}`) }))}
        />
        <Text size="sm" c="dimmed">
          {t('loans.dialog.outstandingNow', {
            amount: format.moneyIn(outstanding, loan.currency, loan.digits),
          })}
        </Text>
      </Stack>
      <MoneyInput
        currency={loan.currency}
        label={t('loans.field.amount')}
        required
        data-autofocus
        value={amount}
        onChange={(e) => setAmount(e.currentTarget.value)}
        error={amountError ?? call.fieldError('amountMinor')}
      />
      <ReasonInput value={reason} onChange={setReason} error={reasonError ?? call.fieldError('reason')} />
    </ModalForm>
  );
}
