// The staff of the branch, one row each, with the actions an administrator can take on a row.
import { ActionIcon, Badge, Group, Menu, Table, VisuallyHidden } from '@mantine/core';
import {
  IconDots,
  IconKey,
  IconLockOpen,
  IconPencil,
  IconShieldOff,
  IconUserCheck,
  IconUserOff,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../shared/contract';
import { formatInstant } from '../../format';
import type { Me } from '../../stores/session';

export type UserAction = 'edit' | 'resetPassword' | 'unlock' | 'resetTotp' | 'deactivate' | 'reactivate';

function StateBadges({ user }: { user: UserView }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      <Badge color={user.isActive ? 'teal' : 'gray'} variant="light">
        {user.isActive ? t('users.active') : t('users.inactive')}
      </Badge>
      {user.isLocked ? (
        <Badge color="red" variant="filled">
          {t('users.locked')}
        </Badge>
      ) : null}
      {user.mustChangePassword ? (
        <Badge color="yellow" variant="light">
          {t('users.mustChangePassword')}
        </Badge>
      ) : null}
    </Group>
  );
}

function RowActions({
  user,
  onAction,
}: {
  user: UserView;
  onAction(action: UserAction, user: UserView): void;
}) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" aria-label={t('users.actionsFor', { username: user.username })}>
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => onAction('edit', user)}>
          {t('users.edit')}
        </Menu.Item>
        <Menu.Item leftSection={<IconKey size={16} />} onClick={() => onAction('resetPassword', user)}>
          {t('users.resetPassword')}
        </Menu.Item>
        {user.isLocked ? (
          <Menu.Item leftSection={<IconLockOpen size={16} />} onClick={() => onAction('unlock', user)}>
            {t('users.unlock')}
          </Menu.Item>
        ) : null}
        {user.hasTotp ? (
          <Menu.Item leftSection={<IconShieldOff size={16} />} onClick={() => onAction('resetTotp', user)}>
            {t('users.resetTotp')}
          </Menu.Item>
        ) : null}
        {user.isActive ? (
          <Menu.Item
            color="red"
            leftSection={<IconUserOff size={16} />}
            onClick={() => onAction('deactivate', user)}
          >
            {t('users.deactivate')}
          </Menu.Item>
        ) : (
          <Menu.Item leftSection={<IconUserCheck size={16} />} onClick={() => onAction('reactivate', user)}>
            {t('users.reactivate')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

export function UsersTable(props: {
  me: Me;
  users: UserView[];
  onAction(action: UserAction, user: UserView): void;
}) {
  const { t } = useTranslation();
  const { locale, timeZone } = props.me.branch;
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped highlightOnHover withTableBorder aria-label={t('users.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.username')}</Table.Th>
            <Table.Th>{t('users.displayName')}</Table.Th>
            <Table.Th>{t('users.role')}</Table.Th>
            <Table.Th>{t('users.state')}</Table.Th>
            <Table.Th>{t('users.twoFactor')}</Table.Th>
            <Table.Th>{t('users.lastSignIn')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('users.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.users.map((user) => (
            <Table.Tr key={user.id} data-username={user.username}>
              <Table.Td>{user.username}</Table.Td>
              <Table.Td>{user.displayName}</Table.Td>
              <Table.Td>{t(`roleName.${user.role}`)}</Table.Td>
              <Table.Td>
                <StateBadges user={user} />
              </Table.Td>
              <Table.Td>{user.hasTotp ? t('common.yes') : t('common.no')}</Table.Td>
              <Table.Td>
                {user.lastSignInAt ? formatInstant(user.lastSignInAt, locale, timeZone) : t('users.never')}
              </Table.Td>
              <Table.Td>
                <RowActions user={user} onAction={props.onAction} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
