// #/books/provisioning — loan-loss provisioning for a month: the active loans by days past due in the configured
// buckets, each bucket's outstanding principal and the provision its rate requires; what the loan-loss
// provision holds now, and the adjustment the month's entry would post. A manager (accounting.manage) posts
// it, once per month.
import { ExportButtons } from '../../reports/ExportButtons';
import { Badge, Button, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
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

/** "0", "1–30", "181+": a bucket's days past due. */
export function daysRange(fromDays: number, toDays: number | null): string {
  if (toDays === null) return `${fromDays}+`;
  return fromDays === toDays ? `${fromDays}` : `${fromDays}–${toDays}`;
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Stack gap={0}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} ff="monospace" data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

export function ProvisioningScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  const format = useBranchFormat(me);
  const [period, setPeriod] = useState(monthOf(me.branch.businessDate));
  const periods = useQuery('books.periods', {});
  const figures = useQuery('books.provisioning', { period });
  const [isConfirming, setConfirming] = useState(false);
  const post = useCall();
  const canPost = hasPermission(me, 'accounting.manage');
  const month = (p: string) => formatPeriod(p, format.locale);
  const months = [...new Set([period, ...(periods.data ?? []).map((p) => p.period)])].sort().reverse();

  async function postEntry() {
    const done = await post.run(() => api.call('books.postProvisioning', { period }));
    setConfirming(false);
    if (!done) return;
    notifications.show({ color: 'teal', message: t('books.provisioning.posted', { month: month(period) }) });
    void figures.reload();
  }

  const f = figures.data;
  return (
    <Stack>
      <BooksNav me={me} current="provisioning" />
      <Title order={2} size="h3">
        {t('books.provisioning.title')}
      </Title>
      <Group align="flex-end" justify="space-between">
        <Select
          label={t('books.periods.month')}
          w={220}
          allowDeselect={false}
          value={period}
          onChange={(v) => v && setPeriod(v)}
          data={months.map((p) => ({ value: p, label: month(p) }))}
        />
        {canPost ? (
          <Button
            onClick={() => setConfirming(true)}
            disabled={!f || f.postedEntryId !== null || f.adjustmentMinor === 0}
          >
            {t('books.provisioning.post', { month: month(period) })}
          </Button>
        ) : null}
      </Group>
      <ExportButtons request={{ report: 'provisioning', params: { period } }} disabled={f === null} />
      <ErrorAlert message={figures.error ?? post.error} />
      {f === null ? (
        <Text c="dimmed">{t('common.loading')}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('books.provisioning.asOf', { date: format.date(f.asOf) })}
          </Text>
          <Table verticalSpacing="xs" aria-label={t('books.provisioning.buckets')} maw={1000}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('books.provisioning.bucket')}</Table.Th>
                <Table.Th>{t('books.provisioning.daysPastDue')}</Table.Th>
                <Table.Th ta="right">{t('books.provisioning.rate')}</Table.Th>
                <Table.Th ta="right">{t('books.provisioning.loans')}</Table.Th>
                <Table.Th ta="right">{t('books.provisioning.outstanding')}</Table.Th>
                <Table.Th ta="right">{t('books.provisioning.required')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {f.buckets.map((b) => (
                <Table.Tr key={b.name}>
                  <Table.Td fw={600}>{b.name}</Table.Td>
                  <Table.Td>{daysRange(b.fromDays, b.toDays)}</Table.Td>
                  <Table.Td ta="right">{b.ratePercent} %</Table.Td>
                  <Table.Td ta="right">{b.loanCount}</Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {format.money(b.outstandingPrincipalMinor)}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {format.money(b.requiredMinor)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th colSpan={5}>{t('books.total')}</Table.Th>
                <Table.Th ta="right" ff="monospace">
                  {format.money(f.requiredMinor)}
                </Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
          <SimpleGrid cols={{ base: 1, sm: 4 }} maw={1000}>
            <Figure
              label={t('books.provisioning.required')}
              value={format.money(f.requiredMinor)}
              testId="provision-required"
            />
            <Figure
              label={t('books.provisioning.held')}
              value={format.money(f.heldMinor)}
              testId="provision-held"
            />
            <Figure
              label={t('books.provisioning.adjustment')}
              value={format.money(f.adjustmentMinor)}
              testId="provision-adjustment"
            />
            <Stack gap={0}>
              <Text size="sm" c="dimmed">
                {t('books.field.status')}
              </Text>
              <Badge miw="max-content" variant="light" color={f.postedEntryId ? 'teal' : 'gray'}>
                {t(f.postedEntryId ? 'books.provisioning.isPosted' : 'books.provisioning.notPosted')}
              </Badge>
            </Stack>
          </SimpleGrid>
        </>
      )}
      <ConfirmModal
        opened={isConfirming}
        title={t('books.provisioning.post', { month: month(period) })}
        body={t('books.provisioning.confirmBody', { amount: format.money(f?.adjustmentMinor ?? 0) })}
        confirmLabel={t('books.provisioning.postShort')}
        color="teal"
        isBusy={post.isBusy}
        onConfirm={() => void postEntry()}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
}
