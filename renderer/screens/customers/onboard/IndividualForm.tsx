// Onboarding an individual: who they are, their ID document, how to reach them, and what they earn and spend.
import { Fieldset, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { idTypes } from '../../../../shared/contract';
import { api } from '../../../api/api';
import type { BranchFormat } from '../shared/format';
import { ContactFields } from './ContactFields';
import { individualDefaults, individualDuplicateQuery, toIndividualInput } from './inputs';
import { MoneyInput } from './MoneyInput';
import { OnboardingFooter } from './OnboardingFooter';
import { useDuplicateCheck } from './useDuplicateCheck';
import { useRegister } from './useRegister';

const genders = ['female', 'male', 'other', 'undisclosed'] as const;

export function IndividualForm({
  format,
  country,
  onBack,
}: {
  format: BranchFormat;
  country: string;
  onBack(): void;
}) {
  const { t } = useTranslation();
  const form = useForm({ mode: 'controlled', initialValues: { ...individualDefaults, country } });
  const state = useRegister(form);
  const check = useDuplicateCheck(individualDuplicateQuery(form.values));

  const submit = form.onSubmit(async (values) => {
    const { input, errors } = toIndividualInput(values, format.digits, format.locale);
    if (!state.checkAmounts(errors)) return;
    await state.submit((reason) =>
      api.call('customers.registerIndividual', { ...input, duplicateOverrideReason: reason }),
    );
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('customers.onboard.individualTitle')}>
      <Stack>
        <Fieldset legend={t('customers.onboard.identity')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('customers.field.firstName')}
              required
              data-autofocus
              autoFocus
              {...form.getInputProps('firstName')}
            />
            <TextInput label={t('customers.field.middleName')} {...form.getInputProps('middleName')} />
            <TextInput label={t('customers.field.lastName')} required {...form.getInputProps('lastName')} />
            <TextInput
              label={t('customers.field.dateOfBirth')}
              type="date"
              required
              {...form.getInputProps('dateOfBirth')}
            />
            <Select
              label={t('customers.field.gender')}
              allowDeselect={false}
              data={genders.map((g) => ({ value: g, label: t(`customers.gender.${g}`) }))}
              {...form.getInputProps('gender')}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('customers.onboard.idDocument')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('customers.field.idType')}
              allowDeselect={false}
              data={idTypes.map((v) => ({ value: v, label: t(`customers.idType.${v}`) }))}
              {...form.getInputProps('idType')}
            />
            <TextInput label={t('customers.field.idNumber')} required {...form.getInputProps('idNumber')} />
            <TextInput
              label={t('customers.field.idExpiryDate')}
              type="date"
              {...form.getInputProps('idExpiryDate')}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('customers.onboard.contact')}>
          <Stack>
            <ContactFields form={form} />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('customers.onboard.work')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('customers.field.occupation')} {...form.getInputProps('occupation')} />
            <TextInput label={t('customers.field.employer')} {...form.getInputProps('employer')} />
            <MoneyInput
              currency={format.currency}
              label={t('customers.field.monthlyIncome')}
              {...form.getInputProps('monthlyIncomeMinor')}
            />
            <MoneyInput
              currency={format.currency}
              label={t('customers.field.monthlyExpenses')}
              {...form.getInputProps('monthlyExpensesMinor')}
            />
          </SimpleGrid>
        </Fieldset>
        <OnboardingFooter
          check={check}
          state={state}
          referredByError={(form.errors.referredByCustomerId as string | undefined) ?? null}
          onReferredByChange={(id) => form.setFieldValue('referredByCustomerId', id)}
          onBack={onBack}
        />
      </Stack>
    </form>
  );
}
