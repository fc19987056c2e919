// The Kysely `Database` type of the local ledger: one interface per table, matching the migrations.
// Checklist when adding a column: a new migration, the interface here, the use case that writes it, the sync
// applier if the table is a projection of synced events, and `npm run docs`.
import type { Generated } from 'kysely';

export interface InstitutionTable {
  id: string;
  name: string;
  created_at: string;
}

export interface BranchesTable {
  id: string;
  code: string;
  name: string;
  currency: string;
  currency_digits: number;
  locale: string;
  time_zone: string;
  business_date: string;
  created_at: string;
}

export interface DevicesTable {
  id: string;
  branch_id: string;
  code: string;
  is_local: number;
  schema_version: number;
  created_at: string;
}

export interface RolesTable {
  code: string;
  name: string;
  requires_totp: number;
}

export interface PermissionsTable {
  code: string;
  description: string;
}

export interface RolePermissionsTable {
  role_code: string;
  permission_code: string;
}

export interface UsersTable {
  id: string;
  branch_id: string;
  username: string;
  display_name: string;
  role_code: string;
  password_hash: string;
  password_changed_at: string;
  must_change_password: number;
  totp_secret: string | null;
  totp_enabled_at: string | null;
  failed_attempts: number;
  locked_until: string | null;
  is_active: number;
  last_sign_in_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PasswordHistoryTable {
  id: string;
  user_id: string;
  password_hash: string;
  created_at: string;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: string | null;
}

export type SessionStage = 'active' | 'passwordChangeRequired' | 'totpRequired' | 'totpEnrolmentRequired';

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  device_id: string;
  stage: SessionStage;
  pending_totp_secret: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ended_at: string | null;
}

export interface LoginAttemptsTable {
  id: string;
  username: string;
  user_id: string | null;
  device_id: string;
  at: string;
  is_success: number;
  reason: string | null;
}

export interface AuditLogTable {
  seq: Generated<number>;
  id: string;
  at: string;
  user_id: string | null;
  username: string | null;
  device_id: string;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export interface EventsTable {
  id: string;
  device_id: string;
  device_seq: number;
  hlc: string;
  type: string;
  entity_type: string;
  entity_id: string;
  payload: string;
  schema_version: number;
  created_at: string;
  pushed_at: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface CountersTable {
  name: string;
  next_value: number;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: string;
}

export interface Database {
  institution: InstitutionTable;
  branches: BranchesTable;
  devices: DevicesTable;
  roles: RolesTable;
  permissions: PermissionsTable;
  role_permissions: RolePermissionsTable;
  users: UsersTable;
  password_history: PasswordHistoryTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  audit_log: AuditLogTable;
  events: EventsTable;
  settings: SettingsTable;
  counters: CountersTable;
  schema_migrations: SchemaMigrationsTable;
}
