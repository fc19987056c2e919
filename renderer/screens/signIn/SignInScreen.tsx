// Sign-in with username and password. The server decides what comes next (two-factor, a new password,
// enrolment) and says why a sign-in is refused (wrong password, locked, disabled); its message is shown as is.
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';
import { AuthLayout } from '../../components/AuthLayout';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerError } from '../../components/serverErrors';
import { useSession, type SignOutNotice } from '../../stores/session';
import { refusalMessage } from './refusal';

const noticeKeys: Record<Exclude<SignOutNotice, null>, string> = {
  idle: 'signIn.noticeIdle',
  ended: 'signIn.noticeEnded',
  signedOut: 'signIn.noticeSignedOut',
};

export function SignInScreen({ place }: { place: string | null }) {
  const { t, i18n } = useTranslation();
  const { adopt, notice, clearNotice } = useSession();
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const form = useForm({ mode: 'controlled', initialValues: { username: '', password: '' } });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setMessage(null);
    clearNotice();
    const result = await api.call('auth.signIn', values);
    setBusy(false);
    if (result.error) {
      const isRefusal = result.error.code === 'UNAUTHENTICATED';
      setMessage(
        isRefusal ? refusalMessage(result.error, t, i18n.language) : applyServerError(form, result.error),
      );
      form.setFieldValue('password', '');
      return;
    }
    await adopt(result.data);
  });

  return (
    <AuthLayout title={t('signIn.title')} subtitle={place}>
      <form onSubmit={submit} noValidate aria-label={t('signIn.title')}>
        <Stack>
          {notice ? (
            <Alert color="blue" icon={<IconInfoCircle size={18} />} role="status">
              {t(noticeKeys[notice])}
            </Alert>
          ) : null}
          <ErrorAlert message={message} title={t('signIn.refused')} />
          <TextInput
            label={t('signIn.username')}
            autoComplete="username"
            required
            autoFocus
            data-autofocus
            {...form.getInputProps('username')}
          />
          <PasswordInput
            label={t('signIn.password')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={isBusy}>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
