// The top of the loan page: its number (the account number once disbursed, the application number before),
// status, the borrower (a link to the profile), product and officer, and the balances that matter at a glance.
import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoanView } from '../../../../shared/contract';
import { DaysPastDueBadge, LoanStatusBadge } from '../shared/badges';
import type { LoanFormat } from '../shared/format';

function Stat({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} size="sm" ff="monospace" data-testid={testId} component="div">
        {children}
      </Text>
    </Paper>
  );
}

export function LoanHeader({ loan, format }: { loan: LoanView; format: LoanFormat }) {
  const { t } = useTranslation();
  const money = (minor: number) => format.moneyIn(minor, loan.currency, loan.digits);
  const isLive = loan.status === 'active' || loan.status === 'written_off' || loan.status === 'closed';
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1} size="h2" ff="monospace">
              {loan.accountNo ?? loan.applicationNo}
            </Title>
            <LoanStatusBadge status={loan.status} />
          </Group>
          <Group gap="xs">
            <Anchor href={`#/customers/${loan.customerId}`} fw={600}>
              {loan.customerName}
            </Anchor>
            <Text c="dimmed" ff="monospace" size="sm">
              {loan.customerNumber}
            </Text>
            <Text c="dimmed" size="sm">
              · {loan.productName} · {t('loans.header.officer', { name: loan.officerName ?? loan.officerId })}
            </Text>
            {loan.accountNo ? (
              <Text c="dimmed" size="sm">
                · {t('loans.header.application', { number: loan.applicationNo })}
              </Text>
            ) : null}
          </Group>
        </Stack>
        <Anchor href="#/loans">← {t('loans.list.title')}</Anchor>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="xs">
        <Stat label={t('loans.field.principal')}>{money(loan.principalMinor)}</Stat>
        <Stat label={t('loans.field.outstanding')} testId="loan-outstanding">
          {isLive ? money(loan.outstandingTotalMinor) : '—'}
        </Stat>
        <Stat label={t('loans.field.overdue')}>{isLive ? money(loan.overdueTotalMinor) : '—'}</Stat>
        <Stat label={t('loans.field.daysPastDue')}>
          {isLive ? <DaysPastDueBadge days={loan.daysPastDue} bucket={loan.arrearsBucket} /> : '—'}
        </Stat>
        <Stat label={t('loans.field.payoff')}>{isLive ? money(loan.payoffMinor) : '—'}</Stat>
        <Stat label={t('loans.field.credit')}>{money(loan.creditMinor)}</Stat>
        <Stat label={t('loans.field.nextDue')}>
          {loan.nextDueDate ? (
            <>
              {money(loan.nextDueMinor)}
              <Text size="xs" c="dimmed">
                {format.date(loan.nextDueDate)}
              </Text>
            </>
          ) : (
            '—'
          )}
        </Stat>
      </SimpleGrid>
      {loan.asOf ? (
        <Text size="xs" c="dimmed">
          {t('loans.header.asOf', { date: format.date(loan.asOf) })}
        </Text>
      ) : null}
    </Stack>
  );
}
