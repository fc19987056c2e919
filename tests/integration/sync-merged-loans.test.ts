// Loans of a registration settled into another customer. Two branches register one national ID offline and
// branch B lends to its registration; head office keeps branch A's, so it holds B's application (and its
// decision, disbursement and repayment) for a manager. Settling the clash makes B's registration an alias of
// the survivor: the loan lands at head office under the survivor, with every event held for it applied in
// central's order, and B's later activity on it lands there too — on the manager's ledger, on a second
// head-office replica that pulls the decision, and on one built from central's log afterwards. The same holds
// for B's registration guaranteeing another customer's loan.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { hasPostgres, startPglite, startPostgres, type TestCentral } from '../support/central';
import { anIndividual } from '../support/customers';
import { aBranch, TestClock } from '../support/ledger';
import { aProduct } from '../support/loans';
import {
  aWorld,
  closeWorld,
  dumpLoans,
  resetCentral,
  syncOf,
  syncUntilQuiet,
  type Device,
  type World,
} from '../support/syncWorld';

const backends: [string, () => Promise<TestCentral>][] = [['PGlite', startPglite]];
if (hasPostgres) backends.push(['PostgreSQL', startPostgres]);

/** Another head-office ledger (its own setup) pulling every branch, as in the sync-exceptions test. */
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

const adminOf = (device: Device) => device.tokens.get(`${device.branchCode.toLowerCase()}-admin`)!;

async function exceptionsOf(device: Device, status: 'open' | 'resolved' | 'all' = 'open') {
  return device.node.ok('sync.listExceptions', { status }, adminOf(device));
}

async function businessDateOf(device: Device) {
  return (
    await device.db
      .selectFrom('branches')
      .select('business_date')
      .where('id', '=', device.branchId)
      .executeTakeFirstOrThrow()
  ).business_date;
}

/** The loan row's own figures (the projection as this ledger wrote it) and its borrower. */
async function loanRow(db: Kysely<Database>, loanId: string) {
  return db
    .selectFrom('loans')
    .select([
      'customer_id',
      'status',
      'account_no',
      'disbursed_principal_minor',
      'outstanding_principal_minor',
      'outstanding_interest_minor',
      'outstanding_fees_minor',
      'outstanding_penalties_minor',
      'outstanding_total_minor',
      'paid_total_minor',
      'payoff_minor',
      'credit_minor',
      'next_due_minor',
    ])
    .where('id', '=', loanId)
    .executeTakeFirst();
}

/** The customers guaranteeing a loan on this ledger. */
async function guarantorsOf(db: Kysely<Database>, loanId: string) {
  const rows = await db
    .selectFrom('loan_guarantors')
    .select('customer_id')
    .where('loan_id', '=', loanId)
    .orderBy('customer_id')
    .execute();
  return rows.map((r) => r.customer_id);
}

/**
 * The exceptions and their decisions, as values (each ledger makes its own rows). An event of the twin applied at
 * the settlement is held, or not, depending on when it arrived there, so those are compared by their data, and
 * here only counted while still open.
 */
async function exceptionsState(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('sync_exceptions')
    .select(['kind', 'event_id', 'entity_id', 'status', 'resolution', 'effect', 'resolved_at'])
    .orderBy('event_id')
    .orderBy('kind')
    .execute();
  const values = rows.map((r) => ({
    ...r,
    effect: r.effect ? (JSON.parse(r.effect) as { type: string }) : null,
  }));
  return {
    open: values.filter((x) => x.status === 'open').length,
    decided: values.filter((x) => x.kind === 'duplicate_registration' || x.effect?.type !== 'eventApplied'),
  };
}

/** Branch B at work: its device, an administrator's and an officer's sessions, its two customers. */
interface Branch {
  device: Device;
  admin: string;
  officer: string;
  twin: { id: string };
  friend: { id: string };
  apply(
    customerId: string,
    principalMinor: number,
    guarantors?: { customerId: string; guaranteedMinor: number }[],
  ): Promise<{ id: string }>;
}

const repay = (b: Branch, loanId: string, amountMinor: number, reference: string) =>
  b.device.node.ok(
    'loans.repay',
    { loanId, amountMinor, channel: 'transfer', reference, idempotencyKey: randomUUID() },
    b.admin,
  );

describe.each(backends)('loans of a registration settled into another customer, with %s', (_name, start) => {
  let server: TestCentral;
  beforeAll(async () => {
    server = await start();
  }, 60_000);
  afterAll(async () => {
    await server.stop();
  }, 60_000);

  /**
   * Head office offers a product; offline, branches A and B register one national ID, and B registers a second
   * customer (a friend). `lend` then runs at branch B. A syncs first, so head office keeps A's registration and
   * B's is the twin; then everyone syncs.
   */
  async function aClash<T>(world: World, replica: Device, lend: (b: Branch) => Promise<T>) {
    const [a, b] = world.branches.map((br) => br.devices[0]!) as [Device, Device];
    const officerA = world.branches[0]!.officers[0]!.username;
    const officerB = b.tokens.get(world.branches[1]!.officers[0]!.username)!;
    const product = await world.hq.node.ok('loanProducts.save', aProduct(), adminOf(world.hq));
    await syncUntilQuiet(world, [...world.devices, replica]);

    const ours = await a.node.ok(
      'customers.registerIndividual',
      anIndividual({ idNumber: '55667788', occupation: 'Tailor' }),
      a.tokens.get(officerA),
    );
    const twin = await b.node.ok(
      'customers.registerIndividual',
      anIndividual({ idNumber: '55667788', occupation: 'Trader', email: 'twin@example.com' }),
      officerB,
    );
    const friend = await b.node.ok('customers.registerIndividual', anIndividual(), officerB);
    const apply = async (
      customerId: string,
      principalMinor: number,
      guarantors: { customerId: string; guaranteedMinor: number }[] = [],
    ) =>
      b.node.ok(
        'loans.apply',
        {
          customerId,
          productId: product.id,
          principalMinor,
          repayments: 6,
          annualRate: '24',
          expectedDisbursementDate: await businessDateOf(b),
          purpose: 'Stock for the stall',
          guarantors,
          overrideReason: 'Known to the branch',
          idempotencyKey: randomUUID(),
        },
        officerB,
      );
    const branch: Branch = { device: b, admin: adminOf(b), officer: officerB, twin, friend, apply };
    const lent = await lend(branch);
    await syncOf(world, a);
    await syncUntilQuiet(world, [...world.devices, replica]);
    const [clash] = (await exceptionsOf(world.hq)).filter((x) => x.kind === 'duplicate_registration');
    expect(clash).toMatchObject({ entityId: twin.id });
    return { ...branch, ours, clash: clash!, lent };
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

  it.each(['merged', 'keep_local'] as const)(
    'a loan to the twin, settled %s: head office holds it under the survivor with branch B’s figures, on every replica',
    async (resolution) => {
      await withWorld(async (world, replica, fresh) => {
        // Branch B lends to its registration (its friend guarantees it), a second person approves, the loan is
        // disbursed and repaid once.
        const clashed = await aClash(world, replica, async (branch) => {
          const applied = await branch.apply(branch.twin.id, 10_000_000, [
            { customerId: branch.friend.id, guaranteedMinor: 3_000_000 },
          ]);
          await branch.device.node.ok(
            'loans.decide',
            { loanId: applied.id, decision: 'approve', reason: 'Good history' },
            branch.admin,
          );
          await branch.device.node.ok(
            'loans.disburse',
            { loanId: applied.id, channel: 'transfer', reference: 'BANK-77', idempotencyKey: randomUUID() },
            branch.admin,
          );
          branch.device.node.clock.advanceMinutes(1);
          await repay(branch, applied.id, 1_500_000, 'MPESA-1');
          return applied;
        });
        const { device: b, ours, twin, friend, clash, lent: loan } = clashed;
        const hq = world.hq;

        // Before the settlement: the application held for the twin, the loan's later events held for want of
        // the loan, and no such loan at head office.
        const open = await exceptionsOf(hq);
        expect(open.filter((x) => x.kind === 'event_for_unknown_customer')).toMatchObject([
          { entityId: loan.id },
        ]);
        expect(open.filter((x) => x.kind === 'event_for_unknown_loan')).toHaveLength(3);
        expect(await loanRow(hq.db, loan.id)).toBeUndefined();

        const settled = await hq.node.ok(
          'sync.resolveException',
          { exceptionId: clash.id, resolution, note: 'Same person: ID card seen' },
          adminOf(hq),
        );
        expect(settled.effect).toMatchObject({
          type: 'customerMerged',
          customerId: ours.id,
          aliasId: twin.id,
        });

        // The loan landed under the survivor, at once, with everything held for it, in order.
        expect(await exceptionsOf(hq)).toEqual([]);
        expect(await loanRow(hq.db, loan.id)).toMatchObject({
          customer_id: ours.id,
          status: 'active',
          paid_total_minor: 1_500_000,
        });
        const held = (await exceptionsOf(hq, 'resolved')).filter((x) => x.kind !== 'duplicate_registration');
        expect(held.map((x) => [x.resolution, x.effect?.type])).toEqual(
          Array.from({ length: 4 }, () => ['accept_remote', 'eventApplied']),
        );
        expect(held.map((x) => (x.effect as { eventType: string }).eventType).sort()).toEqual([
          'loan.applied',
          'loan.decided',
          'loan.disbursed',
          'loan.transactionPosted',
        ]);
        expect(held.find((x) => x.kind === 'event_for_unknown_customer')?.effect).toMatchObject({
          eventType: 'loan.applied',
          customerId: ours.id,
        });

        // After the settlement, branch B takes a further repayment, and a second application for its
        // registration, approved.
        b.node.clock.advanceMinutes(5);
        await repay(clashed, loan.id, 1_000_000, 'MPESA-2');
        const second = await clashed.apply(twin.id, 2_000_000);
        await b.node.ok(
          'loans.decide',
          { loanId: second.id, decision: 'approve', reason: 'Fine' },
          clashed.admin,
        );
        await syncUntilQuiet(world, [...world.devices, replica]);

        expect(await exceptionsOf(hq)).toEqual([]);
        const atB = await loanRow(b.db, loan.id);
        expect(atB).toMatchObject({ customer_id: twin.id, status: 'active', paid_total_minor: 2_500_000 });
        // The same figures to the minor unit; only the borrower differs (branch B keeps its own record).
        expect(await loanRow(hq.db, loan.id)).toEqual({ ...atB, customer_id: ours.id });
        expect(await loanRow(hq.db, second.id)).toMatchObject({ customer_id: ours.id, status: 'approved' });
        expect(await guarantorsOf(hq.db, loan.id)).toEqual([friend.id]);
        const listed = await hq.node.ok('loans.list', { customerId: ours.id }, adminOf(hq));
        expect(listed.rows.map((l) => l.id).sort()).toEqual([loan.id, second.id].sort());

        // Branch B's loans replayed on one date, with their books: head office holds what B holds (the twin
        // read as the survivor), and so do a second head-office replica and one built from central's log.
        const asSurvivor = (dump: unknown) =>
          JSON.parse(JSON.stringify(dump).replaceAll(twin.id, ours.id)) as unknown;
        const atHq = await dumpLoans(hq.db, b.branchId);
        expect(atHq).toEqual(asSurvivor(await dumpLoans(b.db, b.branchId)));
        expect(await dumpLoans(replica.db, b.branchId)).toEqual(atHq);
        const late = await fresh();
        expect(await dumpLoans(late.db, b.branchId)).toEqual(atHq);
        const decisions = await exceptionsState(hq.db);
        expect(decisions.open).toBe(0);
        expect(await exceptionsState(replica.db)).toEqual(decisions);
        expect(await exceptionsState(late.db)).toEqual(decisions);
      });
    },
    120_000,
  );

  it('the twin guarantees loans of another customer: held at head office, not a failed sync, then the survivor guarantees them', async () => {
    await withWorld(async (world, replica, fresh) => {
      // One application names the twin as guarantor; the twin is added as guarantor to another afterwards.
      const { ours, friend, clash, lent } = await aClash(world, replica, async (branch) => {
        const named = await branch.apply(branch.friend.id, 5_000_000, [
          { customerId: branch.twin.id, guaranteedMinor: 2_000_000 },
        ]);
        const added = await branch.apply(branch.friend.id, 4_000_000);
        await branch.device.node.ok(
          'loans.addGuarantor',
          { loanId: added.id, customerId: branch.twin.id, guaranteedMinor: 1_000_000 },
          branch.officer,
        );
        return { named, added };
      });
      const hq = world.hq;
      expect(
        (await exceptionsOf(hq))
          .filter((x) => x.kind === 'event_for_unknown_customer')
          .map((x) => x.entityId)
          .sort(),
      ).toEqual([lent.named.id, lent.added.id].sort());
      expect(await loanRow(hq.db, lent.named.id)).toBeUndefined();
      expect(await guarantorsOf(hq.db, lent.added.id)).toEqual([]);

      await hq.node.ok(
        'sync.resolveException',
        { exceptionId: clash.id, resolution: 'merged', note: 'Same person' },
        adminOf(hq),
      );
      await syncUntilQuiet(world, [...world.devices, replica]);
      const late = await fresh();
      for (const device of [hq, replica, late]) {
        expect(await exceptionsState(device.db), device.name).toMatchObject({ open: 0 });
        expect(await loanRow(device.db, lent.named.id), device.name).toMatchObject({
          customer_id: friend.id,
        });
        expect(await guarantorsOf(device.db, lent.named.id), device.name).toEqual([ours.id]);
        expect(await guarantorsOf(device.db, lent.added.id), device.name).toEqual([ours.id]);
      }
    });
  }, 120_000);
});
