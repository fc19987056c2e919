// #/reports/cash-book: every movement of the tills, the vault and the bank with the running cash balance, for
// a period (this month by default); head office chooses a branch or all of them.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../stores/session';
import { reportLanguage } from './language';
import { BranchFilter, DateInput, isDate, useCompleteValue } from './LedgerFilters';
import { ReportFrame } from './ReportFrame';
import { useReport, useReportFilters } from './useReport';

export function CashBookScreen({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const options = useReportFilters();
  const today = me.branch.businessDate;
  const from = useCompleteValue(`${today.slice(0, 8)}01`, isDate);
  const to = useCompleteValue(today, isDate);
  const [branchId, setBranchId] = useState<string | undefined>(undefined);
  const params = {
    from: from.value,
    to: to.value,
    ...(branchId ? { branchId } : {}),
    language: reportLanguage(i18n.language),
  };
  const { data, error, isLoading } = useReport('reports.cashBook', params);
  return (
    <ReportFrame
      me={me}
      title={t('reports.entries.cashBook.title')}
      request={{ report: 'cashBook', params }}
      report={data?.report ?? null}
      error={error}
      isLoading={isLoading}
      filters={
        <>
          <BranchFilter options={options} value={branchId} onChange={setBranchId} />
          <DateInput
            label={t('reports.filters.from')}
            value={from.text}
            max={to.value}
            onChange={from.change}
          />
          <DateInput label={t('reports.filters.to')} value={to.text} min={from.value} onChange={to.change} />
        </>
      }
    />
  );
}
