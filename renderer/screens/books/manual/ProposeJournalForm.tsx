// Proposing a manual journal entry (accounting.manage): the value date, a narration, and at least two lines,
// each an account and an amount on one side, with the live "debits = credits" check; optionally the ids of
// stored documents that support it. Only accounts that take manual postings are offered (no headings, no
// control accounts). One idempotency key per opening of the form: a double-click, or a retry after a lost
// answer, proposes once. The entry posts only when someone else approves it.
import { ActionIcon, Button, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, GlAccountView, ManualJournalView } from '../../../../shared/contract';
import { api } from '../../../api/api';
import type { Me } from '../../../stores/session';
import { useBranchFormat } from '../../customers/shared/format';
import { ModalForm } from '../../loans/shared/ModalForm';
import { accountLabel, postableAccounts } from '../accounts/accountTree';
import { BalanceIndicator } from './BalanceIndicator';
import { emptyLine, isBlank, journalBalance, toLines, type LineText } from './journalLines';

interface Props {
  me: Me;
  accounts: readonly GlAccountView[];
  onClose(): void;
  onProposed(journal: ManualJournalView): void;
}

/** Field errors by the form's own names: `valueDate`, `narration`, `attachments`, `lines`, `line.<row>`. */
type FieldErrors = Record<string, string>;

function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** Puts a refusal's issues on the form's fields (a line by its row in the form); answers what is left. */
function placeIssues(error: ApiError, rows: readonly number[]): { fields: FieldErrors; rest: string | null } {
  const fields: FieldErrors = {};
  const rest: string[] = [];
  for (const issue of error.issues ?? []) {
    const [head, index] = issue.path.split('.');
    const row = index === undefined ? undefined : rows[Number(index)];
    if (head === 'lines' && row !== undefined) fields[`line.${row}`] = sentence(issue.message);
    else if (head === 'valueDate' || head === 'narration' || head === 'attachments' || head === 'lines')
      fields[head] = sentence(issue.message);
    else rest.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
  }
  const isPlaced = (error.issues?.length ?? 0) > 0 && rest.length === 0;
  return { fields, rest: isPlaced ? null : [error.message, ...rest].join(' — ') };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const maxAttachments = 10;

/** The document ids pasted into the attachments field (separated by spaces, commas or new lines). */
function attachmentIds(text: string): string[] {
  return text.split(/[\s,;]+/).filter(Boolean);
}

export function ProposeJournalForm({ me, accounts, onClose, onProposed }: Props) {
  const { t } = useTranslation();
  const format = useBranchFormat(me);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [valueDate, setValueDate] = useState(me.branch.businessDate);
  const [narration, setNarration] = useState('');
  const [attachments, setAttachments] = useState('');
  const [lines, setLines] = useState<LineText[]>(() => [emptyLine(), emptyLine()]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [isSubmitted, setSubmitted] = useState(false);
  const isBusyRef = useRef(false);

  const balance = journalBalance(lines, format.digits, format.locale);
  const options = postableAccounts(accounts).map((a) => ({ value: a.code, label: accountLabel(a) }));

  const setLine = (row: number, change: Partial<LineText>) => {
    setLines((current) => current.map((l, i) => (i === row ? { ...l, ...change } : l)));
    setErrors(({ [`line.${row}`]: _dropped, lines: _balance, ...rest }) => rest);
  };

  /** What is wrong with a row, once it has something in it (a spare empty row is fine) or after Submit. */
  const lineError = (row: number): string | null => {
    if (errors[`line.${row}`]) return errors[`line.${row}`]!;
    const line = lines[row]!;
    const problem = balance.lines[row]?.problem;
    if (!problem || isBlank(line)) return null;
    if ((problem === 'account' || problem === 'noAmount') && !isSubmitted) return null;
    return t(`books.manual.lineProblem.${problem}`);
  };

  async function submit() {
    setSubmitted(true);
    setMessage(null);
    const local: FieldErrors = {};
    if (narration.trim() === '') local.narration = t('books.manual.narrationRequired');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(valueDate)) local.valueDate = t('books.journal.dateRequired');
    const ids = attachmentIds(attachments);
    const notAnId = ids.find((id) => !uuidPattern.test(id));
    if (notAnId) local.attachments = t('books.manual.notADocument', { id: notAnId });
    else if (ids.length > maxAttachments)
      local.attachments = t('books.manual.tooManyAttachments', { max: maxAttachments });
    const proposal = toLines(lines, format.digits, format.locale);
    if (!proposal) local.lines = t('books.manual.mustBalance');
    else if (proposal.lines.length < 2) local.lines = t('books.manual.twoLines');
    setErrors(local);
    if (Object.keys(local).length > 0 || !proposal || isBusyRef.current) return;
    isBusyRef.current = true;
    setBusy(true);
    const result = await api.call('books.proposeJournal', {
      valueDate,
      narration: narration.trim(),
      lines: proposal.lines,
      attachments: ids,
      idempotencyKey,
    });
    isBusyRef.current = false;
    setBusy(false);
    if (result.error) {
      const placed = placeIssues(result.error, proposal.rows);
      setErrors(placed.fields);
      setMessage(placed.rest);
      return;
    }
    onProposed(result.data);
  }

  return (
    <ModalForm
      title={t('books.manual.proposeTitle')}
      submitLabel={t('books.manual.propose')}
      isBusy={isBusy}
      error={message}
      size="xl"
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <Group align="flex-start" grow>
        <TextInput
          type="date"
          label={t('books.field.valueDate')}
          required
          value={valueDate}
          onChange={(e) => setValueDate(e.currentTarget.value)}
          error={errors.valueDate}
        />
        <TextInput
          label={t('books.field.narration')}
          required
          data-autofocus
          maxLength={300}
          value={narration}
          onChange={(e) => setNarration(e.currentTarget.value)}
          error={errors.narration}
        />
      </Group>
      <Stack gap="xs" role="group" aria-label={t('books.manual.lines')}>
        <Text size="sm" fw={500}>
          {t('books.manual.lines')}
        </Text>
        {lines.map((line, row) => {
          const n = row + 1;
          const error = lineError(row);
          return (
            <Stack key={row} gap={2} data-testid={`journal-line-${n}`}>
              <Group align="flex-start" wrap="nowrap" gap="xs">
                <Select
                  aria-label={t('books.manual.lineAccount', { n })}
                  placeholder={t('books.manual.pickAccount')}
                  searchable
                  clearable
                  style={{ flex: 1 }}
                  data={options}
                  value={line.accountCode}
                  onChange={(code) => setLine(row, { accountCode: code })}
                  error={Boolean(error)}
                  nothingFoundMessage={t('books.manual.noAccount')}
                />
                <TextInput
                  aria-label={t('books.manual.lineDebit', { n })}
                  placeholder={t('books.field.debit')}
                  inputMode="decimal"
                  autoComplete="off"
                  w={150}
                  value={line.debit}
                  onChange={(e) => setLine(row, { debit: e.currentTarget.value })}
                  error={Boolean(error)}
                />
                <TextInput
                  aria-label={t('books.manual.lineCredit', { n })}
                  placeholder={t('books.field.credit')}
                  inputMode="decimal"
                  autoComplete="off"
                  w={150}
                  value={line.credit}
                  onChange={(e) => setLine(row, { credit: e.currentTarget.value })}
                  error={Boolean(error)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={4}
                  aria-label={t('books.manual.removeLine', { n })}
                  disabled={lines.length <= 2}
                  onClick={() => {
                    setLines((current) => current.filter((_, i) => i !== row));
                    setErrors({});
                  }}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
              {error ? (
                <Text size="xs" c="red" role="alert">
                  {error}
                </Text>
              ) : null}
            </Stack>
          );
        })}
        <Group justify="space-between" align="center">
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPlus size={14} />}
            disabled={lines.length >= 50}
            onClick={() => setLines((current) => [...current, emptyLine()])}
          >
            {t('books.manual.addLine')}
          </Button>
          <BalanceIndicator balance={balance} money={format.money} />
        </Group>
        {errors.lines ? (
          <Text size="sm" c="red" role="alert">
            {errors.lines}
          </Text>
        ) : null}
      </Stack>
      <Textarea
        label={t('books.manual.attachments')}
        description={t('books.manual.attachmentsHint')}
        autosize
        minRows={1}
        value={attachments}
        onChange={(e) => setAttachments(e.currentTarget.value)}
        error={errors.attachments}
      />
    </ModalForm>
  );
}
