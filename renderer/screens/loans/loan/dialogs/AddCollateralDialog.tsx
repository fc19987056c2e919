// Adds an item of collateral to the loan (`loans.addCollateral`).
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { collateralView } from '../../../../../shared/contract';
import { api } from '../../../../api/api';
import { parseAmount } from '../../amount';
import { CollateralFields } from '../../shared/CollateralFields';
import { ModalForm } from '../../shared/ModalForm';
import { placeServerIssues } from '../../shared/serverIssues';
import type { DialogProps } from './types';

type Collateral = z.infer<typeof collateralView>;

export function AddCollateralDialog({ loan, format, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      type: 'household' as Collateral['type'],
      description: '',
      valueMinor: '',
      valuationDate: loan.asOf ?? '',
      lienStatus: 'none' as Collateral['lienStatus'],
    },
  });
  const submit = form.onSubmit(async (values) => {
    const valueMinor = parseAmount(values.valueMinor, loan.digits, format.locale);
    if (!valueMinor) return form.setFieldError('valueMinor', t('loans.inputError.amount'));
    setBusy(true);
    setMessage(null);
    const result = await api.call('loans.addCollateral', { ...values, loanId: loan.id, valueMinor });
    setBusy(false);
    if (result.error) setMessage(placeServerIssues(form, result.error));
    else onDone(t('loans.done.collateralAdded'));
  });
  return (
    <ModalForm
      title={t('loans.collateral.add')}
      submitLabel={t('loans.collateral.add')}
      isBusy={isBusy}
      error={message}
      size="xl"
      onClose={onClose}
      onSubmit={() => submit()}
    >
      <CollateralFields
        currency={loan.currency}
        autoFocus
        inputProps={(field) => form.getInputProps(field)}
      />
    </ModalForm>
  );
}
