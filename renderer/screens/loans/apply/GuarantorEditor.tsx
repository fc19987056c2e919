// The application's guarantors: pick an existing customer (not the applicant, not one already added) and the
// amount they guarantee. Saved with the application.
import { ActionIcon, Button, Fieldset, Group, Stack, Table, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '../../../../shared/contract';
import { MoneyInput } from '../../customers/onboard/MoneyInput';
import { CustomerPicker } from '../../customers/shared/CustomerPicker';
import type { ApplicationValues } from './applicationInput';

interface Props {
  form: UseFormReturnType<ApplicationValues>;
  applicantId: string | null;
  currency: string;
}

export function GuarantorEditor({ form, applicantId, currency }: Props) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<CustomerSummary | null>(null);
  const rows = form.values.guarantors;
  const excluded = [...(applicantId ? [applicantId] : []), ...rows.map((r) => r.customer.id)];
  return (
    <Fieldset legend={t('loans.apply.guarantors')}>
      <Stack>
        {rows.length === 0 ? (
          <Text c="dimmed">{t('loans.guarantors.none')}</Text>
        ) : (
          <Table aria-label={t('loans.apply.guarantors')} verticalSpacing={4}>
            <Table.Tbody>
              {rows.map((row, i) => (
                <Table.Tr key={row.key}>
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {row.customer.displayName}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {row.customer.customerNo}
                    </Text>
                  </Table.Td>
                  <Table.Td w={260}>
                    <MoneyInput
                      currency={currency}
                      aria-label={t('loans.guarantors.amountFor', { name: row.customer.displayName })}
                      placeholder={t('loans.guarantors.amount')}
                      {...form.getInputProps(`guarantors.${i}.guaranteedMinor`)}
                    />
                  </Table.Td>
                  <Table.Td w={40}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('loans.guarantors.remove')}
                      onClick={() => form.removeListItem('guarantors', i)}
                    >
                      <IconTrash size={18} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group align="flex-end">
          <div style={{ flex: 1, maxWidth: 480 }}>
            <CustomerPicker
              label={t('loans.guarantors.pick')}
              value={picked}
              onChange={setPicked}
              excludeIds={excluded}
            />
          </div>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            disabled={!picked}
            onClick={() => {
              if (!picked) return;
              form.insertListItem('guarantors', {
                key: crypto.randomUUID(),
                customer: picked,
                guaranteedMinor: '',
              });
              setPicked(null);
            }}
          >
            {t('loans.guarantors.add')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
