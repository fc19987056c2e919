// #/reports/disbursements-collections: loans paid out and money received per day for a period (this month by
// default), split as allocated, reversals netted; head office chooses a branch or all of them.
import { Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../stores/session';
import { reportLanguage } from './language';
import { ReportFrame } from './ReportFrame';
import { useReport, useReportFilters } from './useReport';

const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

export function DisbursementsCollectionsScreen({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const options = useReportFilters();
  const today = me.branch.businessDate;
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [branchId, setBranchId] = useState<string | undefined>(undefined);
  // The last valid period is what is asked for: a half-typed date does not send a request.
  const [period, setPeriod] = useState({ from, to });
  const params = { ...period, ...(branchId ? { branchId } : {}), language: reportLanguage(i18n.language) };
  const { data, error, isLoading } = useReport('reports.disbursementsCollections', params);
  const change = (next: { from: string; to: string }) => {
    setFrom(next.from);
    setTo(next.to);
    if (isDate(next.from) && isDate(next.to)) setPeriod(next);
  };
  return (
    <ReportFrame
      me={me}
      title={t('reports.entries.disbursementsCollections.title')}
      request={{ report: 'disbursementsCollections', params }}
      report={data?.report ?? null}
      error={error}
      isLoading={isLoading}
      filters={
        <>
          {options?.isHeadOffice ? (
            <Select
              label={t('reports.filters.branch')}
              placeholder={t('reports.filters.allBranches')}
              clearable
              w={220}
              value={branchId ?? null}
              onChange={(v) => setBranchId(v ?? undefined)}
              data={options.branches.map((b) => ({ value: b.id, label: `${b.code} · ${b.name}` }))}
            />
          ) : null}
          <TextInput
            type="date"
            label={t('reports.filters.from')}
            w={170}
            value={from}
            max={to}
            onChange={(e) => change({ from: e.currentTarget.value, to })}
          />
          <TextInput
            type="date"
            label={t('reports.filters.to')}
            w={170}
            value={to}
            min={from}
            onChange={(e) => change({ from, to: e.currentTarget.value })}
          />
        </>
      }
    />
  );
}
