// The loan's statement for the customer, printed or saved as a PDF (`reports.loanStatement`, which needs
// reports.read: managers, administrators and auditors). Shown once the loan has been disbursed; the core makes
// the PDF afresh on each press, as of today.
import { useTranslation } from 'react-i18next';
import type { LoanView } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { PdfButtons } from '../../counter/shared/PdfButtons';

const hasStatement = (status: LoanView['status']) =>
  status === 'active' || status === 'closed' || status === 'written_off';

export function StatementButtons({ loan }: { loan: LoanView }) {
  const { t } = useTranslation();
  if (!hasStatement(loan.status)) return null;
  return (
    <PdfButtons
      load={() => api.call('reports.loanStatement', { loanId: loan.id })}
      printLabel={t('loans.statement.print')}
      saveLabel={t('loans.statement.save')}
      size="xs"
    />
  );
}
