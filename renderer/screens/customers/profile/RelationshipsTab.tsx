// Relationships: the list (with remove), adding one by searching a customer, and the graph.
import { ActionIcon, Anchor, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { relationshipKinds, type CustomerProfile, type CustomerSummary } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { CustomerPicker } from '../shared/CustomerPicker';
import { RelationshipGraph } from './RelationshipGraph';

type Kind = (typeof relationshipKinds)[number];

function AddRelationship({ profile, onAdded }: { profile: CustomerProfile; onAdded(): void }) {
  const { t } = useTranslation();
  const [other, setOther] = useState<CustomerSummary | null>(null);
  const [kind, setKind] = useState<Kind>('guarantor');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function add(event: React.FormEvent) {
    event.preventDefault();
    if (!other) return setError(t('customers.relationships.chooseCustomer'));
    setBusy(true);
    setError(null);
    const result = await api.call('relationships.add', {
      customerId: profile.id,
      relatedCustomerId: other.id,
      kind,
      note: note.trim() || undefined,
    });
    setBusy(false);
    if (result.error) return setError(result.error.issues?.[0]?.message ?? result.error.message);
    setOther(null);
    setNote('');
    onAdded();
  }

  return (
    <form onSubmit={(e) => void add(e)} noValidate aria-label={t('customers.relationships.add')}>
      <Group align="flex-start">
        <CustomerPicker
          label={t('customers.relationships.customer')}
          value={other}
          onChange={setOther}
          excludeIds={[profile.id]}
          error={error}
        />
        <Select
          label={t('customers.relationships.kind')}
          allowDeselect={false}
          value={kind}
          onChange={(v) => setKind((v ?? 'guarantor') as Kind)}
          data={relationshipKinds.map((k) => ({ value: k, label: t(`customers.relationshipKind.${k}`) }))}
        />
        <TextInput
          label={t('customers.relationships.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Button type="submit" mt={25} loading={isBusy}>
          {t('customers.relationships.add')}
        </Button>
      </Group>
    </form>
  );
}

export function RelationshipsTab({
  profile,
  canWrite,
  onChanged,
}: {
  profile: CustomerProfile;
  canWrite: boolean;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  async function remove(relationshipId: string) {
    const result = await api.call('relationships.remove', { relationshipId });
    if (result.error) setError(result.error.message);
    else onChanged();
  }
  return (
    <Stack>
      {canWrite ? <AddRelationship profile={profile} onAdded={onChanged} /> : null}
      <ErrorAlert message={error} />
      {profile.relationships.length === 0 ? (
        <Text c="dimmed">{t('customers.relationships.none')}</Text>
      ) : (
        <Table aria-label={t('customers.tabs.relationships')}>
          <Table.Tbody>
            {profile.relationships.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor href={`#/customers/${r.other.id}`}>{r.other.displayName}</Anchor>
                </Table.Td>
                <Table.Td>
                  {t(`customers.relationshipKind.${r.kind}`)}
                  {r.direction === 'incoming' ? ` (${t('customers.relationships.incoming')})` : ''}
                </Table.Td>
                <Table.Td>{r.note ?? ''}</Table.Td>
                <Table.Td>
                  {canWrite ? (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('customers.relationships.remove', { name: r.other.displayName })}
                      onClick={() => void remove(r.id)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <RelationshipGraph profile={profile} />
    </Stack>
  );
}
