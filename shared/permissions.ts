// Roles and the permissions they carry: the one table the core enforces (electron/core/router) and the renderer
// uses only to decide what to show. The ledger stores the same table (migration 0001 seeds it from here), so an
// admin's future role edits live in the database; this file is the default and the list of permission names.
//
// Checklist when adding a permission: add it to `permissions` with a description, grant it to roles in
// `defaultRoleGrants`, use it in a contract entry, and add a migration that inserts it into existing ledgers.

export const permissions = {
  'users.manage': 'Create staff accounts, change roles, reset passwords, unlock accounts',
  'audit.read': 'Read and verify the audit log',
  'settings.manage': 'Change security and branch settings',
  'customers.read': 'See customers and their profiles',
  'customers.write': 'Onboard customers and edit their profiles',
  'kyc.verify': 'Verify or reject a customer’s KYC',
  'loans.read': 'See loans, schedules and transactions',
  'loans.apply': 'Take and submit loan applications',
  'loans.approve': 'Approve, return or reject loan applications',
  'loans.manage': 'Restructure, waive and write off loans',
  'teller.post': 'Post repayments and disbursements at the counter',
  'till.manage': 'Open, count and close a teller till',
  'till.approve': 'Confirm a till’s opening cash, approve its close, move vault cash',
  'reports.read': 'Print statements and portfolio reports',
  'accounting.manage': 'Post manual journals and close accounting periods',
  'accounting.reopen': 'Re-open a closed accounting period',
  'sync.run': 'Start a sync with the central server',
} as const;

export type Permission = keyof typeof permissions;
export const permissionNames = Object.keys(permissions) as Permission[];

export const roles = {
  admin: 'Administrator',
  manager: 'Branch manager',
  loan_officer: 'Loan officer',
  teller: 'Teller',
  auditor: 'Auditor',
  accountant: 'Accountant',
} as const;

export type Role = keyof typeof roles;
export const roleNames = Object.keys(roles) as Role[];

export const defaultRoleGrants: Record<Role, readonly Permission[]> = {
  admin: permissionNames,
  manager: [
    'audit.read',
    'customers.read',
    'customers.write',
    'kyc.verify',
    'loans.read',
    'loans.apply',
    'loans.approve',
    'loans.manage',
    'till.manage',
    'till.approve',
    'reports.read',
    'accounting.manage',
    'sync.run',
  ],
  loan_officer: ['customers.read', 'customers.write', 'kyc.verify', 'loans.read', 'loans.apply', 'sync.run'],
  teller: ['customers.read', 'loans.read', 'teller.post', 'till.manage', 'sync.run'],
  auditor: ['audit.read', 'customers.read', 'loans.read', 'reports.read'],
  accountant: ['accounting.manage', 'reports.read', 'loans.read', 'customers.read', 'audit.read', 'sync.run'],
};
