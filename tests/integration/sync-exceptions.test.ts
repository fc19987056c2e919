// Settling sync exceptions changes data, the same everywhere: on the manager's head-office ledger, on a second
// head-office replica that pulls the resolution, and on a third built from central's log afterwards. A national
// ID clash settled as one person makes the other registration's id an alias of the survivor (the events held
// about it, and its later ones, apply there); an event held for an unknown customer is applied or set aside; a
// username made twice in one branch keeps both accounts under distinct names on every device of the branch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { InputOf } from '../../shared/contract';
import { hasPostgres, startPglite, startPostgres, type TestCentral } from '../support/central';
import { anIndividual } from '../support/customers';
import { aBranch, removeDir, TestClock } from '../support/ledger';
import {
  aWorld,
  closeWorld,
  resetCentral,
  syncOf,
  syncUntilQuiet,
  type Device,
  type World,
} from '../support/syncWorld';

const backends: [string, () => Promise<TestCentral>][] = [['PGlite', startPglite]];
if (hasPostgres) backends.push(['PostgreSQL', startPostgres]);

/** Another head-office ledger (its own setup) pulling every branch, as the convergence world's head office does. */
async function aHeadOfficeReplica(code: string): Promise<Device> {
  const adminUsername = `${code.toLowerCase()}-admin`;
  const node = await aBranch({
    clock: new TestClock(),
    setup: { branchCode: code, branchName: `Head office ${code}`, adminUsername },
  });
  const branch = await node.ledger.db
    .selectFrom('devices')
    .select('branch_id')
    .where('is_local', '=', 1)
    .executeTakeFirstOrThrow();
  return {
    name: `${code}/01`,
    branchCode: code,
    branchId: branch.branch_id,
    isHeadOffice: true,
    node,
    db: node.ledger.db,
    tokens: new Map([[adminUsername, node.adminToken]]),
  };
}

/**
 * What a replica holds that a resolution may change, in a canonical order: customers, their history, aliases,
 * notes, the branches' staff and the exceptions with their decisions (effects compared as values: central's
 * jsonb does not keep key order).
 */
async function stateOf(db: Kysely<Database>, world: World) {
  const customers = await db
    .selectFrom('customers')
    .select([
      'id',
      'display_name',
      'phone',
      'email',
      'occupation',
      'employer',
      'city',
      'kyc_status',
      'field_hlcs',
    ])
    .orderBy('id')
    .execute();
  const history = await db
    .selectFrom('customer_field_history')
    .select(['customer_id', 'field', 'old_value', 'new_value', 'changed_by', 'changed_at'])
    .orderBy('customer_id')
    .orderBy('changed_at')
    .orderBy('field')
    .orderBy('new_value')
    .execute();
  const aliases = await db
    .selectFrom('customer_aliases')
    .select(['alias_id', 'customer_id', 'resolution_event_id'])
    .orderBy('alias_id')
    .execute();
  const communications = await db
    .selectFrom('communications')
    .select(['id', 'customer_id', 'subject'])
    .orderBy('id')
    .execute();
  const users = await db
    .selectFrom('users')
    .select(['id', 'branch_id', 'username', 'is_active'])
    .where(
      'branch_id',
      'in',
      world.branches.map((b) => b.id),
    )
    .orderBy('id')
    .execute();
  const exceptions = await db
    .selectFrom('sync_exceptions')
    .select([
      'kind',
      'event_id',
      'entity_id',
      'status',
      'resolution',
      'note',
      'effect',
      'resolved_by',
      'resolved_at',
    ])
    .orderBy('event_id')
    .orderBy('kind')
    .execute();
  return {
    // Field HLCs as values: an edit's fields arrive in central's jsonb key order.
    customers: customers.map((c) => ({ ...c, field_hlcs: JSON.parse(c.field_hlcs) as unknown })),
    history,
    aliases,
    communications,
    users,
    // A twin's event applied at the merge is held, or not, depending on when it arrived: compared by its data.
    exceptions: exceptions
      .map((x) => ({ ...x, effect: x.effect ? (JSON.parse(x.effect) as { type: string }) : null }))
      .filter((x) => !(x.kind !== 'duplicate_registration' && x.effect?.type === 'eventApplied')),
  };
}

const adminOf = (device: Device) => device.tokens.get(`${device.branchCode.toLowerCase()}-admin`)!;

async function exceptionOf(device: Device, kind: string, status: 'open' | 'resolved' | 'all' = 'open') {
  const rows = await device.node.ok('sync.listExceptions', { status }, adminOf(device));
  return rows.filter((r) => r.kind === kind);
}

async function resolve(
  device: Device,
  exceptionId: string,
  resolution: InputOf<'sync.resolveException'>['resolution'],
  note = '',
) {
  return device.node.call('sync.resolveException', { exceptionId, resolution, note }, adminOf(device));
}

describe.each(backends)('settling sync exceptions with %s', (_name, start) => {
  let server: TestCentral;
  beforeAll(async () => {
    server = await start();
  }, 60_000);
  afterAll(async () => {
    await server.stop();
  }, 60_000);

  /** Two branches register one national ID offline; branch B notes a visit and edits its twin; all sync. */
  async function aClash(world: World, replica: Device) {
    const [a, b] = world.branches.map((br) => br.devices[0]!);
    const officerA = world.branches[0]!.officers[0]!.username;
    const officerB = world.branches[1]!.officers[0]!.username;
    const ours = await a!.node.ok(
      'customers.registerIndividual',
      anIndividual({ idNumber: '44556677', occupation: 'Tailor' }),
      a!.tokens.get(officerA),
    );
    const theirs = await b!.node.ok(
      'customers.registerIndividual',
      anIndividual({ idNumber: '44556677', occupation: 'Trader', email: 'twin@example.com' }),
      b!.tokens.get(officerB),
    );
    await b!.node.ok(
      'communications.log',
      { customerId: theirs.id, channel: 'visit', direction: 'inbound', subject: 'Came in before the merge' },
      b!.tokens.get(officerB),
    );
    b!.node.clock.advanceMinutes(1);
    await b!.node.ok(
      'customers.update',
      { customerId: theirs.id, changes: { city: 'Eldoret' } },
      b!.tokens.get(officerB),
    );
    await syncOf(world, a!);
    await syncUntilQuiet(world, [...world.devices, replica]);
    return { a: a!, b: b!, ours, theirs, officerB };
  }

  async function withWorld(
    test: (world: World, replica: Device, fresh: () => Promise<Device>) => Promise<void>,
  ) {
    await resetCentral(server.central);
    const world = await aWorld(server.central, [1, 1]);
    const replica = await aHeadOfficeReplica('HQR');
    const extra: Device[] = [replica];
    try {
      await test(world, replica, async () => {
        const device = await aHeadOfficeReplica('HQF');
        extra.push(device);
        await syncOf(world, device);
        return device;
      });
    } finally {
      await closeWorld(world, extra);
    }
  }

  it('accept theirs on a national ID clash: the survivor takes their details, their id points to it, on every replica', async () => {
    await withWorld(async (world, replica, fresh) => {
      const { a, b, ours, theirs, officerB } = await aClash(world, replica);
      const hq = world.hq;
      const [clash] = await exceptionOf(hq, 'duplicate_registration');
      expect(clash).toMatchObject({ entityId: theirs.id, effect: null });
      const resolved = await resolve(hq, clash!.id, 'accept_remote', 'Same person: ID card seen');
      expect(resolved.error).toBeUndefined();
      expect(resolved.data).toMatchObject({
        status: 'resolved',
        resolution: 'accept_remote',
        note: 'Same person: ID card seen',
        effect: {
          type: 'customerMerged',
          customerId: ours.id,
          aliasId: theirs.id,
          fields: expect.arrayContaining(['occupation', 'email', 'phone']),
        },
      });
      // Their details, and the visit and the edit held about their registration, are the survivor's now.
      const survivor = await hq.node.ok('customers.get', { customerId: ours.id }, adminOf(hq));
      expect([survivor.occupation, survivor.email, survivor.city]).toEqual([
        'Trader',
        'twin@example.com',
        'Eldoret',
      ]);
      expect(await exceptionOf(hq, 'event_for_unknown_customer')).toEqual([]);
      expect(await exceptionOf(hq, 'edit_of_unknown_customer', 'resolved')).toMatchObject([
        { resolution: 'accept_remote', effect: { type: 'eventApplied', customerId: ours.id } },
      ]);

      // After the merge, branch B's events about its twin reach the survivor at head office, not the queue.
      await b.node.ok(
        'communications.log',
        { customerId: theirs.id, channel: 'call', direction: 'outbound', subject: 'After the merge' },
        b.tokens.get(officerB),
      );
      await syncUntilQuiet(world, [...world.devices, replica]);

      const atHq = await stateOf(hq.db, world);
      expect(atHq.exceptions.every((x) => x.status === 'resolved')).toBe(true);
      expect(atHq.aliases).toMatchObject([{ alias_id: theirs.id, customer_id: ours.id }]);
      expect(atHq.customers.map((c) => c.id)).not.toContain(theirs.id);
      expect(
        atHq.communications
          .filter((c) => c.customer_id === ours.id)
          .map((c) => c.subject)
          .sort(),
      ).toEqual(['After the merge', 'Came in before the merge']);
      expect(await stateOf(replica.db, world)).toEqual(atHq);
      expect(await stateOf((await fresh()).db, world)).toEqual(atHq);
      // The survivor's new details reach its home branch (an edit of its customer); the twin's branch keeps its own.
      const home = await a.node.ok('customers.get', { customerId: ours.id }, adminOf(a));
      expect([home.occupation, home.email]).toEqual(['Trader', 'twin@example.com']);
      // Central holds the decision with its effect, for any replica that joins later.
      const [event] = await server.central.query<{ payload: { effect: { type: string } } }>(
        `SELECT payload FROM events WHERE type = 'sync.exceptionResolved' AND payload->>'exceptionId' = $1`,
        [clash!.id],
      );
      expect(event!.payload.effect).toMatchObject({ type: 'customerMerged', aliasId: theirs.id });
    });
  }, 90_000);

  it('keep ours and merge on a national ID clash: ours stays (or only its gaps are filled), later edits of their id apply to it', async () => {
    await withWorld(async (world, replica, fresh) => {
      const { ours, theirs, b, officerB } = await aClash(world, replica);
      const hq = world.hq;
      const [clash] = await exceptionOf(hq, 'duplicate_registration');
      expect((await resolve(hq, clash!.id, 'merged')).error).toMatchObject({ code: 'VALIDATION' });
      const merged = await resolve(hq, clash!.id, 'merged', 'E-mail taken from the other branch');
      expect(merged.data?.effect).toEqual({
        type: 'customerMerged',
        customerId: ours.id,
        customerName: expect.any(String),
        aliasId: theirs.id,
        fields: ['email'],
      });
      const survivor = await hq.node.ok('customers.get', { customerId: ours.id }, adminOf(hq));
      expect([survivor.occupation, survivor.email]).toEqual(['Tailor', 'twin@example.com']);
      expect((await resolve(hq, clash!.id, 'keep_local')).error).toMatchObject({ code: 'CONFLICT' });
      // The second head-office replica may receive the edit below before or after this decision.

      b.node.clock.advanceMinutes(5);
      await b.node.ok(
        'customers.update',
        { customerId: theirs.id, changes: { employer: 'Umoja Mills' } },
        b.tokens.get(officerB),
      );
      await syncUntilQuiet(world, [...world.devices, replica]);
      const atHq = await stateOf(hq.db, world);
      expect(atHq.customers.find((c) => c.id === ours.id)).toMatchObject({
        employer: 'Umoja Mills',
        city: 'Eldoret',
        occupation: 'Tailor',
      });
      expect(await exceptionOf(hq, 'edit_of_unknown_customer')).toEqual([]);
      expect(await exceptionOf(replica, 'edit_of_unknown_customer')).toEqual([]);
      expect(await stateOf(replica.db, world)).toEqual(atHq);
      expect(await stateOf((await fresh()).db, world)).toEqual(atHq);
    });
  }, 90_000);

  it('an event held for a customer still unknown cannot be applied; kept ours, it is set aside, even after a merge', async () => {
    await withWorld(async (world, replica, fresh) => {
      const { ours, theirs } = await aClash(world, replica);
      const hq = world.hq;
      const [visit] = await exceptionOf(hq, 'event_for_unknown_customer');
      const early = await resolve(hq, visit!.id, 'accept_remote');
      expect(early.error).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(/still not on this ledger/),
      });
      expect(await exceptionOf(hq, 'event_for_unknown_customer')).toHaveLength(1);
      expect((await resolve(hq, visit!.id, 'merged', 'both')).error).toMatchObject({ code: 'VALIDATION' });
      const discarded = await resolve(hq, visit!.id, 'keep_local', 'Not our customer');
      expect(discarded.data).toMatchObject({
        status: 'resolved',
        note: 'Not our customer',
        effect: { type: 'eventDiscarded', eventType: 'communication.logged' },
      });
      const [clash] = await exceptionOf(hq, 'duplicate_registration');
      await resolve(hq, clash!.id, 'keep_local');
      await syncUntilQuiet(world, [...world.devices, replica]);
      const atHq = await stateOf(hq.db, world);
      expect(atHq.communications.map((c) => c.customer_id)).not.toContain(ours.id);
      expect(atHq.customers.find((c) => c.id === ours.id)?.occupation).toBe('Tailor');
      expect(atHq.history.filter((h) => h.customer_id === ours.id).map((h) => h.new_value)).toEqual([
        'Eldoret',
      ]);
      expect(atHq.aliases).toMatchObject([{ alias_id: theirs.id, customer_id: ours.id }]);
      expect(await stateOf(replica.db, world)).toEqual(atHq);
      expect(await stateOf((await fresh()).db, world)).toEqual(atHq);
    });
  }, 90_000);

  it('a username made on two devices of one branch: both accounts are kept under distinct names on every device', async () => {
    await resetCentral(server.central);
    const world = await aWorld(server.central, [2]);
    try {
      const branch = world.branches[0]!;
      const [one, two] = branch.devices as [Device, Device];
      const token = adminOf;
      const create = (d: Device) =>
        d.node.ok(
          'users.create',
          {
            username: 'teller1',
            displayName: `Teller on ${d.name}`,
            role: 'teller',
            temporaryPassword: 'Temporary-Pass-123',
          },
          token(d),
        );
      const first = await create(one);
      const second = await create(two);
      await syncOf(world, one);
      await syncUntilQuiet(world);

      const clashOn = async (d: Device) =>
        (await d.node.ok('sync.listExceptions', {}, token(d))).filter((x) => x.kind === 'username_clash');
      const [onOne] = await clashOn(one);
      expect(onOne?.entityId).toBe(second.id);
      expect(
        (
          await one.node.call(
            'sync.resolveException',
            { exceptionId: onOne!.id, resolution: 'merged', note: 'x' },
            token(one),
          )
        ).error,
      ).toMatchObject({ code: 'VALIDATION' });
      const accepted = await one.node.ok(
        'sync.resolveException',
        { exceptionId: onOne!.id, resolution: 'accept_remote', note: '' },
        token(one),
      );
      expect(accepted.effect).toMatchObject({
        type: 'userAdded',
        userId: second.id,
        isActive: true,
        username: expect.stringMatching(/^teller1~/),
      });
      const renamed = (accepted.effect as { username: string }).username;

      await syncUntilQuiet(world);
      // The device that made the second account renamed it; its own exception (the first account) is still open.
      const [onTwo] = await clashOn(two);
      expect(onTwo?.entityId).toBe(first.id);
      const keptName = await two.node.ok(
        'sync.resolveException',
        { exceptionId: onTwo!.id, resolution: 'accept_remote', note: '' },
        token(two),
      );
      expect(keptName.effect).toMatchObject({ type: 'userAdded', userId: first.id, username: 'teller1' });
      await syncUntilQuiet(world);

      const users = async (d: Device) =>
        d.db
          .selectFrom('users')
          .select(['id', 'username', 'is_active'])
          .where('id', 'in', [first.id, second.id])
          .orderBy('id')
          .execute();
      const expected = [
        { id: first.id, username: 'teller1', is_active: 1 },
        { id: second.id, username: renamed, is_active: 1 },
      ].sort((x, y) => (x.id < y.id ? -1 : 1));
      for (const d of world.devices) expect(await users(d), d.name).toEqual(expected);
      for (const d of world.devices) expect(await clashOn(d), d.name).toEqual([]);
      // The second teller signs in with the new name, on the device that made the account.
      const signIn = await two.node.call('auth.signIn', {
        username: renamed,
        password: 'Temporary-Pass-123',
      });
      expect(signIn.data?.status).toBe('passwordChangeRequired');
    } finally {
      await closeWorld(world);
    }
  }, 90_000);
});

describe('settling an event held for a customer that is here now', () => {
  it('applies it when accepted, through its normal applier, and audits the decision', async () => {
    const branch = await aBranch();
    try {
      const c = await branch.ok('customers.registerIndividual', anIndividual(), branch.adminToken);
      // As if a note about this customer had arrived before the customer did, and been held.
      const eventId = '01a00000-0000-7000-8000-0000000000e1';
      const at = '2026-11-25T08:00:00.000Z';
      const note = {
        id: '01a00000-0000-7000-8000-0000000000c1',
        customer_id: c.id,
        channel: 'call',
        direction: 'inbound',
        subject: 'Held, then accepted',
        note: null,
        staff_user_id: null,
        is_system: 0,
        occurred_at: at,
        created_at: at,
      };
      await branch.ledger.db
        .insertInto('received_events')
        .values({
          id: eventId,
          global_seq: 1,
          branch_id: '01a00000-0000-7000-8000-0000000000b9',
          device_id: '01a00000-0000-7000-8000-0000000000d9',
          device_seq: 1,
          hlc: `001795000000000:0000:01a00000-0000-7000-8000-0000000000d9`,
          type: 'communication.logged',
          entity_type: 'customer',
          entity_id: c.id,
          payload: JSON.stringify(note),
          schema_version: 1,
          received_at: at,
          applied_at: at,
        })
        .execute();
      await branch.ledger.db
        .insertInto('sync_exceptions')
        .values({
          id: '01a00000-0000-7000-8000-0000000000f1',
          kind: 'event_for_unknown_customer',
          entity_type: 'customer',
          entity_id: c.id,
          event_id: eventId,
          local_version: JSON.stringify({ customerId: c.id }),
          remote_version: JSON.stringify(note),
          status: 'open',
          created_at: at,
        })
        .execute();
      const settled = await branch.ok(
        'sync.resolveException',
        { exceptionId: '01a00000-0000-7000-8000-0000000000f1', resolution: 'accept_remote', note: 'Ours' },
        branch.adminToken,
      );
      expect(settled).toMatchObject({
        status: 'resolved',
        resolution: 'accept_remote',
        effect: { type: 'eventApplied', eventType: 'communication.logged', customerId: c.id },
      });
      expect(
        await branch.ledger.db
          .selectFrom('communications')
          .select('subject')
          .where('id', '=', note.id)
          .execute(),
      ).toEqual([{ subject: 'Held, then accepted' }]);
      const audit = await branch.ok('audit.list', { action: 'sync.exceptionResolved' }, branch.adminToken);
      expect(JSON.stringify(audit)).toContain('eventApplied');
      const [event] = await branch.ledger.db
        .selectFrom('events')
        .select('payload')
        .where('type', '=', 'sync.exceptionResolved')
        .execute();
      expect(JSON.parse(event!.payload)).toMatchObject({ eventId, effect: { type: 'eventApplied' } });
    } finally {
      await branch.close();
      removeDir(branch.dir);
    }
  });
});
