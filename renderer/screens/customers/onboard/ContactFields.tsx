// Phones, e-mail and address: the same fields for individuals and businesses.
import { SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { contactDefaults } from './inputs';

type ContactValues = typeof contactDefaults;

export function ContactFields<V extends ContactValues>({ form }: { form: UseFormReturnType<V> }) {
  const { t } = useTranslation();
  const f = form as unknown as UseFormReturnType<ContactValues>;
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('customers.field.phone')}
          description={t('customers.field.phoneHint')}
          type="tel"
          required
          {...f.getInputProps('phone')}
        />
        <TextInput label={t('customers.field.phoneAlt')} type="tel" {...f.getInputProps('phoneAlt')} />
        <TextInput label={t('customers.field.email')} type="email" {...f.getInputProps('email')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 4 }}>
        <TextInput label={t('customers.field.address')} {...f.getInputProps('address')} />
        <TextInput label={t('customers.field.city')} {...f.getInputProps('city')} />
        <TextInput label={t('customers.field.region')} {...f.getInputProps('region')} />
        <TextInput
          label={t('customers.field.country')}
          maxLength={2}
          {...f.getInputProps('country')}
          onChange={(e) => f.setFieldValue('country', e.currentTarget.value.toUpperCase())}
        />
      </SimpleGrid>
    </>
  );
}
