// What the file holds before anything is posted: how many repayments and their total, the problems (row
// number and what is wrong), the first rows as they will be posted, and "Post N repayments".
//
// Rows with problems: the button stays disabled until the person ticks "Leave out the rows with problems" — a
// bank file is often all good but one row, and making someone edit the bank's file to drop it is friction,
// while posting part of a file without saying so could go unnoticed. Leaving rows out is safe to undo: once
// the rows are corrected, the whole file is imported again and the rows posted the first time are skipped
// (their keys are the same, repaymentsFile.ts). A problem with the file itself (no header, a column missing
// or repeated) posts nothing.
import { Alert, Button, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CounterFormat } from '../shared/format';
import { rowsWithProblems, type FileProblem, type RepaymentsFile, type RowProblem } from './repaymentsFile';

/** Bounds on what is rendered (a file may hold 100,000 rows): the count of the rest is said. */
const shownRows = 100;
const shownProblems = 200;

interface Props {
  fileName: string;
  file: RepaymentsFile;
  businessDate: string;
  format: CounterFormat;
  isAcknowledged: boolean;
  onAcknowledge(isAcknowledged: boolean): void;
  isPosting: boolean;
  onPost(): void;
}

function useProblemTexts() {
  const { t } = useTranslation();
  const column = (name: string) => t(`counter.import.columns.${name}`);
  return {
    file: (problem: FileProblem) =>
      t(`counter.import.fileProblems.${problem.code}`, {
        ...problem,
        column: 'column' in problem ? column(problem.column) : undefined,
      }),
    row: (problem: RowProblem) => t(`counter.import.problems.${problem.code}`, { ...problem }),
  };
}

function ProblemsTable({ problems }: { problems: readonly RowProblem[] }) {
  const { t } = useTranslation();
  const texts = useProblemTexts();
  return (
    <Stack gap="xs">
      <Table
        withTableBorder
        striped
        aria-label={t('counter.import.preview.problems')}
        data-testid="import-problems"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>{t('counter.import.preview.row')}</Table.Th>
            <Table.Th>{t('counter.import.preview.problem')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.slice(0, shownProblems).map((problem, index) => (
            <Table.Tr key={`${problem.row}:${index}`}>
              <Table.Td>{problem.row}</Table.Td>
              <Table.Td>{texts.row(problem)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {problems.length > shownProblems ? (
        <Text size="sm" c="dimmed">
          {t('counter.import.preview.moreProblems', { count: problems.length - shownProblems })}
        </Text>
      ) : null}
    </Stack>
  );
}

function RowsTable({ file, businessDate, format }: Pick<Props, 'file' | 'businessDate' | 'format'>) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Table withTableBorder striped aria-label={t('counter.import.preview.rows')} data-testid="import-rows">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>{t('counter.import.preview.row')}</Table.Th>
            <Table.Th>{t('counter.import.columns.accountNo')}</Table.Th>
            <Table.Th ta="right">{t('counter.import.columns.amount')}</Table.Th>
            <Table.Th>{t('counter.import.columns.valueDate')}</Table.Th>
            <Table.Th>{t('counter.import.columns.reference')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {file.rows.slice(0, shownRows).map((row) => (
            <Table.Tr key={row.row}>
              <Table.Td>{row.row}</Table.Td>
              <Table.Td ff="monospace">{row.accountNo}</Table.Td>
              <Table.Td ta="right">{format.money(row.amountMinor)}</Table.Td>
              <Table.Td>
                {row.valueDate
                  ? format.date(row.valueDate)
                  : t('counter.import.preview.businessDate', { date: format.date(businessDate) })}
              </Table.Td>
              <Table.Td ff="monospace">{row.reference}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {file.rows.length > shownRows ? (
        <Text size="sm" c="dimmed">
          {t('counter.import.preview.firstRows', { shown: shownRows, count: file.rows.length })}
        </Text>
      ) : null}
    </Stack>
  );
}

export function ImportPreview(props: Props) {
  const { fileName, file, businessDate, format, isAcknowledged, onAcknowledge, isPosting, onPost } = props;
  const { t } = useTranslation();
  const texts = useProblemTexts();
  const leftOut = rowsWithProblems(file);
  const hasProblems = file.problems.length > 0;
  const canPost =
    file.fileProblems.length === 0 && file.rows.length > 0 && (!hasProblems || isAcknowledged) && !isPosting;
  return (
    <Paper withBorder p="md" data-testid="import-preview">
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('counter.import.preview.title', { file: fileName })}
        </Title>
        {file.fileProblems.length > 0 ? (
          <Alert
            color="red"
            role="alert"
            icon={<IconAlertTriangle size={18} />}
            title={t('counter.import.fileProblems.title')}
          >
            <Stack gap={4}>
              {file.fileProblems.map((problem) => (
                <Text key={`${problem.code}:${'column' in problem ? problem.column : ''}`} size="sm">
                  {texts.file(problem)}
                </Text>
              ))}
            </Stack>
          </Alert>
        ) : (
          <Text data-testid="import-summary">
            {t('counter.import.preview.summary', {
              count: file.rows.length,
              total: format.money(file.totalMinor),
            })}
            {leftOut > 0 ? ` ${t('counter.import.preview.withProblems', { count: leftOut })}` : ''}
          </Text>
        )}
        {file.fileProblems.length === 0 && !file.hasValueDateColumn ? (
          <Alert color="blue">
            {t('counter.import.preview.noValueDates', { date: format.date(businessDate) })}
          </Alert>
        ) : null}
        {hasProblems ? <ProblemsTable problems={file.problems} /> : null}
        {file.rows.length > 0 ? <RowsTable file={file} businessDate={businessDate} format={format} /> : null}
        {file.fileProblems.length === 0 && file.rows.length > 0 ? (
          <Group justify="space-between" align="center">
            {hasProblems ? (
              <Checkbox
                checked={isAcknowledged}
                onChange={(event) => onAcknowledge(event.currentTarget.checked)}
                label={
                  leftOut > 0
                    ? t('counter.import.preview.leaveOut', { count: leftOut })
                    : t('counter.import.preview.ignoreColumns')
                }
              />
            ) : (
              <span />
            )}
            <Button onClick={onPost} disabled={!canPost} loading={isPosting}>
              {t('counter.import.preview.post', { count: file.rows.length })}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
