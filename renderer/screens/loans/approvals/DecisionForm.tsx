// A manager's decision on a submitted application: approve, approve with changed terms (principal, repayments,
// rate), return to the officer, or reject — each with a reason. The core refuses the manager's own application
// (four eyes) and amounts above their approval limit, with a reason that is shown here as it is given.
import { Alert, Button, Group, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decisions, type LoanView } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { MoneyInput } from '../../customers/onboard/MoneyInput';
import { minorToInputText, parseAmount, parseRate, parseWhole } from '../amount';
import type { LoanFormat } from '../shared/format';
import { ReasonInput } from '../shared/ReasonInput';
import { useCall } from '../shared/useCall';

type Decision = (typeof decisions)[number];
const colours: Record<Decision, string> = {
  approve: 'teal',
  approve_changed: 'teal',
  return: 'yellow',
  reject: 'red',
};

interface Props {
  loan: LoanView;
  format: LoanFormat;
  onDecided(loan: LoanView, decision: Decision): void;
  onCancel?(): void;
}

export function DecisionForm({ loan, format, onDecided, onCancel }: Props) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<Decision>('approve');
  const [principal, setPrincipal] = useState(minorToInputText(loan.requestedPrincipalMinor, loan.digits));
  const [repayments, setRepayments] = useState(String(loan.repayments));
  const [rate, setRate] = useState(loan.annualRate);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const call = useCall(['reason', 'principalMinor', 'repayments', 'annualRate']);

  async function submit() {
    const found: Record<string, string> = {};
    const changed = decision === 'approve_changed';
    const principalMinor = changed ? parseAmount(principal, loan.digits, format.locale) : null;
    const n = changed ? parseWhole(repayments) : null;
    const r = changed ? parseRate(rate, format.locale) : null;
    if (changed && !principalMinor) found.principal = t('loans.inputError.amount');
    if (changed && !n) found.repayments = t('loans.inputError.whole');
    if (changed && !r) found.rate = t('loans.inputError.rate');
    if (reason.trim() === '') found.reason = t('loans.reasonRequired');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const done = await call.run(() =>
      api.call('loans.decide', {
        loanId: loan.id,
        decision,
        reason: reason.trim(),
        ...(changed
          ? {
              principalMinor: principalMinor ?? undefined,
              repayments: n ?? undefined,
              annualRate: r ?? undefined,
            }
          : {}),
      }),
    );
    if (done) onDecided(done, decision);
  }

  const refusal = call.refusal;
  const alertRef = useRef<HTMLDivElement>(null);
  // A refusal (four eyes, the approval limit) is the one thing the manager must read: bring it into view.
  useEffect(() => {
    if (refusal) alertRef.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [refusal]);
  return (
    <form
      noValidate
      aria-label={t('loans.decision.title')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('loans.decision.choose')}
          </Text>
          <SegmentedControl
            aria-label={t('loans.decision.choose')}
            value={decision}
            onChange={(v) => setDecision(v as Decision)}
            data={decisions.map((d) => ({ value: d, label: t(`loans.decision.${d}`) }))}
            color={colours[decision]}
            fullWidth
          />
        </Stack>
        {decision === 'approve_changed' ? (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <MoneyInput
              currency={loan.currency}
              label={t('loans.field.principal')}
              value={principal}
              onChange={(e) => setPrincipal(e.currentTarget.value)}
              error={errors.principal ?? call.fieldError('principalMinor')}
            />
            <TextInput
              label={t('loans.field.repayments')}
              inputMode="numeric"
              value={repayments}
              onChange={(e) => setRepayments(e.currentTarget.value)}
              error={errors.repayments ?? call.fieldError('repayments')}
            />
            <TextInput
              label={t('loans.field.annualRate')}
              inputMode="decimal"
              rightSection={<Text size="xs">%</Text>}
              value={rate}
              onChange={(e) => setRate(e.currentTarget.value)}
              error={errors.rate ?? call.fieldError('annualRate')}
            />
          </SimpleGrid>
        ) : null}
        <ReasonInput
          value={reason}
          onChange={setReason}
          error={errors.reason ?? call.fieldError('reason')}
          autoFocus
        />
        {refusal && call.error ? (
          <Alert
            ref={alertRef}
            color={refusal.reason === 'four_eyes' ? 'orange' : 'red'}
            icon={<IconAlertTriangle size={18} />}
            role="alert"
            title={
              refusal.reason === 'four_eyes'
                ? t('loans.decision.fourEyesTitle')
                : t('loans.decision.refusedTitle')
            }
          >
            {call.error}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          ) : null}
          <Button type="submit" color={colours[decision]} loading={call.isBusy}>
            {t(`loans.decision.submit.${decision}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
