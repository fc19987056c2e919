// The selected loan at the counter: its facts, then the one thing a teller does with it now — post a repayment
// (active), pay it out (approved), record a recovery (written off) — and, once posted, the receipt.
// Server data is fetched here (`loans.get`, `loans.quote`), not kept in a store; a posting reloads both.
import { Alert, Button, Group, Loader, Stack } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoanView, OutputOf, PostingResult } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { CounterFormat } from '../shared/format';
import type { CurrentTill } from '../shared/useCurrentTill';
import { DisburseForm } from './DisburseForm';
import { LoanFacts } from './LoanFacts';
import { PaymentForm } from './PaymentForm';
import { PostedPanel, type PostingKind } from './PostedPanel';

type Quote = OutputOf<'loans.quote'>;

interface Props {
  loanId: string;
  till: CurrentTill;
  format: CounterFormat;
  onNextCustomer(): void;
}

function postingKindOf(loan: LoanView, wantsTranche: boolean): PostingKind | null {
  // A loan paid out in tranches has more to come: the teller chooses the next tranche instead of a repayment.
  if (loan.status === 'active' && wantsTranche && loan.actions.includes('disburse')) return 'disbursement';
  if (loan.status === 'active') return 'repayment';
  if (loan.status === 'approved') return 'disbursement';
  if (loan.status === 'written_off') return 'recovery';
  return null;
}

export function LoanDesk({ loanId, till, format, onNextCustomer }: Props) {
  const { t } = useTranslation();
  const [loan, setLoan] = useState<LoanView | null>(null);
  const [quote, setQuote] = useState<Quote | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [posted, setPosted] = useState<{ kind: PostingKind; result: PostingResult } | null>(null);
  // Each opening of a form is a new action with its own idempotency key (the form makes it on mount).
  const [opening, setOpening] = useState(0);
  const [wantsTranche, setWantsTranche] = useState(false);

  const load = useCallback(async () => {
    const got = await api.call('loans.get', { loanId });
    if (got.error) return setError(got.error.message);
    setError(null);
    setLoan(got.data);
    if (got.data.status !== 'active') return setQuote(null);
    const quoted = await api.call('loans.quote', { loanId, amountMinor: 0 });
    if (quoted.error) setError(quoted.error.message);
    else setQuote(quoted.data);
  }, [loanId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error && !loan) return <ErrorAlert message={error} />;
  if (!loan) return <Loader aria-label={t('common.loading')} />;

  const kind = postingKindOf(loan, wantsTranche);
  const hasTranche = loan.status === 'active' && loan.actions.includes('disburse');
  const onPosted = (result: PostingResult) => {
    if (!kind) return;
    setPosted({ kind, result });
    void load();
    void till.reload(); // the till balance moved (cash), or at least its movements list did
  };

  return (
    <Stack gap="md">
      <LoanFacts loan={loan} quote={quote} format={format} />
      <ErrorAlert message={error} />
      {hasTranche && !posted && (
        <Group>
          <Button variant="light" onClick={() => setWantsTranche((w) => !w)} data-testid="next-tranche">
            {wantsTranche ? t('counter.loan.backToRepayment') : t('counter.loan.nextTranche')}
          </Button>
        </Group>
      )}
      {posted ? (
        <PostedPanel
          kind={posted.kind}
          result={posted.result}
          loan={loan}
          format={format}
          onNextCustomer={onNextCustomer}
          onAnother={() => {
            setPosted(null);
            setOpening((n) => n + 1);
          }}
        />
      ) : kind === 'repayment' || kind === 'recovery' ? (
        <PaymentForm
          key={opening}
          kind={kind}
          loan={loan}
          quote={quote}
          till={till}
          format={format}
          onPosted={onPosted}
        />
      ) : kind === 'disbursement' ? (
        <DisburseForm key={opening} loan={loan} till={till} format={format} onPosted={onPosted} />
      ) : (
        <Alert color="gray" role="status">
          {t('counter.loan.nothingToPost', { status: t(`counter.status.${loan.status}`) })}
        </Alert>
      )}
    </Stack>
  );
}
