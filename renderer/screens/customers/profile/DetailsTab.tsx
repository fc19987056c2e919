// The profile's details, an "Edit" button (E) opening the edit modal, the people behind a business (or the
// businesses a person belongs to), and the field history with previous values.
import { Anchor, Button, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerProfile, OutputOf } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { basisPointsToPercent } from '../shared/amounts';
import type { BranchFormat } from '../shared/format';
import { EditDetailsModal } from './EditDetailsModal';
import { editableFields, moneyFields } from './editValues';

interface Props {
  profile: CustomerProfile;
  format: BranchFormat;
  canWrite: boolean;
  onChanged(profile: CustomerProfile): void;
}

const enumPrefix: Record<string, string> = { gender: 'gender', idType: 'idType', legalForm: 'legalForm' };
const dateFields = new Set(['dateOfBirth', 'idExpiryDate', 'dateEstablished']);

function useShowValue(format: BranchFormat) {
  const { t } = useTranslation();
  return (field: string, value: string | number | null): string => {
    if (value === null || value === '') return '—';
    if ((moneyFields as readonly string[]).includes(field)) return format.money(Number(value));
    if (dateFields.has(field)) return format.date(String(value));
    const prefix = enumPrefix[field];
    return prefix ? t(`customers.${prefix}.${value}`) : String(value);
  };
}

function FieldHistory({
  customerId,
  version,
  format,
}: {
  customerId: string;
  version: string;
  format: BranchFormat;
}) {
  const { t } = useTranslation();
  const show = useShowValue(format);
  const [rows, setRows] = useState<OutputOf<'customers.history'>>([]);
  const load = useCallback(async () => {
    const result = await api.call('customers.history', { customerId });
    if (result.data) setRows(result.data);
  }, [customerId]);
  useEffect(() => void load(), [load, version]);
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('customers.details.history')}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('customers.details.noHistory')}</Text>
      ) : (
        <Table striped aria-label={t('customers.details.history')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('customers.details.when')}</Table.Th>
              <Table.Th>{t('customers.details.field')}</Table.Th>
              <Table.Th>{t('customers.details.previous')}</Table.Th>
              <Table.Th>{t('customers.details.new')}</Table.Th>
              <Table.Th>{t('customers.details.by')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={`${r.changedAt}-${r.field}-${i}`}>
                <Table.Td>{format.instant(r.changedAt)}</Table.Td>
                <Table.Td>{t(`customers.field.${r.field}`, { defaultValue: r.field })}</Table.Td>
                <Table.Td>
                  <Text span td="line-through" c="dimmed">
                    {show(r.field, r.oldValue)}
                  </Text>
                </Table.Td>
                <Table.Td>{show(r.field, r.newValue)}</Table.Td>
                <Table.Td>{r.changedBy}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function People({ profile }: { profile: CustomerProfile }) {
  const { t } = useTranslation();
  const rows = [
    ...profile.people.map((p) => ({ role: p.role, share: p.shareBasisPoints, who: p.person })),
    ...profile.memberOf.map((m) => ({ role: m.role, share: m.shareBasisPoints, who: m.business })),
  ];
  if (rows.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {profile.kind === 'business' ? t('customers.onboard.people') : t('customers.details.memberOf')}
      </Title>
      {rows.map((r) => (
        <Group key={`${r.who.id}-${r.role}`} gap="xs">
          <Anchor href={`#/customers/${r.who.id}`}>{r.who.displayName}</Anchor>
          <Text c="dimmed" size="sm">
            {t(`customers.personRole.${r.role}`, { defaultValue: r.role })}
            {r.share !== null ? ` · ${basisPointsToPercent(r.share)}` : ''}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

export function DetailsTab({ profile, format, canWrite, onChanged }: Props) {
  const { t } = useTranslation();
  const show = useShowValue(format);
  const [isEditing, setEditing] = useState(false);
  useHotkeys([['E', () => canWrite && setEditing(true)]]);
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          {t('customers.details.createdBy', {
            who: profile.createdBy,
            when: format.instant(profile.createdAt),
          })}
        </Text>
        {canWrite ? (
          <Button
            leftSection={<IconPencil size={16} />}
            variant="light"
            onClick={() => setEditing(true)}
            aria-keyshortcuts="E"
          >
            {t('customers.details.edit')}
          </Button>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" component="dl">
        {editableFields[profile.kind].map((field) => (
          <div key={field}>
            <Text component="dt" size="xs" c="dimmed">
              {t(`customers.field.${field}`)}
            </Text>
            <Text component="dd" m={0} data-field={field}>
              {show(field, profile[field as keyof CustomerProfile] as string | number | null)}
            </Text>
          </div>
        ))}
        <div>
          <Text component="dt" size="xs" c="dimmed">
            {t('customers.field.referredBy')}
          </Text>
          <Text component="dd" m={0}>
            {profile.referredBy ? (
              <Anchor href={`#/customers/${profile.referredBy.id}`}>{profile.referredBy.displayName}</Anchor>
            ) : (
              '—'
            )}
          </Text>
        </div>
      </SimpleGrid>
      <People profile={profile} />
      <FieldHistory customerId={profile.id} version={profile.updatedAt} format={format} />
      {isEditing ? (
        <EditDetailsModal
          profile={profile}
          format={format}
          onClose={() => setEditing(false)}
          onSaved={(p) => {
            setEditing(false);
            onChanged(p);
          }}
        />
      ) : null}
    </Stack>
  );
}
