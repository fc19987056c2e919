// #/customers: search as you type, filters, and the virtualised list of the branch's customers. "/" focuses
// the search, ↓ goes into the list, Enter opens a profile, Alt+N onboards a new customer. An administrator of
// an empty branch can load demo customers.
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDatabaseImport, IconUserPlus } from '@tabler/icons-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CustomerSummary } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useSyncStatus } from '../../../stores/syncStatus';
import { hasPermission, type Me } from '../../../stores/session';
import { useBranchFormat } from '../shared/format';
import { CustomerFilters } from './CustomerFilters';
import { CustomerVirtualList } from './CustomerVirtualList';
import { ExpiringIds } from './ExpiringIds';
import { useCustomerRows } from './useCustomerRows';

function DemoSeedButton({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const [isBusy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  async function seed() {
    setBusy(true);
    const result = await api.call('customers.seedDemo', { count: 200 });
    setBusy(false);
    if (result.error) return setMessage(result.error.message);
    notifications.show({ color: 'teal', message: t('customers.list.demoLoaded', result.data) });
    onDone();
  }
  return (
    <Stack align="flex-start">
      <ErrorAlert message={message} />
      <Button
        variant="light"
        leftSection={<IconDatabaseImport size={18} />}
        loading={isBusy}
        onClick={() => void seed()}
      >
        {t('customers.list.loadDemo')}
      </Button>
    </Stack>
  );
}

export function CustomerListScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useBranchFormat(me);
  const [query, setQuery] = useState('');
  const [debouncedQuery] = useDebouncedValue(query, 120);
  const [kind, setKind] = useState<CustomerSummary['kind'] | null>(null);
  const [kycStatus, setKycStatus] = useState<CustomerSummary['kycStatus'] | null>(null);
  const [active, setActive] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const rows = useCustomerRows({ query: debouncedQuery, kind, kycStatus });
  // Customers pulled by a sync (background or "Sync now") appear without leaving the screen.
  const lastSyncAt = useSyncStatus((state) => state.status?.lastSyncAt ?? null);
  const { reload } = rows;
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  useEffect(() => {
    if (lastSyncAt) reloadRef.current();
  }, [lastSyncAt]);
  const canWrite = hasPermission(me, 'customers.write');
  const isFiltered = debouncedQuery.trim() !== '' || kind !== null || kycStatus !== null;

  const open = (customer: CustomerSummary) => void navigate(`/customers/${customer.id}`);
  const newCustomer = () => canWrite && void navigate('/customers/new');
  useHotkeys([
    ['/', () => searchRef.current?.focus()],
    ['alt+N', newCustomer],
  ]);

  function onSearchKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && rows.count > 0) {
      event.preventDefault();
      listRef.current?.focus();
    } else if (event.key === 'Enter') {
      const customer = rows.rowAt(active);
      if (customer) open(customer);
    }
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('customers.list.title')}
        </Title>
        {canWrite ? (
          <Button
            leftSection={<IconUserPlus size={18} />}
            onClick={newCustomer}
            aria-keyshortcuts="Alt+N"
            title="Alt+N"
          >
            {t('customers.list.new')}
          </Button>
        ) : null}
      </Group>
      <CustomerFilters
        query={query}
        onQueryChange={(q) => {
          setQuery(q);
          setActive(0);
        }}
        kind={kind}
        onKindChange={(k) => {
          setKind(k);
          setActive(0);
        }}
        kycStatus={kycStatus}
        onKycStatusChange={(s) => {
          setKycStatus(s);
          setActive(0);
        }}
        searchRef={searchRef}
        onSearchKeyDown={onSearchKeyDown}
      />
      <ExpiringIds format={format} today={me.branch.businessDate} />
      <ErrorAlert message={rows.error} />
      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="customer-count">
          {rows.isLoading
            ? t('common.loading')
            : rows.isSearch
              ? t('customers.list.matches', { count: rows.count })
              : t('customers.list.total', { count: rows.count })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('customers.list.keys')}
        </Text>
      </Group>
      {!rows.isLoading && rows.count === 0 ? (
        <Stack align="flex-start">
          <Text>{isFiltered ? t('customers.list.noMatches') : t('customers.list.empty')}</Text>
          {!isFiltered && hasPermission(me, 'settings.manage') ? (
            <DemoSeedButton onDone={rows.reload} />
          ) : null}
        </Stack>
      ) : (
        <CustomerVirtualList
          rows={rows}
          active={active}
          onActiveChange={setActive}
          onOpen={open}
          listRef={listRef}
        />
      )}
    </Stack>
  );
}
