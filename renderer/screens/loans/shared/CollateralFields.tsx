// The fields of one item of collateral (type, description, value, valuation date, lien status), bound to a
// form by the caller: the application's list of items, or the loan page's "Add collateral" dialog.
import { Select, SimpleGrid, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { collateralTypes, lienStatuses } from '../../../../shared/contract';
import { MoneyInput } from '../../customers/onboard/MoneyInput';

export type CollateralField = 'type' | 'description' | 'valueMinor' | 'valuationDate' | 'lienStatus';

interface Props {
  inputProps(field: CollateralField): GetInputPropsReturnType;
  currency: string;
  autoFocus?: boolean;
}

export function CollateralFields({ inputProps, currency, autoFocus }: Props) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 5 }}>
      <Select
        label={t('loans.collateral.type')}
        allowDeselect={false}
        data-autofocus={autoFocus || undefined}
        data={collateralTypes.map((v) => ({ value: v, label: t(`loans.collateralType.${v}`) }))}
        {...inputProps('type')}
      />
      <TextInput label={t('loans.collateral.description')} required {...inputProps('description')} />
      <MoneyInput
        currency={currency}
        label={t('loans.collateral.value')}
        required
        {...inputProps('valueMinor')}
      />
      <TextInput
        label={t('loans.collateral.valuationDate')}
        type="date"
        required
        {...inputProps('valuationDate')}
      />
      <Select
        label={t('loans.collateral.lienStatus')}
        allowDeselect={false}
        data={lienStatuses.map((v) => ({ value: v, label: t(`loans.lienStatus.${v}`) }))}
        {...inputProps('lienStatus')}
      />
    </SimpleGrid>
  );
}
