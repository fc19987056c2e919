// Creating or changing a loan product, every parameter on one form in sections: identity, limits, interest and
// schedule, charges and penalties, repayment handling, eligibility overrides, approval limits. The core checks
// the terms with the engine; what it refuses is shown next to the field.
import {
  Button,
  Fieldset,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoanProductView } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { Me } from '../../../stores/session';
import { MoneyInput } from '../../customers/onboard/MoneyInput';
import { placeServerIssues } from '../shared/serverIssues';
import { productToValues, serverPaths, valuesToInput, type ProductValues } from './productValues';

interface Props {
  me: Me;
  product: LoanProductView | null;
  onClose(): void;
  onSaved(product: LoanProductView): void;
}

const options = {
  kind: ['personal', 'business'],
  interestMethod: ['declining_balance', 'flat'],
  amortization: ['equal_installments', 'equal_principal'],
  frequency: ['months', 'weeks', 'days'],
  dayCount: ['actual_365', 'actual_360', 'actual_actual', '30_360'],
  interestPeriod: ['same_as_repayment', 'daily'],
  brokenPeriodInterest: ['same_as_regular', 'pro_rata'],
  rounding: ['half_even', 'half_up', 'down', 'up'],
  allocation: [
    'penalties_fees_interest_principal',
    'interest_principal_penalties_fees',
    'due_then_future_principal',
  ],
  prepayment: ['reduce_term', 'reduce_installment'],
} as const;

export function ProductForm({ me, product, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const form = useForm<ProductValues>({
    mode: 'controlled',
    initialValues: productToValues(product, {
      currency: me.branch.currency,
      digits: me.branch.currencyDigits,
    }),
  });
  const v = form.values;
  const locale = me.branch.locale;

  const choice = (field: keyof typeof options, label: string) => (
    <Select
      label={label}
      allowDeselect={false}
      data={options[field].map((o) => ({ value: o, label: t(`loans.productForm.option.${field}.${o}`) }))}
      {...form.getInputProps(field)}
    />
  );
  const money = (field: keyof ProductValues, label: string, description?: string) => (
    <MoneyInput
      currency={v.currency}
      label={label}
      description={description}
      {...form.getInputProps(field)}
    />
  );
  const field = (
    name: keyof ProductValues,
    label: string,
    extra: { description?: string; suffix?: string } = {},
  ) => (
    <TextInput
      label={label}
      description={extra.description}
      rightSection={extra.suffix ? <Text size="xs">{extra.suffix}</Text> : undefined}
      {...form.getInputProps(name)}
    />
  );
  const chargeKind = (name: 'disbursementFeeKind' | 'lateFeeKind', label: string) => (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <SegmentedControl
        aria-label={label}
        data={(['none', 'amount', 'percent'] as const).map((k) => ({
          value: k,
          label: t(`loans.productForm.charge.${k}`),
        }))}
        {...form.getInputProps(name)}
      />
    </Stack>
  );

  const submit = form.onSubmit(async (values) => {
    setMessage(null);
    const { input, errors } = valuesToInput(values, locale);
    for (const [name, error] of Object.entries(errors))
      form.setFieldError(name, t(`loans.inputError.${error}`));
    if (!input) return setMessage(t('loans.apply.fixErrors'));
    setBusy(true);
    const result = await api.call('loanProducts.save', input);
    setBusy(false);
    if (result.error) setMessage(placeServerIssues(form, result.error, serverPaths));
    else onSaved(result.data);
  });

  const title = product
    ? t('loans.productForm.editTitle', { code: product.code })
    : t('loans.productForm.newTitle');
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      title={title}
      size="80rem"
    >
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack>
          <Fieldset legend={t('loans.productForm.identity')}>
            <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }}>
              <TextInput
                label={t('loans.productForm.code')}
                required
                data-autofocus
                disabled={product !== null}
                {...form.getInputProps('code')}
              />
              <TextInput label={t('loans.productForm.name')} required {...form.getInputProps('name')} />
              {choice('kind', t('loans.productForm.kind'))}
              <TextInput
                label={t('loans.productForm.currency')}
                required
                maxLength={3}
                {...form.getInputProps('currency')}
              />
              {field('digits', t('loans.productForm.digits'))}
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend={t('loans.productForm.limits')}>
            <SimpleGrid cols={{ base: 1, sm: 3, lg: 7 }}>
              {money('minPrincipalMinor', t('loans.productForm.minPrincipal'))}
              {money('maxPrincipalMinor', t('loans.productForm.maxPrincipal'))}
              {field('minRepayments', t('loans.productForm.minRepayments'))}
              {field('maxRepayments', t('loans.productForm.maxRepayments'))}
              {field('minRate', t('loans.productForm.minRate'), { suffix: '%' })}
              {field('maxRate', t('loans.productForm.maxRate'), { suffix: '%' })}
              {field('defaultRate', t('loans.productForm.defaultRate'), { suffix: '%' })}
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend={t('loans.productForm.interest')}>
            <SimpleGrid cols={{ base: 1, sm: 3, lg: 4 }}>
              {choice('interestMethod', t('loans.term.interestMethod'))}
              {choice('amortization', t('loans.term.amortization'))}
              {choice('frequency', t('loans.productForm.frequency'))}
              {field('every', t('loans.productForm.every'))}
              {choice('dayCount', t('loans.term.dayCount'))}
              {choice('interestPeriod', t('loans.term.interestPeriod'))}
              {choice('brokenPeriodInterest', t('loans.term.brokenPeriodInterest'))}
              {choice('rounding', t('loans.term.rounding'))}
              {money('inMultiplesOf', t('loans.term.inMultiplesOf'), t('loans.productForm.optional'))}
              {field('graceOnPrincipal', t('loans.term.graceOnPrincipal'), {
                description: t('loans.productForm.periods'),
              })}
              {field('graceOnInterest', t('loans.term.graceOnInterest'), {
                description: t('loans.productForm.periods'),
              })}
              {field('interestFreePeriods', t('loans.term.interestFreePeriods'), {
                description: t('loans.productForm.periods'),
              })}
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend={t('loans.productForm.charges')}>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
              {chargeKind('disbursementFeeKind', t('loans.term.disbursementFee'))}
              {v.disbursementFeeKind === 'none' ? (
                <div />
              ) : v.disbursementFeeKind === 'amount' ? (
                money('disbursementFee', t('loans.productForm.feeAmount'))
              ) : (
                field('disbursementFee', t('loans.productForm.feePercent'), { suffix: '%' })
              )}
              <Select
                label={t('loans.productForm.feeMode')}
                allowDeselect={false}
                disabled={v.disbursementFeeKind === 'none'}
                data={(['collected', 'deducted'] as const).map((m) => ({
                  value: m,
                  label: t(`loans.productForm.option.feeMode.${m}`),
                }))}
                {...form.getInputProps('disbursementFeeMode')}
              />
              {money('installmentFee', t('loans.term.installmentFee'), t('loans.productForm.optional'))}
              {chargeKind('lateFeeKind', t('loans.term.lateFee'))}
              {v.lateFeeKind === 'none' ? (
                <div />
              ) : v.lateFeeKind === 'amount' ? (
                money('lateFee', t('loans.productForm.feeAmount'))
              ) : (
                field('lateFee', t('loans.productForm.feePercent'), { suffix: '%' })
              )}
              {field('lateFeeGraceDays', t('loans.productForm.lateFeeGraceDays'))}
              {field('penaltyRate', t('loans.term.penaltyRate'), {
                suffix: '%',
                description: t('loans.productForm.optional'),
              })}
              {money('arrearsTolerance', t('loans.term.arrearsTolerance'), t('loans.productForm.optional'))}
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend={t('loans.productForm.repayment')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {choice('allocation', t('loans.term.allocation'))}
              {choice('prepayment', t('loans.term.prepayment'))}
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend={t('loans.productForm.eligibility')}>
            <Text size="sm" c="dimmed" mb="xs">
              {t('loans.productForm.eligibilityHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }}>
              {field('minAge', t('loans.productForm.minAge'))}
              {field('maxAgeAtMaturity', t('loans.productForm.maxAgeAtMaturity'))}
              {field('maxInstallmentToIncomePercent', t('loans.productForm.maxInstallmentToIncome'), {
                suffix: '%',
              })}
              {money('maxTotalExposureMinor', t('loans.productForm.maxTotalExposure'))}
              {field('maxDaysPastDueOnOtherLoans', t('loans.productForm.maxDaysPastDue'))}
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend={t('loans.productForm.approval')}>
            <Text size="sm" c="dimmed" mb="xs">
              {t('loans.productForm.approvalHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
              {money('managerLimitMinor', t('loans.productForm.managerLimit'))}
              {money('adminLimitMinor', t('loans.productForm.adminLimit'))}
              <Switch
                mt="lg"
                label={t('loans.productForm.allowsTranches')}
                {...form.getInputProps('allowsTranches', { type: 'checkbox' })}
              />
              <Switch
                mt="lg"
                label={t('loans.productForm.isActive')}
                {...form.getInputProps('isActive', { type: 'checkbox' })}
              />
            </SimpleGrid>
          </Fieldset>
          <ErrorAlert message={message} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isBusy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
