// My account → two-factor sign-in: enable it (enrolment with QR code and recovery codes) or turn it off
// with the password (refused by the server where the role requires it).
import { Badge, Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerError } from '../../components/serverErrors';
import { TotpEnrolment } from '../../components/TotpEnrolment';
import { useSession, type Me } from '../../stores/session';

function DisableTwoFactor() {
  const { t } = useTranslation();
  const refresh = useSession((s) => s.refresh);
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const form = useForm({ mode: 'controlled', initialValues: { password: '' } });

  const submit = form.onSubmit(async ({ password }) => {
    setBusy(true);
    setMessage(null);
    const result = await api.call('auth.disableTotp', { password });
    setBusy(false);
    if (result.error) setMessage(applyServerError(form, result.error));
    else {
      notifications.show({ message: t('account.totpDisabled') });
      await refresh();
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('account.disableTotp')}>
      <Stack>
        <ErrorAlert message={message} />
        <PasswordInput label={t('account.passwordToConfirm')} required {...form.getInputProps('password')} />
        <Group>
          <Button type="submit" color="red" variant="light" loading={isBusy}>
            {t('account.disableTotp')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function TwoFactorCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const adopt = useSession((s) => s.adopt);
  const [isEnrolling, setEnrolling] = useState(false);
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('account.twoFactor')}
          </Title>
          <Badge color={me.user.hasTotp ? 'teal' : 'gray'}>
            {me.user.hasTotp ? t('account.totpOn') : t('account.totpOff')}
          </Badge>
        </Group>
        {me.user.hasTotp ? (
          <DisableTwoFactor />
        ) : isEnrolling ? (
          <TotpEnrolment
            onFinished={(result) => {
              setEnrolling(false);
              notifications.show({ color: 'teal', message: t('account.totpEnabled') });
              void adopt(result);
            }}
          />
        ) : (
          <Stack align="flex-start">
            <Text>{t('account.totpExplain')}</Text>
            <Button onClick={() => setEnrolling(true)}>{t('account.enableTotp')}</Button>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
