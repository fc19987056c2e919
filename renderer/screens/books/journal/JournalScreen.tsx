// #/books/journal — the journal entries posted between two dates (this month by default), newest first,
// filtered by kind and by an account they touch. A click (or Enter) on an entry opens its lines: account,
// debit, credit, and the loan or till a line belongs to. Entries are immutable; a correction is a reversal.
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { journalKinds, type JournalEntryView } from '../../../../shared/contract';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { hasPermission, type Me } from '../../../stores/session';
import { useBranchFormat } from '../../customers/shared/format';
import { onRowKeyDown } from '../../loans/shared/rowKeys';
import { accountLabel } from '../accounts/accountTree';
import { BooksNav } from '../shared/BooksNav';
import { monthRange } from '../shared/period';
import { useQuery } from '../shared/useQuery';
import { EntryLines } from './EntryLines';
import { ReverseEntryDialog } from './ReverseEntryDialog';

type Kind = (typeof journalKinds)[number];
const limit = 200;
const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

export function JournalScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  const format = useBranchFormat(me);
  const initial = monthRange(me.branch.businessDate);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [kind, setKind] = useState<Kind | null>(null);
  const [accountCode, setAccountCode] = useState<string | null>(null);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [reversing, setReversing] = useState<JournalEntryView | null>(null);
  const canReverse = hasPermission(me, 'accounting.manage');
  const accounts = useQuery('books.accounts', {});
  const isRangeValid = isDate(from) && isDate(to);
  const journal = useQuery(
    'books.journal',
    { from, to, kind: kind ?? undefined, accountCode: accountCode ?? undefined, limit },
    isRangeValid,
  );

  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const totalOf = (entry: JournalEntryView) => entry.lines.reduce((sum, l) => sum + l.debitMinor, 0);

  return (
    <Stack>
      <BooksNav me={me} current="journal" />
      <Title order={2} size="h3">
        {t('books.journal.title')}
      </Title>
      <Group align="flex-end" gap="sm">
        <TextInput
          type="date"
          label={t('books.journal.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          error={isDate(from) ? null : t('books.journal.dateRequired')}
        />
        <TextInput
          type="date"
          label={t('books.journal.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          error={isDate(to) ? null : t('books.journal.dateRequired')}
        />
        <Select
          label={t('books.journal.kind')}
          placeholder={t('books.journal.anyKind')}
          clearable
          w={180}
          value={kind}
          onChange={(v) => setKind(v as Kind | null)}
          data={journalKinds.map((k) => ({ value: k, label: t(`books.kind.${k}`) }))}
        />
        <Select
          label={t('books.journal.account')}
          placeholder={t('books.journal.anyAccount')}
          clearable
          searchable
          w={320}
          value={accountCode}
          onChange={setAccountCode}
          data={(accounts.data ?? [])
            .filter((a) => !a.isHeader)
            .map((a) => ({ value: a.code, label: accountLabel(a) }))}
        />
      </Group>
      <ErrorAlert message={journal.error} />
      {journal.data === null ? (
        isRangeValid ? (
          <Text c="dimmed">{t('common.loading')}</Text>
        ) : null
      ) : journal.data.length === 0 ? (
        <Text>{t('books.journal.none')}</Text>
      ) : (
        <>
          {journal.data.length === limit ? (
            <Text size="sm" c="dimmed">
              {t('books.journal.limited', { count: limit })}
            </Text>
          ) : null}
          <Table.ScrollContainer minWidth={900}>
            <Table highlightOnHover verticalSpacing="xs" aria-label={t('books.journal.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40} />
                  <Table.Th>{t('books.journal.postingDate')}</Table.Th>
                  <Table.Th>{t('books.journal.kind')}</Table.Th>
                  <Table.Th>{t('books.field.narration')}</Table.Th>
                  <Table.Th ta="right">{t('books.journal.amount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {journal.data.map((entry) => {
                  const isOpen = open.has(entry.id);
                  const label = isOpen ? t('books.journal.hideLines') : t('books.journal.showLines');
                  return (
                    <Fragment key={entry.id}>
                      <Table.Tr
                        tabIndex={0}
                        style={{ cursor: 'pointer' }}
                        data-testid="journal-entry"
                        aria-expanded={isOpen}
                        onClick={() => toggle(entry.id)}
                        onKeyDown={(e) => onRowKeyDown(e, () => toggle(entry.id))}
                      >
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            aria-label={`${label}: ${entry.narration}`}
                            tabIndex={-1}
                            onClick={(e) => {
                              e.stopPropagation();
                              toggle(entry.id);
                            }}
                          >
                            {isOpen ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                          </ActionIcon>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{format.date(entry.postingDate)}</Text>
                          {entry.valueDate !== entry.postingDate ? (
                            <Text size="xs" c="dimmed">
                              {t('books.journal.valued', { date: format.date(entry.valueDate) })}
                            </Text>
                          ) : null}
                        </Table.Td>
                        <Table.Td>
                          <Badge
                            miw="max-content"
                            variant="light"
                            color={entry.kind === 'reversal' ? 'orange' : 'blue'}
                          >
                            {t(`books.kind.${entry.kind}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>{entry.narration}</Table.Td>
                        <Table.Td ta="right" ff="monospace">
                          {format.money(totalOf(entry))}
                        </Table.Td>
                      </Table.Tr>
                      {isOpen ? (
                        <Table.Tr>
                          <Table.Td />
                          <Table.Td colSpan={4}>
                            <EntryLines entry={entry} format={format} />
                            {canReverse && entry.kind === 'manual' ? (
                              <Button
                                size="xs"
                                variant="default"
                                color="red"
                                mt="xs"
                                onClick={() => setReversing(entry)}
                              >
                                {t('books.journal.reverse')}
                              </Button>
                            ) : null}
                          </Table.Td>
                        </Table.Tr>
                      ) : null}
                    </Fragment>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      {reversing ? (
        <ReverseEntryDialog
          entry={reversing}
          onClose={() => setReversing(null)}
          onReversed={() => {
            setReversing(null);
            notifications.show({ color: 'teal', message: t('books.journal.reversed') });
            void journal.reload();
          }}
        />
      ) : null}
    </Stack>
  );
}
