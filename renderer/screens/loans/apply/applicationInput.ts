// From the application form's text values to the API's input: amounts typed in major units become integer
// minor units (exactly, never through a float), the rate must be a percentage within the product's range, empty
// optional dates are "not given". Pure, so it is unit-tested; errors are i18n keys under `loans.inputError`.
import type { CustomerSummary, InputOf, LoanProductView } from '../../../../shared/contract';
import { collateralTypes, lienStatuses } from '../../../../shared/contract';
import { isRateWithin, parseAmount, parseRate, parseWhole } from '../amount';

export interface CollateralRow {
  key: string;
  type: (typeof collateralTypes)[number];
  description: string;
  valueMinor: string;
  valuationDate: string;
  lienStatus: (typeof lienStatuses)[number];
}

export interface GuarantorRow {
  key: string;
  customer: CustomerSummary;
  guaranteedMinor: string;
}

export type ApplicationValues = {
  customerId: string;
  productId: string;
  principalMinor: string;
  repayments: string;
  annualRate: string;
  expectedDisbursementDate: string;
  firstRepaymentDate: string;
  purpose: string;
  collateral: CollateralRow[];
  guarantors: GuarantorRow[];
};

export type InputError = 'required' | 'amount' | 'whole' | 'rate' | 'rateRange';
export type Errors = Record<string, InputError>;

export type TermsInput = InputOf<'loans.checkEligibility'>;
export type ApplyInput = InputOf<'loans.apply'>;

export function emptyApplication(businessDate: string): ApplicationValues {
  return {
    customerId: '',
    productId: '',
    principalMinor: '',
    repayments: '',
    annualRate: '',
    expectedDisbursementDate: businessDate,
    firstRepaymentDate: '',
    purpose: '',
    collateral: [],
    guarantors: [],
  };
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** The terms for the eligibility check and the schedule preview, with the errors that stop them. */
export function toTerms(
  values: ApplicationValues,
  product: LoanProductView | null,
  locale: string,
): { terms: TermsInput | null; errors: Errors } {
  const errors: Errors = {};
  const { customerId } = values;
  if (!customerId) errors.customerId = 'required';
  if (!product) errors.productId = 'required';
  const principal = product ? parseAmount(values.principalMinor, product.digits, locale) : null;
  if (values.principalMinor.trim() === '') errors.principalMinor = 'required';
  else if (product && (principal === null || principal === 0)) errors.principalMinor = 'amount';
  const repayments = parseWhole(values.repayments);
  if (values.repayments.trim() === '') errors.repayments = 'required';
  else if (repayments === null || repayments < 1) errors.repayments = 'whole';
  const rate = values.annualRate.trim() === '' ? null : parseRate(values.annualRate, locale);
  if (values.annualRate.trim() !== '' && rate === null) errors.annualRate = 'rate';
  else if (rate !== null && product && !isRateWithin(rate, product.minRate, product.maxRate))
    errors.annualRate = 'rateRange';
  if (!isDate(values.expectedDisbursementDate)) errors.expectedDisbursementDate = 'required';
  if (Object.keys(errors).length > 0 || !customerId || !product || principal === null || repayments === null)
    return { terms: null, errors };
  return {
    terms: {
      customerId,
      productId: product.id,
      principalMinor: principal,
      repayments,
      annualRate: rate ?? undefined,
      expectedDisbursementDate: values.expectedDisbursementDate,
      firstRepaymentDate: isDate(values.firstRepaymentDate) ? values.firstRepaymentDate : undefined,
    },
    errors,
  };
}

/** The whole application (terms, purpose, collateral, guarantors) for `loans.apply`. */
export function toApplication(
  values: ApplicationValues,
  product: LoanProductView | null,
  locale: string,
  options: { submit: boolean; idempotencyKey: string; overrideReason?: string },
): { input: ApplyInput | null; errors: Errors } {
  const { terms, errors } = toTerms(values, product, locale);
  if (values.purpose.trim() === '') errors.purpose = 'required';
  const digits = product?.digits ?? 0;
  const collateral = values.collateral.map((row, i) => {
    const value = parseAmount(row.valueMinor, digits, locale);
    if (value === null || value === 0) errors[`collateral.${i}.valueMinor`] = 'amount';
    if (row.description.trim() === '') errors[`collateral.${i}.description`] = 'required';
    if (!isDate(row.valuationDate)) errors[`collateral.${i}.valuationDate`] = 'required';
    return {
      type: row.type,
      description: row.description.trim(),
      valueMinor: value ?? 0,
      valuationDate: row.valuationDate,
      lienStatus: row.lienStatus,
    };
  });
  const guarantors = values.guarantors.map((row, i) => {
    const amount = parseAmount(row.guaranteedMinor, digits, locale);
    if (amount === null || amount === 0) errors[`guarantors.${i}.guaranteedMinor`] = 'amount';
    return { customerId: row.customer.id, guaranteedMinor: amount ?? 0 };
  });
  if (!terms || Object.keys(errors).length > 0) return { input: null, errors };
  return {
    input: {
      ...terms,
      purpose: values.purpose.trim(),
      collateral,
      guarantors,
      submit: options.submit,
      idempotencyKey: options.idempotencyKey,
      overrideReason: options.overrideReason,
    },
    errors,
  };
}
