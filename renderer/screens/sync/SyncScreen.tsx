// The Sync screen: the central server settings (administrators, `settings.manage`) and the exceptions queue
// (managers, `loans.approve`); each part shows only to those who may use it (the core refuses anyway).
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hasPermission, type Me } from '../../stores/session';
import { ExceptionsQueue } from './ExceptionsQueue';
import { SyncSettings } from './SyncSettings';

export function SyncScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <Stack maw={1100}>
      <Title order={1} size="h2">
        {t('sync.title')}
      </Title>
      {hasPermission(me, 'settings.manage') && <SyncSettings />}
      {hasPermission(me, 'loans.approve') && <ExceptionsQueue />}
    </Stack>
  );
}
