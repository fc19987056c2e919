// The navigation, by permission: an item shows only when the person's role allows it (the core refuses the
// calls anyway). Alt+1…Alt+9 follow the order of the items a person can see.
// Checklist when adding a screen: an entry here, its route in AppFrame, and its strings in i18n/en.json.
import {
  IconBook2,
  IconCash,
  IconCashRegister,
  IconChecklist,
  IconCloudUpload,
  IconFileImport,
  IconReportAnalytics,
  IconReportMoney,
  IconHome,
  IconListSearch,
  IconShieldLock,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { Permission } from '../../../shared/permissions';

export interface NavItem {
  path: string;
  labelKey: string;
  icon: ComponentType<{ size?: number }>;
  /** Needed to see the item; undefined means everyone signed in. */
  permission?: Permission;
  /** Or: any one of these is enough (the Sync screen serves admins' settings and managers' exceptions). */
  anyOf?: readonly Permission[];
}

export const navItems: readonly NavItem[] = [
  { path: '/', labelKey: 'nav.home', icon: IconHome },
  { path: '/customers', labelKey: 'nav.customers', icon: IconUsersGroup, permission: 'customers.read' },
  { path: '/loans', labelKey: 'nav.loans', icon: IconReportMoney, permission: 'loans.read' },
  { path: '/approvals', labelKey: 'nav.approvals', icon: IconChecklist, permission: 'loans.approve' },
  { path: '/counter', labelKey: 'nav.counter', icon: IconCashRegister, permission: 'teller.post' },
  { path: '/till', labelKey: 'nav.till', icon: IconCash, anyOf: ['till.manage', 'till.approve'] },
  {
    path: '/counter/import',
    labelKey: 'nav.importRepayments',
    icon: IconFileImport,
    permission: 'loans.manage',
  },
  { path: '/users', labelKey: 'nav.users', icon: IconUsers, permission: 'users.manage' },
  { path: '/audit', labelKey: 'nav.audit', icon: IconListSearch, permission: 'audit.read' },
  { path: '/security', labelKey: 'nav.security', icon: IconShieldLock, permission: 'settings.manage' },
  { path: '/sync', labelKey: 'nav.sync', icon: IconCloudUpload, anyOf: ['settings.manage', 'loans.approve'] },
  { path: '/reports', labelKey: 'nav.reports', icon: IconReportAnalytics, permission: 'reports.read' },
  { path: '/books', labelKey: 'nav.books', icon: IconBook2, permission: 'reports.read' },
  { path: '/account', labelKey: 'nav.account', icon: IconUserCircle },
];

export function visibleNavItems(permissions: readonly Permission[]): NavItem[] {
  return navItems.filter(
    (item) =>
      (!item.permission || permissions.includes(item.permission)) &&
      (!item.anyOf || item.anyOf.some((p) => permissions.includes(p))),
  );
}
