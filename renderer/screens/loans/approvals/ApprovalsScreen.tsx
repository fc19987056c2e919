// #/approvals — the approval queue (loans.approve): submitted applications, oldest first, with the customer,
// amount, product, officer, when it was submitted and a summary of its eligibility. Click or Enter opens one
// beside the queue: its terms, every eligibility rule, and the decision form (the reason field takes focus).
import { Anchor, Badge, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoanSummary } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { hasPermission, type Me } from '../../../stores/session';
import { useLoanFormat } from '../shared/format';
import { onRowKeyDown } from '../shared/rowKeys';
import { ApplicationPanel } from './ApplicationPanel';
import { useApplicationDetails, type Details } from './useApplicationDetails';

function EligibilitySummary({ details }: { details: Details | undefined }) {
  const { t } = useTranslation();
  if (!details) return <Text c="dimmed">…</Text>;
  if (!details.check) return <Text c="dimmed">—</Text>;
  const failed = details.check.eligibility.results.filter((r) => !r.isPassed).length;
  return failed === 0 ? (
    <Badge color="teal" variant="light">
      {t('loans.apply.eligible')}
    </Badge>
  ) : (
    <Badge color="red" variant="light">
      {t('loans.approvals.failedRules', { count: failed })}
    </Badge>
  );
}

export function ApprovalsScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  const format = useLoanFormat(me);
  const [rows, setRows] = useState<LoanSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const details = useApplicationDetails(rows ?? [], hasPermission(me, 'loans.apply'));
  const queueRef = useRef<HTMLTableSectionElement>(null);
  const hasRows = (rows?.length ?? 0) > 0;
  // Keyboard first: the oldest application has focus when the queue opens (↑/↓ move, Enter opens).
  useEffect(() => {
    if (hasRows) queueRef.current?.querySelector<HTMLElement>('tr[tabindex]')?.focus();
  }, [hasRows]);

  const load = useCallback(async () => {
    const result = await api.call('loans.list', { status: 'submitted', limit: 200 });
    if (result.error) return setError(result.error.message);
    setError(null);
    setRows([...result.data.rows].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)));
  }, []);
  useEffect(() => void load(), [load]);

  function decided(loanId: string, message: string) {
    notifications.show({ color: 'teal', message });
    const remaining = (rows ?? []).filter((r) => r.id !== loanId);
    setRows(remaining);
    setSelected(remaining[0]?.id ?? null);
  }

  const current = rows?.find((r) => r.id === selected) ?? null;
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('loans.approvals.title')}
      </Title>
      <ErrorAlert message={error} />
      {rows === null ? (
        <Text c="dimmed">{t('common.loading')}</Text>
      ) : rows.length === 0 ? (
        <Text>{t('loans.approvals.empty')}</Text>
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, xl: current ? 5 : 12 }}>
            <Table.ScrollContainer minWidth={640}>
              <Table highlightOnHover aria-label={t('loans.approvals.queue')} verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('loans.field.customer')}</Table.Th>
                    <Table.Th ta="right">{t('loans.field.amount')}</Table.Th>
                    <Table.Th>{t('loans.field.product')}</Table.Th>
                    <Table.Th>{t('loans.list.officer')}</Table.Th>
                    <Table.Th>{t('loans.field.submittedAt')}</Table.Th>
                    <Table.Th>{t('loans.apply.eligibility')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody ref={queueRef}>
                  {rows.map((loan) => (
                    <Table.Tr
                      key={loan.id}
                      tabIndex={0}
                      style={{ cursor: 'pointer' }}
                      bg={loan.id === selected ? 'var(--mantine-color-teal-0)' : undefined}
                      onClick={() => setSelected(loan.id)}
                      onKeyDown={(e) => onRowKeyDown(e, () => setSelected(loan.id))}
                      aria-label={`${loan.applicationNo} ${loan.customerName}`}
                      aria-selected={loan.id === selected}
                    >
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {loan.customerName}
                        </Text>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {loan.applicationNo}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right" ff="monospace">
                        {format.moneyIn(loan.principalMinor, loan.currency, loan.digits)}
                      </Table.Td>
                      <Table.Td>{loan.productName}</Table.Td>
                      <Table.Td>{loan.officerName ?? loan.officerId}</Table.Td>
                      <Table.Td>{format.instant(details.get(loan.id)?.loan.submittedAt)}</Table.Td>
                      <Table.Td>
                        <EligibilitySummary details={details.get(loan.id)} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Grid.Col>
          {current ? (
            <Grid.Col span={{ base: 12, xl: 7 }}>
              <Paper withBorder p="md" component="section" aria-label={t('loans.approvals.application')}>
                <Stack>
                  <Group justify="space-between">
                    <Title order={2} size="h3">
                      {current.customerName} ·{' '}
                      {t('loans.header.application', { number: current.applicationNo })}
                    </Title>
                    <Anchor href={`#/loans/${current.id}`}>{t('loans.approvals.openLoan')}</Anchor>
                  </Group>
                  <ApplicationPanel
                    key={current.id}
                    summary={current}
                    details={details.get(current.id)}
                    canCheck={hasPermission(me, 'loans.apply')}
                    format={format}
                    onDecided={(message) => decided(current.id, message)}
                    onCancel={() => setSelected(null)}
                  />
                </Stack>
              </Paper>
            </Grid.Col>
          ) : null}
        </Grid>
      )}
    </Stack>
  );
}
