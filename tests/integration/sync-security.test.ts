// Per-branch central roles under row-level security, against a real PostgreSQL server: each branch connects
// with its own credentials and, whatever SQL it sends, reads only its own events, the events scoped to it and
// head-office configuration, and writes only its own events for its own devices.
// PGlite is not used here: it has a single user (every connection is the superuser, which bypasses
// row-level security), so it cannot show a policy refusing anything.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectCentral, type Central } from '../../electron/sync/central';
import { payloadHash } from '../../electron/sync/push';
import { hasPostgres, startPostgres, type TestCentral } from '../support/central';

if (!hasPostgres) {
  console.warn('SKIPPING the central security tests: no PostgreSQL binaries in /usr/lib/postgresql/15/bin');
}

interface Site {
  branch: string;
  code: string;
  device: string;
  central: Central;
}

function anEvent(device: string, seq: number, type: string, scopeBranchId?: string) {
  const payload = { n: seq };
  return {
    id: randomUUID(),
    deviceSeq: seq,
    scopeBranchId,
    hlc: `${String(Date.now()).padStart(15, '0')}:0000:${device}`,
    type,
    entityType: 'test',
    entityId: `e-${seq}`,
    payload,
    payloadHash: payloadHash(JSON.stringify(payload)),
    schemaVersion: 1,
  };
}

describe.skipIf(!hasPostgres)('central access per branch (PostgreSQL)', () => {
  let server: TestCentral;
  let nbo: Site;
  let ksm: Site;
  let hq: Site;

  const register = (s: Site) =>
    s.central.query('SELECT lms_register_device($1, $2, $3, $4, $5, 1)', [
      s.branch,
      s.code,
      `Branch ${s.code}`,
      s.device,
      `${s.code}-01`,
    ]);
  const push = (s: Site, events: unknown[], device = s.device) =>
    s.central.query<{ r: { last: number; accepted: number } }>('SELECT lms_push($1, $2::jsonb) AS r', [
      device,
      JSON.stringify(events),
    ]);

  function asRole(role: string, password: string) {
    const url = new URL(server.url);
    url.username = role;
    url.password = password;
    return connectCentral(url.toString(), { max: 2 });
  }

  beforeAll(async () => {
    server = await startPostgres();
    // Head office (the owner) creates the branch roles before either branch has ever synced.
    await server.central.query(
      "SELECT lms_create_branch_role('NBO', 'lms_branch_nbo', 'nbo-secret-password')",
    );
    await server.central.query(
      "SELECT lms_create_branch_role('KSM', 'lms_branch_ksm', 'ksm-secret-password')",
    );
    nbo = {
      branch: randomUUID(),
      code: 'NBO',
      device: randomUUID(),
      central: asRole('lms_branch_nbo', 'nbo-secret-password'),
    };
    ksm = {
      branch: randomUUID(),
      code: 'KSM',
      device: randomUUID(),
      central: asRole('lms_branch_ksm', 'ksm-secret-password'),
    };
    hq = { branch: randomUUID(), code: 'HQ', device: randomUUID(), central: server.central };
    for (const s of [nbo, ksm, hq]) await register(s);
    await server.central.query("UPDATE branches SET is_head_office = true WHERE code = 'HQ'");

    // Each branch pushes with its own role; head office pushes configuration, an edit scoped to NBO and
    // something internal to head office.
    await push(nbo, [anEvent(nbo.device, 1, 'customer.registered'), anEvent(nbo.device, 2, 'loan.applied')]);
    await push(ksm, [anEvent(ksm.device, 1, 'customer.registered')]);
    await push(hq, [
      anEvent(hq.device, 1, 'settings.changed'),
      anEvent(hq.device, 2, 'role.totpRequirementChanged'),
      anEvent(hq.device, 3, 'customer.updated', nbo.branch),
      anEvent(hq.device, 4, 'customer.registered'),
    ]);
  }, 60_000);

  afterAll(async () => {
    await nbo?.central.close();
    await ksm?.central.close();
    await server?.stop();
  }, 60_000);

  it('lets a branch read its own events, those scoped to it and head-office configuration — nothing else', async () => {
    const seen = async (s: Site) =>
      (
        await s.central.query<{ branch_id: string; device_seq: string; type: string }>(
          'SELECT * FROM events ORDER BY global_seq',
        )
      ).map(
        (r) => `${r.branch_id === s.branch ? 'own' : r.branch_id === hq.branch ? 'hq' : 'other'}:${r.type}`,
      );
    expect(await seen(nbo)).toEqual([
      'own:customer.registered',
      'own:loan.applied',
      'hq:settings.changed',
      'hq:role.totpRequirementChanged',
      'hq:customer.updated',
    ]);
    expect(await seen(ksm)).toEqual([
      'own:customer.registered',
      'hq:settings.changed',
      'hq:role.totpRequirementChanged',
    ]);
    // Asking for another branch's events by its id returns nothing, and the owner still sees everything.
    expect(await nbo.central.query('SELECT id FROM events WHERE branch_id = $1', [ksm.branch])).toEqual([]);
    expect(await server.central.query('SELECT id FROM events')).toHaveLength(7);
  });

  it('refuses a direct insert of an event for another branch, or for another branch’s device', async () => {
    const insert = (branch: string, device: string) =>
      nbo.central.query(
        `INSERT INTO events (global_seq, id, branch_id, device_id, device_seq, scope_branch_id, hlc, type,
                             entity_type, entity_id, payload, payload_hash, schema_version)
         VALUES (1000000, $1, $2, $3, 99, $2, '0:0:x', 'forged', 'test', 'x', '{}', 'x', 1)`,
        [randomUUID(), branch, device],
      );
    await expect(insert(ksm.branch, ksm.device)).rejects.toThrow(/row-level security/);
    await expect(insert(nbo.branch, ksm.device)).rejects.toThrow(/row-level security/);
    await expect(nbo.central.query('DELETE FROM events')).rejects.toThrow(/permission denied/);
    await expect(nbo.central.query("UPDATE events SET type = 'forged'")).rejects.toThrow(/permission denied/);
  });

  it('refuses a push for another branch’s device with a clear reason, and leaves that device untouched', async () => {
    await expect(push(nbo, [anEvent(ksm.device, 2, 'customer.registered')], ksm.device)).rejects.toThrow(
      /not a device of this role's branch/,
    );
    const [device] = await server.central.query<{ last_seq: string }>(
      'SELECT last_seq FROM devices WHERE id = $1',
      [ksm.device],
    );
    expect(Number(device!.last_seq)).toBe(1);
  });

  it('lets a branch see and update only its own devices, and register devices of its own branch only', async () => {
    expect((await nbo.central.query<{ id: string }>('SELECT id FROM devices')).map((r) => r.id)).toEqual([
      nbo.device,
    ]);
    const updated = await nbo.central.query('UPDATE devices SET last_seq = 0 WHERE id = $1 RETURNING id', [
      ksm.device,
    ]);
    expect(updated).toEqual([]);
    const [after] = await server.central.query<{ last_seq: string }>(
      'SELECT last_seq FROM devices WHERE id = $1',
      [ksm.device],
    );
    expect(Number(after!.last_seq)).toBe(1);
    await expect(
      nbo.central.query("SELECT lms_register_device($1, 'KSM', 'Branch KSM', $2, 'KSM-99', 1)", [
        ksm.branch,
        randomUUID(),
      ]),
    ).rejects.toThrow(/may register devices of branch NBO only/);
    // A second device of its own branch is fine, and a retried push is still acknowledged exactly once.
    const second = randomUUID();
    await nbo.central.query("SELECT lms_register_device($1, 'NBO', 'Branch NBO', $2, 'NBO-02', 1)", [
      nbo.branch,
      second,
    ]);
    const [again] = await push(nbo, [anEvent(nbo.device, 3, 'x.y')]);
    expect(again!.r).toMatchObject({ last: 3, accepted: 1 });
  });

  it('keeps role creation to head office', async () => {
    await expect(
      nbo.central.query("SELECT lms_create_branch_role('KSM', 'sneaky', 'sneaky-password-123')"),
    ).rejects.toThrow(/permission denied/);
  });
});
