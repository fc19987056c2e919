// #/counter/import — a bank or mobile-money file of transfer repayments, posted in one batch
// (`loans.importRepayments`, loans.manage): the person chooses a CSV or XLSX file, sees what it holds and
// what is wrong with it (ImportPreview), posts, and sees what was posted, skipped as imported before, or
// refused (ImportResult). The file is read and checked here, in the window (readRepaymentsFile.ts,
// repaymentsFile.ts); the core decides per row whether a loan can take the repayment, and posts the file in
// one transaction. Choosing a file again (the same one too) starts over. Rows without a value date are dated
// the business date the status bar shows.
import { List, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { Me } from '../../../stores/session';
import { useSyncStatus } from '../../../stores/syncStatus';
import { useCounterFormat } from '../shared/format';
import { FileDropZone } from './FileDropZone';
import { ImportPreview } from './ImportPreview';
import { ImportResult } from './ImportResult';
import { readRepaymentsFile, type ReadError } from './readRepaymentsFile';
import { importInput, readRepayments, type Cell, type RepaymentRow } from './repaymentsFile';

/** How a file may write its amounts: the value is the locale the counter's parser reads them in. */
const amountFormats = [
  { value: 'en', example: '1,500.00' },
  { value: 'fr', example: '1 500,00' },
] as const;
type AmountFormat = (typeof amountFormats)[number]['value'];

interface Loaded {
  fileName: string;
  cells: Cell[][];
}

interface Posted {
  result: OutputOf<'loans.importRepayments'>;
  /** The batch as sent: the core's failed rows are indexes into it. */
  rows: RepaymentRow[];
}

export function ImportRepaymentsScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  const format = useCounterFormat(me);
  const businessDate = useSyncStatus((s) => s.status?.businessDate) ?? me.branch.businessDate;
  const [amountFormat, setAmountFormat] = useState<AmountFormat>(
    me.branch.locale.toLowerCase().startsWith('fr') ? 'fr' : 'en',
  );
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [isReading, setReading] = useState(false);
  const [readError, setReadError] = useState<ReadError | null>(null);
  const [isAcknowledged, setAcknowledged] = useState(false);
  const [isPosting, setPosting] = useState(false);
  const [postError, setPostError] = useState<string | null>(null);
  const [posted, setPosted] = useState<Posted | null>(null);
  // A file chosen while another is still being read wins; the older read's answer is dropped.
  const reading = useRef(0);

  const file = useMemo(
    () =>
      loaded ? readRepayments(loaded.cells, { digits: format.digits, amountLocale: amountFormat }) : null,
    [loaded, format.digits, amountFormat],
  );

  const choose = async (chosen: File) => {
    if (isPosting) return; // the batch being posted is the one on screen until its answer comes
    const attempt = ++reading.current;
    setReading(true);
    setLoaded(null);
    setReadError(null);
    setPosted(null);
    setPostError(null);
    setAcknowledged(false);
    const result = await readRepaymentsFile(chosen);
    if (attempt !== reading.current) return;
    setReading(false);
    if ('error' in result) setReadError(result.error);
    else setLoaded({ fileName: chosen.name, cells: result.cells });
  };

  const post = async () => {
    if (!file || file.rows.length === 0) return;
    const rows = file.rows;
    setPosting(true);
    setPostError(null);
    const result = await api.call('loans.importRepayments', importInput(rows, businessDate));
    setPosting(false);
    if (result.error) setPostError(result.error.message);
    else setPosted({ result: result.data, rows });
  };

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('counter.import.title')}
      </Title>
      <Stack gap={4}>
        <Text>{t('counter.import.intro')}</Text>
        <List size="sm">
          {(['accountNo', 'amount', 'valueDate', 'reference'] as const).map((column) => (
            <List.Item key={column}>{t(`counter.import.columnHints.${column}`)}</List.Item>
          ))}
        </List>
        <Text size="sm" c="dimmed">
          {t('counter.import.again')}
        </Text>
      </Stack>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="import-amount-format">
          {t('counter.import.amountFormat')}
        </Text>
        <SegmentedControl
          aria-labelledby="import-amount-format"
          value={amountFormat}
          onChange={(value) => {
            setAmountFormat(value as AmountFormat);
            setAcknowledged(false);
          }}
          data={amountFormats.map((f) => ({ value: f.value, label: f.example }))}
          style={{ alignSelf: 'flex-start' }}
          disabled={isPosting || posted !== null}
        />
      </Stack>
      <FileDropZone isReading={isReading || isPosting} onFile={(chosen) => void choose(chosen)} />
      {readError ? (
        <ErrorAlert
          title={t('counter.import.readErrors.title')}
          message={t(`counter.import.readErrors.${readError.code}`, { ...readError })}
        />
      ) : null}
      <ErrorAlert message={postError} />
      {loaded && file && posted ? (
        <ImportResult fileName={loaded.fileName} result={posted.result} rows={posted.rows} format={format} />
      ) : null}
      {loaded && file && !posted ? (
        <ImportPreview
          fileName={loaded.fileName}
          file={file}
          businessDate={businessDate}
          format={format}
          isAcknowledged={isAcknowledged}
          onAcknowledge={setAcknowledged}
          isPosting={isPosting}
          onPost={() => void post()}
        />
      ) : null}
    </Stack>
  );
}
