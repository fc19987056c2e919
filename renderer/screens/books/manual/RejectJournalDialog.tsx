// Rejecting a pending manual journal entry, with the reason the proposer will read (audited).
import { Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManualJournalView } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ModalForm } from '../../loans/shared/ModalForm';
import { ReasonInput } from '../../loans/shared/ReasonInput';
import { useCall } from '../../loans/shared/useCall';

interface Props {
  journal: ManualJournalView;
  onClose(): void;
  onRejected(journal: ManualJournalView): void;
}

export function RejectJournalDialog({ journal, onClose, onRejected }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const call = useCall(['reason']);
  async function submit() {
    setReasonError(reason.trim() === '' ? t('books.reasonRequired') : null);
    if (reason.trim() === '') return;
    const done = await call.run(() =>
      api.call('books.decideJournal', { id: journal.id, decision: 'reject', reason: reason.trim() }),
    );
    if (done) onRejected(done);
  }
  return (
    <ModalForm
      title={t('books.manual.rejectTitle')}
      submitLabel={t('books.manual.reject')}
      color="red"
      isBusy={call.isBusy}
      error={call.error}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <Text>{t('books.manual.rejectBody', { narration: journal.narration })}</Text>
      <ReasonInput
        value={reason}
        onChange={setReason}
        label={t('books.reason')}
        description={t('books.manual.rejectHint')}
        error={reasonError ?? call.fieldError('reason')}
        autoFocus
      />
    </ModalForm>
  );
}
