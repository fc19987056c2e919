// #/customers/:customerId — the profile: a header (name, number, kind, KYC) and tabs reachable with the arrow
// keys (the tab is kept in the URL, ?tab=kyc, so a link can open it). Every change reloads the profile.
import { Anchor, Avatar, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { CustomerProfile } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { hasPermission, type Me } from '../../../stores/session';
import { KindBadge, KycBadge } from '../shared/badges';
import { useBranchFormat } from '../shared/format';
import { ActivityTab } from './ActivityTab';
import { CommunicationsTab } from './CommunicationsTab';
import { DetailsTab } from './DetailsTab';
import { DocumentsTab } from './DocumentsTab';
import { LoansTab } from './LoansTab';
import { KycTab } from './KycTab';
import { RelationshipsTab } from './RelationshipsTab';
import { ScoreTab } from './ScoreTab';

const tabs = [
  'details',
  'documents',
  'kyc',
  'loans',
  'relationships',
  'communications',
  'score',
  'audit',
] as const;
type Tab = (typeof tabs)[number];

function BackLink() {
  const { t } = useTranslation();
  return <Anchor href="#/customers">← {t('customers.list.title')}</Anchor>;
}

function Header({ profile }: { profile: CustomerProfile }) {
  return (
    <Group justify="space-between" align="flex-start">
      <Group>
        <Avatar color="teal" radius="xl" size="lg">
          {profile.displayName.slice(0, 2).toUpperCase()}
        </Avatar>
        <Stack gap={2}>
          <Title order={1} size="h2">
            {profile.displayName}
          </Title>
          <Group gap="xs">
            <Text c="dimmed" ff="monospace">
              {profile.customerNo}
            </Text>
            <KindBadge kind={profile.kind} />
            <KycBadge status={profile.kycStatus} />
            {profile.phone ? <Text c="dimmed">{profile.phone}</Text> : null}
          </Group>
        </Stack>
      </Group>
      <BackLink />
    </Group>
  );
}

/** A profile per customer: following a link to another customer starts afresh (tabs, previews, forms). */
export function ProfileScreen({ me }: { me: Me }) {
  const { customerId = '' } = useParams();
  return <Profile key={customerId} me={me} customerId={customerId} />;
}

function Profile({ me, customerId }: { me: Me; customerId: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const format = useBranchFormat(me);
  const [profile, setProfile] = useState<CustomerProfile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tab: Tab = (tabs as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'details';
  const canWrite = hasPermission(me, 'customers.write');

  const load = useCallback(async () => {
    const result = await api.call('customers.get', { customerId });
    if (result.error) setError(result.error.message);
    else {
      setError(null);
      setProfile(result.data);
    }
  }, [customerId]);
  useEffect(() => void load(), [load]);

  if (error) return <ErrorAlert message={error} />;
  if (!profile) return <Loader aria-label={t('common.loading')} />;
  const reload = () => void load();
  return (
    <Stack>
      <Header profile={profile} />
      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== 'details' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('customers.tabs.label')}>
          {tabs.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`customers.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="details" pt="md">
          <DetailsTab profile={profile} format={format} canWrite={canWrite} onChanged={setProfile} />
        </Tabs.Panel>
        <Tabs.Panel value="documents" pt="md">
          <DocumentsTab profile={profile} format={format} canWrite={canWrite} onChanged={reload} />
        </Tabs.Panel>
        <Tabs.Panel value="kyc" pt="md">
          <KycTab
            profile={profile}
            format={format}
            canVerify={hasPermission(me, 'kyc.verify')}
            onChanged={setProfile}
          />
        </Tabs.Panel>
        <Tabs.Panel value="loans" pt="md">
          <LoansTab customerId={profile.id} format={format} canApply={hasPermission(me, 'loans.apply')} />
        </Tabs.Panel>
        <Tabs.Panel value="relationships" pt="md">
          <RelationshipsTab profile={profile} canWrite={canWrite} onChanged={reload} />
        </Tabs.Panel>
        <Tabs.Panel value="communications" pt="md">
          <CommunicationsTab customerId={profile.id} format={format} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="score" pt="md">
          <ScoreTab profile={profile} format={format} />
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="md">
          <ActivityTab customerId={profile.id} version={profile.updatedAt} format={format} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
