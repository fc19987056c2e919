// #/loans/new?customerId=…: a loan application. Pick the customer and an active product (its limits shown),
// type the terms; the eligibility check and the schedule preview follow as you type. Collateral and guarantors
// are added on the same page. "Save draft" keeps it for later; "Submit" (Enter) sends it for approval — when
// the terms fail eligibility, only with a reason. One idempotency key per opening, so a double click saves once.
import {
  Button,
  Fieldset,
  Grid,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { CustomerSummary, LoanProductView } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { Me } from '../../../stores/session';
import { MoneyInput } from '../../customers/onboard/MoneyInput';
import { CustomerPicker } from '../../customers/shared/CustomerPicker';
import { useLoanFormat } from '../shared/format';
import { ProductLimits } from '../shared/ProductLimits';
import { placeServerIssues } from '../shared/serverIssues';
import {
  emptyApplication,
  toApplication,
  toTerms,
  type ApplicationValues,
  type Errors,
} from './applicationInput';
import { CollateralEditor } from './CollateralEditor';
import { EligibilityPanel } from './EligibilityPanel';
import { GuarantorEditor } from './GuarantorEditor';
import { OverrideModal } from './OverrideModal';
import { SchedulePreview } from './SchedulePreview';
import { useEligibility, type Check } from './useEligibility';

/** Errors worth showing while the officer is still typing (not "required": the field may be next). */
const whileTyping = new Set(['amount', 'whole', 'rate', 'rateRange']);

export function ApplicationScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const format = useLoanFormat(me);
  const [products, setProducts] = useState<LoanProductView[] | null>(null);
  const [customer, setCustomer] = useState<CustomerSummary | null>(null);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  const [override, setOverride] = useState<{ check: Check | null; error: string | null } | null>(null);
  const form = useForm<ApplicationValues>({
    mode: 'controlled',
    initialValues: emptyApplication(me.branch.businessDate),
  });
  const { values } = form;
  const product = products?.find((p) => p.id === values.productId) ?? null;
  const currency = product?.currency ?? format.currency;
  const digits = product?.digits ?? format.digits;
  const { terms, errors: termErrors } = useMemo(
    () => toTerms(values, product, format.locale),
    [values, product, format.locale],
  );
  const eligibility = useEligibility(terms);

  useEffect(() => {
    void api.call('loanProducts.list', { includeInactive: false }).then((r) => {
      if (r.error) setMessage(r.error.message);
      else setProducts(r.data.filter((p) => p.isActive));
    });
  }, []);
  const preselected = params.get('customerId');
  useEffect(() => {
    if (!preselected) return;
    void api.call('customers.get', { customerId: preselected }).then((r) => {
      if (!r.data) return;
      setCustomer(r.data);
      form.setFieldValue('customerId', r.data.id);
    });
  }, [preselected]); // once, for the customer in the address (form.setFieldValue is stable in use)

  function errorText(error: Errors[string]): string {
    return error === 'rateRange' && product
      ? t('loans.inputError.rateRange', { min: product.minRate, max: product.maxRate })
      : t(`loans.inputError.${error}`);
  }
  /** A field's error: the server's or the last submit's (in form.errors), else a typing error. */
  function fieldError(field: string): string | undefined {
    const placed = form.errors[field];
    if (placed) return String(placed);
    const local = termErrors[field];
    const typed = (values as unknown as Record<string, string>)[field] ?? '';
    return local && whileTyping.has(local) && typed.trim() !== '' ? errorText(local) : undefined;
  }

  function chooseProduct(id: string | null) {
    const chosen = products?.find((p) => p.id === id) ?? null;
    form.setFieldValue('productId', id ?? '');
    if (chosen) form.setFieldValue('annualRate', chosen.defaultRate);
    if (chosen && values.repayments.trim() === '')
      form.setFieldValue('repayments', String(chosen.minRepayments));
  }

  async function latestCheck(): Promise<Check | null> {
    if (!terms) return null;
    if (eligibility.check && eligibility.checkedKey === JSON.stringify(terms)) return eligibility.check;
    const result = await api.call('loans.checkEligibility', terms);
    return result.data ?? null;
  }

  async function send(submit: boolean, overrideReason?: string) {
    setMessage(null);
    const { input, errors } = toApplication(values, product, format.locale, {
      submit,
      idempotencyKey,
      overrideReason,
    });
    form.clearErrors();
    for (const [field, error] of Object.entries(errors)) form.setFieldError(field, errorText(error));
    if (!input) return setMessage(t('loans.apply.fixErrors'));
    setBusy(submit ? 'submit' : 'draft');
    if (submit && !overrideReason) {
      const check = await latestCheck();
      if (check && !check.eligibility.isEligible) {
        setBusy(null);
        return setOverride({ check, error: null });
      }
    }
    const result = await api.call('loans.apply', input);
    setBusy(null);
    if (result.data) {
      setOverride(null);
      void navigate(`/loans/${result.data.id}`);
      return;
    }
    if (result.error.issues?.some((i) => i.path === 'overrideReason')) {
      const check = await latestCheck();
      return setOverride({ check, error: overrideReason ? result.error.message : null });
    }
    setOverride(null);
    setMessage(placeServerIssues(form, result.error));
  }

  return (
    <Stack maw={1400}>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('loans.apply.title')}
        </Title>
      </Group>
      <form
        noValidate
        aria-label={t('loans.apply.title')}
        onSubmit={(e) => {
          e.preventDefault();
          void send(true);
        }}
      >
        <Stack>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Stack>
                <Fieldset legend={t('loans.apply.who')}>
                  <Stack>
                    <CustomerPicker
                      label={t('loans.field.customer')}
                      value={customer}
                      onChange={(c) => {
                        setCustomer(c);
                        form.setFieldValue('customerId', c?.id ?? '');
                      }}
                      error={form.errors.customerId ? String(form.errors.customerId) : null}
                      autoFocus
                    />
                    <Select
                      label={t('loans.field.product')}
                      placeholder={products === null ? t('common.loading') : t('loans.apply.chooseProduct')}
                      searchable
                      allowDeselect={false}
                      nothingFoundMessage={t('loans.apply.noProducts')}
                      data={(products ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }))}
                      value={values.productId || null}
                      onChange={chooseProduct}
                      error={form.errors.productId}
                    />
                    {product ? <ProductLimits product={product} format={format} /> : null}
                  </Stack>
                </Fieldset>
                <Fieldset legend={t('loans.apply.terms')}>
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <MoneyInput
                      currency={currency}
                      label={t('loans.field.principal')}
                      required
                      {...form.getInputProps('principalMinor')}
                      error={fieldError('principalMinor')}
                    />
                    <TextInput
                      label={t('loans.field.repayments')}
                      required
                      inputMode="numeric"
                      description={
                        product
                          ? t('loans.apply.between', {
                              min: product.minRepayments,
                              max: product.maxRepayments,
                            })
                          : undefined
                      }
                      {...form.getInputProps('repayments')}
                      error={fieldError('repayments')}
                    />
                    <TextInput
                      label={t('loans.field.annualRate')}
                      inputMode="decimal"
                      rightSection={<Text size="xs">%</Text>}
                      description={
                        product
                          ? t('loans.apply.rateRange', { min: product.minRate, max: product.maxRate })
                          : undefined
                      }
                      {...form.getInputProps('annualRate')}
                      error={fieldError('annualRate')}
                    />
                    <TextInput
                      label={t('loans.field.expectedDisbursementDate')}
                      type="date"
                      required
                      {...form.getInputProps('expectedDisbursementDate')}
                    />
                    <TextInput
                      label={t('loans.field.firstRepaymentDate')}
                      description={t('loans.apply.optional')}
                      type="date"
                      {...form.getInputProps('firstRepaymentDate')}
                    />
                  </SimpleGrid>
                  <Textarea
                    mt="sm"
                    label={t('loans.field.purpose')}
                    required
                    autosize
                    minRows={2}
                    maxLength={300}
                    {...form.getInputProps('purpose')}
                  />
                </Fieldset>
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <EligibilityPanel
                eligibility={eligibility}
                currency={currency}
                digits={digits}
                format={format}
              />
            </Grid.Col>
          </Grid>
          <Paper withBorder p="md" component="section" aria-label={t('loans.apply.schedule')}>
            <Text fw={600} mb="sm">
              {t('loans.apply.schedule')}
            </Text>
            {eligibility.check ? (
              <SchedulePreview
                check={eligibility.check}
                currency={currency}
                digits={digits}
                format={format}
              />
            ) : (
              <Text c="dimmed">{t('loans.apply.scheduleHint')}</Text>
            )}
          </Paper>
          <CollateralEditor form={form} currency={currency} businessDate={me.branch.businessDate} />
          <GuarantorEditor form={form} applicantId={customer?.id ?? null} currency={currency} />
          <ErrorAlert message={message} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void navigate('/loans')}>
              {t('common.cancel')}
            </Button>
            <Button variant="light" loading={busy === 'draft'} onClick={() => void send(false)}>
              {t('loans.apply.saveDraft')}
            </Button>
            <Button type="submit" loading={busy === 'submit'}>
              {t('loans.apply.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      {override ? (
        <OverrideModal
          check={override.check}
          isBusy={busy === 'submit'}
          error={override.error}
          onCancel={() => setOverride(null)}
          onConfirm={(reason) => void send(true, reason)}
        />
      ) : null}
    </Stack>
  );
}
