// The bar at the bottom of the frame: who is signed in, the branch, the business date and the sync state —
// "Online — synced 2 min ago", "Offline — 12 changes waiting", "Syncing… 4,000 / 10,000", or what went wrong
// in words — with "Sync now" (Ctrl+Shift+S) for people with `sync.run`.
import { Button, Group, Text, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconCloud, IconCloudOff, IconCloudX, IconRefresh } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatBusinessDate } from '../../format';
import { hasPermission, type Me } from '../../stores/session';
import { useSyncStatus, type SystemStatus } from '../../stores/syncStatus';

/** "2 min ago" in the person's language, from an ISO instant. */
export function timeAgo(at: string, locale: string, t: TFunction, now = Date.now()): string {
  const seconds = Math.round((Date.parse(at) - now) / 1000);
  if (Math.abs(seconds) < 45) return t('sync.justNow');
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return format.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return format.format(hours, 'hour');
  return format.format(Math.round(hours / 24), 'day');
}

/** The sync part of the status line, in words. */
export function describeSync(status: SystemStatus, locale: string, t: TFunction): string {
  const state = t(`sync.state.${status.syncState}`);
  const waiting = t('sync.waiting', { count: status.pendingChanges });
  const number = new Intl.NumberFormat(locale);
  switch (status.syncState) {
    case 'notConfigured':
      return `${state} — ${waiting}`;
    case 'syncing':
      return status.progress
        ? `${state} ${number.format(status.progress.received)} / ${number.format(status.progress.head)}`
        : state;
    case 'online': {
      const synced = status.lastSyncAt
        ? t('sync.syncedAgo', { ago: timeAgo(status.lastSyncAt, locale, t) })
        : t('sync.neverSynced');
      return status.pendingChanges > 0 ? `${state} — ${synced}, ${waiting}` : `${state} — ${synced}`;
    }
    case 'offline':
      return `${state} — ${waiting}${status.message ? `. ${status.message}` : ''}`;
    case 'error':
      return `${state} — ${status.message ?? waiting}`;
  }
}

function SyncState({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const { status, isUnreachable, isSyncingNow, syncError, syncNow } = useSyncStatus();
  const canSync = hasPermission(me, 'sync.run') && status !== null && status.syncState !== 'notConfigured';
  useHotkeys([['ctrl+shift+S', () => canSync && void syncNow()]], []);
  if (isUnreachable) return <Text size="sm">{t('sync.unreachable')}</Text>;
  if (!status) return <Text size="sm">{t('sync.checking')}</Text>;
  const Icon =
    status.syncState === 'online' || status.syncState === 'syncing'
      ? IconCloud
      : status.syncState === 'error'
        ? IconCloudX
        : IconCloudOff;
  const shown = isSyncingNow ? { ...status, syncState: 'syncing' as const } : status;
  return (
    <Group gap={6} wrap="nowrap" data-testid="sync-state">
      <Icon size={16} aria-hidden />
      <Text size="sm" aria-live="polite">
        {describeSync(shown, i18n.language, t)}
        {syncError && !isSyncingNow && syncError !== status.message ? ` — ${syncError}` : ''}
      </Text>
      {canSync && (
        <Tooltip label={t('sync.nowShortcut')}>
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconRefresh size={14} />}
            loading={isSyncingNow}
            onClick={() => void syncNow()}
            aria-keyshortcuts="Control+Shift+S"
          >
            {t('sync.now')}
          </Button>
        </Tooltip>
      )}
    </Group>
  );
}

export function StatusBar({ me }: { me: Me }) {
  const { t } = useTranslation();
  const status = useSyncStatus((s) => s.status);
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
      <SyncState me={me} />
    </Group>
  );
}
