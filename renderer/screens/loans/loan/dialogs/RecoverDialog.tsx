// Records money recovered on a written-off loan: cash into the teller's till or a transfer (with a reference).
import { SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { channels } from '../../../../../shared/contract';
import { api } from '../../../../api/api';
import { MoneyInput } from '../../../customers/onboard/MoneyInput';
import { parseAmount } from '../../amount';
import { ModalForm } from '../../shared/ModalForm';
import { useCall } from '../../shared/useCall';
import type { DialogProps } from './types';

type Channel = (typeof channels)[number];

export function RecoverDialog({ loan, format, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState('');
  const [amountError, setAmountError] = useState<string | null>(null);
  const [channel, setChannel] = useState<Channel>('cash');
  const [reference, setReference] = useState('');
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const call = useCall(['amountMinor', 'reference']);
  async function submit() {
    const amountMinor = parseAmount(amount, loan.digits, format.locale);
    setAmountError(amountMinor ? null : t('loans.inputError.amount'));
    if (!amountMinor) return;
    const done = await call.run(() =>
      api.call('loans.recover', {
        loanId: loan.id,
        amountMinor,
        channel,
        reference: reference.trim() || undefined,
        idempotencyKey,
      }),
    );
    if (done)
      onDone(
        t('loans.done.recovered', { amount: format.moneyIn(done.amountMinor, loan.currency, loan.digits) }),
      );
  }
  return (
    <ModalForm
      title={t('loans.action.recover')}
      submitLabel={t('loans.action.recover')}
      isBusy={call.isBusy}
      error={call.error}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <MoneyInput
        currency={loan.currency}
        label={t('loans.field.amount')}
        required
        data-autofocus
        value={amount}
        onChange={(e) => setAmount(e.currentTarget.value)}
        error={amountError ?? call.fieldError('amountMinor')}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('loans.field.channel')}
        </Text>
        <SegmentedControl
          aria-label={t('loans.field.channel')}
          value={channel}
          onChange={(v) => setChannel(v as Channel)}
          data={channels.map((c) => ({ value: c, label: t(`loans.channel.${c}`) }))}
        />
      </Stack>
      <TextInput
        label={t('loans.field.reference')}
        description={channel === 'transfer' ? t('loans.dialog.referenceHint') : undefined}
        maxLength={80}
        value={reference}
        onChange={(e) => setReference(e.currentTarget.value)}
        error={call.fieldError('reference')}
      />
    </ModalForm>
  );
}
