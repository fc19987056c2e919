// First-run setup: the institution, this branch and the first administrator (`setup.initialise`). Shown while
// `setup.status` says the ledger is not initialised; on success the person goes on to sign in.
import { Button, Divider, Group, PasswordInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';
import { AuthLayout } from '../../components/AuthLayout';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerError } from '../../components/serverErrors';
import { languages } from '../../i18n';

function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function SetupScreen({ onDone }: { onDone(): void }) {
  const { t, i18n } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      institutionName: '',
      branchCode: '',
      branchName: '',
      currency: 'KES',
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      businessDate: todayIso(),
      locale: i18n.language === 'fr' ? 'fr' : 'en',
      adminUsername: 'admin',
      adminDisplayName: '',
      adminPassword: '',
      confirmPassword: '',
    },
    validate: {
      confirmPassword: (value, values) => (value === values.adminPassword ? null : t('password.mismatch')),
    },
  });

  const submit = form.onSubmit(async ({ confirmPassword: _confirm, ...values }) => {
    setBusy(true);
    setMessage(null);
    const result = await api.call('setup.initialise', {
      ...values,
      branchCode: values.branchCode.trim().toUpperCase(),
      currency: values.currency.trim().toUpperCase(),
      locale: values.locale === 'fr' ? 'fr' : 'en',
    });
    setBusy(false);
    if (result.error) setMessage(applyServerError(form, result.error));
    else onDone();
  });

  return (
    <AuthLayout title={t('setup.title')} subtitle={t('setup.subtitle')} width={640}>
      <form onSubmit={submit} noValidate aria-label={t('setup.title')}>
        <ErrorAlert message={message} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
          <TextInput
            label={t('setup.institutionName')}
            required
            autoFocus
            data-autofocus
            {...form.getInputProps('institutionName')}
          />
          <TextInput
            label={t('setup.branchCode')}
            description={t('setup.branchCodeHint')}
            required
            {...form.getInputProps('branchCode')}
          />
          <TextInput label={t('setup.branchName')} required {...form.getInputProps('branchName')} />
          <TextInput
            label={t('setup.currency')}
            description={t('setup.currencyHint')}
            required
            maxLength={3}
            {...form.getInputProps('currency')}
          />
          <TextInput label={t('setup.timeZone')} required {...form.getInputProps('timeZone')} />
          <TextInput
            type="date"
            label={t('setup.businessDate')}
            required
            {...form.getInputProps('businessDate')}
          />
          <Select
            label={t('setup.locale')}
            data={languages.map((l) => ({ value: l.value, label: l.label }))}
            allowDeselect={false}
            {...form.getInputProps('locale')}
          />
        </SimpleGrid>
        <Divider my="md" label={t('setup.adminSection')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('setup.adminUsername')} required {...form.getInputProps('adminUsername')} />
          <TextInput
            label={t('setup.adminDisplayName')}
            required
            {...form.getInputProps('adminDisplayName')}
          />
          <PasswordInput
            label={t('setup.adminPassword')}
            description={t('password.policy')}
            required
            {...form.getInputProps('adminPassword')}
          />
          <PasswordInput label={t('password.confirm')} required {...form.getInputProps('confirmPassword')} />
        </SimpleGrid>
        <Group justify="flex-end" mt="lg">
          <Button type="submit" loading={isBusy}>
            {t('setup.submit')}
          </Button>
        </Group>
      </form>
    </AuthLayout>
  );
}
