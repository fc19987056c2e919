// The audit log's filters: user (chosen from the staff list when the viewer may list users, else an id typed
// in), action prefix, and a from/to business date. Enter in any field applies them.
import { Button, Group, Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../shared/contract';
import { api } from '../../api/api';
import { hasPermission, type Me } from '../../stores/session';

export interface AuditFilterValues {
  userId: string;
  action: string;
  fromDate: string;
  toDate: string;
}

export const noFilters: AuditFilterValues = { userId: '', action: '', fromDate: '', toDate: '' };

export function AuditFilters({ me, onApply }: { me: Me; onApply(filters: AuditFilterValues): void }) {
  const { t } = useTranslation();
  const canListUsers = hasPermission(me, 'users.manage');
  const [users, setUsers] = useState<UserView[]>([]);
  const form = useForm<AuditFilterValues>({ mode: 'controlled', initialValues: noFilters });

  useEffect(() => {
    if (!canListUsers) return;
    void api.call('users.list', { includeInactive: true }).then((result) => {
      if (result.data) setUsers(result.data);
    });
  }, [canListUsers]);

  return (
    <form onSubmit={form.onSubmit(onApply)} aria-label={t('audit.filters')}>
      <Group align="flex-end" gap="sm">
        {canListUsers ? (
          <Select
            label={t('audit.user')}
            placeholder={t('audit.anyUser')}
            clearable
            searchable
            data={users.map((user) => ({ value: user.id, label: `${user.displayName} (${user.username})` }))}
            {...form.getInputProps('userId')}
            value={form.getValues().userId || null}
            onChange={(value) => form.setFieldValue('userId', value ?? '')}
          />
        ) : (
          <TextInput
            label={t('audit.userId')}
            placeholder={t('audit.anyUser')}
            {...form.getInputProps('userId')}
          />
        )}
        <TextInput
          label={t('audit.actionPrefix')}
          placeholder="auth."
          autoFocus
          {...form.getInputProps('action')}
        />
        <TextInput type="date" label={t('audit.from')} {...form.getInputProps('fromDate')} />
        <TextInput type="date" label={t('audit.to')} {...form.getInputProps('toDate')} />
        <Button type="submit">{t('audit.apply')}</Button>
        <Button
          variant="default"
          onClick={() => {
            form.reset();
            onApply(noFilters);
          }}
        >
          {t('audit.clear')}
        </Button>
      </Group>
    </form>
  );
}
