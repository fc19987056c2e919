// One journal entry's lines: the account (code and name), the debit or the credit, and the loan or till the
// line belongs to (a loan opens its page). The totals close the table: they are equal, as every entry balances.
import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JournalEntryView } from '../../../../shared/contract';
import type { BranchFormat } from '../../customers/shared/format';

export function EntryLines({ entry, format }: { entry: JournalEntryView; format: BranchFormat }) {
  const { t } = useTranslation();
  const amount = (minor: number) => (minor === 0 ? '' : format.money(minor));
  const debits = entry.lines.reduce((sum, l) => sum + l.debitMinor, 0);
  const credits = entry.lines.reduce((sum, l) => sum + l.creditMinor, 0);
  return (
    <Table
      withTableBorder
      verticalSpacing={4}
      aria-label={t('books.journal.linesOf', { narration: entry.narration })}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('books.journal.account')}</Table.Th>
          <Table.Th ta="right">{t('books.field.debit')}</Table.Th>
          <Table.Th ta="right">{t('books.field.credit')}</Table.Th>
          <Table.Th>{t('books.journal.loanOrTill')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entry.lines.map((line) => (
          <Table.Tr key={line.lineNo}>
            <Table.Td>
              <Text span ff="monospace" size="sm">
                {line.accountCode}
              </Text>{' '}
              {line.accountName}
            </Table.Td>
            <Table.Td ta="right" ff="monospace">
              {amount(line.debitMinor)}
            </Table.Td>
            <Table.Td ta="right" ff="monospace">
              {amount(line.creditMinor)}
            </Table.Td>
            <Table.Td>
              {line.loanId ? (
                <Anchor href={`#/loans/${line.loanId}`} size="sm">
                  {t('books.journal.loan')}
                </Anchor>
              ) : line.tillId ? (
                <Text size="sm" ff="monospace" title={line.tillId}>
                  {t('books.journal.till', { id: line.tillId.slice(0, 8) })}
                </Text>
              ) : (
                '—'
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th>{t('books.total')}</Table.Th>
          <Table.Th ta="right" ff="monospace">
            {format.money(debits)}
          </Table.Th>
          <Table.Th ta="right" ff="monospace">
            {format.money(credits)}
          </Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}
