// Migration 5: staff usernames are unique per branch, and a settled sync exception changes data.
//
// Usernames: two branches each having a "manager" is normal, and head office (which pulls every branch's staff)
// must hold both. SQLite cannot drop a column's UNIQUE constraint, so `users` is rebuilt the documented way
// (https://www.sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema Changes"): create users_new
// with UNIQUE (branch_id, username) (NOCASE, from the column), copy, drop users, rename users_new to users. The
// migrator runs migrations with foreign keys off and checks them before committing, so the tables referencing
// users(id) (password_history, recovery_codes, sessions, login_attempts, sync_exceptions) keep pointing at the
// rebuilt table. No index, trigger, view or FTS table refers to users, so nothing else needs recreating.
//
// Exceptions: `customer_aliases` records that a customer id registered elsewhere was settled as the same
// person as a customer on this ledger (a national ID clash), so later events about that id apply to the
// survivor. `sync_exceptions` gains the resolution's note and its effect (JSON, see electron/sync/resolutions.ts);
// the notes of exceptions already resolved here are copied from their resolution events.

export const name = 'users_per_branch';

export const up = `
CREATE TABLE users_new (
  id TEXT PRIMARY KEY,
  branch_id TEXT NOT NULL REFERENCES branches(id),
  username TEXT NOT NULL COLLATE NOCASE,
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
  updated_at TEXT NOT NULL,
  UNIQUE (branch_id, username)
);
INSERT INTO users_new (id, branch_id, username, display_name, role_code, password_hash, password_changed_at,
  must_change_password, totp_secret, totp_enabled_at, failed_attempts, locked_until, is_active, last_sign_in_at,
  created_at, updated_at)
SELECT id, branch_id, username, display_name, role_code, password_hash, password_changed_at,
  must_change_password, totp_secret, totp_enabled_at, failed_attempts, locked_until, is_active, last_sign_in_at,
  created_at, updated_at
FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;

CREATE TABLE customer_aliases (
  -- A customer id this ledger does not hold as a row: its registration clashed and was settled as this person.
  alias_id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  -- The sync.exceptionResolved event that made the alias.
  resolution_event_id TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX customer_aliases_customer ON customer_aliases(customer_id);

ALTER TABLE sync_exceptions ADD COLUMN note TEXT;
ALTER TABLE sync_exceptions ADD COLUMN effect TEXT;
UPDATE sync_exceptions
   SET note = (SELECT json_extract(e.payload, '$.note') FROM events e
                WHERE e.type = 'sync.exceptionResolved' AND e.entity_id = sync_exceptions.id)
 WHERE status = 'resolved';
`;
