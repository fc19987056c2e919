// The exceptions queue: each conflict with both versions side by side, a note, and the three resolutions
// (keep ours, accept theirs, record a merge). A resolution is an audited event in the core.
import { Badge, Button, Code, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exceptionResolutions, type OutputOf } from '../../../shared/contract';
import { api } from '../../api/api';
import { ErrorAlert } from '../../components/ErrorAlert';

type SyncException = OutputOf<'sync.listExceptions'>[number];

function Version({ label, value }: { label: string; value: unknown }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Code block>
        {value === null || value === undefined
          ? t('sync.exceptions.nothing')
          : JSON.stringify(value, null, 2)}
      </Code>
    </Stack>
  );
}

function ExceptionCard({ exception, onResolved }: { exception: SyncException; onResolved(): void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function resolve(resolution: (typeof exceptionResolutions)[number]) {
    setBusy(resolution);
    setError(null);
    const result = await api.call('sync.resolveException', { exceptionId: exception.id, resolution, note });
    setBusy(null);
    if (result.error)
      setError(
        result.error.issues?.[0]?.message
          ? `${t('sync.exceptions.note')}: ${result.error.issues[0].message}`
          : result.error.message,
      );
    else {
      notifications.show({ color: 'teal', message: t('sync.exceptions.resolved') });
      onResolved();
    }
  }

  return (
    <Paper withBorder p="md" data-testid="sync-exception">
      <Stack>
        <Group justify="space-between">
          <Text fw={600}>
            {t(`sync.exceptions.kind.${exception.kind}`, { defaultValue: exception.kind })}
          </Text>
          <Badge variant="light">{exception.createdAt.slice(0, 16).replace('T', ' ')}</Badge>
        </Group>
        <SimpleGrid cols={2}>
          <Version label={t('sync.exceptions.local')} value={exception.localVersion} />
          <Version label={t('sync.exceptions.remote')} value={exception.remoteVersion} />
        </SimpleGrid>
        <Textarea
          label={t('sync.exceptions.note')}
          description={t('sync.exceptions.noteHint')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={error}
          maxLength={500}
          autosize
          minRows={1}
        />
        <Group justify="flex-end">
          {exceptionResolutions.map((resolution) => (
            <Button
              key={resolution}
              variant={resolution === 'merged' ? 'default' : 'filled'}
              loading={busy === resolution}
              disabled={busy !== null && busy !== resolution}
              onClick={() => void resolve(resolution)}
            >
              {t(`sync.exceptions.${resolution}`)}
            </Button>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}

export function ExceptionsQueue() {
  const { t } = useTranslation();
  const [rows, setRows] = useState<SyncException[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await api.call('sync.listExceptions', {});
    if (result.data) setRows(result.data);
    else setMessage(result.error.message);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Stack>
      <Title order={2} size="h3">
        {t('sync.exceptions.title')}
      </Title>
      <Text size="sm">{t('sync.exceptions.intro')}</Text>
      <ErrorAlert message={message} />
      {rows?.length === 0 && <Text c="dimmed">{t('sync.exceptions.none')}</Text>}
      {rows?.map((exception) => (
        <ExceptionCard key={exception.id} exception={exception} onResolved={() => void load()} />
      ))}
    </Stack>
  );
}
