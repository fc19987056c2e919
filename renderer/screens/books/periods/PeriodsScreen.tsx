// #/books/periods — the branch's accounting months, newest first: open or closed, with their entry count and
// when they were closed or re-opened. A manager (accounting.manage) closes a month once it is over (months close
// in order; nothing posts into a closed month afterwards: a backdated posting lands in the next open one). Only
// an administrator (accounting.reopen) re-opens one, with a reason.
import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { hasPermission, type Me } from '../../../stores/session';
import { useBranchFormat } from '../../customers/shared/format';
import { useCall } from '../../loans/shared/useCall';
import { BooksNav } from '../shared/BooksNav';
import { formatPeriod, monthOf } from '../shared/period';
import { useQuery } from '../shared/useQuery';
import { ReopenPeriodDialog } from './ReopenPeriodDialog';

export function PeriodsScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  const format = useBranchFormat(me);
  const periods = useQuery('books.periods', {});
  const canClose = hasPermission(me, 'accounting.manage');
  const canReopen = hasPermission(me, 'accounting.reopen');
  const [closing, setClosing] = useState<string | null>(null);
  const [reopening, setReopening] = useState<string | null>(null);
  const closeCall = useCall();
  const currentMonth = monthOf(me.branch.businessDate);
  const month = (period: string) => formatPeriod(period, format.locale);

  async function close(period: string) {
    const done = await closeCall.run(() => api.call('books.closePeriod', { period }));
    setClosing(null);
    if (!done) return;
    notifications.show({ color: 'teal', message: t('books.periods.closed', { month: month(period) }) });
    void periods.reload();
  }

  return (
    <Stack>
      <BooksNav me={me} current="periods" />
      <Title order={2} size="h3">
        {t('books.periods.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('books.periods.hint')}
      </Text>
      <ErrorAlert message={periods.error ?? closeCall.error} />
      {periods.data === null ? (
        <Text c="dimmed">{t('common.loading')}</Text>
      ) : (
        <Table verticalSpacing="xs" aria-label={t('books.periods.title')} maw={1000}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('books.periods.month')}</Table.Th>
              <Table.Th>{t('books.field.status')}</Table.Th>
              <Table.Th ta="right">{t('books.periods.entries')}</Table.Th>
              <Table.Th>{t('books.periods.closedAt')}</Table.Th>
              <Table.Th>{t('books.periods.reopenedAt')}</Table.Th>
              {canClose || canReopen ? <Table.Th>{t('books.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {periods.data.map((p) => (
              <Table.Tr key={p.period} data-testid={`period-${p.period}`}>
                <Table.Td fw={600}>{month(p.period)}</Table.Td>
                <Table.Td>
                  <Badge miw="max-content" variant="light" color={p.status === 'open' ? 'teal' : 'gray'}>
                    {t(`books.periods.status.${p.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{p.entries}</Table.Td>
                <Table.Td>{format.instant(p.closedAt)}</Table.Td>
                <Table.Td>{format.instant(p.reopenedAt)}</Table.Td>
                {canClose || canReopen ? (
                  <Table.Td>
                    <Group gap={4}>
                      {canClose && p.status === 'open' && p.period < currentMonth ? (
                        <Button size="compact-sm" variant="light" onClick={() => setClosing(p.period)}>
                          {t('books.periods.close')}
                        </Button>
                      ) : null}
                      {canReopen && p.status === 'closed' ? (
                        <Button
                          size="compact-sm"
                          variant="light"
                          color="orange"
                          onClick={() => setReopening(p.period)}
                        >
                          {t('books.periods.reopen')}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ConfirmModal
        opened={closing !== null}
        title={t('books.periods.closeTitle', { month: closing ? month(closing) : '' })}
        body={t('books.periods.closeBody')}
        confirmLabel={t('books.periods.close')}
        color="teal"
        isBusy={closeCall.isBusy}
        onConfirm={() => closing && void close(closing)}
        onClose={() => setClosing(null)}
      />
      {reopening ? (
        <ReopenPeriodDialog
          period={reopening}
          label={month(reopening)}
          onClose={() => setReopening(null)}
          onReopened={() => {
            notifications.show({
              color: 'teal',
              message: t('books.periods.reopened', { month: month(reopening) }),
            });
            setReopening(null);
            void periods.reload();
          }}
        />
      ) : null}
    </Stack>
  );
}
