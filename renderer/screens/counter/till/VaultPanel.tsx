// The branch vault (`vault.status`): its balance and latest movements, and cash into it from the bank or out of
// it to the bank, with a reason (`vault.move`). Tills draw on it at opening and return to it at close.
import { Button, Group, Paper, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  type FormEvent,
  type Ref,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { parseCounterAmount } from '../shared/amount';
import { AmountField } from '../shared/AmountField';
import type { CounterFormat } from '../shared/format';
import { movementKindLabel } from './TillMovements';

type Vault = OutputOf<'vault.status'>;
type Direction = 'deposit' | 'withdrawal';

export interface VaultHandle {
  reload(): void;
}

function MoveForm({
  format,
  currency,
  onMoved,
}: {
  format: CounterFormat;
  currency: string;
  onMoved(): void;
}) {
  const { t } = useTranslation();
  const [direction, setDirection] = useState<Direction>('deposit');
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
    // vault.move has no idempotency key: the guard keeps a double-click from moving the cash twice.
    busyRef.current = true;
    setBusy(true);
    setMessage(null);
    const result = await api.call('vault.move', {
      direction,
      amountMinor: parsed.minor,
      reason: reason.trim(),
    });
    busyRef.current = false;
    setBusy(false);
    if (result.error) return setMessage(result.error.message);
    setAmountText('');
    setReason('');
    setSubmitted(false);
    onMoved();
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('counter.vault.move')}>
      <Stack gap="xs" maw={520}>
        <ErrorAlert message={message} />
        <SegmentedControl
          aria-label={t('counter.vault.direction')}
          value={direction}
          onChange={(value) => setDirection(value as Direction)}
          data={[
            { value: 'deposit', label: t('counter.vault.deposit') },
            { value: 'withdrawal', label: t('counter.vault.withdrawal') },
          ]}
          w="fit-content"
        />
        <AmountField
          label={t('counter.amount.label', { currency })}
          value={amountText}
          onChange={setAmountText}
          parsed={parsed}
          currency={currency}
          showError={isSubmitted}
          required
        />
        <TextInput
          label={t('counter.vault.reason')}
          required
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={isSubmitted && reason.trim() === '' ? t('counter.reasonRequired') : null}
        />
        <Group>
          <Button type="submit" loading={isBusy}>
            {t(`counter.vault.submit.${direction}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function VaultPanel({ format, handle }: { format: CounterFormat; handle?: Ref<VaultHandle> }) {
  const { t } = useTranslation();
  const [vault, setVault] = useState<Vault | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await api.call('vault.status', {});
    if (result.error) return setError(result.error.message);
    setError(null);
    setVault(result.data);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);
  useImperativeHandle(handle, () => ({ reload: () => void load() }), [load]);

  const currency = vault?.currency ?? format.currency;
  return (
    <Paper withBorder p="md" data-testid="vault">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('counter.vault.title')}
          </Title>
          <Text size="xl" fw={700} data-testid="vault-balance">
            {vault ? format.money(vault.balanceMinor, vault.currency) : '—'}
          </Text>
        </Group>
        <ErrorAlert message={error} />
        <MoveForm format={format} currency={currency} onMoved={() => void load()} />
        {vault && vault.movements.length > 0 ? (
          <Table.ScrollContainer minWidth={520} maxHeight={300}>
            <Table withTableBorder striped aria-label={t('counter.vault.movements')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('counter.tillScreen.columns.time')}</Table.Th>
                  <Table.Th>{t('counter.tillScreen.columns.kind')}</Table.Th>
                  <Table.Th>{t('counter.vault.reason')}</Table.Th>
                  <Table.Th ta="right">{t('counter.vault.amount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {vault.movements.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>{format.instant(m.postedAt)}</Table.Td>
                    <Table.Td>{movementKindLabel(m.kind, t)}</Table.Td>
                    <Table.Td>{m.reason}</Table.Td>
                    <Table.Td ta="right">{format.money(m.amountMinor, vault.currency)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
    </Paper>
  );
}
