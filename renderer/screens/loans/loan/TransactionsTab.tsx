// The loan's transactions, oldest first: date, type, amount, channel and reference, receipt (saved as a PDF),
// how the engine allocates each today, and — for a manager — Reverse. Reversed rows are struck through.
import { Button, Group, Table, Text } from '@mantine/core';
import { IconArrowBackUp, IconReceipt } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoanView } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { savePdf } from '../shared/files';
import type { LoanFormat } from '../shared/format';

type Transaction = LoanView['transactions'][number];

interface Props {
  loan: LoanView;
  format: LoanFormat;
  canReverse: boolean;
  onReverse(transaction: Transaction): void;
}

export function TransactionsTab({ loan, format, canReverse, onReverse }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const money = (minor: number | undefined) =>
    minor === undefined ? '—' : format.moneyIn(minor, loan.currency, loan.digits);

  async function receipt(tx: Transaction) {
    setBusy(tx.id);
    setError(null);
    const result = await api.call('loans.receipt', { transactionId: tx.id });
    setBusy(null);
    if (result.error) setError(result.error.message);
    else savePdf(result.data.fileName, result.data.base64);
  }

  if (loan.transactions.length === 0) return <Text c="dimmed">{t('loans.transactions.none')}</Text>;
  return (
    <>
      <ErrorAlert message={error} />
      <Table.ScrollContainer minWidth={1200}>
        <Table
          style={{ whiteSpace: 'nowrap' }}
          aria-label={t('loans.tabs.transactions')}
          verticalSpacing={4}
          fz="sm"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('loans.field.valueDate')}</Table.Th>
              <Table.Th>{t('loans.field.type')}</Table.Th>
              <Table.Th ta="right">{t('loans.field.amount')}</Table.Th>
              <Table.Th>{t('loans.field.channel')}</Table.Th>
              <Table.Th>{t('loans.field.receiptNo')}</Table.Th>
              <Table.Th ta="right">{t('loans.field.principal')}</Table.Th>
              <Table.Th ta="right">{t('loans.field.interest')}</Table.Th>
              <Table.Th ta="right">{t('loans.field.fees')}</Table.Th>
              <Table.Th ta="right">{t('loans.field.penalties')}</Table.Th>
              <Table.Th ta="right">{t('loans.field.credit')}</Table.Th>
              <Table.Th>{t('loans.field.postedBy')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {loan.transactions.map((tx) => (
              <Table.Tr
                key={tx.id}
                style={tx.isReversed ? { textDecoration: 'line-through', opacity: 0.6 } : undefined}
                aria-label={tx.isReversed ? t('loans.transactions.reversed') : undefined}
              >
                <Table.Td>{format.date(tx.valueDate)}</Table.Td>
                <Table.Td>
                  {t(`loans.transactionType.${tx.type}`)}
                  {tx.component
                    ? ` · ${t(`loans.component.${tx.component}`, { defaultValue: tx.component })}`
                    : ''}
                  {tx.note ? (
                    <Text size="xs" c="dimmed">
                      {tx.note}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {money(tx.amountMinor)}
                </Table.Td>
                <Table.Td>
                  {tx.channel ? t(`loans.channel.${tx.channel}`) : '—'}
                  {tx.reference ? (
                    <Text size="xs" c="dimmed" ff="monospace">
                      {tx.reference}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td ff="monospace">{tx.receiptNo ?? '—'}</Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {money(tx.allocation?.principalMinor)}
                </Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {money(tx.allocation?.interestMinor)}
                </Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {money(tx.allocation?.feesMinor)}
                </Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {money(tx.allocation?.penaltiesMinor)}
                </Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {money(tx.allocation?.creditMinor)}
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{tx.postedByName ?? tx.postedBy}</Text>
                  <Text size="xs" c="dimmed">
                    {format.instant(tx.postedAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" style={{ textDecoration: 'none' }}>
                    {tx.receiptNo ? (
                      <Button
                        size="xs"
                        variant="subtle"
                        leftSection={<IconReceipt size={14} />}
                        loading={busy === tx.id}
                        onClick={() => void receipt(tx)}
                      >
                        {t('loans.transactions.receipt')}
                      </Button>
                    ) : null}
                    {canReverse && !tx.isReversed && tx.type !== 'reversal' ? (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        leftSection={<IconArrowBackUp size={14} />}
                        onClick={() => onReverse(tx)}
                      >
                        {t('loans.action.reverse')}
                      </Button>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
