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

export interface CustomersTable {
  id: string;
  customer_no: string;
  kind: 'individual' | 'business';
  branch_id: string;
  display_name: string;
  first_name: string | null;
  middle_name: string | null;
  last_name: string | null;
  date_of_birth: string | null;
  gender: 'female' | 'male' | 'other' | 'undisclosed' | null;
  id_type: string | null;
  id_number: string | null;
  id_expiry_date: string | null;
  occupation: string | null;
  employer: string | null;
  monthly_income_minor: number | null;
  monthly_expenses_minor: number | null;
  registered_name: string | null;
  registration_number: string | null;
  legal_form: string | null;
  sector: string | null;
  date_established: string | null;
  annual_turnover_minor: number | null;
  phone: string | null;
  phone_alt: string | null;
  email: string | null;
  address: string | null;
  city: string | null;
  region: string | null;
  country: string | null;
  photo_document_id: string | null;
  referred_by_customer_id: string | null;
  kyc_status: 'pending' | 'verified' | 'rejected' | 'expired';
  kyc_decided_by: string | null;
  kyc_decided_at: string | null;
  kyc_note: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  field_hlcs: string;
}

export interface CustomerFieldHistoryTable {
  id: string;
  customer_id: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  changed_by: string;
  changed_at: string;
}

export interface BusinessPeopleTable {
  id: string;
  business_id: string;
  person_id: string;
  role: 'owner' | 'director' | 'contact';
  share_basis_points: number | null;
  created_at: string;
}

export interface RelationshipsTable {
  id: string;
  customer_id: string;
  related_customer_id: string;
  kind: 'guarantor' | 'spouse' | 'next_of_kin' | 'owner_director' | 'employer';
  note: string | null;
  created_by: string;
  created_at: string;
  removed_at: string | null;
}

export interface DocumentsTable {
  id: string;
  customer_id: string;
  kind: string;
  file_name: string;
  mime_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: string;
}

export interface CommunicationsTable {
  id: string;
  customer_id: string;
  channel: 'call' | 'visit' | 'sms' | 'email';
  direction: 'inbound' | 'outbound';
  subject: string;
  note: string | null;
  staff_user_id: string | null;
  is_system: number;
  occurred_at: string;
  created_at: string;
}

export interface ReferralRewardsTable {
  id: string;
  referrer_customer_id: string;
  referred_customer_id: string;
  amount_minor: number;
  status: 'pending' | 'earned' | 'settled';
  earned_at: string | null;
  settled_at: string | null;
  settled_by: string | null;
  created_at: string;
}

export interface CreditScoresTable {
  id: string;
  customer_id: string;
  score: number;
  band: string;
  factors: string;
  computed_by: string;
  computed_at: string;
}

export interface CustomerSearchTable {
  customer_id: string;
  terms: string;
}

export interface ReceivedEventsTable {
  id: string;
  global_seq: number;
  branch_id: string;
  device_id: string;
  device_seq: number;
  hlc: string;
  type: string;
  entity_type: string;
  entity_id: string;
  payload: string;
  schema_version: number;
  received_at: string;
  applied_at: string | null;
}

export interface SyncExceptionsTable {
  id: string;
  kind: string;
  entity_type: string;
  entity_id: string;
  event_id: string;
  local_version: string;
  remote_version: string;
  status: 'open' | 'resolved';
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  created_at: string;
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
  customers: CustomersTable;
  customer_field_history: CustomerFieldHistoryTable;
  business_people: BusinessPeopleTable;
  relationships: RelationshipsTable;
  documents: DocumentsTable;
  communications: CommunicationsTable;
  referral_rewards: ReferralRewardsTable;
  credit_scores: CreditScoresTable;
  customer_search: CustomerSearchTable;
  received_events: ReceivedEventsTable;
  sync_exceptions: SyncExceptionsTable;
}
