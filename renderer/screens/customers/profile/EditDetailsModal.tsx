// Editing a profile's fields in a modal; only the changed fields are sent, and each change keeps the previous
// value in the profile's history.
import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idTypes, legalForms, type ApiError, type CustomerProfile } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyServerError } from '../../../components/serverErrors';
import { ContactFields } from '../onboard/ContactFields';
import type { contactDefaults } from '../onboard/inputs';
import { MoneyInput } from '../onboard/MoneyInput';
import type { BranchFormat } from '../shared/format';
import { toChanges, toEditValues, type EditValues } from './editValues';

interface Props {
  profile: CustomerProfile;
  format: BranchFormat;
  onClose(): void;
  onSaved(profile: CustomerProfile): void;
}

/** `customers.update` names its fields `changes.<field>`; the form names them `<field>`. */
function withoutChangesPrefix(error: ApiError): ApiError {
  return { ...error, issues: error.issues?.map((i) => ({ ...i, path: i.path.replace(/^changes\./, '') })) };
}

const genders = ['female', 'male', 'other', 'undisclosed'] as const;

export function EditDetailsModal({ profile, format, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [initial] = useState(() => toEditValues(profile, format.digits));
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const form = useForm<EditValues>({ mode: 'controlled', initialValues: initial });
  const input = (field: string, required = false, type = 'text') => (
    <TextInput
      label={t(`customers.field.${field}`)}
      required={required}
      type={type}
      {...form.getInputProps(field)}
    />
  );
  const money = (field: string, label: string) => (
    <MoneyInput
      currency={format.currency}
      label={t(`customers.field.${label}`)}
      {...form.getInputProps(field)}
    />
  );
  const select = (field: string, options: readonly string[], prefix: string) => (
    <Select
      label={t(`customers.field.${field}`)}
      allowDeselect={false}
      data={options.map((v) => ({ value: v, label: t(`customers.${prefix}.${v}`) }))}
      {...form.getInputProps(field)}
    />
  );

  const submit = form.onSubmit(async (values) => {
    const { changes, errors } = toChanges(initial, values, format.digits, format.locale);
    for (const [field, error] of Object.entries(errors))
      form.setFieldError(field, t(`customers.amountError.${error}`));
    if (Object.keys(errors).length > 0) return;
    if (Object.keys(changes).length === 0) return onClose();
    setBusy(true);
    setMessage(null);
    const result = await api.call('customers.update', { customerId: profile.id, changes });
    setBusy(false);
    if (result.error) setMessage(applyServerError(form, withoutChangesPrefix(result.error)));
    else onSaved(result.data);
  });

  return (
    <Modal opened onClose={onClose} title={t('customers.details.editTitle')} size="xl" centered>
      <form onSubmit={submit} noValidate aria-label={t('customers.details.editTitle')}>
        <Stack>
          <ErrorAlert message={message} />
          {profile.kind === 'individual' ? (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('customers.field.firstName')}
                required
                data-autofocus
                {...form.getInputProps('firstName')}
              />
              {input('middleName')}
              {input('lastName', true)}
              {input('dateOfBirth', true, 'date')}
              {select('gender', genders, 'gender')}
              {select('idType', idTypes, 'idType')}
              {input('idNumber', true)}
              {input('idExpiryDate', false, 'date')}
              {input('occupation')}
              {input('employer')}
              {money('monthlyIncomeMinor', 'monthlyIncome')}
              {money('monthlyExpensesMinor', 'monthlyExpenses')}
            </SimpleGrid>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('customers.field.registeredName')}
                required
                data-autofocus
                {...form.getInputProps('registeredName')}
              />
              {input('registrationNumber', true)}
              {select('legalForm', legalForms, 'legalForm')}
              {input('sector', true)}
              {input('dateEstablished', true, 'date')}
              {money('annualTurnoverMinor', 'annualTurnover')}
            </SimpleGrid>
          )}
          <ContactFields
            form={form as unknown as Parameters<typeof ContactFields<typeof contactDefaults>>[0]['form']}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isBusy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
