import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Asks before an action that is hard to undo; Enter confirms (the confirm button has focus). */
export function ConfirmModal(props: {
  opened: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  color?: string;
  isBusy?: boolean;
  onConfirm(): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={props.opened}
      onClose={props.onClose}
      title={props.title}
      centered
    >
      <Text mb="lg">{props.body}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onClose}>
          {t('common.cancel')}
        </Button>
        <Button data-autofocus color={props.color ?? 'red'} loading={props.isBusy} onClick={props.onConfirm}>
          {props.confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
