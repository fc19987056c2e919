// Migration 2: customers — individual and business profiles, the people behind a business, relationships,
// documents (metadata; content is content-addressed on disk), KYC, communications, referral rewards, credit
// scores, every field edit's history, and a full-text index for search-as-you-type.

export const name = 'customers';

// Staff columns (created_by, changed_by, …) hold user ids without a foreign key: a customer's profile is edited
// by staff of other branches and head office, whose accounts need not exist on this device.
export const up = `
CREATE TABLE customers (
  id TEXT PRIMARY KEY,
  customer_no TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('individual', 'business')),
  branch_id TEXT NOT NULL REFERENCES branches(id),
  display_name TEXT NOT NULL,
  first_name TEXT,
  middle_name TEXT,
  last_name TEXT,
  date_of_birth TEXT,
  gender TEXT CHECK (gender IS NULL OR gender IN ('female', 'male', 'other', 'undisclosed')),
  id_type TEXT,
  id_number TEXT,
  id_expiry_date TEXT,
  occupation TEXT,
  employer TEXT,
  monthly_income_minor INTEGER,
  monthly_expenses_minor INTEGER,
  registered_name TEXT,
  registration_number TEXT,
  legal_form TEXT,
  sector TEXT,
  date_established TEXT,
  annual_turnover_minor INTEGER,
  phone TEXT,
  phone_alt TEXT,
  email TEXT,
  address TEXT,
  city TEXT,
  region TEXT,
  country TEXT,
  photo_document_id TEXT,
  referred_by_customer_id TEXT REFERENCES customers(id),
  kyc_status TEXT NOT NULL DEFAULT 'pending' CHECK (kyc_status IN ('pending', 'verified', 'rejected', 'expired')),
  kyc_decided_by TEXT,
  kyc_decided_at TEXT,
  kyc_note TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- Last-writer-wins per field needs each field's HLC; kept as JSON { field: hlc }.
  field_hlcs TEXT NOT NULL DEFAULT '{}'
);
CREATE UNIQUE INDEX customers_id_document ON customers(id_type, id_number) WHERE id_number IS NOT NULL;
CREATE UNIQUE INDEX customers_registration ON customers(registration_number) WHERE registration_number IS NOT NULL;
CREATE INDEX customers_dob ON customers(date_of_birth);
CREATE INDEX customers_display_name ON customers(display_name, id);
CREATE INDEX customers_registered_name ON customers(registered_name) WHERE registered_name IS NOT NULL;
CREATE INDEX customers_phone ON customers(phone);
CREATE INDEX customers_phone_alt ON customers(phone_alt) WHERE phone_alt IS NOT NULL;
CREATE INDEX customers_id_expiry ON customers(id_expiry_date) WHERE id_expiry_date IS NOT NULL;
CREATE INDEX customers_kyc ON customers(kyc_status);

CREATE TABLE customer_field_history (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  changed_by TEXT NOT NULL,
  changed_at TEXT NOT NULL
);
CREATE INDEX customer_field_history_customer ON customer_field_history(customer_id, changed_at);

CREATE TABLE business_people (
  id TEXT PRIMARY KEY,
  business_id TEXT NOT NULL REFERENCES customers(id),
  person_id TEXT NOT NULL REFERENCES customers(id),
  role TEXT NOT NULL CHECK (role IN ('owner', 'director', 'contact')),
  share_basis_points INTEGER CHECK (share_basis_points IS NULL OR share_basis_points BETWEEN 0 AND 10000),
  created_at TEXT NOT NULL,
  UNIQUE (business_id, person_id, role)
);
CREATE INDEX business_people_person ON business_people(person_id);

CREATE TABLE relationships (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  related_customer_id TEXT NOT NULL REFERENCES customers(id),
  kind TEXT NOT NULL CHECK (kind IN ('guarantor', 'spouse', 'next_of_kin', 'owner_director', 'employer')),
  note TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  removed_at TEXT,
  CHECK (customer_id <> related_customer_id)
);
CREATE INDEX relationships_customer ON relationships(customer_id);
CREATE INDEX relationships_related ON relationships(related_customer_id);

CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  kind TEXT NOT NULL,
  file_name TEXT NOT NULL,
  mime_type TEXT NOT NULL CHECK (mime_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL
);
CREATE INDEX documents_customer ON documents(customer_id);
CREATE INDEX documents_sha ON documents(sha256);

CREATE TABLE communications (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  channel TEXT NOT NULL CHECK (channel IN ('call', 'visit', 'sms', 'email')),
  direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  subject TEXT NOT NULL,
  note TEXT,
  staff_user_id TEXT,
  is_system INTEGER NOT NULL DEFAULT 0,
  occurred_at TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX communications_customer ON communications(customer_id, occurred_at);

CREATE TABLE referral_rewards (
  id TEXT PRIMARY KEY,
  referrer_customer_id TEXT NOT NULL REFERENCES customers(id),
  referred_customer_id TEXT NOT NULL UNIQUE REFERENCES customers(id),
  amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
  status TEXT NOT NULL CHECK (status IN ('pending', 'earned', 'settled')),
  earned_at TEXT,
  settled_at TEXT,
  settled_by TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE credit_scores (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  score INTEGER NOT NULL,
  band TEXT NOT NULL,
  factors TEXT NOT NULL,
  computed_by TEXT NOT NULL,
  computed_at TEXT NOT NULL
);
CREATE INDEX credit_scores_customer ON credit_scores(customer_id, computed_at);

-- Search as you type: names in any script (diacritics folded), ID numbers, phones in several forms and the
-- customer number, with prefix indexes so "amin" or "0712" answer from the index.
CREATE VIRTUAL TABLE customer_search USING fts5(
  customer_id UNINDEXED,
  terms,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3 4'
);
`;
