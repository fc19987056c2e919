// A loan product as the admin form holds it (texts, amounts in major units) and back to `loanProducts.save`'s
// input (amounts in minor units, charges as the engine's decimal strings, absent options left out). Pure, so it
// is unit-tested; errors are i18n keys under `loans.inputError`.
import type { InputOf, LoanProductView, TermsTemplate } from '../../../../shared/contract';
import { minorToDecimalString } from '../../../format';
import { minorToInputText, parseAmount, parseRate, parseWhole } from '../amount';

type Template = TermsTemplate;
export type ChargeKind = 'none' | 'amount' | 'percent';

export type ProductValues = {
  id: string | null;
  code: string;
  name: string;
  kind: 'personal' | 'business';
  currency: string;
  digits: string;
  minPrincipalMinor: string;
  maxPrincipalMinor: string;
  minRepayments: string;
  maxRepayments: string;
  minRate: string;
  maxRate: string;
  defaultRate: string;
  interestMethod: Template['interestMethod'];
  amortization: NonNullable<Template['amortization']>;
  frequency: Template['frequency'];
  every: string;
  dayCount: NonNullable<Template['dayCount']>;
  interestPeriod: NonNullable<Template['interestPeriod']>;
  brokenPeriodInterest: NonNullable<Template['brokenPeriodInterest']>;
  graceOnPrincipal: string;
  graceOnInterest: string;
  interestFreePeriods: string;
  rounding: NonNullable<Template['rounding']>;
  inMultiplesOf: string;
  disbursementFeeKind: ChargeKind;
  disbursementFee: string;
  disbursementFeeMode: 'collected' | 'deducted';
  installmentFee: string;
  lateFeeKind: ChargeKind;
  lateFee: string;
  lateFeeGraceDays: string;
  penaltyRate: string;
  arrearsTolerance: string;
  allocation: NonNullable<Template['allocation']>;
  prepayment: NonNullable<Template['prepayment']>;
  minAge: string;
  maxAgeAtMaturity: string;
  maxInstallmentToIncomePercent: string;
  maxTotalExposureMinor: string;
  maxDaysPastDueOnOtherLoans: string;
  managerLimitMinor: string;
  adminLimitMinor: string;
  /** Limits for roles this form does not show, kept as they are. */
  otherLimits: Record<string, number>;
  allowsTranches: boolean;
  isActive: boolean;
};

export type InputError = 'required' | 'amount' | 'whole' | 'rate' | 'code' | 'currency';
export type Errors = Record<string, InputError>;
export type ProductInput = InputOf<'loanProducts.save'>;

const text = (v: number | string | undefined | null) => (v === undefined || v === null ? '' : String(v));

/** A charge's amount is a decimal string in major units ("500"); the form shows it as typed. */
function chargeValues(c: { amount?: string; percent?: string } | undefined): [ChargeKind, string] {
  if (!c) return ['none', ''];
  if (c.percent !== undefined) return ['percent', c.percent];
  return c.amount !== undefined ? ['amount', c.amount] : ['none', ''];
}

export function productToValues(
  product: LoanProductView | null,
  branch: { currency: string; digits: number },
): ProductValues {
  const tt: Partial<Template> = product?.termsTemplate ?? {};
  const digits = product?.digits ?? branch.digits;
  const [disbursementFeeKind, disbursementFee] = chargeValues(tt.fees?.disbursement);
  const [lateFeeKind, lateFee] = chargeValues(tt.penalties?.lateFee);
  const eligibility = product?.eligibility ?? {};
  const { manager, admin, ...otherLimits } = product?.approvalLimits ?? {};
  const money = (minor: number | undefined) => (minor === undefined ? '' : minorToInputText(minor, digits));
  return {
    id: product?.id ?? null,
    code: product?.code ?? '',
    name: product?.name ?? '',
    kind: product?.kind ?? 'personal',
    currency: product?.currency ?? branch.currency,
    digits: String(digits),
    minPrincipalMinor: money(product?.minPrincipalMinor),
    maxPrincipalMinor: money(product?.maxPrincipalMinor),
    minRepayments: text(product?.minRepayments),
    maxRepayments: text(product?.maxRepayments),
    minRate: product?.minRate ?? '',
    maxRate: product?.maxRate ?? '',
    defaultRate: product?.defaultRate ?? '',
    interestMethod: tt.interestMethod ?? 'declining_balance',
    amortization: tt.amortization ?? 'equal_installments',
    frequency: tt.frequency ?? 'months',
    every: text(tt.every ?? 1),
    dayCount: tt.dayCount ?? 'actual_365',
    interestPeriod: tt.interestPeriod ?? 'same_as_repayment',
    brokenPeriodInterest: tt.brokenPeriodInterest ?? 'same_as_regular',
    graceOnPrincipal: text(tt.graceOnPrincipal ?? 0),
    graceOnInterest: text(tt.graceOnInterest ?? 0),
    interestFreePeriods: text(tt.interestFreePeriods ?? 0),
    rounding: tt.rounding ?? 'half_even',
    inMultiplesOf: tt.inMultiplesOf ?? '',
    disbursementFeeKind,
    disbursementFee,
    disbursementFeeMode: tt.fees?.disbursement?.mode ?? 'collected',
    installmentFee: tt.fees?.perInstallment?.amount ?? '',
    lateFeeKind,
    lateFee,
    lateFeeGraceDays: text(tt.penalties?.lateFee?.graceDays ?? 0),
    penaltyRate: tt.penalties?.annualRate ?? '',
    arrearsTolerance: tt.penalties?.arrearsTolerance ?? '',
    allocation: tt.allocation ?? 'penalties_fees_interest_principal',
    prepayment: tt.prepayment ?? 'reduce_term',
    minAge: text(eligibility.minAge),
    maxAgeAtMaturity: text(eligibility.maxAgeAtMaturity),
    maxInstallmentToIncomePercent: eligibility.maxInstallmentToIncomePercent ?? '',
    maxTotalExposureMinor: money(eligibility.maxTotalExposureMinor),
    maxDaysPastDueOnOtherLoans: text(eligibility.maxDaysPastDueOnOtherLoans),
    managerLimitMinor: money(manager),
    adminLimitMinor: money(admin),
    otherLimits,
    allowsTranches: product?.allowsTranches ?? false,
    isActive: product?.isActive ?? true,
  };
}

/** Reads the form into the save input; every problem found is reported at once. */
export function valuesToInput(
  v: ProductValues,
  locale: string,
): { input: ProductInput | null; errors: Errors } {
  const errors: Errors = {};
  const digits = parseWhole(v.digits);
  if (digits === null || digits > 4) errors.digits = 'whole';
  const d = digits ?? 0;

  const required = <T>(
    field: string,
    raw: string,
    parse: (s: string) => T | null,
    error: InputError,
  ): T | null => {
    if (raw.trim() === '') {
      errors[field] = 'required';
      return null;
    }
    const parsed = parse(raw);
    if (parsed === null) errors[field] = error;
    return parsed;
  };
  const optional = <T>(
    field: string,
    raw: string,
    parse: (s: string) => T | null,
    error: InputError,
  ): T | undefined => {
    if (raw.trim() === '') return undefined;
    const parsed = parse(raw);
    if (parsed === null) errors[field] = error;
    return parsed ?? undefined;
  };
  const amount = (s: string) => parseAmount(s, d, locale);
  const positive = (s: string) => {
    const m = amount(s);
    return m === null || m === 0 ? null : m;
  };
  /** An amount as the engine's decimal string in major units ("500.00"). */
  const major = (s: string) => {
    const m = positive(s);
    return m === null ? null : minorToDecimalString(m, d);
  };
  const rate = (s: string) => parseRate(s, locale);
  const whole = (s: string) => parseWhole(s);

  if (!/^[A-Za-z0-9-]{2,16}$/.test(v.code.trim())) errors.code = v.code.trim() ? 'code' : 'required';
  if (v.name.trim() === '') errors.name = 'required';
  if (!/^[A-Za-z]{3}$/.test(v.currency.trim())) errors.currency = v.currency.trim() ? 'currency' : 'required';
  const minPrincipalMinor = required('minPrincipalMinor', v.minPrincipalMinor, positive, 'amount');
  const maxPrincipalMinor = required('maxPrincipalMinor', v.maxPrincipalMinor, positive, 'amount');
  const minRepayments = required('minRepayments', v.minRepayments, whole, 'whole');
  const maxRepayments = required('maxRepayments', v.maxRepayments, whole, 'whole');
  const minRate = required('minRate', v.minRate, rate, 'rate');
  const maxRate = required('maxRate', v.maxRate, rate, 'rate');
  const defaultRate = required('defaultRate', v.defaultRate, rate, 'rate');
  const every = required('every', v.every, whole, 'whole');
  const graceOnPrincipal = optional('graceOnPrincipal', v.graceOnPrincipal, whole, 'whole');
  const graceOnInterest = optional('graceOnInterest', v.graceOnInterest, whole, 'whole');
  const interestFreePeriods = optional('interestFreePeriods', v.interestFreePeriods, whole, 'whole');
  const inMultiplesOf = optional('inMultiplesOf', v.inMultiplesOf, major, 'amount');

  const charge = (kind: ChargeKind, field: string, raw: string) =>
    kind === 'none'
      ? undefined
      : kind === 'amount'
        ? (() => {
            const a = required(field, raw, major, 'amount');
            return a === null ? undefined : { amount: a };
          })()
        : (() => {
            const p = required(field, raw, rate, 'rate');
            return p === null ? undefined : { percent: p };
          })();
  const disbursementFee = charge(v.disbursementFeeKind, 'disbursementFee', v.disbursementFee);
  const installmentFee = optional('installmentFee', v.installmentFee, major, 'amount');
  const lateFee = charge(v.lateFeeKind, 'lateFee', v.lateFee);
  const lateFeeGraceDays = optional('lateFeeGraceDays', v.lateFeeGraceDays, whole, 'whole');
  const penaltyRate = optional('penaltyRate', v.penaltyRate, rate, 'rate');
  const arrearsTolerance = optional(
    'arrearsTolerance',
    v.arrearsTolerance,
    (s) => {
      const m = amount(s);
      return m === null ? null : minorToDecimalString(m, d);
    },
    'amount',
  );

  const eligibility = {
    minAge: optional('minAge', v.minAge, whole, 'whole'),
    maxAgeAtMaturity: optional('maxAgeAtMaturity', v.maxAgeAtMaturity, whole, 'whole'),
    maxInstallmentToIncomePercent: optional(
      'maxInstallmentToIncomePercent',
      v.maxInstallmentToIncomePercent,
      rate,
      'rate',
    ),
    maxTotalExposureMinor: optional('maxTotalExposureMinor', v.maxTotalExposureMinor, amount, 'amount'),
    maxDaysPastDueOnOtherLoans: optional(
      'maxDaysPastDueOnOtherLoans',
      v.maxDaysPastDueOnOtherLoans,
      whole,
      'whole',
    ),
  };
  const managerLimit = optional('managerLimitMinor', v.managerLimitMinor, amount, 'amount');
  const adminLimit = optional('adminLimitMinor', v.adminLimitMinor, amount, 'amount');

  if (
    Object.keys(errors).length > 0 ||
    digits === null ||
    minPrincipalMinor === null ||
    maxPrincipalMinor === null ||
    minRepayments === null ||
    maxRepayments === null ||
    minRate === null ||
    maxRate === null ||
    defaultRate === null ||
    every === null
  )
    return { input: null, errors };

  const fees = {
    ...(disbursementFee ? { disbursement: { ...disbursementFee, mode: v.disbursementFeeMode } } : {}),
    ...(installmentFee ? { perInstallment: { amount: installmentFee } } : {}),
  };
  const penalties = {
    ...(lateFee ? { lateFee: { ...lateFee, graceDays: lateFeeGraceDays ?? 0 } } : {}),
    ...(penaltyRate ? { annualRate: penaltyRate } : {}),
    ...(arrearsTolerance ? { arrearsTolerance } : {}),
  };
  const termsTemplate: Template = {
    digits,
    rounding: v.rounding,
    ...(inMultiplesOf ? { inMultiplesOf } : {}),
    interestMethod: v.interestMethod,
    amortization: v.amortization,
    every,
    frequency: v.frequency,
    dayCount: v.dayCount,
    interestPeriod: v.interestPeriod,
    brokenPeriodInterest: v.brokenPeriodInterest,
    graceOnPrincipal: graceOnPrincipal ?? 0,
    graceOnInterest: graceOnInterest ?? 0,
    interestFreePeriods: interestFreePeriods ?? 0,
    ...(Object.keys(fees).length > 0 ? { fees } : {}),
    ...(Object.keys(penalties).length > 0 ? { penalties } : {}),
    allocation: v.allocation,
    prepayment: v.prepayment,
  };
  const approvalLimits: Record<string, number> = { ...v.otherLimits };
  if (managerLimit !== undefined) approvalLimits.manager = managerLimit;
  if (adminLimit !== undefined) approvalLimits.admin = adminLimit;
  return {
    input: {
      ...(v.id ? { id: v.id } : {}),
      code: v.code.trim().toUpperCase(),
      name: v.name.trim(),
      kind: v.kind,
      currency: v.currency.trim().toUpperCase(),
      digits,
      minPrincipalMinor,
      maxPrincipalMinor,
      minRepayments,
      maxRepayments,
      minRate,
      maxRate,
      defaultRate,
      termsTemplate,
      eligibility: Object.fromEntries(Object.entries(eligibility).filter(([, x]) => x !== undefined)),
      approvalLimits,
      allowsTranches: v.allowsTranches,
      isActive: v.isActive,
    },
    errors,
  };
}

/** Where an issue from the server lands on this form (`termsTemplate.fees.disbursement.amount` → a field). */
export const serverPaths: Record<string, string> = {
  'termsTemplate.every': 'every',
  'termsTemplate.inMultiplesOf': 'inMultiplesOf',
  'termsTemplate.graceOnPrincipal': 'graceOnPrincipal',
  'termsTemplate.graceOnInterest': 'graceOnInterest',
  'termsTemplate.interestFreePeriods': 'interestFreePeriods',
  'termsTemplate.fees.disbursement.amount': 'disbursementFee',
  'termsTemplate.fees.disbursement.percent': 'disbursementFee',
  'termsTemplate.fees.perInstallment.amount': 'installmentFee',
  'termsTemplate.penalties.lateFee.amount': 'lateFee',
  'termsTemplate.penalties.lateFee.percent': 'lateFee',
  'termsTemplate.penalties.lateFee.graceDays': 'lateFeeGraceDays',
  'termsTemplate.penalties.annualRate': 'penaltyRate',
  'termsTemplate.penalties.arrearsTolerance': 'arrearsTolerance',
  'eligibility.minAge': 'minAge',
  'eligibility.maxAgeAtMaturity': 'maxAgeAtMaturity',
  'eligibility.maxInstallmentToIncomePercent': 'maxInstallmentToIncomePercent',
  'eligibility.maxTotalExposureMinor': 'maxTotalExposureMinor',
  'eligibility.maxDaysPastDueOnOtherLoans': 'maxDaysPastDueOnOtherLoans',
  'approvalLimits.manager': 'managerLimitMinor',
  'approvalLimits.admin': 'adminLimitMinor',
};
