// The manager's view of today's tills (`till.list`): who, status, opening, balance, counted and variance, with
// the manager's actions — confirm an opening (the cash is handed over from the vault), approve a counted close
// with a note — and each closed till's report.
import { Badge, Button, Group, Loader, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TillView } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { CounterFormat } from '../shared/format';
import { PdfButtons } from '../shared/PdfButtons';

const statusColours: Record<TillView['status'], string> = {
  requested: 'yellow',
  open: 'teal',
  closing: 'orange',
  closed: 'gray',
  cancelled: 'gray',
};

function ApproveCloseModal(props: {
  till: TillView;
  /** The branch's variance tolerance; beyond it the core wants the manager's note. Null: not known. */
  toleranceMinor: number | null;
  format: CounterFormat;
  onClose(): void;
  onApproved(): void;
}) {
  const { t } = useTranslation();
  const { till, format } = props;
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const [isSubmitted, setSubmitted] = useState(false);
  const money = (minor: number | null) => format.money(minor, till.currency);
  const isNoteNeeded =
    props.toleranceMinor !== null && Math.abs(till.varianceMinor ?? 0) > props.toleranceMinor;

  async function approve() {
    setSubmitted(true);
    if (busyRef.current || (isNoteNeeded && note.trim() === '')) return;
    busyRef.current = true;
    setBusy(true);
    const result = await api.call('till.approveClose', { tillId: till.id, note: note.trim() || undefined });
    busyRef.current = false;
    setBusy(false);
    if (result.error) return setMessage(result.error.message);
    props.onApproved();
  }

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t('counter.branchTills.approveTitle', { teller: till.tellerName ?? till.tellerId })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <ErrorAlert message={message} />
        <Text>
          {t('counter.branchTills.approveBody', {
            counted: money(till.countedMinor),
            expected: money(till.balanceMinor),
            variance: money(till.varianceMinor),
          })}
        </Text>
        <Textarea
          label={t('counter.branchTills.note')}
          description={
            isNoteNeeded
              ? t('counter.branchTills.noteNeeded', { tolerance: money(props.toleranceMinor) })
              : undefined
          }
          required={isNoteNeeded}
          error={
            isSubmitted && isNoteNeeded && note.trim() === '' ? t('counter.branchTills.noteRequired') : null
          }
          maxLength={500}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={isBusy} onClick={() => void approve()}>
            {t('counter.branchTills.approve')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function BranchTills({ format, onChanged }: { format: CounterFormat; onChanged(): void }) {
  const { t } = useTranslation();
  const [tills, setTills] = useState<TillView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<TillView | null>(null);
  const [approving, setApproving] = useState<TillView | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [toleranceMinor, setToleranceMinor] = useState<number | null>(null);

  useEffect(() => {
    void api.call('loanSettings.read', {}).then((result) => {
      if (result.data) setToleranceMinor(result.data.tillVarianceToleranceMinor);
    });
  }, []);

  const load = useCallback(async () => {
    const result = await api.call('till.list', {});
    if (result.error) return setError(result.error.message);
    setError(null);
    setTills(result.data);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function confirmOpening(till: TillView) {
    if (isBusy) return;
    setBusy(true);
    const result = await api.call('till.confirmOpen', { tillId: till.id });
    setBusy(false);
    setConfirming(null);
    if (result.error) return setError(result.error.message);
    await load();
    onChanged();
  }

  const money = (minor: number | null, till: TillView) => format.money(minor, till.currency);
  return (
    <Stack gap="sm" data-testid="branch-tills">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('counter.branchTills.title')}
        </Title>
        <Button variant="subtle" leftSection={<IconRefresh size={16} />} onClick={() => void load()}>
          {t('counter.branchTills.refresh')}
        </Button>
      </Group>
      <ErrorAlert message={error} />
      {!tills ? (
        <Loader aria-label={t('common.loading')} />
      ) : tills.length === 0 ? (
        <Text c="dimmed">{t('counter.branchTills.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table withTableBorder striped aria-label={t('counter.branchTills.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('counter.branchTills.columns.teller')}</Table.Th>
                <Table.Th>{t('counter.branchTills.columns.status')}</Table.Th>
                <Table.Th ta="right">{t('counter.branchTills.columns.opening')}</Table.Th>
                <Table.Th ta="right">{t('counter.branchTills.columns.balance')}</Table.Th>
                <Table.Th ta="right">{t('counter.branchTills.columns.counted')}</Table.Th>
                <Table.Th ta="right">{t('counter.branchTills.columns.variance')}</Table.Th>
                <Table.Th>{t('counter.branchTills.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tills.map((till) => (
                <Table.Tr key={till.id} data-till={till.tellerName ?? till.tellerId}>
                  <Table.Td>{till.tellerName ?? till.tellerId}</Table.Td>
                  <Table.Td>
                    <Badge color={statusColours[till.status]} variant="light">
                      {t(`counter.tillStatus.${till.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{money(till.openingMinor, till)}</Table.Td>
                  <Table.Td ta="right">{money(till.balanceMinor, till)}</Table.Td>
                  <Table.Td ta="right">
                    {till.countedMinor === null ? '—' : money(till.countedMinor, till)}
                  </Table.Td>
                  <Table.Td ta="right" c={till.varianceMinor ? 'red.7' : undefined}>
                    {till.varianceMinor === null ? '—' : money(till.varianceMinor, till)}
                  </Table.Td>
                  <Table.Td>
                    {till.status === 'requested' ? (
                      <Button size="compact-sm" onClick={() => setConfirming(till)}>
                        {t('counter.branchTills.confirmOpen')}
                      </Button>
                    ) : till.status === 'closing' ? (
                      <Button size="compact-sm" onClick={() => setApproving(till)}>
                        {t('counter.branchTills.approveClose')}
                      </Button>
                    ) : till.status === 'closed' ? (
                      <PdfButtons
                        size="xs"
                        load={() => api.call('till.report', { tillId: till.id })}
                        printLabel={t('counter.tillScreen.report.print')}
                        saveLabel={t('counter.tillScreen.report.save')}
                      />
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {confirming ? (
        <ConfirmModal
          opened
          title={t('counter.branchTills.confirmTitle')}
          body={t('counter.branchTills.confirmBody', {
            teller: confirming.tellerName ?? confirming.tellerId,
            amount: money(confirming.openingMinor, confirming),
          })}
          confirmLabel={t('counter.branchTills.confirmOpen')}
          color="teal"
          isBusy={isBusy}
          onConfirm={() => void confirmOpening(confirming)}
          onClose={() => setConfirming(null)}
        />
      ) : null}
      {approving ? (
        <ApproveCloseModal
          till={approving}
          toleranceMinor={toleranceMinor}
          format={format}
          onClose={() => setApproving(null)}
          onApproved={() => {
            setApproving(null);
            void load();
            onChanged();
          }}
        />
      ) : null}
    </Stack>
  );
}
