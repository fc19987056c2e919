// A reason a decision or correction is recorded with (audited): a textarea where Enter submits the form and
// Shift+Enter starts a new line.
import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  value: string;
  onChange(value: string): void;
  error?: string | null;
  label?: string;
  description?: string;
  autoFocus?: boolean;
}

export function ReasonInput({ value, onChange, error, label, description, autoFocus }: Props) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={label ?? t('loans.reason')}
      description={description ?? t('loans.reasonHint')}
      required
      data-autofocus={autoFocus || undefined}
      autoFocus={autoFocus}
      autosize
      minRows={2}
      maxLength={500}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          e.currentTarget.form?.requestSubmit();
        }
      }}
      error={error}
    />
  );
}
