import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A form's or screen's general error, announced to screen readers. */
export function ErrorAlert({ message, title }: { message: string | null; title?: string }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <Alert color="red" role="alert" icon={<IconAlertCircle size={18} />} title={title ?? t('common.error')}>
      {message}
    </Alert>
  );
}
