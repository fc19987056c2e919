// Picks an existing customer by searching as you type (name, ID, phone or customer number). The chosen
// customer is reported whole, so the caller can show it without another call.
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '../../../../shared/contract';
import { api } from '../../../api/api';

interface Props {
  label: string;
  value: CustomerSummary | null;
  onChange(customer: CustomerSummary | null): void;
  kind?: CustomerSummary['kind'];
  /** Customers that cannot be picked (e.g. the profile's own customer, people already added). */
  excludeIds?: readonly string[];
  error?: string | null;
  autoFocus?: boolean;
  description?: string;
}

function optionLabel(c: CustomerSummary): string {
  return [c.displayName, c.customerNo, c.phone].filter(Boolean).join(' · ');
}

export function CustomerPicker({
  label,
  value,
  onChange,
  kind,
  excludeIds = [],
  error,
  autoFocus,
  description,
}: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const [found, setFound] = useState<CustomerSummary[]>([]);

  useEffect(() => {
    const query = debounced.trim();
    if (query.length < 2 || (value && query === optionLabel(value))) return;
    let isCurrent = true;
    void api.call('customers.search', { query, kind, limit: 20 }).then((result) => {
      if (isCurrent && result.data) setFound(result.data.rows);
    });
    return () => {
      isCurrent = false;
    };
  }, [debounced, kind, value]);

  const candidates = found.filter((c) => !excludeIds.includes(c.id));
  const options = value && !candidates.some((c) => c.id === value.id) ? [value, ...candidates] : candidates;

  return (
    <Select
      label={label}
      description={description}
      placeholder={t('customers.picker.placeholder')}
      searchable
      clearable
      autoFocus={autoFocus}
      data={options.map((c) => ({ value: c.id, label: optionLabel(c) }))}
      filter={({ options: all }) => all}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => onChange(options.find((c) => c.id === id) ?? null)}
      nothingFoundMessage={
        search.trim().length >= 2 ? t('customers.picker.nothingFound') : t('customers.picker.typeMore')
      }
      error={error}
    />
  );
}
