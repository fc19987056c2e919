// Sync against a central Postgres — PGlite on the wire (always) and a real PostgreSQL server started by the
// harness (where the binaries exist): exactly-once push, gaps and rewritten logs refused, clocks clamped,
// pull cursors that resume exactly, epochs that force a resync, last-writer-wins per field, and a clash of
// national IDs across branches landing in the exception queue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomIds } from '../../electron/core/context';
import { pullChanges, readCursor } from '../../electron/sync/pull';
import { payloadHash, pushPending } from '../../electron/sync/push';
import { syncOnce } from '../../electron/sync/sync';
import { describeClockSkew } from '../../electron/sync/worker';
import { hasPostgres, startPglite, startPostgres, type TestCentral } from '../support/central';
import { anIndividual } from '../support/customers';
import { aBranch, aStaffMember, removeDir, setupInput, TestClock } from '../support/ledger';

const backends: [string, () => Promise<TestCentral>][] = [['PGlite', startPglite]];
if (hasPostgres) backends.push(['PostgreSQL', startPostgres]);
else
  console.warn('SKIPPING the real-PostgreSQL sync tests: no server binaries in /usr/lib/postgresql/15/bin');

const newId = randomIds.uuid;

async function branchNamed(code: string, admin: string, clock = new TestClock()) {
  const b = await aBranch({
    clock,
    setup: { branchCode: code, branchName: `Branch ${code}`, adminUsername: admin },
  });
  const officer = await aStaffMember(b, {
    username: `${admin}-officer`,
    role: 'loan_officer',
    password: 'Officer-Field-2026',
  });
  return { ...b, officer: officer.token };
}

type Branch = Awaited<ReturnType<typeof branchNamed>>;

/** The customers of `home` as `b` holds them. */
async function customerRows(b: Branch, home: Branch = b) {
  const branch = await home.ledger.db
    .selectFrom('devices')
    .select('branch_id')
    .where('is_local', '=', 1)
    .executeTakeFirstOrThrow();
  return b.ledger.db
    .selectFrom('customers')
    .select(['id', 'customer_no', 'display_name', 'phone', 'occupation', 'kyc_status', 'field_hlcs'])
    .where('branch_id', '=', branch.branch_id)
    .orderBy('id')
    .execute();
}

describe.each(backends)('sync with %s', (_name, start) => {
  let server: TestCentral;
  const cleanup: Branch[] = [];
  beforeAll(async () => {
    server = await start();
  }, 60_000);
  afterAll(async () => {
    for (const b of cleanup) {
      await b.close();
      removeDir(b.dir);
    }
    await server.stop();
  }, 60_000);

  async function fresh(code: string, admin: string, clock?: TestClock) {
    const b = await branchNamed(code, admin, clock);
    cleanup.push(b);
    return b;
  }

  it('pushes each event exactly once, however often a batch is retried', async () => {
    const a = await fresh('EXA', 'exa-admin');
    await a.ok('customers.registerIndividual', anIndividual(), a.officer);
    const first = await pushPending(a.ledger.db, server.central, { batchSize: 2 });
    expect(first.refused).toBeNull();
    const local = await a.ledger.db
      .selectFrom('events')
      .select(['id', 'device_seq'])
      .orderBy('device_seq')
      .execute();
    expect(first.last).toBe(local.length);
    // A lost acknowledgement: the device forgets it pushed, and sends everything again.
    a.ledger.sqlite.prepare('UPDATE events SET pushed_at = NULL').run();
    const again = await pushPending(a.ledger.db, server.central, { batchSize: 3 });
    expect(again).toMatchObject({ pushed: 0, last: local.length });
    const device =
      local[0] &&
      (await a.ledger.db
        .selectFrom('devices')
        .select('id')
        .where('is_local', '=', 1)
        .executeTakeFirstOrThrow());
    const central = await server.central.query<{ id: string }>(
      'SELECT id FROM events WHERE device_id = $1 ORDER BY device_seq',
      [device!.id],
    );
    expect(central.map((r) => r.id)).toEqual(local.map((e) => e.id));
  });

  it('refuses a gap and a rewritten event, and answers the last sequence it holds', async () => {
    const a = await fresh('GAP', 'gap-admin');
    await pushPending(a.ledger.db, server.central);
    const device = await a.ledger.db
      .selectFrom('devices')
      .select('id')
      .where('is_local', '=', 1)
      .executeTakeFirstOrThrow();
    const [{ last }] = await server.central.query<{ last: string }>(
      'SELECT last_seq AS last FROM devices WHERE id = $1',
      [device.id],
    );
    const event = (seq: number, payload = '{}') => ({
      id: newId(),
      deviceSeq: seq,
      hlc: `${String(Date.now()).padStart(15, '0')}:0000:${device.id}`,
      type: 'x.y',
      entityType: 'x',
      entityId: 'x',
      payload: {},
      payloadHash: payloadHash(payload),
      schemaVersion: 1,
    });
    const [gap] = await server.central.query<{ r: { last: number; refused: { reason: string } } }>(
      'SELECT lms_push($1, $2::jsonb) AS r',
      [device.id, JSON.stringify([event(Number(last) + 2)])],
    );
    expect(gap!.r).toMatchObject({ last: Number(last), refused: { reason: 'gap' } });
    const [stored] = await server.central.query<{ id: string; device_seq: string }>(
      'SELECT id, device_seq FROM events WHERE device_id = $1 AND device_seq = 1',
      [device.id],
    );
    const rewritten = { ...event(1, '{"changed":true}'), id: stored!.id };
    await expect(
      server.central.query('SELECT lms_push($1, $2::jsonb)', [device.id, JSON.stringify([rewritten])]),
    ).rejects.toThrow(/different id or payload/);
  });

  it('refuses events from a clock a year ahead, and follows a clock three days ahead', async () => {
    const clock = new TestClock(Date.now() + 365 * 86_400_000);
    const ahead = await fresh('YAH', 'yah-admin', clock);
    const refused = await pushPending(ahead.ledger.db, server.central);
    expect(refused).toMatchObject({ pushed: 0, refused: { deviceSeq: 1, reason: 'clock_too_far_ahead' } });
    const skewed = await fresh('SKW', 'skw-admin', new TestClock(Date.now() + 3 * 86_400_000));
    const skewedPush = await pushPending(skewed.ledger.db, server.central, { now: () => skewed.clock.now() });
    expect(skewedPush.refused).toBeNull();
    expect(skewedPush.clockSkewMs).toBeGreaterThan(3 * 86_400_000 - 60_000);
    expect(describeClockSkew(skewedPush.clockSkewMs)).toMatch(/clock is 3 days ahead of the central server/);
    expect(describeClockSkew(-2 * 3_600_000)).toMatch(/2 hours behind/);
    expect(describeClockSkew(60_000)).toBeNull();
  });

  it('brings a head-office replica to the same customers, and a resumed pull equals an uninterrupted one', async () => {
    const a = await fresh('NBO', 'nbo-admin');
    const hq = await fresh('HQ', 'hq-admin');
    const resumed = await fresh('HQ2', 'hq2-admin');
    const c1 = await a.ok('customers.registerIndividual', anIndividual({ occupation: 'Tailor' }), a.officer);
    await a.ok('customers.registerIndividual', anIndividual(), a.officer);
    await a.ok('customers.update', { customerId: c1.id, changes: { occupation: 'Shopkeeper' } }, a.officer);
    await pushPending(a.ledger.db, server.central);

    await syncOnce(hq.ledger.db, server.central, { isHeadOffice: true, newId });
    const aRows = await customerRows(a);
    expect(await customerRows(hq, a)).toEqual(aRows);
    expect(
      (await hq.ok('customers.search', { query: c1.phone!.slice(4, 10) }, hq.adminToken)).rows.map(
        (r) => r.id,
      ),
    ).toContain(c1.id);

    // The same log pulled one small page at a time, as if the connection dropped after every page.
    for (let i = 0; i < 200; i++) {
      const r = await pullChanges(resumed.ledger.db, server.central, {
        isHeadOffice: true,
        newId,
        pageSize: 3,
        maxPages: 1,
      });
      if (r.received === 0) break;
    }
    expect(await customerRows(resumed, a)).toEqual(aRows);
    expect((await readCursor(resumed.ledger.db)).seq).toBe((await readCursor(hq.ledger.db)).seq);
  });

  it('merges concurrent edits of one customer last-writer-wins per field, the same on every replica', async () => {
    const a = await fresh('LWW', 'lww-admin');
    const hq = await fresh('HQL', 'hql-admin');
    const c = await a.ok(
      'customers.registerIndividual',
      anIndividual({ occupation: 'Tailor', city: 'Kisumu' }),
      a.officer,
    );
    await syncOnce(a.ledger.db, server.central, { newId });
    await syncOnce(hq.ledger.db, server.central, { isHeadOffice: true, newId });
    a.clock.advanceMinutes(1);
    await a.ok('customers.update', { customerId: c.id, changes: { occupation: 'Shopkeeper' } }, a.officer);
    hq.clock.advanceMinutes(2); // later edit of another field, and a later edit of the same field
    await hq.ok(
      'customers.update',
      { customerId: c.id, changes: { city: 'Nakuru', occupation: 'Trader' } },
      hq.adminToken,
    );
    await syncOnce(hq.ledger.db, server.central, { isHeadOffice: true, newId });
    await syncOnce(a.ledger.db, server.central, { newId });
    await syncOnce(hq.ledger.db, server.central, { isHeadOffice: true, newId });
    const onA = await a.ok('customers.get', { customerId: c.id }, a.officer);
    const onHq = await hq.ok('customers.get', { customerId: c.id }, hq.adminToken);
    expect([onA.occupation, onA.city]).toEqual(['Trader', 'Nakuru']);
    expect([onHq.occupation, onHq.city]).toEqual(['Trader', 'Nakuru']);
  });

  it('puts the same national ID registered at two branches offline in the manager’s exception queue', async () => {
    const a = await fresh('DUA', 'dua-admin');
    const hq = await fresh('DUH', 'duh-admin');
    await a.ok('customers.registerIndividual', anIndividual({ idNumber: '99887766' }), a.officer);
    await hq.ok('customers.registerIndividual', anIndividual({ idNumber: '99887766' }), hq.officer);
    await syncOnce(a.ledger.db, server.central, { newId });
    await syncOnce(hq.ledger.db, server.central, { isHeadOffice: true, newId });
    const exceptions = await hq.ledger.db
      .selectFrom('sync_exceptions')
      .selectAll()
      .where('kind', '=', 'duplicate_registration')
      .execute();
    expect(exceptions).toHaveLength(1);
    expect(JSON.parse(exceptions[0]!.remote_version)).toMatchObject({ id_number: '99887766' });
    expect(JSON.parse(exceptions[0]!.local_version)).toMatchObject({ id_number: '99887766' });
  });

  it('re-reads from the start after the central database is restored (a new epoch), keeping the outbox', async () => {
    const a = await fresh('EPO', 'epo-admin');
    const hq = await fresh('EPH', 'eph-admin');
    await a.ok('customers.registerIndividual', anIndividual(), a.officer);
    await syncOnce(a.ledger.db, server.central, { newId });
    await syncOnce(hq.ledger.db, server.central, { isHeadOffice: true, newId });
    const before = await customerRows(hq);
    await hq.ok('customers.registerIndividual', anIndividual(), hq.officer); // not pushed yet
    await server.central.query('UPDATE central_meta SET epoch = gen_random_uuid()');
    const result = await pullChanges(hq.ledger.db, server.central, { isHeadOffice: true, newId });
    expect(result.isResync).toBe(true);
    expect((await customerRows(hq)).length).toBe(before.length + 1);
    expect(
      await hq.ledger.db.selectFrom('events').select('id').where('pushed_at', 'is', null).execute(),
    ).not.toHaveLength(0);
  });
});

void setupInput;
