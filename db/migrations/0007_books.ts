// Migration 7: the books — the chart of accounts, posting-rule mappings per product, the journal (immutable:
// triggers refuse UPDATE and DELETE; a mistake is corrected by a reversing entry), balances kept per branch,
// account and period (what the trial balance reads), accounting periods, and manual journals awaiting their
// second pair of eyes. The chart itself is loaded from resources/chart-of-accounts.json on first use (a data
// file may improve without changing this migration's checksum).
//
// The journal is a projection: loan and till postings are derived on every replica from the synced money
// events by the same code (electron/core/books), so each replica's trial balance agrees to the minor unit.
// `loans.gl_positions` keeps what the journal has booked for each loan, so the next posting books the change.

export const name = 'books';

export const up = `
CREATE TABLE gl_accounts (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('asset', 'liability', 'equity', 'income', 'expense')),
  parent_code TEXT REFERENCES gl_accounts(code),
  role TEXT UNIQUE,
  is_header INTEGER NOT NULL DEFAULT 0,
  is_control INTEGER NOT NULL DEFAULT 0,
  is_active INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  hlc TEXT NOT NULL
);

-- A product's own account for a role (portfolio, interestIncome, …); the role's account otherwise.
CREATE TABLE gl_mappings (
  product_id TEXT NOT NULL,
  role TEXT NOT NULL,
  account_code TEXT NOT NULL REFERENCES gl_accounts(code),
  updated_at TEXT NOT NULL,
  hlc TEXT NOT NULL,
  PRIMARY KEY (product_id, role)
) WITHOUT ROWID;

CREATE TABLE journal_entries (
  id TEXT PRIMARY KEY,
  branch_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('loan', 'till', 'vault', 'endOfDay', 'manual', 'provision', 'reversal', 'referral')),
  value_date TEXT NOT NULL,
  posting_date TEXT NOT NULL,
  period TEXT NOT NULL,
  source_id TEXT,
  loan_id TEXT,
  narration TEXT NOT NULL,
  reverses_id TEXT REFERENCES journal_entries(id),
  created_by TEXT,
  approved_by TEXT,
  created_at TEXT NOT NULL,
  hash TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX journal_entries_period ON journal_entries(branch_id, period, posting_date);
CREATE INDEX journal_entries_source ON journal_entries(source_id) WHERE source_id IS NOT NULL;

CREATE TABLE journal_lines (
  entry_id TEXT NOT NULL REFERENCES journal_entries(id),
  line_no INTEGER NOT NULL,
  account_code TEXT NOT NULL REFERENCES gl_accounts(code),
  debit_minor INTEGER NOT NULL CHECK (debit_minor >= 0),
  credit_minor INTEGER NOT NULL CHECK (credit_minor >= 0),
  branch_id TEXT NOT NULL,
  period TEXT NOT NULL,
  posting_date TEXT NOT NULL,
  loan_id TEXT,
  till_id TEXT,
  PRIMARY KEY (entry_id, line_no)
) WITHOUT ROWID;
CREATE INDEX journal_lines_account ON journal_lines(account_code, branch_id, posting_date);
CREATE INDEX journal_lines_loan ON journal_lines(loan_id) WHERE loan_id IS NOT NULL;

CREATE TRIGGER journal_entries_no_update BEFORE UPDATE ON journal_entries
BEGIN SELECT RAISE(ABORT, 'journal entries are immutable: post a reversing entry'); END;
CREATE TRIGGER journal_entries_no_delete BEFORE DELETE ON journal_entries
BEGIN SELECT RAISE(ABORT, 'journal entries are immutable: post a reversing entry'); END;
CREATE TRIGGER journal_lines_no_update BEFORE UPDATE ON journal_lines
BEGIN SELECT RAISE(ABORT, 'journal lines are immutable: post a reversing entry'); END;
CREATE TRIGGER journal_lines_no_delete BEFORE DELETE ON journal_lines
BEGIN SELECT RAISE(ABORT, 'journal lines are immutable: post a reversing entry'); END;

CREATE TABLE gl_balances (
  branch_id TEXT NOT NULL,
  account_code TEXT NOT NULL,
  period TEXT NOT NULL,
  debit_minor INTEGER NOT NULL,
  credit_minor INTEGER NOT NULL,
  PRIMARY KEY (branch_id, account_code, period)
) WITHOUT ROWID;

CREATE TABLE accounting_periods (
  branch_id TEXT NOT NULL,
  period TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  closed_by TEXT,
  closed_at TEXT,
  reopened_by TEXT,
  reopened_at TEXT,
  hlc TEXT NOT NULL,
  PRIMARY KEY (branch_id, period)
) WITHOUT ROWID;

CREATE TABLE manual_journals (
  id TEXT PRIMARY KEY,
  branch_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  value_date TEXT NOT NULL,
  narration TEXT NOT NULL,
  lines TEXT NOT NULL,
  attachments TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  decided_by TEXT,
  decided_at TEXT,
  decision_reason TEXT,
  entry_id TEXT
);
CREATE INDEX manual_journals_status ON manual_journals(status, created_at);

ALTER TABLE loans ADD COLUMN gl_positions TEXT;

INSERT INTO permissions (code, description) VALUES
  ('accounting.reopen', 'Re-open a closed accounting period');
INSERT INTO role_permissions (role_code, permission_code) VALUES ('admin', 'accounting.reopen');
INSERT INTO roles (code, name, requires_totp) VALUES ('accountant', 'Accountant', 0);
INSERT INTO role_permissions (role_code, permission_code) VALUES
  ('accountant', 'accounting.manage'), ('accountant', 'reports.read'), ('accountant', 'loans.read'),
  ('accountant', 'customers.read'), ('accountant', 'audit.read'), ('accountant', 'sync.run');
`;
