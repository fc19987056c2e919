// Save as CSV / XLSX / PDF: asks the core for the same report as a file (`reports.export`) and hands it to the
// browser as a download, so the app never renders a document inside its own window.
import { Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet, IconFileTypeCsv, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportableReport, ExportFormat } from '../../../shared/contract';
import { api } from '../../api/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { base64ToBytes } from '../loans/shared/files';

function saveFile(fileName: string, mimeType: string, base64: string): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(base64)], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const icons = { csv: IconFileTypeCsv, xlsx: IconFileSpreadsheet, pdf: IconFileTypePdf } as const;

export function ExportButtons({ request, disabled }: { request: ExportableReport; disabled?: boolean }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function save(format: ExportFormat) {
    setBusy(format);
    setError(null);
    const result = await api.call('reports.export', { ...request, format });
    setBusy(null);
    if (result.error) return setError(result.error.message);
    saveFile(result.data.fileName, result.data.mimeType, result.data.base64);
    notifications.show({
      color: 'teal',
      message: t('reports.export.saved', { fileName: result.data.fileName }),
    });
  }
  return (
    <Stack>
      <Group gap="xs" role="group" aria-label={t('reports.export.label')}>
        {(['csv', 'xlsx', 'pdf'] as const).map((format) => {
          const Icon = icons[format];
          return (
            <Button
              key={format}
              variant="light"
              leftSection={<Icon size={18} />}
              loading={busy === format}
              disabled={disabled || (busy !== null && busy !== format)}
              onClick={() => void save(format)}
              data-testid={`export-${format}`}
            >
              {t(`reports.export.${format}`)}
            </Button>
          );
        })}
      </Group>
      <ErrorAlert message={error} />
    </Stack>
  );
}
