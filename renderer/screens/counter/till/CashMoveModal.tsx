// "Cash in" / "Cash out" of the teller's open till with a reason (change from the vault, a float top-up) —
// not a loan transaction. One idempotency key per opening of the modal.
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TillView } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { parseCounterAmount } from '../shared/amount';
import { AmountField } from '../shared/AmountField';
import type { CounterFormat } from '../shared/format';

interface Props {
  direction: 'in' | 'out';
  currency: string;
  format: CounterFormat;
  onClose(): void;
  onMoved(till: TillView): void;
}

export function CashMoveModal({ direction, currency, format, onClose, onMoved }: Props) {
  const { t } = useTranslation();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [amountText, setAmountText] = useState('');
  const [reason, setReason] = useState('');
  const [isSubmitted, setSubmitted] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const parsed = parseCounterAmount(amountText, format.digits, format.locale);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!parsed.ok || reason.trim() === '' || busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    const result = await api.call('till.cashMovement', {
      direction,
      amountMinor: parsed.minor,
      reason: reason.trim(),
      idempotencyKey,
    });
    busyRef.current = false;
    setBusy(false);
    if (result.error) return setMessage(result.error.message);
    onMoved(result.data);
  }

  const title = t(`counter.tillScreen.cash.${direction}`);
  return (
    <Modal opened onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
        <Stack>
          <ErrorAlert message={message} />
          <AmountField
            label={t('counter.amount.label', { currency })}
            value={amountText}
            onChange={setAmountText}
            parsed={parsed}
            currency={currency}
            showError={isSubmitted}
            required
            data-autofocus
          />
          <TextInput
            label={t('counter.tillScreen.cash.reason')}
            required
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={isSubmitted && reason.trim() === '' ? t('counter.reasonRequired') : null}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isBusy}>
              {title}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
