// The loan's collateral, with its total value against the principal, and "Add collateral".
import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LoanView } from '../../../../shared/contract';
import type { LoanFormat } from '../shared/format';

interface Props {
  loan: LoanView;
  format: LoanFormat;
  canAdd: boolean;
  onAdd(): void;
}

export function CollateralTab({ loan, format, canAdd, onAdd }: Props) {
  const { t } = useTranslation();
  const money = (minor: number) => format.moneyIn(minor, loan.currency, loan.digits);
  const total = loan.collateral.reduce((sum, c) => sum + c.valueMinor, 0);
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('loans.collateral.total', { amount: money(total), principal: money(loan.principalMinor) })}
        </Text>
        {canAdd ? (
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={onAdd}>
            {t('loans.collateral.add')}
          </Button>
        ) : null}
      </Group>
      {loan.collateral.length === 0 ? (
        <Text c="dimmed">{t('loans.collateral.none')}</Text>
      ) : (
        <Table aria-label={t('loans.tabs.collateral')} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('loans.collateral.type')}</Table.Th>
              <Table.Th>{t('loans.collateral.description')}</Table.Th>
              <Table.Th ta="right">{t('loans.collateral.value')}</Table.Th>
              <Table.Th>{t('loans.collateral.valuationDate')}</Table.Th>
              <Table.Th>{t('loans.collateral.lienStatus')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {loan.collateral.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{t(`loans.collateralType.${c.type}`)}</Table.Td>
                <Table.Td>{c.description}</Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {money(c.valueMinor)}
                </Table.Td>
                <Table.Td>{format.date(c.valuationDate)}</Table.Td>
                <Table.Td>{t(`loans.lienStatus.${c.lienStatus}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
