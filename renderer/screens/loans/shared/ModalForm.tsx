// The frame of every loans dialog: a modal holding one form, its general error, Cancel and the submit button.
// Esc closes (Mantine), Enter submits (a submit button in the form; ReasonInput turns Enter into submit too),
// the first field takes focus (mark it data-autofocus).
import { Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';

interface Props {
  title: string;
  submitLabel: string;
  color?: string;
  isBusy: boolean;
  error: string | null;
  size?: string;
  onSubmit(): void;
  onClose(): void;
  children: ReactNode;
}

export function ModalForm({
  title,
  submitLabel,
  color,
  isBusy,
  error,
  size,
  onSubmit,
  onClose,
  children,
}: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      title={title}
      centered
      size={size ?? 'md'}
    >
      <form
        noValidate
        aria-label={title}
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Stack>
          {children}
          <ErrorAlert message={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={color} loading={isBusy}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
