// The exceptions queue: each conflict with both versions side by side, a note, and the three resolutions
// (keep ours, accept theirs, merge). A resolution is an audited event in the core that changes data here and on
// every replica; the settled ones show the decision, its note and its effect in words.
import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exceptionResolutions, type OutputOf } from '../../../shared/contract';
import { api } from '../../api/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant } from '../../format';
import { describeEffect } from './effectWords';

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

function Settled({ exception }: { exception: SyncException }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="xs" data-testid="sync-exception-settled">
      <Text size="sm" fw={600}>
        {t('sync.exceptions.settled', {
          resolution: t(`sync.exceptions.resolution.${exception.resolution ?? 'keep_local'}`),
          at: exception.resolvedAt ? formatInstant(exception.resolvedAt, i18n.language) : '',
        })}
      </Text>
      {exception.note && <Text size="sm">{exception.note}</Text>}
      {exception.effect && (
        <Alert variant="light" color="teal" title={t('sync.exceptions.effectLabel')}>
          {describeEffect(exception.effect, t)}
        </Alert>
      )}
    </Stack>
  );
}

function ExceptionCard({ exception, onResolved }: { exception: SyncException; onResolved(): void }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid="sync-exception">
      <Stack>
        <Group justify="space-between">
          <Text fw={600}>
            {t(`sync.exceptions.kind.${exception.kind}`, { defaultValue: exception.kind })}
          </Text>
          <Badge variant="light">{formatInstant(exception.createdAt, i18n.language)}</Badge>
        </Group>
        <SimpleGrid cols={2}>
          <Version label={t('sync.exceptions.local')} value={exception.localVersion} />
          <Version label={t('sync.exceptions.remote')} value={exception.remoteVersion} />
        </SimpleGrid>
        {exception.status === 'resolved' ? (
          <Settled exception={exception} />
        ) : (
          <Decide exception={exception} onResolved={onResolved} />
        )}
      </Stack>
    </Paper>
  );
}

function Decide({ exception, onResolved }: { exception: SyncException; onResolved(): void }) {
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
          ? `${t(result.error.issues[0].path === 'note' ? 'sync.exceptions.note' : 'sync.exceptions.decision')}: ${result.error.issues[0].message}`
          : result.error.message,
      );
    else {
      notifications.show({ color: 'teal', message: t('sync.exceptions.resolved') });
      onResolved();
    }
  }

  return (
    <>
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
    </>
  );
}

export function ExceptionsQueue() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'open' | 'resolved'>('open');
  const [rows, setRows] = useState<SyncException[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await api.call('sync.listExceptions', { status });
    if (result.data) setRows(result.data);
    else setMessage(result.error.message);
  }, [status]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Stack>
      <Title order={2} size="h3">
        {t('sync.exceptions.title')}
      </Title>
      <Text size="sm">{t('sync.exceptions.intro')}</Text>
      <SegmentedControl
        value={status}
        onChange={(value) => setStatus(value as 'open' | 'resolved')}
        data={[
          { value: 'open', label: t('sync.exceptions.show.open') },
          { value: 'resolved', label: t('sync.exceptions.show.resolved') },
        ]}
        w="fit-content"
      />
      <ErrorAlert message={message} />
      {rows?.length === 0 && (
        <Text c="dimmed">
          {t(status === 'open' ? 'sync.exceptions.none' : 'sync.exceptions.noneResolved')}
        </Text>
      )}
      {rows?.map((exception) => (
        <ExceptionCard key={exception.id} exception={exception} onResolved={() => void load()} />
      ))}
    </Stack>
  );
}
