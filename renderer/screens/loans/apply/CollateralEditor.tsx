// The application's collateral: add an item, fill its fields, remove it. Saved with the application.
import { ActionIcon, Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CollateralFields } from '../shared/CollateralFields';
import type { ApplicationValues } from './applicationInput';

interface Props {
  form: UseFormReturnType<ApplicationValues>;
  currency: string;
  businessDate: string;
}

export function CollateralEditor({ form, currency, businessDate }: Props) {
  const { t } = useTranslation();
  const rows = form.values.collateral;
  return (
    <Fieldset legend={t('loans.apply.collateral')}>
      <Stack>
        {rows.length === 0 ? <Text c="dimmed">{t('loans.collateral.none')}</Text> : null}
        {rows.map((row, i) => (
          <Group key={row.key} align="flex-end" wrap="nowrap">
            <div style={{ flex: 1 }}>
              <CollateralFields
                currency={currency}
                inputProps={(field) => form.getInputProps(`collateral.${i}.${field}`)}
              />
            </div>
            <ActionIcon
              variant="subtle"
              color="red"
              mb={4}
              aria-label={t('loans.collateral.remove')}
              onClick={() => form.removeListItem('collateral', i)}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          w="fit-content"
          onClick={() =>
            form.insertListItem('collateral', {
              key: crypto.randomUUID(),
              type: 'household',
              description: '',
              valueMinor: '',
              valuationDate: businessDate,
              lienStatus: 'none',
            })
          }
        >
          {t('loans.collateral.add')}
        </Button>
      </Stack>
    </Fieldset>
  );
}
