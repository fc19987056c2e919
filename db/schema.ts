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
  /** What the manager wrote when settling it (migration 5). */
  note: string | null;
  /** What the resolution changed, JSON (electron/sync/resolutions.ts; migration 5). */
  effect: string | null;
}

/** A customer id settled as the same person as `customer_id` (a national ID clash; migration 5). */
export interface CustomerAliasesTable {
  alias_id: string;
  customer_id: string;
  resolution_event_id: string;
  created_at: string;
}

export interface LoanProductsTable {
  id: string;
  code: string;
  name: string;
  kind: 'personal' | 'business';
  currency: string;
  digits: number;
  min_principal_minor: number;
  max_principal_minor: number;
  min_repayments: number;
  max_repayments: number;
  min_rate: string;
  max_rate: string;
  default_rate: string;
  terms_template: string;
  eligibility: string;
  approval_limits: string;
  allows_tranches: number;
  is_active: number;
  hlc: string;
  created_at: string;
  updated_at: string;
}

export type LoanStatus =
  | 'draft'
  | 'submitted'
  | 'returned'
  | 'approved'
  | 'rejected'
  | 'withdrawn'
  | 'active'
  | 'closed'
  | 'written_off';

export interface LoansTable {
  id: string;
  branch_id: string;
  customer_id: string;
  product_id: string;
  officer_id: string;
  created_by: string;
  application_no: string;
  idempotency_key: string | null;
  account_no: string | null;
  status: LoanStatus;
  purpose: string;
  currency: string;
  digits: number;
  requested_principal_minor: number;
  approved_principal_minor: number | null;
  disbursed_principal_minor: Generated<number>;
  repayments: number;
  annual_rate: string;
  terms: string;
  terms_from: string | null;
  expected_disbursement_date: string;
  submitted_at: string | null;
  decided_by: string | null;
  decided_at: string | null;
  decision_reason: string | null;
  disbursed_on: string | null;
  closed_on: string | null;
  written_off_on: string | null;
  as_of: string | null;
  outstanding_principal_minor: Generated<number>;
  outstanding_interest_minor: Generated<number>;
  outstanding_fees_minor: Generated<number>;
  outstanding_penalties_minor: Generated<number>;
  outstanding_total_minor: Generated<number>;
  overdue_total_minor: Generated<number>;
  paid_total_minor: Generated<number>;
  payoff_minor: Generated<number>;
  credit_minor: Generated<number>;
  days_past_due: Generated<number>;
  arrears_bucket: Generated<string>;
  arrears_status: Generated<'performing' | 'in_arrears' | 'overdue'>;
  next_due_date: string | null;
  next_due_minor: Generated<number>;
  maturity_date: string | null;
  created_at: string;
  updated_at: string;
  /** What the journal has booked for this loan (electron/core/books/loanBooks.ts), JSON. */
  gl_positions?: string | null;
}

export interface LoanTermsHistoryTable {
  id: string;
  loan_id: string;
  kind: string;
  effective_from: string;
  terms: string;
  reason: string;
  decided_by: string;
  created_at: string;
}

export interface LoanDecisionsTable {
  id: string;
  loan_id: string;
  decision: 'approve' | 'approve_changed' | 'return' | 'reject' | 'withdraw';
  reason: string;
  principal_minor: number | null;
  repayments: number | null;
  annual_rate: string | null;
  decided_by: string;
  decided_at: string;
  hlc: string;
}

export interface LoanCollateralTable {
  id: string;
  loan_id: string;
  type: string;
  description: string;
  value_minor: number;
  valuation_date: string;
  lien_status: string;
  document_id: string | null;
  created_by: string;
  created_at: string;
}

export interface LoanGuarantorsTable {
  id: string;
  loan_id: string;
  customer_id: string;
  guaranteed_minor: number;
  created_by: string;
  created_at: string;
}

export type LoanTransactionType =
  'disbursement' | 'repayment' | 'fee' | 'waiver' | 'reversal' | 'writeoff' | 'recovery';

export interface LoanTransactionsTable {
  id: string;
  loan_id: string;
  branch_id: string;
  type: LoanTransactionType;
  amount_minor: number;
  component: string | null;
  reverses_id: string | null;
  value_date: string;
  hlc: string;
  channel: 'cash' | 'transfer' | null;
  reference: string | null;
  till_id: string | null;
  receipt_no: string | null;
  idempotency_key: string | null;
  allocation: string | null;
  note: string | null;
  posted_by: string;
  posted_at: string;
}

export interface TillsTable {
  id: string;
  branch_id: string;
  teller_id: string;
  business_date: string;
  currency: string;
  status: 'requested' | 'open' | 'closing' | 'closed' | 'cancelled';
  opening_minor: number;
  balance_minor: number;
  counted_minor: number | null;
  variance_minor: number | null;
  denominations: string | null;
  requested_at: string;
  opened_at: string | null;
  opened_confirmed_by: string | null;
  counted_at: string | null;
  closed_at: string | null;
  close_approved_by: string | null;
  note: string | null;
}

export type TillMovementKind =
  'opening' | 'disbursement' | 'repayment' | 'reversal' | 'cash_in' | 'cash_out' | 'variance' | 'closing';

export interface TillMovementsTable {
  id: string;
  till_id: string;
  kind: TillMovementKind;
  amount_minor: number;
  loan_transaction_id: string | null;
  reference: string | null;
  reason: string | null;
  posted_by: string;
  posted_at: string;
}

export interface VaultMovementsTable {
  id: string;
  branch_id: string;
  kind: 'deposit' | 'withdrawal' | 'to_till' | 'from_till';
  amount_minor: number;
  till_id: string | null;
  reason: string;
  posted_by: string;
  posted_at: string;
}

export interface RemindersTable {
  id: string;
  loan_id: string;
  customer_id: string;
  kind: 'due_soon' | 'overdue';
  due_date: string;
  amount_minor: number;
  language: string;
  message: string;
  status: 'queued' | 'sent' | 'cancelled';
  communication_id: string | null;
  created_at: string;
}

export interface EodRunsTable {
  id: string;
  branch_id: string;
  business_date: string;
  previous_date: string;
  loans_processed: number;
  started_by: string | null;
  started_at: string;
  finished_at: string;
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
  customer_aliases: CustomerAliasesTable;
  loan_products: LoanProductsTable;
  loans: LoansTable;
  loan_terms_history: LoanTermsHistoryTable;
  loan_decisions: LoanDecisionsTable;
  loan_collateral: LoanCollateralTable;
  loan_guarantors: LoanGuarantorsTable;
  loan_transactions: LoanTransactionsTable;
  tills: TillsTable;
  till_movements: TillMovementsTable;
  vault_movements: VaultMovementsTable;
  reminders: RemindersTable;
  eod_runs: EodRunsTable;
  gl_accounts: GlAccountsTable;
  gl_mappings: GlMappingsTable;
  journal_entries: JournalEntriesTable;
  journal_lines: JournalLinesTable;
  gl_balances: GlBalancesTable;
  accounting_periods: AccountingPeriodsTable;
  manual_journals: ManualJournalsTable;
}

export type GlAccountType = 'asset' | 'liability' | 'equity' | 'income' | 'expense';

export interface GlAccountsTable {
  code: string;
  name: string;
  type: GlAccountType;
  parent_code: string | null;
  role: string | null;
  is_header: number;
  is_control: number;
  is_active: number;
  updated_at: string;
  hlc: string;
}

export interface GlMappingsTable {
  product_id: string;
  role: string;
  account_code: string;
  updated_at: string;
  hlc: string;
}

export type JournalKind =
  'loan' | 'till' | 'vault' | 'endOfDay' | 'manual' | 'provision' | 'reversal' | 'referral';

export interface JournalEntriesTable {
  id: string;
  branch_id: string;
  kind: JournalKind;
  value_date: string;
  posting_date: string;
  period: string;
  source_id: string | null;
  loan_id: string | null;
  narration: string;
  reverses_id: string | null;
  created_by: string | null;
  approved_by: string | null;
  created_at: string;
  hash: string;
}

export interface JournalLinesTable {
  entry_id: string;
  line_no: number;
  account_code: string;
  debit_minor: number;
  credit_minor: number;
  branch_id: string;
  period: string;
  posting_date: string;
  loan_id: string | null;
  till_id: string | null;
}

export interface GlBalancesTable {
  branch_id: string;
  account_code: string;
  period: string;
  debit_minor: number;
  credit_minor: number;
}

export interface AccountingPeriodsTable {
  branch_id: string;
  period: string;
  status: 'open' | 'closed';
  closed_by: string | null;
  closed_at: string | null;
  reopened_by: string | null;
  reopened_at: string | null;
  hlc: string;
}

export interface ManualJournalsTable {
  id: string;
  branch_id: string;
  status: 'pending' | 'approved' | 'rejected';
  value_date: string;
  narration: string;
  lines: string;
  attachments: string;
  created_by: string;
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_reason: string | null;
  entry_id: string | null;
}
