// A till's movements, oldest first: when, what kind (opening, repayment, disbursement, cash in/out…), the
// reference or reason, and the amount in or out.
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TillView } from '../../../../shared/contract';
import type { CounterFormat } from '../shared/format';

/** Kinds the core may use; an unknown one is shown as it comes. */
export function movementKindLabel(
  kind: string,
  t: (key: string, options?: { defaultValue: string }) => string,
) {
  return t(`counter.movementKind.${kind}`, { defaultValue: kind });
}

export function TillMovements({ till, format }: { till: TillView; format: CounterFormat }) {
  const { t } = useTranslation();
  if (till.movements.length === 0) return <Text c="dimmed">{t('counter.tillScreen.noMovements')}</Text>;
  const money = (minor: number) => format.money(minor, till.currency);
  return (
    <Table.ScrollContainer minWidth={560} maxHeight={420}>
      <Table striped withTableBorder stickyHeader aria-label={t('counter.tillScreen.movements')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('counter.tillScreen.columns.time')}</Table.Th>
            <Table.Th>{t('counter.tillScreen.columns.kind')}</Table.Th>
            <Table.Th>{t('counter.tillScreen.columns.reference')}</Table.Th>
            <Table.Th ta="right">{t('counter.tillScreen.columns.in')}</Table.Th>
            <Table.Th ta="right">{t('counter.tillScreen.columns.out')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {till.movements.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{format.time(m.postedAt)}</Table.Td>
              <Table.Td>{movementKindLabel(m.kind, t)}</Table.Td>
              <Table.Td>{[m.reference, m.reason].filter(Boolean).join(' · ') || '—'}</Table.Td>
              <Table.Td ta="right">{m.amountMinor > 0 ? money(m.amountMinor) : ''}</Table.Td>
              <Table.Td ta="right">{m.amountMinor < 0 ? money(-m.amountMinor) : ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
