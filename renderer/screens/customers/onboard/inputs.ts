// From the onboarding forms' text values to the API's input: empty texts become "not given", amounts typed by
// a person become integer minor units, owners' shares become basis points. Pure, so it is unit-tested.
import type { CustomerSummary, InputOf } from '../../../../shared/contract';
import { parseAmountToMinor, parsePercentToBasisPoints, type ParsedAmount } from '../shared/amounts';

export const contactDefaults = {
  phone: '',
  phoneAlt: '',
  email: '',
  address: '',
  city: '',
  region: '',
  country: '',
};

export const individualDefaults = {
  firstName: '',
  middleName: '',
  lastName: '',
  dateOfBirth: '',
  gender: 'undisclosed',
  idType: 'national_id',
  idNumber: '',
  idExpiryDate: '',
  occupation: '',
  employer: '',
  monthlyIncomeMinor: '',
  monthlyExpensesMinor: '',
  referredByCustomerId: '',
  ...contactDefaults,
};
export type IndividualValues = typeof individualDefaults;

export interface PersonRow {
  customer: CustomerSummary;
  role: 'owner' | 'director' | 'contact';
  share: string;
}

export const businessDefaults = {
  registeredName: '',
  registrationNumber: '',
  legalForm: 'sole_proprietorship',
  sector: '',
  dateEstablished: '',
  annualTurnoverMinor: '',
  referredByCustomerId: '',
  people: [] as PersonRow[],
  ...contactDefaults,
};
export type BusinessValues = typeof businessDefaults;

export type AmountError = Extract<ParsedAmount, { ok: false }>['error'];
type Converted<T> = { input: T; errors: Record<string, AmountError> };

/** Drops empty strings so optional fields are "not given" rather than invalid. */
function given<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')) as Partial<T>;
}

function amount(
  text: string,
  digits: number,
  locale: string,
  field: string,
  errors: Record<string, AmountError>,
) {
  if (text.trim() === '') return undefined;
  const parsed = parseAmountToMinor(text, digits, locale);
  if (parsed.ok) return parsed.minor;
  errors[field] = parsed.error;
  return undefined;
}

export function toIndividualInput(
  values: IndividualValues,
  digits: number,
  locale: string,
): Converted<InputOf<'customers.registerIndividual'>> {
  const errors: Record<string, AmountError> = {};
  const { monthlyIncomeMinor, monthlyExpensesMinor, ...rest } = values;
  const input = {
    ...given(rest),
    monthlyIncomeMinor: amount(monthlyIncomeMinor, digits, locale, 'monthlyIncomeMinor', errors),
    monthlyExpensesMinor: amount(monthlyExpensesMinor, digits, locale, 'monthlyExpensesMinor', errors),
  } as InputOf<'customers.registerIndividual'>;
  return { input, errors };
}

export function toBusinessInput(
  values: BusinessValues,
  digits: number,
  locale: string,
): Converted<InputOf<'customers.registerBusiness'>> {
  const errors: Record<string, AmountError> = {};
  const { annualTurnoverMinor, people, ...rest } = values;
  const input = {
    ...given(rest),
    annualTurnoverMinor: amount(annualTurnoverMinor, digits, locale, 'annualTurnoverMinor', errors),
    people: people.map((p, i) => {
      if (p.role !== 'owner' || p.share.trim() === '') return { customerId: p.customer.id, role: p.role };
      const share = parsePercentToBasisPoints(p.share, locale);
      if (!share.ok) errors[`people.${i}.shareBasisPoints`] = share.error;
      return {
        customerId: p.customer.id,
        role: p.role,
        shareBasisPoints: share.ok ? share.minor : undefined,
      };
    }),
  } as InputOf<'customers.registerBusiness'>;
  return { input, errors };
}

/** The fields worth a duplicate check, once they are filled enough to mean something; null when none are. */
export function individualDuplicateQuery(v: IndividualValues): InputOf<'customers.checkDuplicates'> | null {
  const query: InputOf<'customers.checkDuplicates'> = {};
  if (v.idNumber.trim().length >= 4) Object.assign(query, { idType: v.idType, idNumber: v.idNumber.trim() });
  if (v.firstName.trim() && v.lastName.trim() && /^\d{4}-\d{2}-\d{2}$/.test(v.dateOfBirth))
    Object.assign(query, {
      firstName: v.firstName.trim(),
      lastName: v.lastName.trim(),
      dateOfBirth: v.dateOfBirth,
    });
  if (v.phone.replace(/\D/g, '').length >= 7) query.phone = v.phone.trim();
  return Object.keys(query).length > 0 ? (query as InputOf<'customers.checkDuplicates'>) : null;
}

export function businessDuplicateQuery(v: BusinessValues): InputOf<'customers.checkDuplicates'> | null {
  const query: InputOf<'customers.checkDuplicates'> = {};
  if (v.registrationNumber.trim().length >= 3) query.registrationNumber = v.registrationNumber.trim();
  if (v.registeredName.trim().length >= 3) query.registeredName = v.registeredName.trim();
  if (v.phone.replace(/\D/g, '').length >= 7) query.phone = v.phone.trim();
  return Object.keys(query).length > 0 ? query : null;
}
