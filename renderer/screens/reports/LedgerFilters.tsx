// The filters the ledger reports share: the branch (head office only: a branch device reports on its own) and
// a month or a date typed into the browser's own picker. A half-typed value is kept in the field and not sent:
// the screens ask for the last complete one (useCompleteValue).
import { Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';

export const isMonth = (text: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
export const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

export function BranchFilter({
  options,
  value,
  onChange,
}: {
  options: OutputOf<'reports.filters'> | null;
  value: string | undefined;
  onChange: (branchId: string | undefined) => void;
}) {
  const { t } = useTranslation();
  if (!options?.isHeadOffice) return null;
  return (
    <Select
      label={t('reports.filters.branch')}
      placeholder={t('reports.filters.allBranches')}
      clearable
      w={220}
      value={value ?? null}
      onChange={(v) => onChange(v ?? undefined)}
      data={options.branches.map((b) => ({ value: b.id, label: `${b.code} · ${b.name}` }))}
    />
  );
}

/** A field's typed text and the last complete value of it (what the report is asked for). */
export function useCompleteValue(initial: string, isComplete: (text: string) => boolean) {
  const [text, setText] = useState(initial);
  const [value, setValue] = useState(initial);
  const change = (next: string) => {
    setText(next);
    if (isComplete(next)) setValue(next);
  };
  return { text, value, change };
}

export function MonthInput(props: {
  label: string;
  value: string;
  onChange: (text: string) => void;
  min?: string;
  max?: string;
}) {
  return (
    <TextInput
      type="month"
      label={props.label}
      w={170}
      value={props.value}
      min={props.min}
      max={props.max}
      onChange={(e) => props.onChange(e.currentTarget.value)}
    />
  );
}

export function DateInput(props: {
  label: string;
  value: string;
  onChange: (text: string) => void;
  min?: string;
  max?: string;
}) {
  return (
    <TextInput
      type="date"
      label={props.label}
      w={170}
      value={props.value}
      min={props.min}
      max={props.max}
      onChange={(e) => props.onChange(e.currentTarget.value)}
    />
  );
}
