// One application opened from the approval queue: its terms in short, every eligibility rule with its reason,
// the collateral and guarantors in short, and the decision form.
import { Group, List, Loader, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoanSummary } from '../../../../shared/contract';
import type { LoanFormat } from '../shared/format';
import { DecisionForm } from './DecisionForm';
import { fetchDetails, type Details } from './useApplicationDetails';

interface Props {
  summary: LoanSummary;
  details: Details | undefined;
  canCheck: boolean;
  format: LoanFormat;
  onDecided(message: string): void;
  onCancel(): void;
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600}>
        {value}
      </Text>
    </div>
  );
}

export function ApplicationPanel({ summary, details: queued, canCheck, format, onDecided, onCancel }: Props) {
  const { t } = useTranslation();
  const [fetched, setFetched] = useState<Details | null>(null);
  // The queue fetches details in the background; an application opened before its turn is fetched at once.
  useEffect(() => {
    if (!queued) void fetchDetails(summary.id, canCheck).then(setFetched);
  }, [queued, summary.id, canCheck]);
  const details = queued ?? fetched;
  if (!details) return <Loader size="sm" aria-label={t('common.loading')} />;
  const { loan, check } = details;
  const money = (minor: number) => format.moneyIn(minor, loan.currency, loan.digits);
  const collateralTotal = loan.collateral.reduce((sum, c) => sum + c.valueMinor, 0);
  const guaranteed = loan.guarantors.reduce((sum, g) => sum + g.guaranteedMinor, 0);
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Fact label={t('loans.field.principal')} value={money(loan.requestedPrincipalMinor)} />
        <Fact label={t('loans.field.repayments')} value={String(loan.repayments)} />
        <Fact
          label={t('loans.field.annualRate')}
          value={t('loans.termText.rate', { rate: loan.annualRate })}
        />
        <Fact
          label={t('loans.field.expectedDisbursementDate')}
          value={format.date(loan.expectedDisbursementDate)}
        />
        <Fact label={t('loans.field.product')} value={loan.productName} />
        <Fact label={t('loans.list.officer')} value={loan.officerName ?? loan.officerId} />
        <Fact
          label={t('loans.tabs.collateral')}
          value={t('loans.approvals.collateral', {
            count: loan.collateral.length,
            amount: money(collateralTotal),
          })}
        />
        <Fact
          label={t('loans.tabs.guarantors')}
          value={t('loans.approvals.guarantors', {
            count: loan.guarantors.length,
            amount: money(guaranteed),
          })}
        />
      </SimpleGrid>
      <Text size="sm">
        <Text span c="dimmed">
          {t('loans.field.purpose')}:{' '}
        </Text>
        {loan.purpose}
      </Text>
      {check ? (
        <Stack gap={4}>
          <Group gap="xs">
            <Text fw={600} size="sm">
              {t('loans.apply.eligibility')}
            </Text>
            <Text size="sm" c={check.eligibility.isEligible ? 'teal' : 'red'} fw={600}>
              {check.eligibility.isEligible ? t('loans.apply.eligible') : t('loans.apply.notEligible')}
            </Text>
          </Group>
          <List spacing={2} size="sm" center>
            {check.eligibility.results.map((r) => (
              <List.Item
                key={r.rule}
                icon={
                  <ThemeIcon color={r.isPassed ? 'teal' : 'red'} size={18} radius="xl">
                    {r.isPassed ? <IconCheck size={12} /> : <IconX size={12} />}
                  </ThemeIcon>
                }
              >
                {t(`loans.rule.${r.rule}`, { defaultValue: r.rule })}: {r.reason}
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
      <DecisionForm
        loan={loan}
        format={format}
        onCancel={onCancel}
        onDecided={(_, decision) =>
          onDecided(
            t(`loans.done.decided.${decision}`) + ` — ${summary.customerName}, ${summary.applicationNo}`,
          )
        }
      />
    </Stack>
  );
}
