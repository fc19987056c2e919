// The loan's guarantors: who, how much they guarantee here, and what they already owe or guarantee elsewhere
// (their exposure); "Add guarantor".
import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
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

export function GuarantorsTab({ loan, format, canAdd, onAdd }: Props) {
  const { t } = useTranslation();
  const money = (minor: number) => format.moneyIn(minor, loan.currency, loan.digits);
  return (
    <Stack>
      {canAdd ? (
        <Group justify="flex-end">
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={onAdd}>
            {t('loans.guarantors.add')}
          </Button>
        </Group>
      ) : null}
      {loan.guarantors.length === 0 ? (
        <Text c="dimmed">{t('loans.guarantors.none')}</Text>
      ) : (
        <Table aria-label={t('loans.tabs.guarantors')} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('loans.field.customer')}</Table.Th>
              <Table.Th ta="right">{t('loans.guarantors.amount')}</Table.Th>
              <Table.Th ta="right">{t('loans.guarantors.exposure')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {loan.guarantors.map((g) => (
              <Table.Tr key={g.id}>
                <Table.Td>
                  <Anchor href={`#/customers/${g.customerId}`}>{g.name}</Anchor>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {g.customerNumber}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {money(g.guaranteedMinor)}
                </Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {money(g.exposureMinor)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
