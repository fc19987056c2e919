// "Verify chain": recomputes the audit log's hash chain on the server and says whether it is intact.
import { Alert, Button, Group } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { api } from '../../api/api';
import { ErrorAlert } from '../../components/ErrorAlert';

export function VerifyChain() {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<OutputOf<'audit.verify'> | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function verify() {
    setBusy(true);
    setMessage(null);
    const result = await api.call('audit.verify', {});
    setBusy(false);
    if (result.data) setOutcome(result.data);
    else setMessage(result.error.message);
  }

  return (
    <Group align="flex-start">
      <Button
        variant="light"
        leftSection={<IconShieldCheck size={18} />}
        loading={isBusy}
        onClick={() => void verify()}
      >
        {t('audit.verify')}
      </Button>
      <ErrorAlert message={message} />
      {outcome ? (
        <Alert
          role="status"
          color={outcome.isIntact ? 'teal' : 'red'}
          title={outcome.isIntact ? t('audit.intact') : t('audit.broken')}
        >
          {outcome.isIntact
            ? t('audit.intactBody', { count: outcome.rowsChecked })
            : t('audit.brokenBody', { seq: outcome.firstBrokenSeq, count: outcome.rowsChecked })}
        </Alert>
      ) : null}
    </Group>
  );
}
