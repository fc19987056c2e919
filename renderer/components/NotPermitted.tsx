import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** What a person sees on a page their role does not allow (the core refuses the calls too). */
export function NotPermitted() {
  const { t } = useTranslation();
  return (
    <Alert color="orange" icon={<IconLock size={18} />} title={t('notPermitted.title')} role="alert">
      {t('notPermitted.body')}
    </Alert>
  );
}
