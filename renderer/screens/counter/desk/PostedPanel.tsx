// What the teller sees once money has moved: the receipt number, the amount, how it was allocated and the
// balance after, with "Print receipt" focused (Enter prints) and "Save receipt"; then the next customer (F2) or
// another payment on the same loan.
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LoanView, PostingResult } from '../../../../shared/contract';
import { api } from '../../../api/api';
import type { CounterFormat } from '../shared/format';
import { PdfButtons } from '../shared/PdfButtons';
import { AllocationTable } from './AllocationTable';

export type PostingKind = 'repayment' | 'recovery' | 'disbursement';

interface Props {
  kind: PostingKind;
  result: PostingResult;
  loan: LoanView;
  format: CounterFormat;
  onNextCustomer(): void;
  onAnother(): void;
}

export function PostedPanel({ kind, result, loan, format, onNextCustomer, onAnother }: Props) {
  const { t } = useTranslation();
  const money = (minor: number) => format.money(minor, loan.currency, loan.digits);
  return (
    <Paper withBorder p="md" data-testid="posted">
      <Stack gap="sm">
        <Group gap="xs">
          <IconCircleCheck size={22} color="var(--mantine-color-teal-7)" aria-hidden />
          <Title order={2} size="h4" role="status">
            {t(`counter.posted.${kind}`, { amount: money(result.amountMinor) })}
          </Title>
        </Group>
        {result.isReplay ? (
          <Alert color="blue" role="status">
            {t('counter.posted.replay')}
          </Alert>
        ) : null}
        <Text>
          {t('counter.posted.receiptNo')}{' '}
          <Text span ff="monospace" fw={700} data-testid="receipt-no">
            {result.receiptNo ?? '—'}
          </Text>
          {' · '}
          {format.date(result.valueDate)}
        </Text>
        {kind !== 'disbursement' ? (
          <AllocationTable
            allocation={result.allocation}
            balanceAfter={result.balanceAfter}
            money={money}
            label={t('counter.posted.allocation')}
          />
        ) : (
          <Text>
            {t('counter.posted.balanceAfter', { amount: money(result.balanceAfter.totalOutstandingMinor) })}
          </Text>
        )}
        {result.loanStatus === 'closed' ? (
          <Alert color="teal" role="status">
            {t('counter.posted.closed')}
          </Alert>
        ) : null}
        <PdfButtons
          load={() => api.call('loans.receipt', { transactionId: result.transactionId })}
          printLabel={t('counter.posted.print')}
          saveLabel={t('counter.posted.save')}
          autoFocusPrint
        />
        <Group gap="sm">
          <Button variant="subtle" onClick={onNextCustomer} aria-keyshortcuts="F2">
            {t('counter.posted.next')}
          </Button>
          {kind === 'repayment' && result.loanStatus === 'active' ? (
            <Button variant="subtle" onClick={onAnother}>
              {t('counter.posted.another')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
