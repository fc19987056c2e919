// "Print" and "Save" for a PDF the core makes on request (a receipt, a till report). The PDF is fetched once per
// button press (it is small and always current); print falls back to words and "Save" when this window cannot
// print a PDF itself.
import { Button, Group, Text } from '@mantine/core';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../../../shared/contract';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { printPdf, savePdf, type PdfFile } from './pdf';

interface Props {
  load(): Promise<ApiResult<PdfFile>>;
  printLabel: string;
  saveLabel: string;
  printRef?: Ref<HTMLButtonElement>;
  autoFocusPrint?: boolean;
  size?: 'xs' | 'sm' | 'md';
}

export function PdfButtons({ load, printLabel, saveLabel, printRef, autoFocusPrint, size = 'sm' }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'print' | 'save' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cannotPrint, setCannotPrint] = useState(false);

  async function run(action: 'print' | 'save') {
    if (busy) return;
    setBusy(action);
    setError(null);
    const result = await load();
    if (result.error) {
      setBusy(null);
      return setError(result.error.message);
    }
    if (action === 'save') savePdf(result.data);
    else setCannotPrint(!(await printPdf(result.data)));
    setBusy(null);
  }

  return (
    <>
      <Group gap="sm">
        <Button
          ref={printRef}
          size={size}
          leftSection={<IconPrinter size={16} />}
          loading={busy === 'print'}
          onClick={() => void run('print')}
          autoFocus={autoFocusPrint}
          data-autofocus={autoFocusPrint || undefined}
        >
          {printLabel}
        </Button>
        <Button
          size={size}
          variant="default"
          leftSection={<IconDownload size={16} />}
          loading={busy === 'save'}
          onClick={() => void run('save')}
        >
          {saveLabel}
        </Button>
      </Group>
      {cannotPrint ? (
        <Text size="sm" c="orange.8" role="status">
          {t('counter.pdf.cannotPrint')}
        </Text>
      ) : null}
      <ErrorAlert message={error} />
    </>
  );
}
