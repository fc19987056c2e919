// The virtualised list of customers: only the rows in view are in the DOM, so 100,000 customers scroll as
// smoothly as 100. A listbox for keyboard and screen readers: ↑/↓/PageUp/PageDown/Home/End move, Enter opens.
import { Box, Group, Skeleton, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '../../../../shared/contract';
import { KindBadge, KycBadge } from '../shared/badges';
import type { CustomerRows } from './useCustomerRows';

const rowHeight = 52;

interface Props {
  rows: CustomerRows;
  active: number;
  onActiveChange(index: number): void;
  onOpen(customer: CustomerSummary): void;
  listRef: React.RefObject<HTMLDivElement | null>;
}

function Row({ customer }: { customer: CustomerSummary | undefined }) {
  if (!customer) return <Skeleton height={20} width="60%" />;
  return (
    <Group justify="space-between" wrap="nowrap" gap="md" w="100%">
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <Text fw={600} truncate>
          {customer.displayName}
        </Text>
        <Text c="dimmed" size="sm" ff="monospace">
          {customer.customerNo}
        </Text>
      </Group>
      <Group gap="sm" wrap="nowrap">
        <Text size="sm" c="dimmed" ff="monospace">
          {customer.phone ?? ''}
        </Text>
        <Text size="sm" c="dimmed" ff="monospace" w={120} truncate>
          {customer.idNumber ?? ''}
        </Text>
        <KindBadge kind={customer.kind} />
        <KycBadge status={customer.kycStatus} />
      </Group>
    </Group>
  );
}

export function CustomerVirtualList({ rows, active, onActiveChange, onOpen, listRef }: Props) {
  const { t } = useTranslation();
  const virtualizer = useVirtualizer({
    count: rows.count,
    getScrollElement: () => listRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensureRange } = rows;
  useEffect(() => {
    if (rows.count > 0) ensureRange(first, last);
  }, [first, last, rows.count, ensureRange]);

  const previousActive = useRef(active);
  useEffect(() => {
    if (previousActive.current !== active) virtualizer.scrollToIndex(active, { align: 'auto' });
    previousActive.current = active;
  }, [active, virtualizer]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const page = Math.max(1, Math.floor((listRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + page,
      PageUp: active - page,
      Home: 0,
      End: rows.count - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      onActiveChange(Math.max(0, Math.min(rows.count - 1, target)));
    } else if (event.key === 'Enter') {
      const customer = rows.rowAt(active);
      if (customer) {
        event.preventDefault();
        onOpen(customer);
      }
    }
  }

  return (
    <Box
      ref={listRef}
      role="listbox"
      tabIndex={0}
      aria-label={t('customers.list.label')}
      aria-activedescendant={rows.count > 0 ? `customer-row-${active}` : undefined}
      onKeyDown={onKeyDown}
      style={{
        height: 'calc(100vh - 300px)',
        minHeight: 240,
        overflow: 'auto',
        border: '1px solid var(--mantine-color-gray-3)',
        borderRadius: 'var(--mantine-radius-sm)',
      }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {items.map((item) => {
          const customer = rows.rowAt(item.index);
          const isActive = item.index === active;
          return (
            <div
              key={item.key}
              id={`customer-row-${item.index}`}
              role="option"
              aria-selected={isActive}
              aria-posinset={item.index + 1}
              aria-setsize={rows.count}
              onClick={() => {
                onActiveChange(item.index);
                if (customer) onOpen(customer);
              }}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                height: rowHeight,
                transform: `translateY(${item.start}px)`,
                display: 'flex',
                alignItems: 'center',
                padding: '0 12px',
                cursor: 'pointer',
                borderBottom: '1px solid var(--mantine-color-gray-2)',
                background: isActive ? 'var(--mantine-color-teal-0)' : undefined,
                outline: isActive ? '2px solid var(--mantine-color-teal-5)' : undefined,
                outlineOffset: -2,
              }}
            >
              <Row customer={customer} />
            </div>
          );
        })}
      </div>
    </Box>
  );
}
