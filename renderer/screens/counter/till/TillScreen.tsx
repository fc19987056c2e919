// #/till — for a teller (till.manage) their own till; for a manager (till.approve) today's tills of the branch
// and the vault, first; a manager who also works a till sees their own below. Loan settings (denominations, tolerance) are one
// link away for those who may change them.
import { Anchor, Divider, Group, Stack, Title } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, type Me } from '../../../stores/session';
import { useCounterFormat } from '../shared/format';
import { BranchTills } from './BranchTills';
import { TellerTill } from './TellerTill';
import { VaultPanel, type VaultHandle } from './VaultPanel';

export function TillScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  const format = useCounterFormat(me);
  const vault = useRef<VaultHandle>(null);
  const isTeller = hasPermission(me, 'till.manage');
  const isManager = hasPermission(me, 'till.approve');
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('counter.tillScreen.title')}
        </Title>
        {hasPermission(me, 'settings.manage') ? (
          <Anchor href="#/counter/settings">{t('counter.settings.link')}</Anchor>
        ) : null}
      </Group>
      {isManager ? (
        <>
          <BranchTills format={format} onChanged={() => vault.current?.reload()} />
          <VaultPanel format={format} handle={vault} />
        </>
      ) : null}
      {isTeller && isManager ? <Divider /> : null}
      {isTeller ? <TellerTill me={me} format={format} /> : null}
    </Stack>
  );
}
