// An amount typed as text, parsed exactly (shared/amount.ts) in the branch's locale; the parsed minor units go
// to the caller, the reason an amount is not one shows next to the field once it has been left or submitted.
import { Text, TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParsedAmount } from './amount';

interface Props extends Omit<TextInputProps, 'value' | 'onChange' | 'error'> {
  value: string;
  onChange(text: string): void;
  parsed: ParsedAmount;
  currency: string;
  /** Show the parse error (after the field was left, or on submit). */
  showError: boolean;
  serverError?: string | null;
}

export function AmountField({ value, onChange, parsed, currency, showError, serverError, ...props }: Props) {
  const { t } = useTranslation();
  const error = serverError ?? (showError && !parsed.ok ? t(`counter.amount.errors.${parsed.error}`) : null);
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      rightSection={
        <Text size="xs" c="dimmed">
          {currency}
        </Text>
      }
      rightSectionWidth={48}
      {...props}
    />
  );
}
