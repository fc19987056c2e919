// A loan's status for the teller, in words: approved (to pay out), active with its arrears, closed, written off.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LoanSummary } from '../../../../shared/contract';

const colours: Partial<Record<LoanSummary['status'], string>> = {
  approved: 'blue',
  active: 'teal',
  closed: 'gray',
  written_off: 'dark',
};

export function LoanStatusBadge({
  loan,
}: {
  loan: Pick<LoanSummary, 'status' | 'arrearsStatus' | 'daysPastDue'>;
}) {
  const { t } = useTranslation();
  if (loan.status === 'active' && loan.arrearsStatus !== 'performing')
    return (
      <Badge color={loan.arrearsStatus === 'overdue' ? 'red' : 'orange'} variant="light">
        {t('counter.status.daysPastDue', { count: loan.daysPastDue })}
      </Badge>
    );
  return (
    <Badge color={colours[loan.status] ?? 'gray'} variant="light">
      {t(`counter.status.${loan.status}`)}
    </Badge>
  );
}
