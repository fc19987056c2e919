// Decisions on the application (who decided what, when, why, and any changed terms) and the history of the
// loan's terms (restructures and the like).
import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LoanView } from '../../../../shared/contract';
import type { LoanFormat } from '../shared/format';

const decisionColours: Record<string, string> = {
  approve: 'teal',
  approve_changed: 'teal',
  return: 'yellow',
  reject: 'red',
  withdraw: 'gray',
};

export function HistoryTab({ loan, format }: { loan: LoanView; format: LoanFormat }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2} size="h4">
        {t('loans.history.decisions')}
      </Title>
      {loan.decisions.length === 0 ? (
        <Text c="dimmed">{t('loans.history.noDecisions')}</Text>
      ) : (
        <Table aria-label={t('loans.history.decisions')} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('loans.history.when')}</Table.Th>
              <Table.Th>{t('loans.history.decision')}</Table.Th>
              <Table.Th>{t('loans.history.by')}</Table.Th>
              <Table.Th>{t('loans.reason')}</Table.Th>
              <Table.Th>{t('loans.history.changedTerms')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {loan.decisions.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{format.instant(d.decidedAt)}</Table.Td>
                <Table.Td>
                  <Badge color={decisionColours[d.decision] ?? 'gray'} variant="light">
                    {t(`loans.decision.${d.decision}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{d.decidedByName ?? d.decidedBy}</Table.Td>
                <Table.Td>{d.reason}</Table.Td>
                <Table.Td>
                  {[
                    d.principalMinor !== null
                      ? format.moneyIn(d.principalMinor, loan.currency, loan.digits)
                      : null,
                    d.repayments !== null ? t('loans.history.repayments', { count: d.repayments }) : null,
                    d.annualRate !== null ? t('loans.termText.rate', { rate: d.annualRate }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ') || '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={2} size="h4">
        {t('loans.history.terms')}
      </Title>
      {loan.termsHistory.length === 0 ? (
        <Text c="dimmed">{t('loans.history.noTerms')}</Text>
      ) : (
        <Table aria-label={t('loans.history.terms')} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('loans.history.when')}</Table.Th>
              <Table.Th>{t('loans.history.kind')}</Table.Th>
              <Table.Th>{t('loans.history.effectiveFrom')}</Table.Th>
              <Table.Th>{t('loans.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {loan.termsHistory.map((h) => (
              <Table.Tr key={`${h.createdAt}-${h.kind}`}>
                <Table.Td>{format.instant(h.createdAt)}</Table.Td>
                <Table.Td>{t(`loans.history.kinds.${h.kind}`, { defaultValue: h.kind })}</Table.Td>
                <Table.Td>{format.date(h.effectiveFrom)}</Table.Td>
                <Table.Td>{h.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
