// Roles with their permissions count and a "Require two-factor" switch each (`roles.setTotpRequired`).
import { Badge, Loader, Stack, Switch, Table, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import type { Role } from '../../../shared/permissions';
import { api } from '../../api/api';
import { ErrorAlert } from '../../components/ErrorAlert';

type RoleRow = OutputOf<'roles.list'>[number];

export function RolesSection() {
  const { t } = useTranslation();
  const [roles, setRoles] = useState<RoleRow[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busyRole, setBusyRole] = useState<Role | null>(null);

  const load = useCallback(async () => {
    const result = await api.call('roles.list', {});
    if (result.data) setRoles(result.data);
    else setMessage(result.error.message);
  }, []);
  useEffect(() => void load(), [load]);

  async function setRequired(role: Role, isRequired: boolean) {
    setBusyRole(role);
    const result = await api.call('roles.setTotpRequired', { role, isRequired });
    setBusyRole(null);
    if (result.error) setMessage(result.error.message);
    else {
      notifications.show({ message: t(isRequired ? 'roles.totpRequiredOn' : 'roles.totpRequiredOff') });
      await load();
    }
  }

  return (
    <Stack>
      <Title order={2} size="h3">
        {t('roles.title')}
      </Title>
      <ErrorAlert message={message} />
      {roles === null ? (
        <Loader aria-label={t('common.loading')} />
      ) : (
        <Table striped withTableBorder aria-label={t('roles.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('roles.role')}</Table.Th>
              <Table.Th>{t('roles.permissions')}</Table.Th>
              <Table.Th>{t('roles.requireTotp')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {roles.map((row) => (
              <Table.Tr key={row.role}>
                <Table.Td>{t(`roleName.${row.role}`, { defaultValue: row.name })}</Table.Td>
                <Table.Td>
                  <Badge variant="light">
                    {t('roles.permissionCount', { count: row.permissions.length })}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Switch
                    checked={row.requiresTotp}
                    disabled={busyRole === row.role}
                    aria-label={t('roles.requireTotpFor', { role: t(`roleName.${row.role}`) })}
                    onChange={(event) => void setRequired(row.role, event.currentTarget.checked)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
