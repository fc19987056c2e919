// #/reports/account-statement: a general-ledger account's statement for a period (this month by default) —
// the balance brought forward, every line with its running balance, the closing balance. The account is chosen
// from the chart (a header account covers its sub-accounts); head office chooses a branch or all of them.
import { Loader, Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlAccountView } from '../../../shared/contract';
import { api } from '../../api/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Me } from '../../stores/session';
import { reportLanguage } from './language';
import { BranchFilter, DateInput, isDate, useCompleteValue } from './LedgerFilters';
import { ReportFrame } from './ReportFrame';
import { useReport, useReportFilters } from './useReport';

export function AccountStatementScreen({ me }: { me: Me }) {
  const [accounts, setAccounts] = useState<GlAccountView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.call('books.accounts', {}).then((r) => {
      if (r.error) setError(r.error.message);
      else setAccounts(r.data);
    });
  }, []);
  if (error) return <ErrorAlert message={error} />;
  if (!accounts) return <Loader size="sm" />;
  return <Statement me={me} accounts={accounts} />;
}

/** The first account that has postings opens the screen, else the first of the chart. */
function firstAccount(accounts: readonly GlAccountView[]): string {
  return (accounts.find((a) => a.hasPostings && !a.isHeader) ?? accounts[0])?.code ?? '';
}

function Statement({ me, accounts }: { me: Me; accounts: readonly GlAccountView[] }) {
  const { t, i18n } = useTranslation();
  const options = useReportFilters();
  const today = me.branch.businessDate;
  const [accountCode, setAccountCode] = useState(() => firstAccount(accounts));
  const from = useCompleteValue(`${today.slice(0, 8)}01`, isDate);
  const to = useCompleteValue(today, isDate);
  const [branchId, setBranchId] = useState<string | undefined>(undefined);
  const params = {
    accountCode,
    from: from.value,
    to: to.value,
    ...(branchId ? { branchId } : {}),
    language: reportLanguage(i18n.language),
  };
  const { data, error, isLoading } = useReport('reports.accountStatement', params);
  return (
    <ReportFrame
      me={me}
      title={t('reports.entries.accountStatement.title')}
      request={{ report: 'accountStatement', params }}
      report={data?.report ?? null}
      error={error}
      isLoading={isLoading}
      filters={
        <>
          <BranchFilter options={options} value={branchId} onChange={setBranchId} />
          <Select
            label={t('reports.filters.account')}
            searchable
            allowDeselect={false}
            w={300}
            value={accountCode}
            onChange={(v) => v && setAccountCode(v)}
            data={accounts.map((a) => ({ value: a.code, label: `${a.code} · ${a.name}` }))}
          />
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
