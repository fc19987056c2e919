// Create a staff account (username, name, role, temporary password) or edit one (name, role).
import { Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../shared/contract';
import { roleNames, type Role } from '../../../shared/permissions';
import { api } from '../../api/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerError } from '../../components/serverErrors';

interface Props {
  /** The user to edit; null to create one. */
  user: UserView | null;
  onClose(): void;
  onSaved(user: UserView): void;
}

export function UserFormModal({ user, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const isNew = user === null;
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      username: user?.username ?? '',
      displayName: user?.displayName ?? '',
      role: (user?.role ?? 'teller') as Role,
      temporaryPassword: '',
    },
  });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setMessage(null);
    const result = isNew
      ? await api.call('users.create', values)
      : await api.call('users.update', {
          userId: user.id,
          displayName: values.displayName,
          role: values.role,
        });
    setBusy(false);
    if (result.error) setMessage(applyServerError(form, result.error));
    else onSaved(result.data);
  });

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      title={isNew ? t('users.createTitle') : t('users.editTitle')}
      centered
    >
      <form onSubmit={submit} noValidate aria-label={isNew ? t('users.createTitle') : t('users.editTitle')}>
        <Stack>
          <ErrorAlert message={message} />
          <TextInput
            label={t('users.username')}
            required
            disabled={!isNew}
            data-autofocus={isNew || undefined}
            {...form.getInputProps('username')}
          />
          <TextInput
            label={t('users.displayName')}
            required
            data-autofocus={!isNew || undefined}
            {...form.getInputProps('displayName')}
          />
          <Select
            label={t('users.role')}
            required
            allowDeselect={false}
            data={roleNames.map((role) => ({ value: role, label: t(`roleName.${role}`) }))}
            {...form.getInputProps('role')}
          />
          {isNew ? (
            <PasswordInput
              label={t('users.temporaryPassword')}
              description={t('users.temporaryPasswordHint')}
              required
              {...form.getInputProps('temporaryPassword')}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isBusy}>
              {isNew ? t('users.create') : t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
