// Adding an account to the chart or changing one (administrators): code, name, type, the parent it sits under,
// whether it is a heading, and whether it is active. The code is fixed once the account exists; the core keeps
// an account's type once it has postings and refuses the rest with a reason, shown next to the field.
import { Checkbox, Group, Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountTypes, type GlAccountView } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ModalForm } from '../../loans/shared/ModalForm';
import { placeServerIssues } from '../../loans/shared/serverIssues';
import { accountLabel, parentChoices } from './accountTree';

type Values = {
  code: string;
  name: string;
  type: GlAccountView['type'];
  parentCode: string | null;
  isHeader: boolean;
  isActive: boolean;
};

interface Props {
  account: GlAccountView | null;
  accounts: readonly GlAccountView[];
  onClose(): void;
  onSaved(account: GlAccountView): void;
}

export function AccountForm({ account, accounts, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      code: account?.code ?? '',
      name: account?.name ?? '',
      type: account?.type ?? 'asset',
      parentCode: account?.parentCode ?? null,
      isHeader: account?.isHeader ?? false,
      isActive: account?.isActive ?? true,
    },
  });
  const parents = parentChoices(accounts, form.values.type, account?.code ?? null);

  async function submit() {
    setMessage(null);
    const v = form.getValues();
    const code = v.code.trim().toUpperCase();
    // The core saves by code: a "new" account with a taken code would rename the existing one.
    if (!account && accounts.some((a) => a.code === code))
      return form.setFieldError('code', t('books.accounts.codeTaken', { code }));
    setBusy(true);
    const result = await api.call('books.saveAccount', {
      isNew: !account,
      code,
      name: v.name,
      type: v.type,
      parentCode: v.parentCode,
      isHeader: v.isHeader,
      isActive: v.isActive,
    });
    setBusy(false);
    if (result.error) setMessage(placeServerIssues(form, result.error));
    else onSaved(result.data);
  }

  const title = account
    ? t('books.accounts.editTitle', { code: account.code })
    : t('books.accounts.newTitle');
  return (
    <ModalForm
      title={title}
      submitLabel={t('common.save')}
      isBusy={isBusy}
      error={message}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <Group grow align="flex-start">
        <TextInput
          label={t('books.field.code')}
          description={t('books.accounts.codeHint')}
          required
          disabled={account !== null}
          data-autofocus={account ? undefined : true}
          maxLength={10}
          {...form.getInputProps('code')}
        />
        <Select
          label={t('books.field.type')}
          allowDeselect={false}
          data={accountTypes.map((type) => ({ value: type, label: t(`books.type.${type}`) }))}
          {...form.getInputProps('type')}
          onChange={(type) => {
            form.setFieldValue('type', (type ?? 'asset') as Values['type']);
            // A parent of another type would be refused: start again from no parent.
            form.setFieldValue('parentCode', null);
          }}
        />
      </Group>
      <TextInput
        label={t('books.field.name')}
        required
        maxLength={120}
        data-autofocus={account ? true : undefined}
        {...form.getInputProps('name')}
      />
      <Select
        label={t('books.field.parent')}
        placeholder={t('books.accounts.noParent')}
        clearable
        searchable
        data={parents.map((a) => ({ value: a.code, label: accountLabel(a) }))}
        {...form.getInputProps('parentCode')}
      />
      <Checkbox
        label={t('books.accounts.isHeader')}
        description={t('books.accounts.isHeaderHint')}
        {...form.getInputProps('isHeader', { type: 'checkbox' })}
      />
      <Checkbox
        label={t('books.accounts.isActive')}
        {...form.getInputProps('isActive', { type: 'checkbox' })}
      />
    </ModalForm>
  );
}
