// Migration 6: loans at the branch — products, applications and their decisions, collateral and guarantors,
// loan transactions (the engine's input: every money movement is a row here, never updated in place), the
// teller's till and the branch vault, payment reminders and end-of-day runs.
//
// `loans` carries the application's terms and a projection of the engine's replay (balances, days past due,
// bucket, payoff) as of `as_of`; the projection is recomputed in the same transaction as every write that
// touches the loan and by end-of-day, so it always equals `replay(terms, transactions, as_of)`.

export const name = 'loans';

export const up = `
CREATE TABLE loan_products (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('personal', 'business')),
  currency TEXT NOT NULL,
  digits INTEGER NOT NULL,
  min_principal_minor INTEGER NOT NULL,
  max_principal_minor INTEGER NOT NULL,
  min_repayments INTEGER NOT NULL,
  max_repayments INTEGER NOT NULL,
  min_rate TEXT NOT NULL,
  max_rate TEXT NOT NULL,
  default_rate TEXT NOT NULL,
  -- The engine's terms without principal, repayments, rate and dates (JSON, shared/loan termsSchema).
  terms_template TEXT NOT NULL,
  -- shared/loan EligibilityPolicy overrides (JSON).
  eligibility TEXT NOT NULL,
  -- { role: maxPrincipalMinor } (JSON): who may approve how much.
  approval_limits TEXT NOT NULL,
  allows_tranches INTEGER NOT NULL DEFAULT 0,
  is_active INTEGER NOT NULL DEFAULT 1,
  hlc TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE loans (
  id TEXT PRIMARY KEY,
  branch_id TEXT NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  product_id TEXT NOT NULL REFERENCES loan_products(id),
  officer_id TEXT NOT NULL,
  created_by TEXT NOT NULL,
  application_no TEXT NOT NULL UNIQUE,
  -- The key the officer's form made once: a double-click submits one application.
  idempotency_key TEXT UNIQUE,
  account_no TEXT UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'approved', 'rejected', 'withdrawn',
    'active', 'closed', 'written_off')),
  purpose TEXT NOT NULL,
  currency TEXT NOT NULL,
  digits INTEGER NOT NULL,
  requested_principal_minor INTEGER NOT NULL,
  approved_principal_minor INTEGER,
  disbursed_principal_minor INTEGER NOT NULL DEFAULT 0,
  repayments INTEGER NOT NULL,
  annual_rate TEXT NOT NULL,
  -- The engine's terms (JSON). Before disbursement its disbursementDate is the expected date; disbursement
  -- fixes it. A restructure replaces it from terms_from (history in loan_terms_history).
  terms TEXT NOT NULL,
  terms_from TEXT,
  expected_disbursement_date TEXT NOT NULL,
  submitted_at TEXT,
  decided_by TEXT,
  decided_at TEXT,
  decision_reason TEXT,
  disbursed_on TEXT,
  closed_on TEXT,
  written_off_on TEXT,
  -- Projection of the engine's replay as of as_of.
  as_of TEXT,
  outstanding_principal_minor INTEGER NOT NULL DEFAULT 0,
  outstanding_interest_minor INTEGER NOT NULL DEFAULT 0,
  outstanding_fees_minor INTEGER NOT NULL DEFAULT 0,
  outstanding_penalties_minor INTEGER NOT NULL DEFAULT 0,
  outstanding_total_minor INTEGER NOT NULL DEFAULT 0,
  overdue_total_minor INTEGER NOT NULL DEFAULT 0,
  paid_total_minor INTEGER NOT NULL DEFAULT 0,
  payoff_minor INTEGER NOT NULL DEFAULT 0,
  credit_minor INTEGER NOT NULL DEFAULT 0,
  days_past_due INTEGER NOT NULL DEFAULT 0,
  arrears_bucket TEXT NOT NULL DEFAULT 'current',
  -- performing | in_arrears | overdue (past maturity with money owed)
  arrears_status TEXT NOT NULL DEFAULT 'performing',
  next_due_date TEXT,
  next_due_minor INTEGER NOT NULL DEFAULT 0,
  maturity_date TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX loans_customer ON loans(customer_id);
CREATE INDEX loans_status ON loans(status, days_past_due);
CREATE INDEX loans_officer ON loans(officer_id, status);
CREATE INDEX loans_product ON loans(product_id, status);
CREATE INDEX loans_next_due ON loans(next_due_date) WHERE status = 'active';

CREATE TABLE loan_terms_history (
  id TEXT PRIMARY KEY,
  loan_id TEXT NOT NULL REFERENCES loans(id),
  kind TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  terms TEXT NOT NULL,
  reason TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX loan_terms_history_loan ON loan_terms_history(loan_id);

CREATE TABLE loan_decisions (
  id TEXT PRIMARY KEY,
  loan_id TEXT NOT NULL REFERENCES loans(id),
  decision TEXT NOT NULL CHECK (decision IN ('approve', 'approve_changed', 'return', 'reject', 'withdraw')),
  reason TEXT NOT NULL,
  principal_minor INTEGER,
  repayments INTEGER,
  annual_rate TEXT,
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  hlc TEXT NOT NULL
);
CREATE INDEX loan_decisions_loan ON loan_decisions(loan_id);

CREATE TABLE loan_collateral (
  id TEXT PRIMARY KEY,
  loan_id TEXT NOT NULL REFERENCES loans(id),
  type TEXT NOT NULL,
  description TEXT NOT NULL,
  value_minor INTEGER NOT NULL,
  valuation_date TEXT NOT NULL,
  lien_status TEXT NOT NULL,
  document_id TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX loan_collateral_loan ON loan_collateral(loan_id);

CREATE TABLE loan_guarantors (
  id TEXT PRIMARY KEY,
  loan_id TEXT NOT NULL REFERENCES loans(id),
  customer_id TEXT NOT NULL REFERENCES customers(id),
  guaranteed_minor INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (loan_id, customer_id)
);
CREATE INDEX loan_guarantors_customer ON loan_guarantors(customer_id);

-- Every money movement on a loan; the engine replays the rows whose type it knows. Never updated or deleted:
-- a mistake is corrected by a reversal row.
CREATE TABLE loan_transactions (
  id TEXT PRIMARY KEY,
  loan_id TEXT NOT NULL REFERENCES loans(id),
  branch_id TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('disbursement', 'repayment', 'fee', 'waiver', 'reversal', 'writeoff',
    'recovery')),
  amount_minor INTEGER NOT NULL,
  component TEXT,
  reverses_id TEXT,
  value_date TEXT NOT NULL,
  hlc TEXT NOT NULL,
  channel TEXT CHECK (channel IN ('cash', 'transfer') OR channel IS NULL),
  reference TEXT,
  till_id TEXT,
  receipt_no TEXT UNIQUE,
  idempotency_key TEXT UNIQUE,
  -- The allocation when it was posted (what the receipt printed); the loan page shows the replay's.
  allocation TEXT,
  note TEXT,
  posted_by TEXT NOT NULL,
  posted_at TEXT NOT NULL
);
CREATE INDEX loan_transactions_loan ON loan_transactions(loan_id, value_date);
CREATE TRIGGER loan_transactions_immutable BEFORE UPDATE ON loan_transactions
BEGIN SELECT RAISE(ABORT, 'loan transactions are immutable'); END;
CREATE TRIGGER loan_transactions_no_delete BEFORE DELETE ON loan_transactions
BEGIN SELECT RAISE(ABORT, 'loan transactions are immutable'); END;

CREATE TABLE tills (
  id TEXT PRIMARY KEY,
  branch_id TEXT NOT NULL,
  teller_id TEXT NOT NULL,
  business_date TEXT NOT NULL,
  currency TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('requested', 'open', 'closing', 'closed', 'cancelled')),
  opening_minor INTEGER NOT NULL,
  balance_minor INTEGER NOT NULL,
  counted_minor INTEGER,
  variance_minor INTEGER,
  denominations TEXT,
  requested_at TEXT NOT NULL,
  opened_at TEXT,
  opened_confirmed_by TEXT,
  counted_at TEXT,
  closed_at TEXT,
  close_approved_by TEXT,
  note TEXT
);
CREATE INDEX tills_teller ON tills(teller_id, status);
CREATE UNIQUE INDEX tills_one_open_per_teller ON tills(teller_id) WHERE status IN ('requested', 'open', 'closing');

CREATE TABLE till_movements (
  id TEXT PRIMARY KEY,
  till_id TEXT NOT NULL REFERENCES tills(id),
  kind TEXT NOT NULL CHECK (kind IN ('opening', 'disbursement', 'repayment', 'reversal', 'cash_in', 'cash_out',
    'variance', 'closing')),
  amount_minor INTEGER NOT NULL,
  loan_transaction_id TEXT,
  reference TEXT,
  reason TEXT,
  posted_by TEXT NOT NULL,
  posted_at TEXT NOT NULL
);
CREATE INDEX till_movements_till ON till_movements(till_id, posted_at);

CREATE TABLE vault_movements (
  id TEXT PRIMARY KEY,
  branch_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('deposit', 'withdrawal', 'to_till', 'from_till')),
  amount_minor INTEGER NOT NULL,
  till_id TEXT,
  reason TEXT NOT NULL,
  posted_by TEXT NOT NULL,
  posted_at TEXT NOT NULL
);
CREATE INDEX vault_movements_branch ON vault_movements(branch_id);

CREATE TABLE reminders (
  id TEXT PRIMARY KEY,
  loan_id TEXT NOT NULL REFERENCES loans(id),
  customer_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('due_soon', 'overdue')),
  due_date TEXT NOT NULL,
  amount_minor INTEGER NOT NULL,
  language TEXT NOT NULL,
  message TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'cancelled')),
  communication_id TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (loan_id, kind, due_date)
);
CREATE INDEX reminders_status ON reminders(status, created_at);

CREATE TABLE eod_runs (
  id TEXT PRIMARY KEY,
  branch_id TEXT NOT NULL,
  business_date TEXT NOT NULL,
  previous_date TEXT NOT NULL,
  loans_processed INTEGER NOT NULL,
  started_by TEXT,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL
);

INSERT INTO permissions (code, description)
  VALUES ('till.approve', 'Confirm a till’s opening cash, approve its close, move vault cash');
INSERT INTO role_permissions (role_code, permission_code) VALUES ('admin', 'till.approve');
INSERT INTO role_permissions (role_code, permission_code) VALUES ('manager', 'till.approve');
`;
