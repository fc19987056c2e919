// Central migration 2 (plain Postgres SQL): per-branch database roles with row-level security, so a branch's
// credentials can write only that branch's events and read only what the branch may see.
//
// Who sees what (enforced by the `events` policies below, whatever query a branch role sends):
//   - its own branch's events (`branch_id` = the role's branch);
//   - events scoped to it (`scope_branch_id` = the role's branch: a head-office edit of one of its customers);
//   - head-office configuration: events written by a head-office branch (`branches.is_head_office = true`)
//     whose type is `settings.changed` or `role.*` (product, security and role settings every branch obeys).
// Writes: a branch role inserts events only with its own `branch_id` and only for its own devices, through
// `lms_push` (SECURITY INVOKER, so the policies apply to it); it sees and updates only its own `devices` rows,
// and `lms_register_device` registers devices of its own branch only. Nobody updates or deletes events.
//
// Operating it (production):
//   1. Run the central migrations as the database owner (a superuser or the managed database's admin role);
//      that owner bypasses row-level security and is what head office connects as.
//   2. Mark the head-office branch once it has registered: UPDATE branches SET is_head_office = true
//      WHERE code = 'HQ';
//   3. For each branch, head office runs (as the owner):
//        SELECT lms_create_branch_role('NBO', 'lms_branch_nbo', '<a long random password>');
//      The branch need not have synced yet: the role is tied to the branch code, and its first push
//      registers the branch under that code. The role is a LOGIN member of the NOLOGIN group `lms_branch`,
//      which holds every grant; revoking a branch is `ALTER ROLE lms_branch_nbo NOLOGIN` (or DROP ROLE after
//      deleting its `branch_roles` row).
//   4. The branch's devices keep the connection URL with that user and password in the OS keychain.
//   Managed Postgres (Supabase and similar): the migrating admin role must be allowed to CREATE ROLE; where
//   it is not superuser, grant it the `lms_branch` role WITH ADMIN OPTION so it can add members.
// Known limit: `scope_branch_id` is not restricted on insert (a branch serving another branch's customer
// scopes its event to that branch); appliers still see the writing branch in `branch_id`.
// Immutable once released: a change is a new numbered migration.

export const name = 'branch_security';

export const up = String.raw`
-- The group every branch role belongs to; the grants and policies are given to it. Roles are cluster-wide,
-- so a second database on the same server reuses it.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lms_branch') THEN
    CREATE ROLE lms_branch NOLOGIN;
  END IF;
END $$;

-- A role is tied to its branch code, so head office can create it before the branch's first sync; the id
-- is filled in when the branch already exists (and looked up by code otherwise).
ALTER TABLE branch_roles ALTER COLUMN branch_id DROP NOT NULL;
ALTER TABLE branch_roles ADD COLUMN branch_code text;
UPDATE branch_roles r SET branch_code = b.code FROM branches b WHERE b.id = r.branch_id;
ALTER TABLE branch_roles ALTER COLUMN branch_code SET NOT NULL;

-- The branch of the role running the statement (NULL for the owner and any role that is not a branch's).
-- SECURITY INVOKER on purpose: inside a SECURITY DEFINER function current_user would be the owner.
CREATE FUNCTION lms_current_branch() RETURNS uuid
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
  SELECT coalesce(r.branch_id, (SELECT b.id FROM branches b WHERE b.code = r.branch_code))
    FROM branch_roles r WHERE r.role_name = current_user
$$;

CREATE FUNCTION lms_is_branch_role() RETURNS boolean
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM branch_roles WHERE role_name = current_user)
$$;

-- Head office creates a branch's LOGIN role and maps it. SECURITY DEFINER (owned by the migrating owner) so
-- that it alone can create roles; EXECUTE is revoked from everyone else.
CREATE FUNCTION lms_create_branch_role(branch_code text, role_name text, password text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF lms_create_branch_role.role_name !~ '^[a-z_][a-z0-9_]{0,62}$' THEN
    RAISE EXCEPTION 'role name % must be lower-case letters, digits and underscores', lms_create_branch_role.role_name
      USING ERRCODE = '22023';
  END IF;
  IF coalesce(length(lms_create_branch_role.password), 0) < 12 THEN
    RAISE EXCEPTION 'the password of a branch role must have at least 12 characters' USING ERRCODE = '22023';
  END IF;
  EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE lms_branch', lms_create_branch_role.role_name,
                 lms_create_branch_role.password);
  INSERT INTO branch_roles (role_name, branch_id, branch_code)
  VALUES (lms_create_branch_role.role_name,
          (SELECT b.id FROM branches b WHERE b.code = lms_create_branch_role.branch_code),
          lms_create_branch_role.branch_code);
END $$;
REVOKE ALL ON FUNCTION lms_create_branch_role(text, text, text) FROM PUBLIC;

GRANT USAGE ON SCHEMA public TO lms_branch;
GRANT SELECT ON central_meta, sequencer, branches, branch_roles TO lms_branch;
GRANT UPDATE ON sequencer TO lms_branch;
GRANT INSERT ON branches TO lms_branch;
GRANT SELECT, INSERT, UPDATE ON devices TO lms_branch;
GRANT SELECT, INSERT ON events TO lms_branch;

ALTER TABLE branch_roles ENABLE ROW LEVEL SECURITY;
CREATE POLICY branch_roles_own ON branch_roles FOR SELECT TO lms_branch USING (role_name = current_user);

-- Branch names and codes are not secret (and the head-office flag is needed by the events policy); a branch
-- role may add only its own branch (its first registration).
ALTER TABLE branches ENABLE ROW LEVEL SECURITY;
CREATE POLICY branches_read ON branches FOR SELECT TO lms_branch USING (true);
CREATE POLICY branches_register_own ON branches FOR INSERT TO lms_branch
  WITH CHECK (code = (SELECT r.branch_code FROM branch_roles r WHERE r.role_name = current_user));

-- (SELECT lms_current_branch()) is evaluated once per statement, not once per row.
ALTER TABLE devices ENABLE ROW LEVEL SECURITY;
CREATE POLICY devices_own ON devices FOR ALL TO lms_branch
  USING (branch_id = (SELECT lms_current_branch()))
  WITH CHECK (branch_id = (SELECT lms_current_branch()));

ALTER TABLE events ENABLE ROW LEVEL SECURITY;
CREATE POLICY events_read ON events FOR SELECT TO lms_branch USING (
  branch_id = (SELECT lms_current_branch())
  OR scope_branch_id = (SELECT lms_current_branch())
  OR ((type = 'settings.changed' OR type LIKE 'role.%')
      AND branch_id IN (SELECT b.id FROM branches b WHERE b.is_head_office))
);
CREATE POLICY events_write_own ON events FOR INSERT TO lms_branch WITH CHECK (
  branch_id = (SELECT lms_current_branch())
  AND EXISTS (SELECT 1 FROM devices d WHERE d.id = device_id AND d.branch_id = events.branch_id)
);

-- Registration, now refusing (with a reason) a branch role registering another branch's device.
CREATE OR REPLACE FUNCTION lms_register_device(p_branch uuid, p_branch_code text, p_branch_name text, p_device uuid,
                                               p_device_code text, p_schema integer)
RETURNS jsonb LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
  r branch_roles%ROWTYPE;
  mine uuid;
BEGIN
  SELECT * INTO r FROM branch_roles WHERE role_name = current_user;
  IF FOUND THEN
    mine := lms_current_branch();
    IF p_branch_code IS DISTINCT FROM r.branch_code OR (mine IS NOT NULL AND mine <> p_branch) THEN
      RAISE EXCEPTION 'role % may register devices of branch % only (not of branch %)', current_user,
        r.branch_code, p_branch_code USING ERRCODE = '42501';
    END IF;
  END IF;
  INSERT INTO branches (id, code, name) VALUES (p_branch, p_branch_code, p_branch_name) ON CONFLICT (id) DO NOTHING;
  INSERT INTO devices (id, branch_id, code, schema_version) VALUES (p_device, p_branch, p_device_code, p_schema)
    ON CONFLICT (id) DO UPDATE SET schema_version = excluded.schema_version;
  RETURN (SELECT jsonb_build_object('epoch', m.epoch, 'last', d.last_seq)
          FROM central_meta m, devices d WHERE d.id = p_device);
END $$;

-- Push (the rules of migration 1, unchanged), now refusing with a reason a branch role pushing for a device
-- that is not its branch's. It stays SECURITY INVOKER, so the events policies check every insert as well.
-- The sequencer row is locked once, at the first new event, and written once at the end (migration 1 updated
-- it per event: a new row version each time, which made a 100-event batch walk a growing chain of dead
-- versions while every other writer waited on the lock). The lock is still held until commit.
-- Also fixed: a gap after some accepted events in the same batch now records those events in
-- devices.last_seq (migration 1 returned the new last but left the row behind, so the device's next push
-- looked like a gap and a resend hit the unique key).
CREATE OR REPLACE FUNCTION lms_push(p_device uuid, p_events jsonb)
RETURNS jsonb LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
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
  locked boolean := false;
BEGIN
  -- Under row-level security another branch's device is invisible, so "not found" is the refusal.
  SELECT * INTO d FROM devices WHERE id = p_device FOR UPDATE;
  IF NOT FOUND THEN
    IF lms_is_branch_role() THEN
      RAISE EXCEPTION 'device % is not a device of this role''s branch: a branch pushes only its own devices'' events',
        p_device USING ERRCODE = '42501';
    END IF;
    RAISE EXCEPTION 'unknown device %', p_device USING ERRCODE = 'P0002';
  END IF;
  IF lms_is_branch_role() AND d.branch_id IS DISTINCT FROM lms_current_branch() THEN
    RAISE EXCEPTION 'device % is not a device of this role''s branch: a branch pushes only its own devices'' events',
      p_device USING ERRCODE = '42501';
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
      IF locked THEN UPDATE sequencer SET last_global = g WHERE id = 1; END IF;
      UPDATE devices SET last_seq = d.last_seq, last_seen_at = now() WHERE id = p_device;
      RETURN jsonb_build_object('last', d.last_seq, 'accepted', accepted,
        'refused', jsonb_build_object('deviceSeq', seq, 'reason', 'gap'));
    END IF;
    wall := split_part(e->>'hlc', ':', 1)::bigint;
    IF wall > now_ms + allowed THEN
      IF locked THEN UPDATE sequencer SET last_global = g WHERE id = 1; END IF;
      UPDATE devices SET last_seq = d.last_seq, last_seen_at = now() WHERE id = p_device;
      RETURN jsonb_build_object('last', d.last_seq, 'accepted', accepted,
        'refused', jsonb_build_object('deviceSeq', seq, 'reason', 'clock_too_far_ahead', 'aheadMs', wall - now_ms));
    END IF;
    IF NOT locked THEN
      SELECT last_global INTO g FROM sequencer WHERE id = 1 FOR UPDATE;
      locked := true;
    END IF;
    g := g + 1;
    INSERT INTO events (global_seq, id, branch_id, device_id, device_seq, scope_branch_id, hlc, type, entity_type,
                        entity_id, payload, payload_hash, schema_version)
    VALUES (g, (e->>'id')::uuid, d.branch_id, p_device, seq, coalesce((e->>'scopeBranchId')::uuid, d.branch_id),
            e->>'hlc', e->>'type', e->>'entityType',
            e->>'entityId', e->'payload', e->>'payloadHash', (e->>'schemaVersion')::integer);
    d.last_seq := seq;
    accepted := accepted + 1;
  END LOOP;
  IF locked THEN UPDATE sequencer SET last_global = g WHERE id = 1; END IF;
  UPDATE devices SET last_seq = d.last_seq, last_seen_at = now() WHERE id = p_device;
  RETURN jsonb_build_object('last', d.last_seq, 'accepted', accepted);
END $$;
`;
