// #/reports/portfolio-at-risk: PAR 1/30/90 and the aging of the portfolio, by product and by loan officer, as of
// the business date; head office chooses a branch or all of them.
import { Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../stores/session';
import { reportLanguage } from './language';
import { ReportFrame } from './ReportFrame';
import { useReport, useReportFilters } from './useReport';

interface Filters {
  branchId?: string;
  productId?: string;
  officerId?: string;
}

export function PortfolioAtRiskScreen({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const options = useReportFilters();
  const [filters, setFilters] = useState<Filters>({});
  const params = { ...filters, language: reportLanguage(i18n.language) };
  const { data, error, isLoading } = useReport('reports.portfolioAtRisk', params);
  const set = (change: Filters) => setFilters((f) => ({ ...f, ...change }));
  return (
    <ReportFrame
      me={me}
      title={t('reports.entries.portfolioAtRisk.title')}
      request={{ report: 'portfolioAtRisk', params }}
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
              value={filters.branchId ?? null}
              onChange={(v) => set({ branchId: v ?? undefined })}
              data={options.branches.map((b) => ({ value: b.id, label: `${b.code} · ${b.name}` }))}
            />
          ) : null}
          <Select
            label={t('reports.filters.product')}
            placeholder={t('reports.filters.any')}
            clearable
            searchable
            w={220}
            value={filters.productId ?? null}
            onChange={(v) => set({ productId: v ?? undefined })}
            data={(options?.products ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }))}
          />
          <Select
            label={t('reports.filters.officer')}
            placeholder={t('reports.filters.any')}
            clearable
            searchable
            w={220}
            value={filters.officerId ?? null}
            onChange={(v) => set({ officerId: v ?? undefined })}
            data={(options?.officers ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </>
      }
    />
  );
}
