// The reports the hub lists, in one table: the extension point for every report to come. Adding one (the ledger
// reports: trial balance, balance sheet, income statement, general-ledger statement, cash book, provisioning):
//   1. its method in shared/contract/reports.ts and its member in `exportableReports` (see the checklist there);
//   2. a screen in this folder — usually ReportFrame + its filters + useReport, the table is ReportView;
//   3. an entry below with its group, path, permission and strings (reports.entries.<id>.title/description in
//      renderer/i18n/reports.*.json). The hub and the routes read this list; nothing else needs to change.
import type { ReactNode } from 'react';
import type { Permission } from '../../../shared/permissions';
import type { Me } from '../../stores/session';
import { AccountStatementScreen } from './AccountStatementScreen';
import { BalanceSheetScreen } from './BalanceSheetScreen';
import { CashBookScreen } from './CashBookScreen';
import { DisbursementsCollectionsScreen } from './DisbursementsCollectionsScreen';
import { IncomeStatementScreen } from './IncomeStatementScreen';
import { PortfolioAtRiskScreen } from './PortfolioAtRiskScreen';
import { TrialBalanceScreen } from './TrialBalanceScreen';

export type ReportGroup = 'portfolio' | 'books';
export const reportGroups: readonly ReportGroup[] = ['portfolio', 'books'];

export interface ReportEntry {
  /** Its strings are reports.entries.<id>.title and .description. */
  id: string;
  group: ReportGroup;
  /** Under /reports/. */
  path: string;
  permission: Permission;
  render(me: Me): ReactNode;
}

export const reportEntries: readonly ReportEntry[] = [
  {
    id: 'portfolioAtRisk',
    group: 'portfolio',
    path: '/reports/portfolio-at-risk',
    permission: 'reports.read',
    render: (me) => <PortfolioAtRiskScreen me={me} />,
  },
  {
    id: 'disbursementsCollections',
    group: 'portfolio',
    path: '/reports/disbursements-collections',
    permission: 'reports.read',
    render: (me) => <DisbursementsCollectionsScreen me={me} />,
  },
  {
    id: 'trialBalance',
    group: 'books',
    path: '/reports/trial-balance',
    permission: 'reports.read',
    render: (me) => <TrialBalanceScreen me={me} />,
  },
  {
    id: 'balanceSheet',
    group: 'books',
    path: '/reports/balance-sheet',
    permission: 'reports.read',
    render: (me) => <BalanceSheetScreen me={me} />,
  },
  {
    id: 'incomeStatement',
    group: 'books',
    path: '/reports/income-statement',
    permission: 'reports.read',
    render: (me) => <IncomeStatementScreen me={me} />,
  },
  {
    id: 'accountStatement',
    group: 'books',
    path: '/reports/account-statement',
    permission: 'reports.read',
    render: (me) => <AccountStatementScreen me={me} />,
  },
  {
    id: 'cashBook',
    group: 'books',
    path: '/reports/cash-book',
    permission: 'reports.read',
    render: (me) => <CashBookScreen me={me} />,
  },
];
