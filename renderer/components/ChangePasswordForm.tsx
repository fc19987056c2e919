// Current, new and confirmed password (`auth.changePassword`); the server checks the policy and shows its
// reason next to the new password. Used at a forced change after sign-in and from My account.
import { Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignInResult } from '../../shared/contract';
import { api } from '../api/api';
import { ErrorAlert } from './ErrorAlert';
import { applyServerError } from './serverErrors';

export function ChangePasswordForm(props: {
  autoFocus?: boolean;
  submitLabel: string;
  onChanged(result: SignInResult): void | Promise<void>;
}) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      confirmPassword: (value, values) => (value === values.newPassword ? null : t('password.mismatch')),
    },
  });

  const submit = form.onSubmit(async ({ currentPassword, newPassword }) => {
    setBusy(true);
    setMessage(null);
    const result = await api.call('auth.changePassword', { currentPassword, newPassword });
    setBusy(false);
    if (result.error) {
      setMessage(applyServerError(form, result.error));
      return;
    }
    form.reset();
    await props.onChanged(result.data);
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('password.changeTitle')}>
      <Stack>
        <ErrorAlert message={message} />
        <PasswordInput
          label={t('password.current')}
          autoComplete="current-password"
          required
          autoFocus={props.autoFocus}
          data-autofocus={props.autoFocus || undefined}
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          label={t('password.new')}
          description={t('password.policy')}
          autoComplete="new-password"
          required
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label={t('password.confirm')}
          autoComplete="new-password"
          required
          {...form.getInputProps('confirmPassword')}
        />
        <Button type="submit" loading={isBusy}>
          {props.submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
