// The second step of a sign-in: a six-digit code from the authenticator app, or a one-time recovery code.
import { Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';
import { AuthLayout } from '../../components/AuthLayout';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerError } from '../../components/serverErrors';
import { useSession } from '../../stores/session';

export function TwoFactorScreen() {
  const { t } = useTranslation();
  const { adopt, signOut } = useSession();
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const form = useForm({ mode: 'controlled', initialValues: { code: '' } });

  const submit = form.onSubmit(async ({ code }) => {
    setBusy(true);
    setMessage(null);
    const result = await api.call('auth.verifyTotp', { code: code.trim() });
    setBusy(false);
    if (result.error) {
      setMessage(applyServerError(form, result.error));
      form.setFieldValue('code', '');
    } else await adopt(result.data);
  });

  return (
    <AuthLayout title={t('twoFactor.title')} subtitle={t('twoFactor.subtitle')}>
      <form onSubmit={submit} noValidate aria-label={t('twoFactor.title')}>
        <Stack>
          <ErrorAlert message={message} />
          <TextInput
            label={t('twoFactor.code')}
            description={t('twoFactor.codeHint')}
            autoComplete="one-time-code"
            required
            autoFocus
            data-autofocus
            {...form.getInputProps('code')}
          />
          <Button type="submit" loading={isBusy}>
            {t('twoFactor.submit')}
          </Button>
          <Anchor component="button" type="button" size="sm" onClick={() => void signOut()}>
            {t('common.backToSignIn')}
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
