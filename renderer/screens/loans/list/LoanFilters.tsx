// The loans list's search box and filters. "/" focuses the search from anywhere on the screen; ↓ moves into
// the table. The officer filter offers the person themself and the officers of the loans seen so far (the
// contract has no staff list for people who do not manage users).
import { Group, Kbd, NumberInput, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { KeyboardEvent, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import {
  arrearsStatuses,
  loanStatuses,
  type LoanProductView,
  type LoanSummary,
} from '../../../../shared/contract';
import type { LoanFilters as Filters } from './useLoanRows';

export type StatusFilter = NonNullable<Filters['status']>;
export const statusFilters: readonly StatusFilter[] = ['open_applications', ...loanStatuses];

interface Props {
  query: string;
  onQueryChange(query: string): void;
  filters: Filters;
  onFiltersChange(filters: Filters): void;
  products: LoanProductView[];
  officers: { id: string; name: string }[];
  searchRef: RefObject<HTMLInputElement | null>;
  onSearchKeyDown(event: KeyboardEvent<HTMLInputElement>): void;
}

const days = (v: string | number) => (typeof v === 'number' && v >= 0 ? Math.trunc(v) : undefined);

export function LoanFilters(props: Props) {
  const { t } = useTranslation();
  const { filters } = props;
  const set = (change: Partial<Filters>) => props.onFiltersChange({ ...filters, ...change });
  return (
    <Group align="flex-end" gap="sm">
      <TextInput
        ref={props.searchRef}
        label={t('loans.list.search')}
        placeholder={t('loans.list.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        rightSection={<Kbd size="xs">/</Kbd>}
        aria-keyshortcuts="/"
        value={props.query}
        onChange={(e) => props.onQueryChange(e.currentTarget.value)}
        onKeyDown={props.onSearchKeyDown}
        style={{ flex: 1, minWidth: 240 }}
        autoFocus
        type="search"
      />
      <Select
        label={t('loans.list.status')}
        placeholder={t('loans.list.any')}
        clearable
        w={190}
        value={filters.status ?? null}
        onChange={(v) => set({ status: (v ?? undefined) as StatusFilter | undefined })}
        data={statusFilters.map((s) => ({ value: s, label: t(`loans.status.${s}`) }))}
      />
      <Select
        label={t('loans.list.arrears')}
        placeholder={t('loans.list.any')}
        clearable
        w={160}
        value={filters.arrearsStatus ?? null}
        onChange={(v) => set({ arrearsStatus: (v ?? undefined) as LoanSummary['arrearsStatus'] | undefined })}
        data={arrearsStatuses.map((s) => ({ value: s, label: t(`loans.arrearsStatus.${s}`) }))}
      />
      <Select
        label={t('loans.list.officer')}
        placeholder={t('loans.list.any')}
        clearable
        searchable
        w={180}
        value={filters.officerId ?? null}
        onChange={(v) => set({ officerId: v ?? undefined })}
        data={props.officers.map((o) => ({ value: o.id, label: o.name }))}
      />
      <Select
        label={t('loans.list.product')}
        placeholder={t('loans.list.any')}
        clearable
        searchable
        w={200}
        value={filters.productId ?? null}
        onChange={(v) => set({ productId: v ?? undefined })}
        data={props.products.map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }))}
      />
      <NumberInput
        label={t('loans.list.minDpd')}
        w={110}
        min={0}
        allowDecimal={false}
        allowNegative={false}
        value={filters.minDaysPastDue ?? ''}
        onChange={(v) => set({ minDaysPastDue: days(v) })}
      />
      <NumberInput
        label={t('loans.list.maxDpd')}
        w={110}
        min={0}
        allowDecimal={false}
        allowNegative={false}
        value={filters.maxDaysPastDue ?? ''}
        onChange={(v) => set({ maxDaysPastDue: days(v) })}
      />
    </Group>
  );
}
