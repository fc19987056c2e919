// "Count and close": a row per denomination the branch uses (`loanSettings.denominations`), the count typed in,
// value × count beside it, then the counted total, the expected balance and the variance — over or short —
// as the teller types. A variance beyond the branch's tolerance needs a note for the manager. `till.count`.
// Keyboard: type a count, Enter moves down the grid and then to the note; the count is submitted by its button.
import { Alert, Button, Group, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoanSettings, TillView } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { CounterFormat } from '../shared/format';
import { countedTotal, countLines, needsNote, parseCount, varianceOf } from './count';

interface Props {
  till: TillView;
  settings: LoanSettings;
  format: CounterFormat;
  onCounted(till: TillView): void;
  onCancel(): void;
}

export function CountForm({ till, settings, format, onCounted, onCancel }: Props) {
  const { t } = useTranslation();
  const money = (minor: number) => format.money(minor, till.currency);
  const denominations = settings.denominations;
  const [texts, setTexts] = useState<string[]>(() => denominations.map(() => ''));
  const [note, setNote] = useState('');
  const [isSubmitted, setSubmitted] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);

  const counts = texts.map(parseCount);
  const lines = countLines(
    denominations,
    counts.map((c) => c ?? 0),
  );
  const counted = countedTotal(lines);
  const { varianceMinor, direction } = varianceOf(counted, till.balanceMinor);
  const isNoteNeeded = needsNote(varianceMinor, settings.tillVarianceToleranceMinor);
  const hasBadCount = counts.some((c) => c === null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (hasBadCount || (isNoteNeeded && note.trim() === '') || isBusy) return;
    setBusy(true);
    setMessage(null);
    const result = await api.call('till.count', {
      denominations: lines.map(({ valueMinor, count }) => ({ valueMinor, count })),
      note: note.trim() || undefined,
    });
    setBusy(false);
    if (result.error) return setMessage(result.error.message);
    onCounted(result.data);
  }

  return (
    <Paper withBorder p="md">
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('counter.count.title')}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('counter.count.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('counter.count.hint')}
          </Text>
          <ErrorAlert message={message} />
          <Table withTableBorder maw={560} aria-label={t('counter.count.grid')} verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('counter.count.denomination')}</Table.Th>
                <Table.Th w={140}>{t('counter.count.count')}</Table.Th>
                <Table.Th ta="right">{t('counter.count.lineTotal')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((line, i) => (
                <Table.Tr key={`${i}:${line.valueMinor}`}>
                  <Table.Td>{money(line.valueMinor)}</Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      inputMode="numeric"
                      autoComplete="off"
                      aria-label={t('counter.count.countOf', { value: money(line.valueMinor) })}
                      autoFocus={i === 0}
                      data-autofocus={i === 0 || undefined}
                      value={texts[i]}
                      data-count-row={i}
                      onKeyDown={(e) => {
                        // Enter goes down the grid (then to the note), as on a tally sheet; it never submits.
                        if (e.key !== 'Enter') return;
                        e.preventDefault();
                        const next = e.currentTarget.form?.querySelector<HTMLElement>(
                          `[data-count-row="${i + 1}"]`,
                        );
                        (next ?? noteRef.current)?.focus();
                      }}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        setTexts((all) => all.map((old, j) => (j === i ? value : old)));
                      }}
                      error={counts[i] === null ? t('counter.count.badCount') : null}
                    />
                  </Table.Td>
                  <Table.Td ta="right" data-testid={`line-total-${line.valueMinor}`}>
                    {money(line.totalMinor)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th colSpan={2}>{t('counter.count.counted')}</Table.Th>
                <Table.Th ta="right" data-testid="counted-total">
                  {money(counted)}
                </Table.Th>
              </Table.Tr>
              <Table.Tr>
                <Table.Th colSpan={2} fw={400}>
                  {t('counter.count.expected')}
                </Table.Th>
                <Table.Td ta="right" data-testid="expected-total">
                  {money(till.balanceMinor)}
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
          <Alert
            color={direction === 'balanced' ? 'teal' : isNoteNeeded ? 'red' : 'orange'}
            role="status"
            aria-live="polite"
            data-testid="variance"
          >
            {t(`counter.count.variance.${direction}`, { amount: money(Math.abs(varianceMinor)) })}
          </Alert>
          <Textarea
            ref={noteRef}
            label={t('counter.count.note')}
            description={
              isNoteNeeded
                ? t('counter.count.noteNeeded', { tolerance: money(settings.tillVarianceToleranceMinor) })
                : undefined
            }
            required={isNoteNeeded}
            maxLength={500}
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={isSubmitted && isNoteNeeded && note.trim() === '' ? t('counter.count.noteRequired') : null}
          />
          <Group>
            <Button type="submit" loading={isBusy}>
              {t('counter.count.submit')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
