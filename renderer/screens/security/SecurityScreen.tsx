// Sign-in and session security settings (settings.manage): the five numbers of `settings.getSecurity`.
import { Button, Group, Loader, NumberInput, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecuritySettings } from '../../../shared/contract';
import { api } from '../../api/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerError } from '../../components/serverErrors';

const fields: { name: keyof SecuritySettings; min: number; max: number }[] = [
  { name: 'maxFailedSignIns', min: 1, max: 20 },
  { name: 'lockoutMinutes', min: 1, max: 24 * 60 },
  { name: 'idleMinutes', min: 1, max: 24 * 60 },
  { name: 'sessionHours', min: 1, max: 72 },
  { name: 'minPasswordLength', min: 12, max: 128 },
];

function SecurityForm({ initial }: { initial: SecuritySettings }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const form = useForm<SecuritySettings>({ mode: 'controlled', initialValues: initial });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setMessage(null);
    const result = await api.call('settings.updateSecurity', values);
    setBusy(false);
    if (result.error) setMessage(applyServerError(form, result.error));
    else {
      form.setInitialValues(result.data);
      form.setValues(result.data);
      notifications.show({ color: 'teal', message: t('security.saved') });
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('security.title')}>
      <Stack>
        <ErrorAlert message={message} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {fields.map((field, index) => (
            <NumberInput
              key={field.name}
              label={t(`security.${field.name}`)}
              description={t(`security.${field.name}Hint`)}
              min={field.min}
              max={field.max}
              allowDecimal={false}
              allowNegative={false}
              autoFocus={index === 0}
              {...form.getInputProps(field.name)}
            />
          ))}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={isBusy} disabled={!form.isDirty()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function SecurityScreen() {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<SecuritySettings | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    void api.call('settings.getSecurity', {}).then((result) => {
      if (result.data) setSettings(result.data);
      else setMessage(result.error.message);
    });
  }, []);

  return (
    <Stack maw={720}>
      <Title order={1} size="h2">
        {t('security.title')}
      </Title>
      <ErrorAlert message={message} />
      <Paper withBorder p="lg">
        {settings ? <SecurityForm initial={settings} /> : <Loader aria-label={t('common.loading')} />}
      </Paper>
    </Stack>
  );
}
