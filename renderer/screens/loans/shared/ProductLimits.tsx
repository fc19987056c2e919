// A product's limits in one line, for the officer choosing terms: principal range, repayments, rate range with
// its default, how often installments fall due and how interest is charged.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LoanProductView } from '../../../../shared/contract';
import type { LoanFormat } from './format';

export function ProductLimits({ product, format }: { product: LoanProductView; format: LoanFormat }) {
  const { t } = useTranslation();
  const money = (minor: number) => format.moneyIn(minor, product.currency, product.digits);
  const every = product.termsTemplate.every ?? 1;
  return (
    <Text size="sm" c="dimmed" data-testid="product-limits">
      {t('loans.product.limits', {
        min: money(product.minPrincipalMinor),
        max: money(product.maxPrincipalMinor),
        minRepayments: product.minRepayments,
        maxRepayments: product.maxRepayments,
        minRate: product.minRate,
        maxRate: product.maxRate,
        defaultRate: product.defaultRate,
        frequency: t(`loans.frequency.${product.termsTemplate.frequency}`, { count: every }),
        method: t(`loans.interestMethod.${product.termsTemplate.interestMethod}`),
      })}
    </Text>
  );
}
