// One document's preview: images inline (from a data: URL), PDFs as metadata and a "Save" link (blob URL).
import { Anchor, Group, Image, Loader, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { base64ToBlobUrl, formatBytes, imageDataUrl } from './files';

type Doc = OutputOf<'documents.get'>;

export function DocumentPreview({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const [doc, setDoc] = useState<Doc | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saveUrl, setSaveUrl] = useState<string | null>(null);

  useEffect(() => {
    let isCurrent = true;
    setDoc(null);
    void api.call('documents.get', { documentId }).then((r) => {
      if (!isCurrent) return;
      if (r.error) setError(r.error.message);
      else setDoc(r.data);
    });
    return () => {
      isCurrent = false;
    };
  }, [documentId]);

  useEffect(() => {
    if (!doc) return;
    const url = base64ToBlobUrl(doc.contentBase64, doc.mimeType);
    setSaveUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [doc]);

  if (error) return <ErrorAlert message={error} />;
  if (!doc) return <Loader size="sm" aria-label={t('common.loading')} />;
  const image = imageDataUrl(doc.mimeType, doc.contentBase64);
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{doc.fileName}</Text>
          {saveUrl ? (
            <Anchor href={saveUrl} download={doc.fileName}>
              {t('customers.documents.save')}
            </Anchor>
          ) : null}
        </Group>
        <Text size="sm" c="dimmed">
          {doc.mimeType} · {formatBytes(doc.sizeBytes)} · SHA-256 {doc.sha256.slice(0, 16)}…
        </Text>
        {image ? (
          <Image
            src={image}
            alt={t('customers.documents.previewOf', { name: doc.fileName })}
            maw={480}
            mah={360}
            w="auto"
            fit="contain"
          />
        ) : (
          <Text size="sm">{t('customers.documents.noPreview')}</Text>
        )}
      </Stack>
    </Paper>
  );
}
