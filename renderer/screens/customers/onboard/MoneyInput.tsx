// An amount typed as text ("12,500.50"), kept as text until submit, where it becomes minor units exactly.
import { TextInput, type TextInputProps } from '@mantine/core';

export function MoneyInput({ currency, ...props }: TextInputProps & { currency: string }) {
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      rightSection={<span style={{ fontSize: 12, color: 'var(--mantine-color-dimmed)' }}>{currency}</span>}
      rightSectionWidth={48}
      {...props}
    />
  );
}
