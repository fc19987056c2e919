// The loan's schedule as it stands: per installment what is due (principal, interest, fees, penalties), what
// was paid, what is outstanding, and its state; totals at the foot.
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LoanView } from '../../../../shared/contract';
import { InstallmentStateBadge } from '../shared/badges';
import type { LoanFormat } from '../shared/format';

type Line = LoanView['schedule'][number];
const components = ['principal', 'interest', 'fees', 'penalties'] as const;
const paidOf = (l: Line) => components.reduce((sum, c) => sum + l[c].paidMinor, 0);

export function ScheduleTab({ loan, format }: { loan: LoanView; format: LoanFormat }) {
  const { t } = useTranslation();
  const money = (minor: number) => format.moneyIn(minor, loan.currency, loan.digits);
  if (loan.schedule.length === 0) return <Text c="dimmed">{t('loans.schedule.none')}</Text>;
  const total = (pick: (l: Line) => number) => loan.schedule.reduce((sum, l) => sum + pick(l), 0);
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table
        style={{ whiteSpace: 'nowrap' }}
        aria-label={t('loans.tabs.schedule')}
        striped
        verticalSpacing={4}
        fz="sm"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>{t('loans.field.dueDate')}</Table.Th>
            <Table.Th ta="right">{t('loans.field.principal')}</Table.Th>
            <Table.Th ta="right">{t('loans.field.interest')}</Table.Th>
            <Table.Th ta="right">{t('loans.field.fees')}</Table.Th>
            <Table.Th ta="right">{t('loans.field.penalties')}</Table.Th>
            <Table.Th ta="right">{t('loans.field.paid')}</Table.Th>
            <Table.Th ta="right">{t('loans.field.outstanding')}</Table.Th>
            <Table.Th>{t('loans.field.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody ff="monospace">
          {loan.schedule.map((l) => (
            <Table.Tr key={l.n}>
              <Table.Td>{l.n}</Table.Td>
              <Table.Td>{format.date(l.dueDate)}</Table.Td>
              {components.map((c) => (
                <Table.Td key={c} ta="right">
                  {money(l[c].dueMinor)}
                </Table.Td>
              ))}
              <Table.Td ta="right">{money(paidOf(l))}</Table.Td>
              <Table.Td ta="right">{money(l.outstandingMinor)}</Table.Td>
              <Table.Td>
                <InstallmentStateBadge state={l.state} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700} ff="monospace">
            <Table.Td />
            <Table.Td>{t('loans.field.totals')}</Table.Td>
            {components.map((c) => (
              <Table.Td key={c} ta="right">
                {money(total((l) => l[c].dueMinor))}
              </Table.Td>
            ))}
            <Table.Td ta="right">{money(total(paidOf))}</Table.Td>
            <Table.Td ta="right">{money(total((l) => l.outstandingMinor))}</Table.Td>
            <Table.Td />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
