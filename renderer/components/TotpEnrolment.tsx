// Two-factor enrolment, used at a required enrolment after sign-in and from My account: scan the QR code (or
// type the secret), confirm with a code, then see the one-time recovery codes until "I have saved them".
import { Alert, Button, Code, Group, Image, Loader, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf, SignInResult } from '../../shared/contract';
import { api } from '../api/api';
import { useSession } from '../stores/session';
import { ErrorAlert } from './ErrorAlert';
import { applyServerError } from './serverErrors';

type Enrolment = OutputOf<'auth.startTotpEnrolment'>;

export function TotpEnrolment({ onFinished }: { onFinished(result: SignInResult): void }) {
  const { t } = useTranslation();
  const rotate = useSession((s) => s.rotate);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [finished, setFinished] = useState<OutputOf<'auth.confirmTotpEnrolment'> | null>(null);
  const form = useForm({ mode: 'controlled', initialValues: { code: '' } });

  useEffect(() => {
    let isCurrent = true;
    void api.call('auth.startTotpEnrolment', {}).then((result) => {
      if (!isCurrent) return;
      if (result.data) setEnrolment(result.data);
      else setMessage(result.error.message);
    });
    return () => {
      isCurrent = false;
    };
  }, []);

  const submit = form.onSubmit(async ({ code }) => {
    setBusy(true);
    setMessage(null);
    const result = await api.call('auth.confirmTotpEnrolment', { code: code.trim() });
    setBusy(false);
    if (result.error) setMessage(applyServerError(form, result.error));
    else {
      rotate(result.data.result.sessionToken);
      setFinished(result.data);
    }
  });

  if (finished) {
    return (
      <Stack>
        <Alert color="yellow" title={t('totp.recoveryTitle')}>
          {t('totp.recoveryBody')}
        </Alert>
        <SimpleGrid cols={2} aria-label={t('totp.recoveryTitle')}>
          {finished.recoveryCodes.map((code) => (
            <Code key={code} block>
              {code}
            </Code>
          ))}
        </SimpleGrid>
        <Button autoFocus onClick={() => onFinished(finished.result)}>
          {t('totp.saved')}
        </Button>
      </Stack>
    );
  }
  if (!enrolment)
    return message ? <ErrorAlert message={message} /> : <Loader aria-label={t('common.loading')} />;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text>{t('totp.scan')}</Text>
        <Group justify="center">
          <Image src={enrolment.qrDataUrl} alt={t('totp.qrAlt')} w={200} h={200} />
        </Group>
        <Text size="sm">
          {t('totp.secret')} <Code>{enrolment.secret}</Code>
        </Text>
        <ErrorAlert message={message} />
        <TextInput
          label={t('totp.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          autoFocus
          data-autofocus
          {...form.getInputProps('code')}
        />
        <Button type="submit" loading={isBusy}>
          {t('totp.confirm')}
        </Button>
      </Stack>
    </form>
  );
}
