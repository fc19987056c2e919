// Reschedules an active loan from a date with a new number of repayments or rate, capitalising the arrears or
// leaving them due (a manager, with a reason); the old terms stay in the history.
import { Checkbox, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/api';
import { parseRate, parseWhole } from '../../amount';
import { ModalForm } from '../../shared/ModalForm';
import { ReasonInput } from '../../shared/ReasonInput';
import { useCall } from '../../shared/useCall';
import type { DialogProps } from './types';

export function RestructureDialog({ loan, format, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const [fromDate, setFromDate] = useState(loan.asOf ?? '');
  const [repayments, setRepayments] = useState(String(loan.repayments));
  const [rate, setRate] = useState(loan.annualRate);
  const [firstRepaymentDate, setFirstRepaymentDate] = useState('');
  const [capitalise, setCapitalise] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const call = useCall(['fromDate', 'repayments', 'annualRate', 'firstRepaymentDate', 'reason']);

  async function submit() {
    const found: Record<string, string> = {};
    const n = repayments.trim() === '' ? undefined : parseWhole(repayments);
    const r = rate.trim() === '' ? undefined : parseRate(rate, format.locale);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(fromDate)) found.fromDate = t('loans.inputError.required');
    if (n === null || n === 0) found.repayments = t('loans.inputError.whole');
    if (r === null) found.annualRate = t('loans.inputError.rate');
    if (reason.trim() === '') found.reason = t('loans.reasonRequired');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const done = await call.run(() =>
      api.call('loans.restructure', {
        loanId: loan.id,
        fromDate,
        repayments: n ?? undefined,
        annualRate: r ?? undefined,
        firstRepaymentDate: firstRepaymentDate || undefined,
        capitaliseArrears: capitalise,
        reason: reason.trim(),
      }),
    );
    if (done) onDone(t('loans.done.restructured'));
  }

  return (
    <ModalForm
      title={t('loans.action.restructure')}
      submitLabel={t('loans.action.restructure')}
      isBusy={call.isBusy}
      error={call.error}
      size="lg"
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <Text size="sm" c="dimmed">
        {t('loans.dialog.restructureBody', {
          overdue: format.moneyIn(loan.overdueTotalMinor, loan.currency, loan.digits),
        })}
      </Text>
      <SimpleGrid cols={2}>
        <TextInput
          label={t('loans.dialog.fromDate')}
          type="date"
          required
          data-autofocus
          value={fromDate}
          onChange={(e) => setFromDate(e.currentTarget.value)}
          error={errors.fromDate ?? call.fieldError('fromDate')}
        />
        <TextInput
          label={t('loans.field.firstRepaymentDate')}
          description={t('loans.apply.optional')}
          type="date"
          value={firstRepaymentDate}
          onChange={(e) => setFirstRepaymentDate(e.currentTarget.value)}
          error={call.fieldError('firstRepaymentDate')}
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
          error={errors.annualRate ?? call.fieldError('annualRate')}
        />
      </SimpleGrid>
      <Checkbox
        label={t('loans.dialog.capitalise')}
        description={t('loans.dialog.capitaliseHint')}
        checked={capitalise}
        onChange={(e) => setCapitalise(e.currentTarget.checked)}
      />
      <ReasonInput value={reason} onChange={setReason} error={errors.reason ?? call.fieldError('reason')} />
    </ModalForm>
  );
}
