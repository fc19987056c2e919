// Changes a draft or returned application's terms and purpose (`loans.update`); refused fields are shown next
// to their inputs.
import { SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/api';
import { MoneyInput } from '../../../customers/onboard/MoneyInput';
import { minorToInputText, parseAmount, parseRate, parseWhole } from '../../amount';
import { ModalForm } from '../../shared/ModalForm';
import { placeServerIssues } from '../../shared/serverIssues';
import type { DialogProps } from './types';

export function EditDialog({ loan, format, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const first = typeof loan.terms.firstRepaymentDate === 'string' ? loan.terms.firstRepaymentDate : '';
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      principalMinor: minorToInputText(loan.requestedPrincipalMinor, loan.digits),
      repayments: String(loan.repayments),
      annualRate: loan.annualRate,
      expectedDisbursementDate: loan.expectedDisbursementDate,
      firstRepaymentDate: first,
      purpose: loan.purpose,
    },
  });

  const submit = form.onSubmit(async (values) => {
    const principal = parseAmount(values.principalMinor, loan.digits, format.locale);
    const repayments = parseWhole(values.repayments);
    const rate = parseRate(values.annualRate, format.locale);
    if (!principal) form.setFieldError('principalMinor', t('loans.inputError.amount'));
    if (!repayments) form.setFieldError('repayments', t('loans.inputError.whole'));
    if (!rate) form.setFieldError('annualRate', t('loans.inputError.rate'));
    if (!principal || !repayments || !rate) return;
    setBusy(true);
    setMessage(null);
    const result = await api.call('loans.update', {
      loanId: loan.id,
      principalMinor: principal,
      repayments,
      annualRate: rate,
      expectedDisbursementDate: values.expectedDisbursementDate,
      firstRepaymentDate: values.firstRepaymentDate || undefined,
      purpose: values.purpose,
    });
    setBusy(false);
    if (result.error) setMessage(placeServerIssues(form, result.error));
    else onDone(t('loans.done.updated'));
  });

  return (
    <ModalForm
      title={t('loans.action.edit')}
      submitLabel={t('common.save')}
      isBusy={isBusy}
      error={message}
      size="lg"
      onClose={onClose}
      onSubmit={() => submit()}
    >
      <SimpleGrid cols={2}>
        <MoneyInput
          currency={loan.currency}
          label={t('loans.field.principal')}
          required
          data-autofocus
          {...form.getInputProps('principalMinor')}
        />
        <TextInput label={t('loans.field.repayments')} required {...form.getInputProps('repayments')} />
        <TextInput
          label={t('loans.field.annualRate')}
          rightSection={<Text size="xs">%</Text>}
          required
          {...form.getInputProps('annualRate')}
        />
        <TextInput
          label={t('loans.field.expectedDisbursementDate')}
          type="date"
          required
          {...form.getInputProps('expectedDisbursementDate')}
        />
        <TextInput
          label={t('loans.field.firstRepaymentDate')}
          type="date"
          {...form.getInputProps('firstRepaymentDate')}
        />
      </SimpleGrid>
      <Textarea
        label={t('loans.field.purpose')}
        required
        autosize
        minRows={2}
        {...form.getInputProps('purpose')}
      />
    </ModalForm>
  );
}
