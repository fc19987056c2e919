// The eligibility rules for the terms on the form, each passed or failed with the reason the officer can read
// to the customer, and the monthly installment they were judged on.
import { Alert, Badge, Group, List, Loader, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LoanFormat } from '../shared/format';
import type { Eligibility } from './useEligibility';

interface Props {
  eligibility: Eligibility;
  currency: string;
  digits: number;
  format: LoanFormat;
}

export function EligibilityPanel({ eligibility, currency, digits, format }: Props) {
  const { t } = useTranslation();
  const { check, isChecking, error } = eligibility;
  return (
    <Paper withBorder p="md" component="section" aria-label={t('loans.apply.eligibility')}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>{t('loans.apply.eligibility')}</Text>
          <Group gap="xs">
            {isChecking ? <Loader size="xs" aria-label={t('loans.apply.checking')} /> : null}
            {check ? (
              <Badge
                color={check.eligibility.isEligible ? 'teal' : 'red'}
                variant="filled"
                data-testid="eligibility-verdict"
              >
                {check.eligibility.isEligible ? t('loans.apply.eligible') : t('loans.apply.notEligible')}
              </Badge>
            ) : null}
          </Group>
        </Group>
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        {!check && !error ? <Text c="dimmed">{t('loans.apply.eligibilityHint')}</Text> : null}
        {check ? (
          <>
            <List spacing="xs" center aria-label={t('loans.apply.rules')}>
              {check.eligibility.results.map((r) => (
                <List.Item
                  key={r.rule}
                  icon={
                    <ThemeIcon color={r.isPassed ? 'teal' : 'red'} size={20} radius="xl">
                      {r.isPassed ? <IconCheck size={14} /> : <IconX size={14} />}
                    </ThemeIcon>
                  }
                >
                  <Text size="sm" span fw={600}>
                    {t(`loans.rule.${r.rule}`, { defaultValue: r.rule })}
                    {': '}
                  </Text>
                  <Text size="sm" span>
                    {r.isPassed ? t('loans.apply.passed') : t('loans.apply.failed')} — {r.reason}
                  </Text>
                </List.Item>
              ))}
            </List>
            <Text size="sm" c="dimmed">
              {t('loans.apply.monthlyInstallment', {
                amount: format.moneyIn(check.eligibility.monthlyInstallmentMinor, currency, digits),
              })}
            </Text>
            {check.issues.length > 0 ? (
              <Alert color="orange" title={t('loans.apply.termsIssues')}>
                <List size="sm">
                  {check.issues.map((issue) => (
                    <List.Item key={`${issue.path}:${issue.message}`}>
                      {issue.path ? `${issue.path}: ` : ''}
                      {issue.message}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            ) : null}
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
