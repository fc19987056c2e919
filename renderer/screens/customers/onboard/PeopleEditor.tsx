// A business's owners, directors and contact persons: existing individual customers, picked by searching;
// owners may have a share in percent (25.5 % is sent as 2550 basis points).
import { ActionIcon, Anchor, Fieldset, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CustomerPicker } from '../shared/CustomerPicker';
import type { PersonRow } from './inputs';

const roles = ['owner', 'director', 'contact'] as const;

interface Props {
  people: PersonRow[];
  onChange(people: PersonRow[]): void;
  errors: Record<string, unknown>;
}

export function PeopleEditor({ people, onChange, errors }: Props) {
  const { t } = useTranslation();
  const update = (index: number, change: Partial<PersonRow>) =>
    onChange(people.map((p, i) => (i === index ? { ...p, ...change } : p)));
  const errorOf = (key: string) => (errors[key] as string | undefined) ?? null;
  const rowError = (i: number) => errorOf(`people.${i}.customerId`) ?? errorOf(`people.${i}.role`);

  return (
    <Fieldset legend={t('customers.onboard.people')}>
      <Stack>
        {people.length > 0 ? (
          <Table aria-label={t('customers.onboard.people')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('customers.field.person')}</Table.Th>
                <Table.Th>{t('customers.field.role')}</Table.Th>
                <Table.Th>{t('customers.field.share')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.map((p, i) => (
                <Table.Tr key={p.customer.id}>
                  <Table.Td>
                    <Anchor href={`#/customers/${p.customer.id}`} target="_blank" rel="noreferrer">
                      {p.customer.displayName}
                    </Anchor>
                    {rowError(i) ? (
                      <Text c="red" size="xs">
                        {rowError(i)}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('customers.field.role')}
                      allowDeselect={false}
                      value={p.role}
                      onChange={(v) => update(i, { role: (v ?? 'director') as PersonRow['role'] })}
                      data={roles.map((r) => ({ value: r, label: t(`customers.personRole.${r}`) }))}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('customers.field.share')}
                      inputMode="decimal"
                      rightSection="%"
                      disabled={p.role !== 'owner'}
                      value={p.share}
                      onChange={(e) => update(i, { share: e.currentTarget.value })}
                      error={errorOf(`people.${i}.shareBasisPoints`)}
                      w={110}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('customers.onboard.removePerson', { name: p.customer.displayName })}
                      onClick={() => onChange(people.filter((_, j) => j !== i))}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
        <Group align="flex-end">
          <CustomerPicker
            label={t('customers.onboard.addPerson')}
            kind="individual"
            value={null}
            excludeIds={people.map((p) => p.customer.id)}
            onChange={(c) => c && onChange([...people, { customer: c, role: 'director', share: '' }])}
          />
        </Group>
        {errorOf('people') ? (
          <Text c="red" size="sm" role="alert">
            {errorOf('people')}
          </Text>
        ) : null}
      </Stack>
    </Fieldset>
  );
}
