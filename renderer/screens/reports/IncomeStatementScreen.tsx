// #/reports/income-statement: income, expenses and net income for a run of months (January to the business
// date's month by default); head office chooses a branch or all of them.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../stores/session';
import { reportLanguage } from './language';
import { BranchFilter, isMonth, MonthInput, useCompleteValue } from './LedgerFilters';
import { ReportFrame } from './ReportFrame';
import { useReport, useReportFilters } from './useReport';

export function IncomeStatementScreen({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const options = useReportFilters();
  const month = me.branch.businessDate.slice(0, 7);
  const from = useCompleteValue(`${month.slice(0, 4)}-01`, isMonth);
  const to = useCompleteValue(month, isMonth);
  const [branchId, setBranchId] = useState<string | undefined>(undefined);
  const params = {
    fromPeriod: from.value,
    toPeriod: to.value,
    ...(branchId ? { branchId } : {}),
    language: reportLanguage(i18n.language),
  };
  const { data, error, isLoading } = useReport('reports.incomeStatement', params);
  return (
    <ReportFrame
      me={me}
      title={t('reports.entries.incomeStatement.title')}
      request={{ report: 'incomeStatement', params }}
      report={data?.report ?? null}
      error={error}
      isLoading={isLoading}
      filters={
        <>
          <BranchFilter options={options} value={branchId} onChange={setBranchId} />
          <MonthInput
            label={t('reports.filters.fromMonth')}
            value={from.text}
            max={to.value}
            onChange={from.change}
          />
          <MonthInput
            label={t('reports.filters.toMonth')}
            value={to.text}
            min={from.value}
            onChange={to.change}
          />
        </>
      }
    />
  );
}
