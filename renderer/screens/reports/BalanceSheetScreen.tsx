// #/reports/balance-sheet: assets, liabilities and equity (with the year's earnings) at the end of a month (the
// business date's by default); head office chooses a branch or all of them.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../stores/session';
import { reportLanguage } from './language';
import { BranchFilter, isMonth, MonthInput, useCompleteValue } from './LedgerFilters';
import { ReportFrame } from './ReportFrame';
import { useReport, useReportFilters } from './useReport';

export function BalanceSheetScreen({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const options = useReportFilters();
  const period = useCompleteValue(me.branch.businessDate.slice(0, 7), isMonth);
  const [branchId, setBranchId] = useState<string | undefined>(undefined);
  const params = {
    period: period.value,
    ...(branchId ? { branchId } : {}),
    language: reportLanguage(i18n.language),
  };
  const { data, error, isLoading } = useReport('reports.balanceSheet', params);
  return (
    <ReportFrame
      me={me}
      title={t('reports.entries.balanceSheet.title')}
      request={{ report: 'balanceSheet', params }}
      report={data?.report ?? null}
      error={error}
      isLoading={isLoading}
      filters={
        <>
          <BranchFilter options={options} value={branchId} onChange={setBranchId} />
          <MonthInput label={t('reports.filters.month')} value={period.text} onChange={period.change} />
        </>
      }
    />
  );
}
