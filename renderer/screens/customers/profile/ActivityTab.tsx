// The customer's audit trail: who did what to the profile, when.
import { Code, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/contract';
import { api } from '../../../api/api';
import type { BranchFormat } from '../shared/format';

export function ActivityTab({
  customerId,
  version,
  format,
}: {
  customerId: string;
  version: string;
  format: BranchFormat;
}) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<OutputOf<'customers.activity'> | null>(null);
  useEffect(() => {
    void api.call('customers.activity', { customerId }).then((r) => r.data && setRows(r.data));
  }, [customerId, version]);
  if (rows?.length === 0) return <Text c="dimmed">{t('customers.activity.none')}</Text>;
  return (
    <Table striped aria-label={t('customers.tabs.audit')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('customers.details.when')}</Table.Th>
          <Table.Th>{t('customers.activity.who')}</Table.Th>
          <Table.Th>{t('customers.activity.action')}</Table.Th>
          <Table.Th>{t('customers.activity.details')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {(rows ?? []).map((r, i) => (
          <Table.Tr key={`${r.at}-${i}`}>
            <Table.Td>{format.instant(r.at)}</Table.Td>
            <Table.Td>{r.username ?? '—'}</Table.Td>
            <Table.Td>{r.action}</Table.Td>
            <Table.Td>
              <Code>{JSON.stringify(r.details)}</Code>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
