// The central server settings: URL (without password), user, password (to the keychain), head-office scope,
// auto-sync, and "Test connection". Errors show next to their field; a refused keychain says so plainly.
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { api } from '../../api/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerError } from '../../components/serverErrors';
import { useSyncStatus } from '../../stores/syncStatus';

type Config = OutputOf<'sync.getConfig'>;
type Values = {
  url: string;
  user: string;
  password: string;
  isHeadOffice: boolean;
  isAutoSync: boolean;
};

function SettingsForm({ initial, onSaved }: { initial: Config; onSaved(config: Config): void }) {
  const { t } = useTranslation();
  const poll = useSyncStatus((s) => s.poll);
  const [message, setMessage] = useState<string | null>(null);
  const [tested, setTested] = useState<{ isReachable: boolean; message: string } | null>(null);
  const [isBusy, setBusy] = useState(false);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      url: initial.url ?? '',
      user: initial.user ?? '',
      password: '',
      isHeadOffice: initial.isHeadOffice,
      isAutoSync: initial.isAutoSync,
    },
  });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setMessage(null);
    const result = await api.call('sync.configure', {
      ...values,
      password: values.password === '' ? undefined : values.password,
    });
    setBusy(false);
    if (result.error) setMessage(applyServerError(form, result.error));
    else {
      form.setFieldValue('password', '');
      onSaved(result.data);
      notifications.show({ color: 'teal', message: t('sync.settings.saved') });
      void poll();
    }
  });

  async function test() {
    setTested(null);
    const { url, user, password } = form.getValues();
    const result = await api.call('sync.testConnection', {
      url: url || undefined,
      user: user || undefined,
      password: password || undefined,
    });
    if (result.error) setMessage(applyServerError(form, result.error));
    else setTested(result.data);
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('sync.settings.title')}>
      <Stack>
        <ErrorAlert message={message} />
        {!initial.keychain.isAvailable && initial.keychain.message && (
          <Alert color="yellow">{initial.keychain.message}</Alert>
        )}
        <TextInput
          label={t('sync.settings.url')}
          description={t('sync.settings.urlHint')}
          placeholder="postgresql://10.0.0.5:5432/lms"
          required
          autoFocus
          {...form.getInputProps('url')}
        />
        <Group grow align="flex-start">
          <TextInput label={t('sync.settings.user')} required {...form.getInputProps('user')} />
          <PasswordInput
            label={t('sync.settings.password')}
            description={initial.hasPassword ? t('sync.settings.passwordKept') : undefined}
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
        </Group>
        <Checkbox
          label={t('sync.settings.isHeadOffice')}
          {...form.getInputProps('isHeadOffice', { type: 'checkbox' })}
        />
        <Checkbox
          label={t('sync.settings.isAutoSync')}
          {...form.getInputProps('isAutoSync', { type: 'checkbox' })}
        />
        {tested && (
          <Alert color={tested.isReachable ? 'teal' : 'red'} role="status">
            {tested.message}
          </Alert>
        )}
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('sync.settings.keychain', { backend: initial.keychain.backend })}
          </Text>
          <Group>
            <Button variant="default" onClick={() => void test()}>
              {t('sync.settings.test')}
            </Button>
            <Button type="submit" loading={isBusy}>
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

export function SyncSettings() {
  const { t } = useTranslation();
  const [config, setConfig] = useState<Config | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    void api.call('sync.getConfig', {}).then((result) => {
      if (result.data) setConfig(result.data);
      else setMessage(result.error.message);
    });
  }, []);

  return (
    <Paper withBorder p="lg">
      <Stack>
        <Title order={2} size="h3">
          {t('sync.settings.title')}
        </Title>
        <Text size="sm">{t('sync.settings.intro')}</Text>
        <ErrorAlert message={message} />
        {config ? (
          <SettingsForm initial={config} onSaved={setConfig} />
        ) : (
          !message && <Loader aria-label={t('common.loading')} />
        )}
      </Stack>
    </Paper>
  );
}
