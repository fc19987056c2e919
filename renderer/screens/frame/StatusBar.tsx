// The bar at the bottom of the frame: who is signed in, the branch, the business date and the sync state.
import { Group, Text } from '@mantine/core';
import { IconCloudOff, IconCloud, IconCloudX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatBusinessDate } from '../../format';
import type { Me } from '../../stores/session';
import { useSyncStatus, type SystemStatus } from '../../stores/syncStatus';

function SyncState({ status, isUnreachable }: { status: SystemStatus | null; isUnreachable: boolean }) {
  const { t } = useTranslation();
  if (isUnreachable) return <Text size="sm">{t('sync.unreachable')}</Text>;
  if (!status) return <Text size="sm">{t('sync.checking')}</Text>;
  const Icon =
    status.syncState === 'online' || status.syncState === 'syncing'
      ? IconCloud
      : status.syncState === 'error'
        ? IconCloudX
        : IconCloudOff;
  const waiting = t('sync.waiting', { count: status.pendingChanges });
  return (
    <Group gap={6} wrap="nowrap" data-testid="sync-state">
      <Icon size={16} />
      <Text size="sm">
        {t(`sync.state.${status.syncState}`)} — {waiting}
        {status.message ? ` (${status.message})` : ''}
      </Text>
    </Group>
  );
}

export function StatusBar({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { status, isUnreachable } = useSyncStatus();
  const businessDate = status?.businessDate ?? me.branch.businessDate;
  return (
    <Group
      h="100%"
      px="md"
      justify="space-between"
      wrap="nowrap"
      role="status"
      aria-label={t('status.label')}
    >
      <Group gap="lg" wrap="nowrap">
        <Text size="sm" fw={600}>
          {me.user.displayName} · {t(`roleName.${me.user.role}`)}
        </Text>
        <Text size="sm" data-testid="status-branch">
          {t('status.branch', { code: me.branch.code, name: me.branch.name })}
        </Text>
        <Text size="sm">
          {t('status.businessDate', { date: formatBusinessDate(businessDate, me.branch.locale) })}
        </Text>
      </Group>
      <SyncState status={status} isUnreachable={isUnreachable} />
    </Group>
  );
}
