// Reversing a posted manual journal entry (books.reverseJournal): a new entry of the opposite lines, with the
// reason (audited). The key is made once per opening of the dialog, so a double click reverses once.
import { Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JournalEntryView } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ModalForm } from '../../loans/shared/ModalForm';
import { ReasonInput } from '../../loans/shared/ReasonInput';
import { useCall } from '../../loans/shared/useCall';

interface Props {
  entry: JournalEntryView;
  onClose(): void;
  onReversed(reversal: JournalEntryView): void;
}

export function ReverseEntryDialog({ entry, onClose, onReversed }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const call = useCall(['reason']);
  async function submit() {
    setReasonError(reason.trim() === '' ? t('books.reasonRequired') : null);
    if (reason.trim() === '') return;
    const done = await call.run(() =>
      api.call('books.reverseJournal', { entryId: entry.id, reason: reason.trim(), idempotencyKey }),
    );
    if (done) onReversed(done);
  }
  return (
    <ModalForm
      title={t('books.journal.reverseTitle')}
      submitLabel={t('books.journal.reverse')}
      color="red"
      isBusy={call.isBusy}
      error={call.error}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <Text>{t('books.journal.reverseBody', { narration: entry.narration })}</Text>
      <ReasonInput
        value={reason}
        onChange={setReason}
        label={t('books.reason')}
        error={reasonError ?? call.fieldError('reason')}
        autoFocus
      />
    </ModalForm>
  );
}
