// The selected loan at a glance: who and what, then what is due today, overdue, penalties, the payoff amount
// (from `loans.quote` with nothing paid) and the next installment.
import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LoanView, OutputOf } from '../../../../shared/contract';
import type { CounterFormat } from '../shared/format';
import { LoanStatusBadge } from './LoanStatusBadge';

type Quote = OutputOf<'loans.quote'>;

function Fact(props: { label: string; value: string; field: string; tone?: string; hint?: string }) {
  return (
    <div data-fact={props.field}>
      <Text size="xs" c="dimmed" tt="uppercase">
        {props.label}
      </Text>
      <Text size="lg" fw={600} c={props.tone}>
        {props.value}
      </Text>
      {props.hint ? (
        <Text size="xs" c="dimmed">
          {props.hint}
        </Text>
      ) : null}
    </div>
  );
}

export function LoanFacts({
  loan,
  quote,
  format,
}: {
  loan: LoanView;
  quote: Quote | null;
  format: CounterFormat;
}) {
  const { t } = useTranslation();
  const money = (minor: number | null | undefined) => format.money(minor, loan.currency, loan.digits);
  const isRepayable = loan.status === 'active';
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h3" data-testid="loan-customer">
              {loan.customerName}
            </Title>
            <Group gap="xs">
              <Text ff="monospace" data-testid="loan-account">
                {loan.accountNo ?? loan.applicationNo}
              </Text>
              <Text c="dimmed">· {loan.productName}</Text>
              {loan.phone ? <Text c="dimmed">· {loan.phone}</Text> : null}
              <LoanStatusBadge loan={loan} />
            </Group>
          </div>
          <Anchor href={`#/customers/${loan.customerId}`} size="sm">
            {t('counter.loan.customerProfile', { number: loan.customerNumber })}
          </Anchor>
        </Group>
        {isRepayable ? (
          <SimpleGrid cols={{ base: 2, md: 5 }}>
            <Fact field="dueToday" label={t('counter.loan.dueToday')} value={money(quote?.dueTodayMinor)} />
            <Fact
              field="overdue"
              label={t('counter.loan.overdue')}
              value={money(quote?.overdueMinor)}
              tone={quote && quote.overdueMinor > 0 ? 'red.7' : undefined}
              hint={
                loan.daysPastDue > 0
                  ? t('counter.status.daysPastDue', { count: loan.daysPastDue })
                  : undefined
              }
            />
            <Fact
              field="penalties"
              label={t('counter.loan.penalties')}
              value={money(quote?.penaltiesMinor)}
            />
            <Fact field="payoff" label={t('counter.loan.payoff')} value={money(quote?.payoffMinor)} />
            <Fact
              field="nextDue"
              label={t('counter.loan.nextDue')}
              value={loan.nextDueDate ? money(loan.nextDueMinor) : '—'}
              hint={loan.nextDueDate ? format.date(loan.nextDueDate) : undefined}
            />
          </SimpleGrid>
        ) : (
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Fact
              field="principal"
              label={t('counter.loan.principal')}
              value={money(loan.approvedPrincipalMinor ?? loan.principalMinor)}
            />
            <Fact
              field="outstanding"
              label={t('counter.loan.outstanding')}
              value={money(loan.outstandingTotalMinor)}
            />
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}
