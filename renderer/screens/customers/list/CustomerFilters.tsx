// The list's search box and filters. "/" focuses the search from anywhere on the screen; ↓ moves into the list.
import { Group, Kbd, SegmentedControl, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { KeyboardEvent, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { kycStatuses, type CustomerSummary } from '../../../../shared/contract';

interface Props {
  query: string;
  onQueryChange(query: string): void;
  kind: CustomerSummary['kind'] | null;
  onKindChange(kind: CustomerSummary['kind'] | null): void;
  kycStatus: CustomerSummary['kycStatus'] | null;
  onKycStatusChange(status: CustomerSummary['kycStatus'] | null): void;
  searchRef: RefObject<HTMLInputElement | null>;
  onSearchKeyDown(event: KeyboardEvent<HTMLInputElement>): void;
}

export function CustomerFilters(props: Props) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="md">
      <TextInput
        ref={props.searchRef}
        label={t('customers.list.search')}
        placeholder={t('customers.list.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        rightSection={<Kbd size="xs">/</Kbd>}
        aria-keyshortcuts="/"
        value={props.query}
        onChange={(e) => props.onQueryChange(e.currentTarget.value)}
        onKeyDown={props.onSearchKeyDown}
        style={{ flex: 1, minWidth: 260 }}
        autoFocus
        type="search"
      />
      <SegmentedControl
        aria-label={t('customers.list.kindFilter')}
        value={props.kind ?? 'all'}
        onChange={(v) => props.onKindChange(v === 'all' ? null : (v as CustomerSummary['kind']))}
        data={[
          { value: 'all', label: t('customers.list.allKinds') },
          { value: 'individual', label: t('customers.kind.individual') },
          { value: 'business', label: t('customers.kind.business') },
        ]}
      />
      <Select
        label={t('customers.list.kycFilter')}
        placeholder={t('customers.list.anyKyc')}
        clearable
        w={180}
        value={props.kycStatus}
        onChange={(v) => props.onKycStatusChange(v as CustomerSummary['kycStatus'] | null)}
        data={kycStatuses.map((s) => ({ value: s, label: t(`customers.kycStatus.${s}`) }))}
      />
    </Group>
  );
}
