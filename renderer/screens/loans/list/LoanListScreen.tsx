// #/loans: search as you type (account no., customer no., name, phone), filters, and a page of the branch's
// loans. "/" focuses the search, ↓ goes into the table, Enter opens a loan, Alt+N starts a new application.
import { Button, Group, Pagination, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconFilePlus } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { LoanProductView, LoanSummary } from '../../../../shared/contract';
import { notifications } from '@mantine/notifications';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { hasPermission, type Me } from '../../../stores/session';
import { useLoanFormat } from '../shared/format';
import { LoansNav } from '../shared/LoansNav';
import { focusFirstRow } from '../shared/rowKeys';
import { LoanFilters } from './LoanFilters';
import { LoanTable } from './LoanTable';
import { pageSize, useLoanRows, type LoanFilters as Filters } from './useLoanRows';

/** On an empty demo ledger: a year of loans with realistic histories (loans.seedDemo), in one click. */
function DemoLoansButton({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const [isBusy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  async function seed() {
    setBusy(true);
    const result = await api.call('loans.seedDemo', { count: 200 });
    setBusy(false);
    if (result.error) return setMessage(result.error.message);
    notifications.show({ color: 'teal', message: t('loans.list.demoLoaded', result.data) });
    onDone();
  }
  return (
    <Stack align="flex-start">
      <ErrorAlert message={message} />
      <Button variant="light" loading={isBusy} onClick={() => void seed()} data-testid="seed-demo-loans">
        {t('loans.list.loadDemo')}
      </Button>
      {isBusy && (
        <Text size="sm" c="dimmed">
          {t('loans.list.demoLoading')}
        </Text>
      )}
    </Stack>
  );
}

export function LoanListScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useLoanFormat(me);
  const [query, setQuery] = useState('');
  const [debouncedQuery] = useDebouncedValue(query, 150);
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(0);
  const [products, setProducts] = useState<LoanProductView[]>([]);
  const [officersSeen, setOfficersSeen] = useState<Map<string, string>>(new Map());
  const searchRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const rows = useLoanRows({ ...filters, query: debouncedQuery.trim() }, page);
  const canApply = hasPermission(me, 'loans.apply');

  useEffect(() => {
    void api.call('loanProducts.list', { includeInactive: true }).then((r) => r.data && setProducts(r.data));
  }, []);
  useEffect(() => {
    setOfficersSeen((seen) => {
      const unseen = rows.rows.filter((l) => !seen.has(l.officerId));
      if (unseen.length === 0) return seen;
      const next = new Map(seen);
      for (const l of unseen) next.set(l.officerId, l.officerName ?? l.officerId);
      return next;
    });
  }, [rows.rows]);
  const officers = useMemo(() => {
    const all = new Map(officersSeen);
    all.set(me.user.id, me.user.displayName);
    return [...all].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [officersSeen, me.user.id, me.user.displayName]);

  const open = (loan: LoanSummary) => void navigate(`/loans/${loan.id}`);
  const newApplication = () => canApply && void navigate('/loans/new');
  useHotkeys([
    ['/', () => searchRef.current?.focus()],
    ['alt+N', newApplication],
  ]);

  function onSearchKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && rows.rows.length > 0) {
      event.preventDefault();
      focusFirstRow(tableRef.current);
    } else if (event.key === 'Enter' && rows.rows[0]) open(rows.rows[0]);
  }

  const isFiltered = debouncedQuery.trim() !== '' || Object.values(filters).some((v) => v !== undefined);
  const pages = Math.max(1, Math.ceil(rows.total / pageSize));
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('loans.list.title')}
        </Title>
        {canApply ? (
          <Button
            leftSection={<IconFilePlus size={18} />}
            onClick={newApplication}
            aria-keyshortcuts="Alt+N"
            title="Alt+N"
          >
            {t('loans.list.new')}
          </Button>
        ) : null}
      </Group>
      <LoansNav me={me} current="list" />
      <LoanFilters
        query={query}
        onQueryChange={(q) => {
          setQuery(q);
          setPage(0);
        }}
        filters={filters}
        onFiltersChange={(f) => {
          setFilters(f);
          setPage(0);
        }}
        products={products}
        officers={officers}
        searchRef={searchRef}
        onSearchKeyDown={onSearchKeyDown}
      />
      <ErrorAlert message={rows.error} />
      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="loan-count">
          {rows.isLoading ? t('common.loading') : t('loans.list.total', { count: rows.total })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('loans.list.keys')}
        </Text>
      </Group>
      {!rows.isLoading && rows.rows.length === 0 ? (
        <Stack align="flex-start">
          <Text>{isFiltered ? t('loans.list.noMatches') : t('loans.list.empty')}</Text>
          {!isFiltered && hasPermission(me, 'settings.manage') && <DemoLoansButton onDone={rows.reload} />}
        </Stack>
      ) : (
        <LoanTable rows={rows.rows} format={format} onOpen={open} tableRef={tableRef} />
      )}
      {pages > 1 ? (
        <Pagination
          total={pages}
          value={page + 1}
          onChange={(p) => setPage(p - 1)}
          getControlProps={(control) => ({ 'aria-label': t(`loans.list.page.${control}`) })}
        />
      ) : null}
    </Stack>
  );
}
