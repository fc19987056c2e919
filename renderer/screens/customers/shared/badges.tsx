// Small labels shared by the customer screens: the KYC status and the kind of customer.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '../../../../shared/contract';

const kycColours: Record<CustomerSummary['kycStatus'], string> = {
  pending: 'yellow',
  verified: 'teal',
  rejected: 'red',
  expired: 'orange',
};

export function KycBadge({ status }: { status: CustomerSummary['kycStatus'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={kycColours[status]} variant="light" data-testid="kyc-status">
      {t(`customers.kycStatus.${status}`)}
    </Badge>
  );
}

export function KindBadge({ kind }: { kind: CustomerSummary['kind'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={kind === 'business' ? 'indigo' : 'gray'} variant="outline">
      {t(`customers.kind.${kind}`)}
    </Badge>
  );
}
