// Onboarding a business: its registration, how to reach it, and the individuals behind it.
import { Fieldset, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { legalForms } from '../../../../shared/contract';
import { api } from '../../../api/api';
import type { BranchFormat } from '../shared/format';
import { ContactFields } from './ContactFields';
import { businessDefaults, businessDuplicateQuery, toBusinessInput } from './inputs';
import { MoneyInput } from './MoneyInput';
import { OnboardingFooter } from './OnboardingFooter';
import { PeopleEditor } from './PeopleEditor';
import { useDuplicateCheck } from './useDuplicateCheck';
import { useRegister } from './useRegister';

export function BusinessForm({
  format,
  country,
  onBack,
}: {
  format: BranchFormat;
  country: string;
  onBack(): void;
}) {
  const { t } = useTranslation();
  const form = useForm({ mode: 'controlled', initialValues: { ...businessDefaults, country } });
  const state = useRegister(form);
  const check = useDuplicateCheck(businessDuplicateQuery(form.values));

  const submit = form.onSubmit(async (values) => {
    const { input, errors } = toBusinessInput(values, format.digits, format.locale);
    if (!state.checkAmounts(errors)) return;
    await state.submit((reason) =>
      api.call('customers.registerBusiness', { ...input, duplicateOverrideReason: reason }),
    );
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('customers.onboard.businessTitle')}>
      <Stack>
        <Fieldset legend={t('customers.onboard.registration')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('customers.field.registeredName')}
              required
              data-autofocus
              autoFocus
              {...form.getInputProps('registeredName')}
            />
            <TextInput
              label={t('customers.field.registrationNumber')}
              required
              {...form.getInputProps('registrationNumber')}
            />
            <Select
              label={t('customers.field.legalForm')}
              allowDeselect={false}
              data={legalForms.map((v) => ({ value: v, label: t(`customers.legalForm.${v}`) }))}
              {...form.getInputProps('legalForm')}
            />
            <TextInput label={t('customers.field.sector')} required {...form.getInputProps('sector')} />
            <TextInput
              label={t('customers.field.dateEstablished')}
              type="date"
              required
              {...form.getInputProps('dateEstablished')}
            />
            <MoneyInput
              currency={format.currency}
              label={t('customers.field.annualTurnover')}
              {...form.getInputProps('annualTurnoverMinor')}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('customers.onboard.contact')}>
          <Stack>
            <ContactFields form={form} />
          </Stack>
        </Fieldset>
        <PeopleEditor
          people={form.values.people}
          onChange={(people) => form.setFieldValue('people', people)}
          errors={form.errors}
        />
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
