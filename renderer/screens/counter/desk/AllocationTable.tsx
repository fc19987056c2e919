// How a payment is (or would be) split — penalties, fees, interest, principal, and any credit left over — and
// the loan's balance after it. The same table previews a repayment and shows the posted one.
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PostingResult } from '../../../../shared/contract';

interface Props {
  allocation: PostingResult['allocation'];
  balanceAfter: PostingResult['balanceAfter'];
  money(minor: number): string;
  label: string;
}

const parts = ['penaltiesMinor', 'feesMinor', 'interestMinor', 'principalMinor', 'creditMinor'] as const;

export function AllocationTable({ allocation, balanceAfter, money, label }: Props) {
  const { t } = useTranslation();
  return (
    <Table withTableBorder aria-label={label} data-testid="allocation" verticalSpacing={4}>
      <Table.Tbody>
        {parts.map((part) => (
          <Table.Tr key={part} data-part={part}>
            <Table.Th scope="row" fw={400}>
              {t(`counter.allocation.${part}`)}
            </Table.Th>
            <Table.Td ta="right">{money(allocation[part])}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr data-part="principalAfter">
          <Table.Th scope="row">{t('counter.allocation.principalAfter')}</Table.Th>
          <Table.Td ta="right" fw={600}>
            {money(balanceAfter.principalMinor)}
          </Table.Td>
        </Table.Tr>
        <Table.Tr data-part="balanceAfter">
          <Table.Th scope="row">{t('counter.allocation.balanceAfter')}</Table.Th>
          <Table.Td ta="right" fw={600}>
            {money(balanceAfter.totalOutstandingMinor)}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}
