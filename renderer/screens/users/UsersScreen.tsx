// Staff accounts (users.manage): the list, create and edit, deactivate / reactivate, reset a password, unlock,
// reset two-factor; and the roles that require two-factor sign-in. Alt+N opens "New user".
import { Button, Group, Loader, Stack, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconUserPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../shared/contract';
import { api } from '../../api/api';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Me } from '../../stores/session';
import { ResetPasswordModal } from './ResetPasswordModal';
import { RolesSection } from './RolesSection';
import { UserFormModal } from './UserFormModal';
import { UsersTable, type UserAction } from './UsersTable';

type Dialog =
  { kind: 'create' } | { kind: 'edit' | 'resetPassword' | 'resetTotp' | 'deactivate'; user: UserView } | null;

export function UsersScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [users, setUsers] = useState<UserView[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [isBusy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const result = await api.call('users.list', { includeInactive: true });
    if (result.data) setUsers(result.data);
    else setMessage(result.error.message);
  }, []);
  useEffect(() => void load(), [load]);
  useHotkeys([['alt+N', () => setDialog({ kind: 'create' })]], []);

  const done = async (text: string) => {
    setDialog(null);
    notifications.show({ color: 'teal', message: text });
    await load();
  };

  async function act(call: () => ReturnType<typeof api.call>, text: string) {
    setBusy(true);
    const result = await call();
    setBusy(false);
    if (result.error) {
      setDialog(null);
      setMessage(result.error.message);
    } else await done(text);
  }

  function onAction(action: UserAction, user: UserView) {
    setMessage(null);
    const name = user.displayName;
    if (action === 'unlock')
      void act(() => api.call('users.unlock', { userId: user.id }), t('users.unlocked', { name }));
    else if (action === 'reactivate')
      void act(
        () => api.call('users.update', { userId: user.id, isActive: true }),
        t('users.reactivated', { name }),
      );
    else setDialog({ kind: action, user });
  }

  return (
    <Stack gap="xl">
      <Stack>
        <Group justify="space-between">
          <Title order={1} size="h2">
            {t('users.title')}
          </Title>
          <Button
            leftSection={<IconUserPlus size={18} />}
            onClick={() => setDialog({ kind: 'create' })}
            aria-keyshortcuts="Alt+N"
            title="Alt+N"
          >
            {t('users.new')}
          </Button>
        </Group>
        <ErrorAlert message={message} />
        {users === null ? (
          <Loader aria-label={t('common.loading')} />
        ) : (
          <UsersTable me={me} users={users} onAction={onAction} />
        )}
      </Stack>
      <RolesSection />

      {dialog?.kind === 'create' || dialog?.kind === 'edit' ? (
        <UserFormModal
          user={dialog.kind === 'edit' ? dialog.user : null}
          onClose={() => setDialog(null)}
          onSaved={(user) =>
            void done(
              t(dialog.kind === 'create' ? 'users.created' : 'users.saved', { name: user.displayName }),
            )
          }
        />
      ) : null}
      {dialog?.kind === 'resetPassword' ? (
        <ResetPasswordModal
          user={dialog.user}
          onClose={() => setDialog(null)}
          onDone={() => void done(t('users.passwordReset', { name: dialog.user.displayName }))}
        />
      ) : null}
      {dialog?.kind === 'resetTotp' || dialog?.kind === 'deactivate' ? (
        <ConfirmModal
          opened
          isBusy={isBusy}
          title={t(dialog.kind === 'resetTotp' ? 'users.resetTotp' : 'users.deactivate')}
          body={t(dialog.kind === 'resetTotp' ? 'users.resetTotpConfirm' : 'users.deactivateConfirm', {
            name: dialog.user.displayName,
          })}
          confirmLabel={t(dialog.kind === 'resetTotp' ? 'users.resetTotp' : 'users.deactivate')}
          onClose={() => setDialog(null)}
          onConfirm={() =>
            void (dialog.kind === 'resetTotp'
              ? act(
                  () => api.call('users.resetTotp', { userId: dialog.user.id }),
                  t('users.totpReset', { name: dialog.user.displayName }),
                )
              : act(
                  () => api.call('users.update', { userId: dialog.user.id, isActive: false }),
                  t('users.deactivated', { name: dialog.user.displayName }),
                ))
          }
        />
      ) : null}
    </Stack>
  );
}
