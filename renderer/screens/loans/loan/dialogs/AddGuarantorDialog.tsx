// Adds a guarantor (an existing customer, not the borrower nor one already on the loan) with the amount they
// guarantee (`loans.addGuarantor`).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '../../../../../shared/contract';
import { api } from '../../../../api/api';
import { MoneyInput } from '../../../customers/onboard/MoneyInput';
import { CustomerPicker } from '../../../customers/shared/CustomerPicker';
import { parseAmount } from '../../amount';
import { ModalForm } from '../../shared/ModalForm';
import { useCall } from '../../shared/useCall';
import type { DialogProps } from './types';

export function AddGuarantorDialog({ loan, format, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const [customer, setCustomer] = useState<CustomerSummary | null>(null);
  const [amount, setAmount] = useState('');
  const [errors, setErrors] = useState<{ customer?: string; amount?: string }>({});
  const call = useCall(['customerId', 'guaranteedMinor']);
  async function submit() {
    const guaranteedMinor = parseAmount(amount, loan.digits, format.locale);
    const found = {
      customer: customer ? undefined : t('loans.inputError.required'),
      amount: guaranteedMinor ? undefined : t('loans.inputError.amount'),
    };
    setErrors(found);
    if (!customer || !guaranteedMinor) return;
    const done = await call.run(() =>
      api.call('loans.addGuarantor', { loanId: loan.id, customerId: customer.id, guaranteedMinor }),
    );
    if (done) onDone(t('loans.done.guarantorAdded', { name: customer.displayName }));
  }
  return (
    <ModalForm
      title={t('loans.guarantors.add')}
      submitLabel={t('loans.guarantors.add')}
      isBusy={call.isBusy}
      error={call.error}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <CustomerPicker
        label={t('loans.guarantors.pick')}
        value={customer}
        onChange={setCustomer}
        excludeIds={[loan.customerId, ...loan.guarantors.map((g) => g.customerId)]}
        error={errors.customer ?? call.fieldError('customerId')}
        autoFocus
      />
      <MoneyInput
        currency={loan.currency}
        label={t('loans.guarantors.amount')}
        required
        value={amount}
        onChange={(e) => setAmount(e.currentTarget.value)}
        error={errors.amount ?? call.fieldError('guaranteedMinor')}
      />
    </ModalForm>
  );
}
