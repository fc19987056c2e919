// The profile's editable fields as form text, and the changes between two sets of them as `customers.update`
// input (only what changed; amounts back to minor units).
import type { CustomerProfile, InputOf } from '../../../../shared/contract';
import { minorToInputText, parseAmountToMinor } from '../shared/amounts';
import type { AmountError } from '../onboard/inputs';

export const moneyFields = ['monthlyIncomeMinor', 'monthlyExpensesMinor', 'annualTurnoverMinor'] as const;
const contact = ['phone', 'phoneAlt', 'email', 'address', 'city', 'region', 'country'] as const;
export const editableFields = {
  individual: [
    'firstName',
    'middleName',
    'lastName',
    'dateOfBirth',
    'gender',
    'idType',
    'idNumber',
    'idExpiryDate',
    'occupation',
    'employer',
    'monthlyIncomeMinor',
    'monthlyExpensesMinor',
    ...contact,
  ],
  business: [
    'registeredName',
    'registrationNumber',
    'legalForm',
    'sector',
    'dateEstablished',
    'annualTurnoverMinor',
    ...contact,
  ],
} as const;

export type EditValues = Record<string, string>;
type Changes = InputOf<'customers.update'>['changes'];

export function toEditValues(profile: CustomerProfile, digits: number): EditValues {
  const values: EditValues = {};
  for (const field of editableFields[profile.kind]) {
    const value = profile[field as keyof CustomerProfile];
    values[field] = (moneyFields as readonly string[]).includes(field)
      ? minorToInputText(value as number | null, digits)
      : ((value as string | null) ?? '');
  }
  return values;
}

export function toChanges(
  initial: EditValues,
  values: EditValues,
  digits: number,
  locale: string,
): { changes: Changes; errors: Record<string, AmountError> } {
  const changes: Record<string, string | number> = {};
  const errors: Record<string, AmountError> = {};
  for (const [field, value] of Object.entries(values)) {
    if (value === initial[field] || value.trim() === '') continue;
    if ((moneyFields as readonly string[]).includes(field)) {
      const parsed = parseAmountToMinor(value, digits, locale);
      if (parsed.ok) changes[field] = parsed.minor;
      else errors[field] = parsed.error;
    } else changes[field] = value;
  }
  return { changes: changes as Changes, errors };
}
