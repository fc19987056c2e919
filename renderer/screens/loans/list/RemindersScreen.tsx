// #/loans/reminders: the payment reminders queued for delivery (and, on request, those sent or cancelled), and
// "Queue reminders now" for installments due soon and overdue ones (end-of-day also queues them).
import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBellPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { hasPermission, type Me } from '../../../stores/session';
import { useLoanFormat } from '../shared/format';
import { LoansNav } from '../shared/LoansNav';
import { useCall } from '../shared/useCall';

type Status = 'queued' | 'sent' | 'cancelled' | 'all';
type Reminder = OutputOf<'reminders.list'>[number];

export function RemindersScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  const format = useLoanFormat(me);
  const [status, setStatus] = useState<Status>('queued');
  const [rows, setRows] = useState<Reminder[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const generate = useCall();

  const load = useCallback(async () => {
    setRows(null);
    const result = await api.call('reminders.list', { status, limit: 500 });
    if (result.error) return setError(result.error.message);
    setError(null);
    setRows(result.data);
  }, [status]);
  useEffect(() => void load(), [load]);

  async function queueNow() {
    const result = await generate.run(() => api.call('reminders.generate', {}));
    if (!result) return;
    notifications.show({ color: 'teal', message: t('loans.reminders.queued', { count: result.queued }) });
    void load();
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('loans.reminders.title')}
        </Title>
        {hasPermission(me, 'loans.apply') ? (
          <Button
            leftSection={<IconBellPlus size={18} />}
            loading={generate.isBusy}
            onClick={() => void queueNow()}
          >
            {t('loans.reminders.generate')}
          </Button>
        ) : null}
      </Group>
      <LoansNav me={me} current="reminders" />
      <SegmentedControl
        aria-label={t('loans.reminders.statusFilter')}
        value={status}
        onChange={(v) => setStatus(v as Status)}
        data={(['queued', 'sent', 'cancelled', 'all'] as const).map((s) => ({
          value: s,
          label: t(`loans.reminders.status.${s}`),
        }))}
        w="fit-content"
      />
      <ErrorAlert message={error ?? generate.error} />
      {rows === null ? (
        <Text c="dimmed">{t('common.loading')}</Text>
      ) : rows.length === 0 ? (
        <Text>{t('loans.reminders.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table
            aria-label={t('loans.reminders.title')}
            verticalSpacing="xs"
            style={{ whiteSpace: 'nowrap' }}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('loans.reminders.kind')}</Table.Th>
                <Table.Th>{t('loans.field.customer')}</Table.Th>
                <Table.Th>{t('loans.field.number')}</Table.Th>
                <Table.Th>{t('loans.field.dueDate')}</Table.Th>
                <Table.Th ta="right">{t('loans.field.amount')}</Table.Th>
                <Table.Th>{t('loans.reminders.message')}</Table.Th>
                <Table.Th>{t('loans.field.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Badge color={r.kind === 'overdue' ? 'red' : 'blue'} variant="light">
                      {t(`loans.reminders.kinds.${r.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Anchor href={`#/customers/${r.customerId}`}>{r.customerName}</Anchor>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {r.phone ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td ff="monospace">
                    <Anchor href={`#/loans/${r.loanId}`}>{r.accountNo ?? t('loans.reminders.loan')}</Anchor>
                  </Table.Td>
                  <Table.Td>{format.date(r.dueDate)}</Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {format.money(r.amountMinor)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'normal', minWidth: 320 }}>
                    <Text size="sm">{r.message}</Text>
                    <Text size="xs" c="dimmed">
                      {r.language.toUpperCase()} · {format.instant(r.createdAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`loans.reminders.status.${r.status}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
