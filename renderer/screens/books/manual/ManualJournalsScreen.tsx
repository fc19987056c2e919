// #/books/manual — manual journal entries: pending ones first, then approved and rejected, each with its lines,
// who proposed it and the decision. An accountant or manager (accounting.manage) proposes an entry, and another
// one approves it (it posts then) or rejects it with a reason. The core refuses a decision by the proposer
// (four eyes); its message is shown above the list as it comes.
import { Badge, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManualJournalView } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { hasPermission, type Me } from '../../../stores/session';
import { useBranchFormat } from '../../customers/shared/format';
import { useCall } from '../../loans/shared/useCall';
import { BooksNav } from '../shared/BooksNav';
import { useQuery } from '../shared/useQuery';
import { ProposeJournalForm } from './ProposeJournalForm';
import { RejectJournalDialog } from './RejectJournalDialog';

type Status = ManualJournalView['status'];
const statuses = ['all', 'pending', 'approved', 'rejected'] as const;
const statusColours: Record<Status, string> = { pending: 'yellow', approved: 'teal', rejected: 'red' };

export function ManualJournalsScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  const format = useBranchFormat(me);
  const canDecide = hasPermission(me, 'accounting.manage');
  const [status, setStatus] = useState<(typeof statuses)[number]>('all');
  const journals = useQuery('books.manualJournals', status === 'all' ? {} : { status });
  const accounts = useQuery('books.accounts', {});
  const [isProposing, setProposing] = useState(false);
  const [rejecting, setRejecting] = useState<ManualJournalView | null>(null);
  const approval = useCall();
  const [approvingId, setApprovingId] = useState<string | null>(null);
  useHotkeys([['alt+N', () => canDecide && setProposing(true)]]);

  const nameOf = new Map((accounts.data ?? []).map((a) => [a.code, a.name]));

  async function approve(journal: ManualJournalView) {
    setApprovingId(journal.id);
    const done = await approval.run(() =>
      api.call('books.decideJournal', { id: journal.id, decision: 'approve' }),
    );
    setApprovingId(null);
    if (!done) return;
    notifications.show({
      color: 'teal',
      message: t('books.manual.approvedDone', { narration: journal.narration }),
    });
    void journals.reload();
  }

  return (
    <Stack>
      <BooksNav me={me} current="manual" />
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('books.manual.title')}
        </Title>
        {canDecide ? (
          <Button
            leftSection={<IconPlus size={18} />}
            onClick={() => setProposing(true)}
            aria-keyshortcuts="Alt+N"
            title="Alt+N"
          >
            {t('books.manual.new')}
          </Button>
        ) : null}
      </Group>
      <SegmentedControl
        aria-label={t('books.field.status')}
        w="fit-content"
        value={status}
        onChange={(v) => setStatus(v as typeof status)}
        data={statuses.map((s) => ({ value: s, label: t(`books.manual.status.${s}`) }))}
      />
      <ErrorAlert message={journals.error ?? approval.error} />
      {journals.data === null ? (
        <Text c="dimmed">{t('common.loading')}</Text>
      ) : journals.data.length === 0 ? (
        <Text>{t('books.manual.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={960}>
          <Table verticalSpacing="xs" aria-label={t('books.manual.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('books.manual.proposedBy')}</Table.Th>
                <Table.Th>{t('books.field.valueDate')}</Table.Th>
                <Table.Th>{t('books.field.narration')}</Table.Th>
                <Table.Th>{t('books.manual.lines')}</Table.Th>
                <Table.Th ta="right">{t('books.total')}</Table.Th>
                <Table.Th>{t('books.field.status')}</Table.Th>
                {canDecide ? <Table.Th>{t('books.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {journals.data.map((j) => (
                <Table.Tr key={j.id} data-testid="manual-journal" aria-label={j.narration}>
                  <Table.Td>
                    <Text size="sm">{j.createdByName ?? '—'}</Text>
                    <Text size="xs" c="dimmed">
                      {format.instant(j.createdAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(j.valueDate)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{j.narration}</Text>
                    {j.attachments.length > 0 ? (
                      <Text size="xs" c="dimmed">
                        {t('books.manual.attachmentCount', { count: j.attachments.length })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {j.lines.map((l, i) => (
                      <Text key={i} size="xs" ff="monospace">
                        {l.debitMinor > 0 ? t('books.manual.dr') : t('books.manual.cr')} {l.accountCode}{' '}
                        {nameOf.get(l.accountCode) ?? ''} {format.money(l.debitMinor || l.creditMinor)}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    {format.money(j.totalMinor)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge miw="max-content" variant="light" color={statusColours[j.status]}>
                      {t(`books.manual.status.${j.status}`)}
                    </Badge>
                    {j.decidedAt ? (
                      <Text size="xs" c="dimmed">
                        {format.instant(j.decidedAt)}
                      </Text>
                    ) : null}
                    {j.decisionReason ? <Text size="xs">{j.decisionReason}</Text> : null}
                  </Table.Td>
                  {canDecide ? (
                    <Table.Td>
                      {j.status === 'pending' ? (
                        <Group gap={4} wrap="nowrap">
                          <Button
                            size="compact-sm"
                            color="teal"
                            loading={approvingId === j.id}
                            onClick={() => void approve(j)}
                          >
                            {t('books.manual.approve')}
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="light"
                            color="red"
                            onClick={() => setRejecting(j)}
                          >
                            {t('books.manual.reject')}
                          </Button>
                        </Group>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {isProposing ? (
        <ProposeJournalForm
          me={me}
          accounts={accounts.data ?? []}
          onClose={() => setProposing(false)}
          onProposed={(journal) => {
            setProposing(false);
            notifications.show({
              color: 'teal',
              message: t('books.manual.proposedDone', { narration: journal.narration }),
            });
            void journals.reload();
          }}
        />
      ) : null}
      {rejecting ? (
        <RejectJournalDialog
          journal={rejecting}
          onClose={() => setRejecting(null)}
          onRejected={(journal) => {
            setRejecting(null);
            notifications.show({
              color: 'teal',
              message: t('books.manual.rejectedDone', { narration: journal.narration }),
            });
            void journals.reload();
          }}
        />
      ) : null}
    </Stack>
  );
}
