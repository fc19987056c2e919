// Give a staff member a temporary password; they must change it at their next sign-in.
import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../shared/contract';
import { api } from '../../api/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerError } from '../../components/serverErrors';

export function ResetPasswordModal(props: { user: UserView; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const form = useForm({ mode: 'controlled', initialValues: { temporaryPassword: '' } });

  const submit = form.onSubmit(async ({ temporaryPassword }) => {
    setBusy(true);
    setMessage(null);
    const result = await api.call('users.resetPassword', { userId: props.user.id, temporaryPassword });
    setBusy(false);
    if (result.error) setMessage(applyServerError(form, result.error));
    else props.onDone();
  });

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={props.onClose}
      title={t('users.resetPasswordTitle')}
      centered
    >
      <form onSubmit={submit} noValidate aria-label={t('users.resetPasswordTitle')}>
        <Stack>
          <Text>{t('users.resetPasswordBody', { name: props.user.displayName })}</Text>
          <ErrorAlert message={message} />
          <PasswordInput
            label={t('users.temporaryPassword')}
            description={t('users.temporaryPasswordHint')}
            required
            data-autofocus
            {...form.getInputProps('temporaryPassword')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isBusy}>
              {t('users.resetPassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
