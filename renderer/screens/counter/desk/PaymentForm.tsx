// "Post repayment" (and, on a written-off loan, "Record recovery"): the amount as typed, the channel, and for a
// repayment the allocation the engine would make (`loans.quote`, 250 ms after the amount settles) shown before
// Confirm. Keyboard: Enter in the amount moves to Confirm (once the preview is in), Enter there posts.
// One idempotency key per opening of the form: a double-click, or a retry after a lost answer, posts once.
import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, LoanView, OutputOf, PostingResult } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { minorToAmountText, parseCounterAmount } from '../shared/amount';
import type { CounterFormat } from '../shared/format';
import type { CurrentTill } from '../shared/useCurrentTill';
import { AllocationTable } from './AllocationTable';
import { ChannelFields, cashBlocked, type Channel } from './ChannelFields';

type Quote = OutputOf<'loans.quote'>;

interface Props {
  kind: 'repayment' | 'recovery';
  loan: LoanView;
  quote: Quote | null;
  till: CurrentTill;
  format: CounterFormat;
  onPosted(result: PostingResult): void;
}

/** The issues of a refused posting, by field of this form; the rest is said above the form. */
export function placeIssues(error: ApiError): {
  amount?: string;
  reference?: string;
  message: string | null;
} {
  const placed: { amount?: string; reference?: string } = {};
  const rest: string[] = [];
  for (const issue of error.issues ?? []) {
    if (issue.path.startsWith('amountMinor')) placed.amount = issue.message;
    else if (issue.path.startsWith('reference')) placed.reference = issue.message;
    else rest.push(issue.message);
  }
  const isPlaced = (error.issues?.length ?? 0) > 0 && rest.length === 0;
  return { ...placed, message: isPlaced ? null : [error.message, ...rest].join(' ') };
}

function useRepaymentPreview(loanId: string, amountMinor: number | null, isWanted: boolean) {
  const [debounced] = useDebouncedValue(amountMinor, 250);
  const [preview, setPreview] = useState<{ forMinor: number; quote: Quote } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!isWanted || debounced === null) return;
    let isCurrent = true;
    void api.call('loans.quote', { loanId, amountMinor: debounced }).then((result) => {
      if (!isCurrent) return;
      if (result.error) return setError(result.error.message);
      setError(null);
      setPreview({ forMinor: debounced, quote: result.data });
    });
    return () => {
      isCurrent = false;
    };
  }, [loanId, debounced, isWanted]);
  const current = preview && preview.forMinor === amountMinor ? preview.quote : null;
  return { preview: current, error };
}

export function PaymentForm({ kind, loan, quote, till, format, onPosted }: Props) {
  const { t } = useTranslation();
  const money = (minor: number) => format.money(minor, loan.currency, loan.digits);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [amountText, setAmountText] = useState('');
  const [channel, setChannel] = useState<Channel>('cash');
  const [reference, setReference] = useState('');
  const [isPosting, setPosting] = useState(false);
  const isPostingRef = useRef(false);
  const [fieldErrors, setFieldErrors] = useState<{ amount?: string; reference?: string }>({});
  const [message, setMessage] = useState<string | null>(null);
  const [isAmountTouched, setAmountTouched] = useState(false);
  const [wantsConfirm, setWantsConfirm] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);

  const parsed = parseCounterAmount(amountText, loan.digits, format.locale);
  const amountMinor = parsed.ok ? parsed.minor : null;
  const isRepayment = kind === 'repayment';
  const { preview, error: previewError } = useRepaymentPreview(loan.id, amountMinor, isRepayment);
  // Said once the field was left or Enter pressed: "1,2" on the way to "1,250" is not an error yet.
  const amountError =
    fieldErrors.amount ?? (!parsed.ok && isAmountTouched ? t(`counter.amount.errors.${parsed.error}`) : null);
  const referenceMissing = channel === 'transfer' && reference.trim() === '';
  const isReady =
    amountMinor !== null &&
    (!isRepayment || preview !== null) &&
    !referenceMissing &&
    !(channel === 'cash' && cashBlocked(till));

  // Enter in the amount asked for Confirm before the preview was in: go there as soon as it can be pressed.
  useEffect(() => {
    if (wantsConfirm && isReady) {
      confirmRef.current?.focus();
      setWantsConfirm(false);
    }
  }, [wantsConfirm, isReady]);

  // Enter in a field goes to Confirm (a second Enter there posts): the preview is seen before anything moves.
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return;
    event.preventDefault();
    setAmountTouched(true);
    setWantsConfirm(true);
  }

  async function post() {
    if (isPostingRef.current || !isReady || amountMinor === null) return;
    isPostingRef.current = true;
    setPosting(true);
    setMessage(null);
    setFieldErrors({});
    const input = {
      loanId: loan.id,
      amountMinor,
      channel,
      reference: channel === 'transfer' ? reference.trim() : undefined,
      idempotencyKey,
    };
    const result = await (isRepayment ? api.call('loans.repay', input) : api.call('loans.recover', input));
    isPostingRef.current = false;
    setPosting(false);
    if (result.error) {
      const { message: said, ...placed } = placeIssues(result.error);
      setFieldErrors(placed);
      setMessage(said);
      return;
    }
    onPosted(result.data);
  }

  const fill = (minor: number) => {
    setAmountText(minorToAmountText(minor, loan.digits));
    setFieldErrors({});
  };
  const quickFills = quote
    ? (
        [
          ['dueToday', quote.dueTodayMinor],
          ['overdue', quote.overdueMinor],
          ['payoff', quote.payoffMinor],
        ] as const
      ).filter(([, minor]) => minor > 0)
    : [];

  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => e.preventDefault()}
        onKeyDown={onKeyDown}
        noValidate
        aria-label={t(`counter.${kind}.title`)}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t(`counter.${kind}.title`)}
          </Title>
          <ErrorAlert message={message} />
          <TextInput
            label={t('counter.amount.label', { currency: loan.currency })}
            description={t('counter.amount.hint')}
            inputMode="decimal"
            autoComplete="off"
            autoFocus
            data-autofocus
            size="md"
            value={amountText}
            onChange={(e) => {
              setAmountText(e.currentTarget.value);
              setWantsConfirm(false);
              setFieldErrors((f) => ({ ...f, amount: undefined }));
            }}
            onBlur={() => setAmountTouched(true)}
            error={amountError}
            rightSection={
              <Text size="xs" c="dimmed">
                {loan.currency}
              </Text>
            }
            rightSectionWidth={48}
          />
          {isRepayment && quickFills.length > 0 ? (
            <Group gap="xs">
              {quickFills.map(([which, minor]) => (
                <Button key={which} size="compact-sm" variant="light" onClick={() => fill(minor)}>
                  {t(`counter.amount.fill.${which}`, { amount: money(minor) })}
                </Button>
              ))}
            </Group>
          ) : null}
          <ChannelFields
            channel={channel}
            onChannelChange={setChannel}
            reference={reference}
            onReferenceChange={(value) => {
              setReference(value);
              setFieldErrors((f) => ({ ...f, reference: undefined }));
            }}
            referenceError={fieldErrors.reference}
            till={till}
          />
          {isRepayment ? (
            <div aria-live="polite">
              {preview ? (
                <AllocationTable
                  allocation={preview.allocation}
                  balanceAfter={preview.balanceAfter}
                  money={money}
                  label={t('counter.repayment.preview')}
                />
              ) : (
                <Text size="sm" c="dimmed">
                  {amountMinor === null
                    ? t('counter.repayment.previewHint')
                    : t('counter.repayment.previewing')}
                </Text>
              )}
              <ErrorAlert message={previewError} />
            </div>
          ) : null}
          <Group>
            <Button
              ref={confirmRef}
              type="button"
              size="md"
              loading={isPosting}
              disabled={!isReady}
              onClick={() => void post()}
            >
              {amountMinor !== null
                ? t(`counter.${kind}.confirmAmount`, { amount: money(amountMinor) })
                : t(`counter.${kind}.confirm`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
