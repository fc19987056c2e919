// Migration 3: what sync keeps on the device — every event received from the central server (applied or
// waiting for an app upgrade that understands it), and the exceptions a manager must resolve.

export const name = 'sync';

export const up = `
CREATE TABLE received_events (
  id TEXT PRIMARY KEY,
  global_seq INTEGER NOT NULL,
  branch_id TEXT NOT NULL,
  device_id TEXT NOT NULL,
  device_seq INTEGER NOT NULL,
  hlc TEXT NOT NULL,
  type TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  payload TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  received_at TEXT NOT NULL,
  -- NULL while this app cannot apply the event (a newer event type or schema): kept, applied after upgrade.
  applied_at TEXT
);
CREATE INDEX received_events_unapplied ON received_events(global_seq) WHERE applied_at IS NULL;

CREATE TABLE sync_exceptions (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  local_version TEXT NOT NULL,
  remote_version TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  resolution TEXT,
  resolved_by TEXT REFERENCES users(id),
  resolved_at TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX sync_exceptions_open ON sync_exceptions(status, created_at);
`;
