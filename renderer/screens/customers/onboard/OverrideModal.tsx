// The core thinks the new customer may already exist: show the likely duplicates and ask why the officer
// proceeds anyway (the reason is audited), then resubmit with it.
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DuplicateList } from './DuplicateWarning';
import type { DuplicateCheck } from './useDuplicateCheck';

interface Props {
  message: string;
  matches: DuplicateCheck['likely'];
  isBusy: boolean;
  error: string | null;
  onCancel(): void;
  onConfirm(reason: string): void;
}

export function OverrideModal({ message, matches, isBusy, error, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onCancel}
      title={t('customers.duplicates.overrideTitle')}
      centered
      size="lg"
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim().length < 5) return setLocalError(t('customers.duplicates.reasonTooShort'));
          setLocalError(null);
          onConfirm(reason.trim());
        }}
      >
        <Stack>
          <Text>{message}</Text>
          {matches.length > 0 ? <DuplicateList matches={matches} /> : null}
          <Textarea
            label={t('customers.duplicates.reason')}
            description={t('customers.duplicates.reasonHint')}
            required
            data-autofocus
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                e.currentTarget.form?.requestSubmit();
              }
            }}
            error={localError ?? error}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={isBusy}>
              {t('customers.duplicates.proceed')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
