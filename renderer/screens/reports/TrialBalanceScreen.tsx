// #/reports/trial-balance: every account's debit or credit balance at the end of a month (the business date's by
// default), with the totals that must agree; head office chooses a branch or all of them.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../stores/session';
import { reportLanguage } from './language';
import { BranchFilter, isMonth, MonthInput, useCompleteValue } from './LedgerFilters';
import { ReportFrame } from './ReportFrame';
import { useReport, useReportFilters } from './useReport';

export function TrialBalanceScreen({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const options = useReportFilters();
  const period = useCompleteValue(me.branch.businessDate.slice(0, 7), isMonth);
  const [branchId, setBranchId] = useState<string | undefined>(undefined);
  const params = {
    period: period.value,
    ...(branchId ? { branchId } : {}),
    language: reportLanguage(i18n.language),
  };
  const { data, error, isLoading } = useReport('reports.trialBalance', params);
  return (
    <ReportFrame
      me={me}
      title={t('reports.entries.trialBalance.title')}
      request={{ report: 'trialBalance', params }}
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
