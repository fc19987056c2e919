// "Disburse" on an approved loan: pays out what is approved and not yet paid out, in cash from the teller's open
// till or by transfer with its reference. When the product deducts its disbursement fee, the net amount the
// customer receives is what the teller counts out. Keyboard: the channel is focused; Enter goes to Confirm, and
// Enter there pays out. One idempotency key per opening of the form.
import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoanView, PostingResult } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { CounterFormat } from '../shared/format';
import type { CurrentTill } from '../shared/useCurrentTill';
import { ChannelFields, cashBlocked, type Channel } from './ChannelFields';
import { payOut } from './disbursementFee';
import { placeIssues } from './PaymentForm';

interface Props {
  loan: LoanView;
  till: CurrentTill;
  format: CounterFormat;
  onPosted(result: PostingResult): void;
}

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text size="lg" fw={600} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

export function DisburseForm({ loan, till, format, onPosted }: Props) {
  const { t } = useTranslation();
  const money = (minor: number) => format.money(minor, loan.currency, loan.digits);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [channel, setChannel] = useState<Channel>('cash');
  const [reference, setReference] = useState('');
  const [referenceError, setReferenceError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [isPosting, setPosting] = useState(false);
  const isPostingRef = useRef(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const firstFieldRef = useRef<HTMLDivElement>(null);

  const approvedMinor = loan.approvedPrincipalMinor ?? loan.principalMinor;
  const remainingMinor = Math.max(0, approvedMinor - loan.disbursedPrincipalMinor);
  const amounts = payOut(loan.terms, remainingMinor, loan.digits);
  const referenceMissing = channel === 'transfer' && reference.trim() === '';
  const isReady = remainingMinor > 0 && !referenceMissing && !(channel === 'cash' && cashBlocked(till));

  useEffect(() => {
    firstFieldRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return;
    event.preventDefault();
    confirmRef.current?.focus();
  }

  async function post() {
    if (isPostingRef.current || !isReady) return;
    isPostingRef.current = true;
    setPosting(true);
    setMessage(null);
    setReferenceError(null);
    const result = await api.call('loans.disburse', {
      loanId: loan.id,
      channel,
      reference: channel === 'transfer' ? reference.trim() : undefined,
      idempotencyKey,
    });
    isPostingRef.current = false;
    setPosting(false);
    if (result.error) {
      const placed = placeIssues(result.error);
      setReferenceError(placed.reference ?? null);
      setMessage(placed.message ?? (placed.amount ? `${result.error.message} ${placed.amount}` : null));
      return;
    }
    onPosted(result.data);
  }

  const handedOver = amounts ? amounts.netMinor : remainingMinor;
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => e.preventDefault()}
        onKeyDown={onKeyDown}
        noValidate
        aria-label={t('counter.disburse.title')}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('counter.disburse.title')}
          </Title>
          <ErrorAlert message={message} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Fact label={t('counter.disburse.principal')} value={money(remainingMinor)} />
            {amounts && amounts.deductedFeeMinor > 0 ? (
              <>
                <Fact label={t('counter.disburse.fee')} value={money(amounts.deductedFeeMinor)} />
                <Fact
                  label={t('counter.disburse.net')}
                  value={money(amounts.netMinor)}
                  testId="disburse-net"
                />
              </>
            ) : null}
          </SimpleGrid>
          {amounts === null ? (
            <Text size="sm" c="orange.8">
              {t('counter.disburse.feeUnknown')}
            </Text>
          ) : null}
          {loan.disbursedPrincipalMinor > 0 ? (
            <Text size="sm" c="dimmed">
              {t('counter.disburse.alreadyPaid', { amount: money(loan.disbursedPrincipalMinor) })}
            </Text>
          ) : null}
          <div ref={firstFieldRef}>
            <ChannelFields
              channel={channel}
              onChannelChange={setChannel}
              reference={reference}
              onReferenceChange={(value) => {
                setReference(value);
                setReferenceError(null);
              }}
              referenceError={referenceError}
              till={till}
            />
          </div>
          <Group>
            <Button
              ref={confirmRef}
              type="button"
              size="md"
              loading={isPosting}
              disabled={!isReady}
              onClick={() => void post()}
            >
              {t(channel === 'cash' ? 'counter.disburse.confirmCash' : 'counter.disburse.confirmTransfer', {
                amount: money(handedOver),
              })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
