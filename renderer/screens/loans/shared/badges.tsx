// Small labels shared by the loans screens: a loan's status, its days past due (coloured by arrears bucket),
// and an installment's state.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LoanSummary, LoanView } from '../../../../shared/contract';

const statusColours: Record<LoanSummary['status'], string> = {
  draft: 'gray',
  submitted: 'blue',
  returned: 'yellow',
  approved: 'cyan',
  rejected: 'red',
  withdrawn: 'gray',
  active: 'teal',
  closed: 'dark',
  written_off: 'grape',
};

export function LoanStatusBadge({ status }: { status: LoanSummary['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColours[status]} variant="light" data-testid="loan-status">
      {t(`loans.status.${status}`)}
    </Badge>
  );
}

const bucketColours: Record<LoanSummary['arrearsBucket'], string> = {
  current: 'teal',
  '1-30': 'yellow',
  '31-60': 'orange',
  '61-90': 'red',
  '91-180': 'red',
  '180+': 'grape',
};

export function DaysPastDueBadge({ days, bucket }: { days: number; bucket: LoanSummary['arrearsBucket'] }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={bucketColours[bucket]}
      variant={bucket === '91-180' || bucket === '180+' ? 'filled' : 'light'}
      title={t(`loans.bucket.${bucket}`)}
    >
      {t('loans.dpd', { count: days })}
    </Badge>
  );
}

type InstallmentState = LoanView['schedule'][number]['state'];
const stateColours: Record<InstallmentState, string> = {
  paid: 'teal',
  due: 'blue',
  overdue: 'red',
  partly_paid: 'yellow',
  upcoming: 'gray',
};

export function InstallmentStateBadge({ state }: { state: InstallmentState }) {
  const { t } = useTranslation();
  return (
    <Badge color={stateColours[state]} variant="light">
      {t(`loans.installmentState.${state}`)}
    </Badge>
  );
}
