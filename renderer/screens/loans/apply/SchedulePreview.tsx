// The schedule a loan on the form's terms would have: each installment's due date, principal, interest, fees,
// total and the balance after it, with totals.
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LoanFormat } from '../shared/format';
import type { Check } from './useEligibility';

interface Props {
  check: Check;
  currency: string;
  digits: number;
  format: LoanFormat;
}

export function SchedulePreview({ check, currency, digits, format }: Props) {
  const { t } = useTranslation();
  const money = (minor: number) => format.moneyIn(minor, currency, digits);
  if (check.schedule.length === 0) return <Text c="dimmed">{t('loans.apply.noSchedule')}</Text>;
  return (
    <Table.ScrollContainer minWidth={640} mah={420}>
      <Table
        style={{ whiteSpace: 'nowrap' }}
        aria-label={t('loans.apply.schedule')}
        striped
        stickyHeader
        verticalSpacing={4}
        ff="monospace"
        fz="sm"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>{t('loans.field.dueDate')}</Table.Th>
            <Table.Th ta="right">{t('loans.field.principal')}</Table.Th>
            <Table.Th ta="right">{t('loans.field.interest')}</Table.Th>
            <Table.Th ta="right">{t('loans.field.fees')}</Table.Th>
            <Table.Th ta="right">{t('loans.field.total')}</Table.Th>
            <Table.Th ta="right">{t('loans.field.balance')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {check.schedule.map((line) => (
            <Table.Tr key={line.n}>
              <Table.Td>{line.n}</Table.Td>
              <Table.Td>{format.date(line.dueDate)}</Table.Td>
              <Table.Td ta="right">{money(line.principalMinor)}</Table.Td>
              <Table.Td ta="right">{money(line.interestMinor)}</Table.Td>
              <Table.Td ta="right">{money(line.feesMinor)}</Table.Td>
              <Table.Td ta="right">{money(line.totalMinor)}</Table.Td>
              <Table.Td ta="right">{money(line.balanceMinor)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Td />
            <Table.Td>{t('loans.field.totals')}</Table.Td>
            <Table.Td ta="right">{money(check.totals.principalMinor)}</Table.Td>
            <Table.Td ta="right">{money(check.totals.interestMinor)}</Table.Td>
            <Table.Td ta="right">{money(check.totals.feesMinor)}</Table.Td>
            <Table.Td ta="right">{money(check.totals.totalMinor)}</Table.Td>
            <Table.Td />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
