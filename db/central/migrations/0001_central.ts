// Central migration 1 (plain Postgres SQL): the global event log every branch pushes to and pulls from.
// Immutable once released: a change is a new numbered migration.

export const name = 'central';

export const up = String.raw`
-- The data epoch: a new value whenever the central database is created or restored from a backup, so a
-- device whose cursor belongs to another epoch resynchronises instead of trusting sequence numbers.
CREATE TABLE central_meta (
  id integer PRIMARY KEY CHECK (id = 1),
  epoch uuid NOT NULL,
  -- How far ahead of the server's clock a device's HLC may be before its events are refused.
  max_future_ms bigint NOT NULL DEFAULT 604800000
);
INSERT INTO central_meta (id, epoch) VALUES (1, gen_random_uuid());

CREATE TABLE branches (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  is_head_office boolean NOT NULL DEFAULT false
);

CREATE TABLE devices (
  id uuid PRIMARY KEY,
  branch_id uuid NOT NULL REFERENCES branches(id),
  code text NOT NULL,
  schema_version integer NOT NULL,
  -- The last per-device sequence number applied: the push is exactly-once in effect because of it.
  last_seq bigint NOT NULL DEFAULT 0,
  last_seen_at timestamptz,
  UNIQUE (branch_id, code)
);

-- One row, locked by every push transaction while it stamps global sequence numbers: central writers are
-- serialised, so global_seq order is commit order and a pull cursor on it never skips a concurrent commit.
CREATE TABLE sequencer (
  id integer PRIMARY KEY CHECK (id = 1),
  last_global bigint NOT NULL
);
INSERT INTO sequencer (id, last_global) VALUES (1, 0);

CREATE TABLE events (
  global_seq bigint PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  branch_id uuid NOT NULL REFERENCES branches(id),
  device_id uuid NOT NULL REFERENCES devices(id),
  device_seq bigint NOT NULL,
  -- The branch whose data the event is about (a head-office edit of a branch's customer is that branch's).
  scope_branch_id uuid NOT NULL,
  hlc text NOT NULL,
  type text NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  payload jsonb NOT NULL,
  payload_hash text NOT NULL,
  schema_version integer NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (device_id, device_seq)
);
CREATE INDEX events_branch_seq ON events (branch_id, global_seq);
CREATE INDEX events_scope_seq ON events (scope_branch_id, global_seq);

-- Which database role belongs to which branch (production: one role per branch, row-level security).
CREATE TABLE branch_roles (
  role_name text PRIMARY KEY,
  branch_id uuid NOT NULL REFERENCES branches(id)
);

-- Registers a branch and one of its devices (idempotent); answers the epoch and the device's last sequence.
CREATE FUNCTION lms_register_device(p_branch uuid, p_branch_code text, p_branch_name text, p_device uuid,
                                    p_device_code text, p_schema integer)
RETURNS jsonb LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO branches (id, code, name) VALUES (p_branch, p_branch_code, p_branch_name) ON CONFLICT (id) DO NOTHING;
  INSERT INTO devices (id, branch_id, code, schema_version) VALUES (p_device, p_branch, p_device_code, p_schema)
    ON CONFLICT (id) DO UPDATE SET schema_version = excluded.schema_version;
  RETURN (SELECT jsonb_build_object('epoch', m.epoch, 'last', d.last_seq)
          FROM central_meta m, devices d WHERE d.id = p_device);
END $$;

-- Push: applies a device's events in order, in one transaction.
--   device_seq = last + 1  -> stamped with the next global sequence number and stored;
--   device_seq <= last     -> already received: acknowledged without re-applying (a different id or payload
--                             for the same number is a hard error: the device's log was rewritten);
--   device_seq > last + 1  -> a gap: stop, the device resends from last + 1;
--   HLC too far ahead      -> refused with a reason, and the push stops there (order must be kept).
-- The answer always carries the device's last applied sequence number, so the device prunes its outbox by
-- sequence number, never by seeing its change come back.
CREATE FUNCTION lms_push(p_device uuid, p_events jsonb)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  d devices%ROWTYPE;
  e jsonb;
  seq bigint;
  g bigint;
  prior events%ROWTYPE;
  accepted integer := 0;
  wall bigint;
  now_ms bigint;
  allowed bigint;
BEGIN
  SELECT * INTO d FROM devices WHERE id = p_device FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'unknown device %', p_device USING ERRCODE = 'P0002';
  END IF;
  now_ms := (extract(epoch FROM clock_timestamp()) * 1000)::bigint;
  SELECT max_future_ms INTO allowed FROM central_meta;
  FOR e IN SELECT value FROM jsonb_array_elements(p_events) LOOP
    seq := (e->>'deviceSeq')::bigint;
    IF seq <= d.last_seq THEN
      SELECT * INTO prior FROM events WHERE device_id = p_device AND device_seq = seq;
      IF prior.id IS DISTINCT FROM (e->>'id')::uuid OR prior.payload_hash IS DISTINCT FROM e->>'payloadHash' THEN
        RAISE EXCEPTION 'event % of device % was already received with a different id or payload', seq, p_device
          USING ERRCODE = 'P0001';
      END IF;
      CONTINUE;
    END IF;
    IF seq > d.last_seq + 1 THEN
      UPDATE devices SET last_seen_at = now() WHERE id = p_device;
      RETURN jsonb_build_object('last', d.last_seq, 'accepted', accepted,
        'refused', jsonb_build_object('deviceSeq', seq, 'reason', 'gap'));
    END IF;
    wall := split_part(e->>'hlc', ':', 1)::bigint;
    IF wall > now_ms + allowed THEN
      UPDATE devices SET last_seq = d.last_seq, last_seen_at = now() WHERE id = p_device;
      RETURN jsonb_build_object('last', d.last_seq, 'accepted', accepted,
        'refused', jsonb_build_object('deviceSeq', seq, 'reason', 'clock_too_far_ahead', 'aheadMs', wall - now_ms));
    END IF;
    UPDATE sequencer SET last_global = last_global + 1 WHERE id = 1 RETURNING last_global INTO g;
    INSERT INTO events (global_seq, id, branch_id, device_id, device_seq, scope_branch_id, hlc, type, entity_type,
                        entity_id, payload, payload_hash, schema_version)
    VALUES (g, (e->>'id')::uuid, d.branch_id, p_device, seq, coalesce((e->>'scopeBranchId')::uuid, d.branch_id),
            e->>'hlc', e->>'type', e->>'entityType',
            e->>'entityId', e->'payload', e->>'payloadHash', (e->>'schemaVersion')::integer);
    d.last_seq := seq;
    accepted := accepted + 1;
  END LOOP;
  UPDATE devices SET last_seq = d.last_seq, last_seen_at = now() WHERE id = p_device;
  RETURN jsonb_build_object('last', d.last_seq, 'accepted', accepted);
END $$;
`;
