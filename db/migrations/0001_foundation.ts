// Migration 1: the foundation — institution, branches, devices, staff and their roles, sessions, sign-in
// attempts, the hash-chained audit log, the event log (the future sync outbox), settings and counters.
// Immutable: a change to the schema is a new migration, never an edit here (the migrator checks a checksum).

export const name = 'foundation';

const permissions: [string, string][] = [
  ['users.manage', 'Create staff accounts, change roles, reset passwords, unlock accounts'],
  ['audit.read', 'Read and verify the audit log'],
  ['settings.manage', 'Change security and branch settings'],
  ['customers.read', 'See customers and their profiles'],
  ['customers.write', 'Onboard customers and edit their profiles'],
  ['kyc.verify', 'Verify or reject a customer’s KYC'],
  ['loans.read', 'See loans, schedules and transactions'],
  ['loans.apply', 'Take and submit loan applications'],
  ['loans.approve', 'Approve, return or reject loan applications'],
  ['loans.manage', 'Restructure, waive and write off loans'],
  ['teller.post', 'Post repayments and disbursements at the counter'],
  ['till.manage', 'Open, count and close a teller till'],
  ['reports.read', 'Print statements and portfolio reports'],
  ['accounting.manage', 'Post manual journals and close accounting periods'],
  ['sync.run', 'Start a sync with the central server'],
];

const roles: [string, string, string[]][] = [
  ['admin', 'Administrator', permissions.map(([code]) => code)],
  [
    'manager',
    'Branch manager',
    [
      'audit.read',
      'customers.read',
      'customers.write',
      'kyc.verify',
      'loans.read',
      'loans.apply',
      'loans.approve',
      'loans.manage',
      'till.manage',
      'reports.read',
      'accounting.manage',
      'sync.run',
    ],
  ],
  [
    'loan_officer',
    'Loan officer',
    ['customers.read', 'customers.write', 'kyc.verify', 'loans.read', 'loans.apply', 'sync.run'],
  ],
  ['teller', 'Teller', ['customers.read', 'loans.read', 'teller.post', 'till.manage', 'sync.run']],
  ['auditor', 'Auditor', ['audit.read', 'customers.read', 'loans.read', 'reports.read']],
];

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

export const up = `
CREATE TABLE institution (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE branches (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  currency TEXT NOT NULL,
  currency_digits INTEGER NOT NULL,
  locale TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  business_date TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  branch_id TEXT NOT NULL REFERENCES branches(id),
  code TEXT NOT NULL,
  is_local INTEGER NOT NULL DEFAULT 0,
  schema_version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (branch_id, code)
);
CREATE UNIQUE INDEX devices_one_local ON devices(is_local) WHERE is_local = 1;

CREATE TABLE roles (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  requires_totp INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE permissions (
  code TEXT PRIMARY KEY,
  description TEXT NOT NULL
);

CREATE TABLE role_permissions (
  role_code TEXT NOT NULL REFERENCES roles(code),
  permission_code TEXT NOT NULL REFERENCES permissions(code),
  PRIMARY KEY (role_code, permission_code)
) WITHOUT ROWID;

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  branch_id TEXT NOT NULL REFERENCES branches(id),
  username TEXT NOT NULL COLLATE NOCASE UNIQUE,
  display_name TEXT NOT NULL,
  role_code TEXT NOT NULL REFERENCES roles(code),
  password_hash TEXT NOT NULL,
  password_changed_at TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  totp_secret TEXT,
  totp_enabled_at TEXT,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  is_active INTEGER NOT NULL DEFAULT 1,
  last_sign_in_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE password_history (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX password_history_user ON password_history(user_id, created_at);

CREATE TABLE recovery_codes (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  code_hash TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX recovery_codes_user ON recovery_codes(user_id);

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id TEXT NOT NULL REFERENCES users(id),
  device_id TEXT NOT NULL REFERENCES devices(id),
  stage TEXT NOT NULL CHECK (stage IN ('active', 'passwordChangeRequired', 'totpRequired', 'totpEnrolmentRequired')),
  pending_totp_secret TEXT,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  ended_at TEXT
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE login_attempts (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL,
  user_id TEXT REFERENCES users(id),
  device_id TEXT NOT NULL,
  at TEXT NOT NULL,
  is_success INTEGER NOT NULL,
  reason TEXT
);
CREATE INDEX login_attempts_user ON login_attempts(user_id, at);

-- Hash-chained: each row's hash covers its own fields and the previous row's hash, so an edit, a deletion or an
-- insertion behind the app's back breaks the chain from that row on (lms verify, audit.verify).
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  at TEXT NOT NULL,
  user_id TEXT,
  username TEXT,
  device_id TEXT NOT NULL,
  action TEXT NOT NULL,
  entity_type TEXT,
  entity_id TEXT,
  details TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_user ON audit_log(user_id, seq);
CREATE INDEX audit_log_action ON audit_log(action, seq);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- The event log: every change a user makes, in order per device. It is the sync outbox: pushed_at is set
-- once the central server has acknowledged the event; nothing else about an event ever changes.
CREATE TABLE events (
  id TEXT PRIMARY KEY,
  device_id TEXT NOT NULL,
  device_seq INTEGER NOT NULL,
  hlc TEXT NOT NULL,
  type TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  payload TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  pushed_at TEXT,
  UNIQUE (device_id, device_seq)
);
CREATE INDEX events_entity ON events(entity_type, entity_id);
CREATE INDEX events_unpushed ON events(device_id, device_seq) WHERE pushed_at IS NULL;
CREATE TRIGGER events_immutable BEFORE UPDATE OF id, device_id, device_seq, hlc, type, entity_type, entity_id, payload, schema_version, created_at ON events
BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- People-facing numbers (customer no., loan account no., receipt no.) are BRANCH-DEVICE-counter.
CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  next_value INTEGER NOT NULL
);

${permissions.map(([code, d]) => `INSERT INTO permissions (code, description) VALUES (${quote(code)}, ${quote(d)});`).join('\n')}
${roles.map(([code, n]) => `INSERT INTO roles (code, name) VALUES (${quote(code)}, ${quote(n)});`).join('\n')}
${roles
  .flatMap(([role, , grants]) =>
    grants.map(
      (p) =>
        `INSERT INTO role_permissions (role_code, permission_code) VALUES (${quote(role)}, ${quote(p)});`,
    ),
  )
  .join('\n')}
`;
