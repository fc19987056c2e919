// IDs that have expired or expire within 30 days: a small panel on the list, each linking to the profile.
import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/contract';
import { api } from '../../../api/api';
import type { BranchFormat } from '../shared/format';

type Expiring = OutputOf<'kyc.listExpiring'>;
const shown = 8;

export function ExpiringIds({ format, today }: { format: BranchFormat; today: string }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Expiring>([]);
  useEffect(() => {
    void api.call('kyc.listExpiring', { withinDays: 30 }).then((r) => r.data && setRows(r.data));
  }, []);
  if (rows.length === 0) return null;
  return (
    <Paper withBorder p="sm" aria-label={t('customers.expiring.title')} component="section">
      <Stack gap={4}>
        <Group gap="xs">
          <Text fw={600}>{t('customers.expiring.title')}</Text>
          <Badge color="orange">{rows.length}</Badge>
        </Group>
        {rows.slice(0, shown).map((c) => (
          <Group key={c.id} gap="xs">
            <Anchor href={`#/customers/${c.id}`}>{c.displayName}</Anchor>
            <Text size="sm" c={c.idExpiryDate < today ? 'red' : 'dimmed'}>
              {t(c.idExpiryDate < today ? 'customers.expiring.expired' : 'customers.expiring.expires', {
                date: format.date(c.idExpiryDate),
              })}
            </Text>
          </Group>
        ))}
        {rows.length > shown ? (
          <Text size="sm" c="dimmed">
            {t('customers.expiring.more', { count: rows.length - shown })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
