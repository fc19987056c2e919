// What the core did with the file: how many repayments it posted, how many it skipped because they were
// imported before (their keys were posted already), and each row it could not post with its message (an
// unknown account, a loan not active, a date outside the loan), named by the row's number in the file. The
// core numbers failed rows by their place in the batch sent; `rows` is that batch, so the number is mapped
// back here.
import { Alert, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/contract';
import type { CounterFormat } from '../shared/format';
import type { RepaymentRow } from './repaymentsFile';

/** At most this many failed rows are listed (a file may hold 100,000); the count of the rest is said. */
const shownFailures = 200;

interface Props {
  fileName: string;
  result: OutputOf<'loans.importRepayments'>;
  rows: readonly RepaymentRow[];
  format: CounterFormat;
}

export function ImportResult({ fileName, result, rows, format }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="import-result">
      <Alert
        color={result.failed.length > 0 ? 'orange' : 'teal'}
        icon={result.failed.length > 0 ? <IconAlertTriangle size={18} /> : <IconCircleCheck size={18} />}
        title={t('counter.import.result.title', { file: fileName })}
        role="status"
      >
        <Text data-testid="import-counts">
          {t('counter.import.result.counts', {
            posted: result.posted,
            skipped: result.skipped,
            failed: result.failed.length,
          })}
        </Text>
        {result.skipped > 0 ? <Text size="sm">{t('counter.import.result.skippedWhy')}</Text> : null}
      </Alert>
      {result.failed.length > 0 ? (
        <Table
          withTableBorder
          striped
          aria-label={t('counter.import.result.failed')}
          data-testid="import-failed"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('counter.import.preview.row')}</Table.Th>
              <Table.Th>{t('counter.import.columns.accountNo')}</Table.Th>
              <Table.Th ta="right">{t('counter.import.columns.amount')}</Table.Th>
              <Table.Th>{t('counter.import.columns.reference')}</Table.Th>
              <Table.Th>{t('counter.import.result.why')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.failed.slice(0, shownFailures).map((failure) => {
              const row = rows[failure.row];
              return (
                <Table.Tr key={failure.row}>
                  <Table.Td>{row?.row ?? '—'}</Table.Td>
                  <Table.Td ff="monospace">{row?.accountNo ?? '—'}</Table.Td>
                  <Table.Td ta="right">{row ? format.money(row.amountMinor) : '—'}</Table.Td>
                  <Table.Td ff="monospace">{row?.reference ?? '—'}</Table.Td>
                  <Table.Td>{failure.message}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      ) : null}
      {result.failed.length > shownFailures ? (
        <Text size="sm" c="dimmed">
          {t('counter.import.preview.moreProblems', { count: result.failed.length - shownFailures })}
        </Text>
      ) : null}
    </Stack>
  );
}
