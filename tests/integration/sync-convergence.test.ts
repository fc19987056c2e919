// Convergence: branches with several devices (the first set up, the others joined through central) and a
// head office pulling everything run random operations through the real API while devices push, pull and sync
// in random interleavings — with batches sent twice and pulls dropped after a page. Once everyone has synced
// until quiet, every device of a branch and head office hold the same rows for that branch; a national ID
// registered at two branches is at head office once and in its exception queue once, never silently lost; and
// a device that joins at the end, one small page at a time, reaches the very same rows (the incremental state
// equals a rebuild from scratch; a sync stopped at any page and resumed equals an uninterrupted one).
//
// A new event type adds its operation to `operations` below (see the checklist in electron/sync/appliers.ts).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/contract';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runJoin } from '../../electron/cli/join';
import { joinBranch } from '../../electron/sync/join';
import { removeDir } from '../support/ledger';
import { hasPostgres, startPglite, startPostgres, type TestCentral } from '../support/central';
import { anIndividual, files } from '../support/customers';
import { aProduct } from '../support/loans';
import { writeTransaction } from '../../db/open';
import { writeSyncConfig } from '../../electron/core/sync/config';
import {
  aWorld,
  balancesDate,
  closeWorld,
  dumpBranch,
  exceptionsAt,
  joinDevice,
  newId,
  pullOf,
  pushOf,
  resetCentral,
  rngFrom,
  signInEveryone,
  syncOf,
  syncUntilQuiet,
  type Device,
  type Rng,
  type World,
  type WorldBranch,
} from '../support/syncWorld';

const backends: [string, () => Promise<TestCentral>][] = [['PGlite', startPglite]];
if (hasPostgres) backends.push(['PostgreSQL', startPostgres]);
else console.warn('SKIPPING the real-PostgreSQL convergence test: no server binaries');

export interface Operation {
  name: string;
  weight: number;
  run(world: World, rng: Rng): Promise<void>;
}

/** The result's data, or null when the refusal is one the bank's rules allow here; anything else fails. */
function allowed<T>(result: ApiResult<T>, reasons: string[]): T | null {
  if (!result.error) return result.data!;
  if (result.error.reason && reasons.includes(result.error.reason)) return null;
  throw new Error(`unexpected refusal: ${JSON.stringify(result.error)}`);
}

const branchOf = (world: World, device: Device) => world.branches.find((b) => b.code === device.branchCode)!;
const branchDevice = (world: World, rng: Rng) => rng.pick(rng.pick(world.branches).devices);
const anyDevice = (world: World, rng: Rng) => rng.pick(world.devices);
const tokenOf = (device: Device, username: string) => device.tokens.get(username)!;

async function customersOn(device: Device) {
  return device.db
    .selectFrom('customers')
    .select(['id', 'created_by', 'kind'])
    .where('branch_id', '=', device.branchId)
    .orderBy('id')
    .execute();
}

const editableFields = ['occupation', 'employer', 'city', 'address', 'region'] as const;
let nationalIds = 70_000_000;

async function onboard(world: World, device: Device, rng: Rng, idNumber?: string) {
  const branch = branchOf(world, device);
  const officer = rng.pick(branch.officers);
  const input = anIndividual({ duplicateOverrideReason: 'Confirmed at the counter' });
  if (idNumber) input.idNumber = idNumber;
  const c = await device.node.ok('customers.registerIndividual', input, tokenOf(device, officer.username));
  world.registered.push({ id: c.id, branchCode: branch.code, idNumber: input.idNumber });
  world.log.push(`${device.name}: onboard ${c.id}${idNumber ? ` id ${idNumber}` : ''}`);
}

/** Two different devices of one branch that both hold one of its customers, or null when there are none yet. */
async function twoDevicesSharingACustomer(world: World, rng: Rng) {
  const branches = world.branches.filter((b) => b.devices.length > 1);
  if (branches.length === 0) return null;
  const branch = rng.pick(branches);
  const one = rng.pick(branch.devices);
  const two = rng.pick(branch.devices.filter((d) => d !== one));
  const onTwo = new Set((await customersOn(two)).map((c) => c.id));
  const shared = (await customersOn(one)).filter((c) => onTwo.has(c.id));
  if (shared.length === 0) return null;
  return { branch, devices: [one, two] as const, customer: rng.pick(shared) };
}

/** Verified when the documents are there, else rejected; always by someone other than the onboarding officer. */
async function decideKyc(
  world: World,
  device: Device,
  customer: { id: string; created_by: string },
  rng: Rng,
) {
  const branch = branchOf(world, device);
  const checker = rng.pick(
    [branch.admin, ...branch.officers].filter((s) => s.userId !== customer.created_by),
  );
  device.node.clock.advanceMs(rng.int(3) * 1_000);
  let decision = rng.pick(['verified', 'rejected'] as const);
  const decide = () =>
    device.node.call(
      'kyc.decide',
      { customerId: customer.id, decision, note: `${decision} by ${checker.username} on ${device.name}` },
      tokenOf(device, checker.username),
    );
  if (allowed(await decide(), ['kyc_documents_missing']) === null) {
    decision = 'rejected';
    allowed(await decide(), []);
  }
  world.log.push(`${device.name}: kyc ${decision} ${customer.id}`);
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

async function loansOn(device: Device, status: 'submitted' | 'approved' | 'active') {
  return device.db
    .selectFrom('loans')
    .select(['id', 'disbursed_on', 'next_due_minor', 'outstanding_total_minor'])
    .where('branch_id', '=', device.branchId)
    .where('status', '=', status)
    .orderBy('id')
    .execute();
}

/** Two devices of one branch that both hold one of its loans in `status` (each thinks so), or null. */
async function twoDevicesSharingALoan(world: World, rng: Rng, status: 'submitted' | 'approved' | 'active') {
  const branches = world.branches.filter((b) => b.devices.length > 1);
  if (branches.length === 0) return null;
  const branch = rng.pick(branches);
  const one = rng.pick(branch.devices);
  const two = rng.pick(branch.devices.filter((d) => d !== one));
  const onTwo = new Set((await loansOn(two, status)).map((l) => l.id));
  const shared = (await loansOn(one, status)).filter((l) => onTwo.has(l.id));
  if (shared.length === 0) return null;
  return { branch, devices: [one, two] as const, loan: rng.pick(shared) };
}

const adminOf = (_world: World, device: Device) => `${device.branchCode.toLowerCase()}-admin`;
let productCodes = 0;

async function repay(
  world: World,
  device: Device,
  loan: { id: string; disbursed_on: string | null; next_due_minor: number },
  rng: Rng,
) {
  const today = await businessDateOf(device);
  const from = loan.disbursed_on ?? today;
  // Sometimes backdated (a transfer that arrived days ago), anywhere from the disbursement to today.
  const days = Math.max(0, Math.round((Date.parse(today) - Date.parse(from)) / 86_400_000));
  const valueDate = new Date(Date.parse(from) + rng.int(days + 1) * 86_400_000).toISOString().slice(0, 10);
  device.node.clock.advanceMs(rng.int(3) * 1_000);
  const result = await device.node.call(
    'loans.repay',
    {
      loanId: loan.id,
      amountMinor: 1 + rng.int(Math.max(2, Math.round(loan.next_due_minor * 1.5))),
      channel: 'transfer',
      reference: `MPESA-${rng.int(1_000_000)}`,
      valueDate,
      idempotencyKey: newId(),
    },
    tokenOf(device, adminOf(world, device)),
  );
  if (allowed(result, ['loan_wrong_state', 'backdating_not_allowed']))
    world.log.push(`${device.name}: repay ${loan.id} on ${valueDate}`);
}

/** An officer of the device's branch applies for a loan for one of its customers, or null when there is none. */
async function applyOn(world: World, device: Device, rng: Rng, purpose: string) {
  const products = await device.db.selectFrom('loan_products').select('id').orderBy('id').execute();
  const customers = await customersOn(device);
  if (products.length === 0 || customers.length === 0) return null;
  const officer = rng.pick(branchOf(world, device).officers);
  return device.node.ok(
    'loans.apply',
    {
      customerId: rng.pick(customers).id,
      productId: rng.pick(products).id,
      principalMinor: 1_000_000 + rng.int(50) * 100_000,
      repayments: 2 + rng.int(6),
      expectedDisbursementDate: await businessDateOf(device),
      purpose,
      overrideReason: 'Known to the branch',
      idempotencyKey: newId(),
    },
    tokenOf(device, officer.username),
  );
}

export const operations: Operation[] = [
  {
    name: 'head office adds a loan product',
    weight: 1,
    async run(world, rng) {
      world.hq.node.clock.advanceMs(rng.int(3) * 1_000);
      await world.hq.node.ok(
        'loanProducts.save',
        aProduct({
          code: `P${++productCodes}`,
          termsTemplate: {
            interestMethod: rng.pick(['declining_balance', 'flat'] as const),
            frequency: rng.pick(['weeks', 'months'] as const),
            penalties: {
              lateFee: { amount: String(100 + rng.int(500)), graceDays: rng.int(3) },
              annualRate: '12',
            },
          },
        }),
        tokenOf(world.hq, adminOf(world, world.hq)),
      );
    },
  },
  {
    name: 'an officer applies for a loan',
    weight: 3,
    async run(world, rng) {
      const device = branchDevice(world, rng);
      const loan = await applyOn(world, device, rng, 'Working capital');
      if (!loan) return;
      world.log.push(`${device.name}: apply ${loan.id}`);
    },
  },
  {
    name: 'a loan goes from application to disbursement on one device',
    weight: 2,
    async run(world, rng) {
      const device = branchDevice(world, rng);
      const loan = await applyOn(world, device, rng, 'Stock');
      if (!loan) return;
      const admin = tokenOf(device, adminOf(world, device));
      await device.node.ok('loans.decide', { loanId: loan.id, decision: 'approve', reason: 'Fine' }, admin);
      await device.node.ok(
        'loans.disburse',
        { loanId: loan.id, channel: 'transfer', reference: `BANK-${rng.int(1000)}`, idempotencyKey: newId() },
        admin,
      );
      world.log.push(`${device.name}: disburse ${loan.id} at once`);
    },
  },
  {
    name: 'a manager decides an application',
    weight: 3,
    async run(world, rng) {
      const device = branchDevice(world, rng);
      const submitted = await loansOn(device, 'submitted');
      if (submitted.length === 0) return;
      const loan = rng.pick(submitted);
      const decision = rng.pick(['approve', 'approve', 'approve', 'return', 'reject'] as const);
      await device.node.ok(
        'loans.decide',
        { loanId: loan.id, decision, reason: `${decision} on ${device.name}` },
        tokenOf(device, adminOf(world, device)),
      );
      world.log.push(`${device.name}: ${decision} ${loan.id}`);
    },
  },
  {
    name: 'two devices of a branch decide the same application offline',
    weight: 2,
    async run(world, rng) {
      const pair = await twoDevicesSharingALoan(world, rng, 'submitted');
      if (!pair) return;
      for (const device of pair.devices) {
        device.node.clock.advanceMs(rng.int(3) * 1_000);
        const decision = rng.pick(['approve', 'approve', 'return', 'reject'] as const);
        const result = await device.node.call(
          'loans.decide',
          { loanId: pair.loan.id, decision, reason: `${decision} on ${device.name}` },
          tokenOf(device, adminOf(world, device)),
        );
        if (allowed(result, ['loan_wrong_state']))
          world.log.push(`${device.name}: ${decision} ${pair.loan.id}`);
      }
    },
  },
  {
    name: 'an approved loan is disbursed (sometimes on two devices offline)',
    weight: 3,
    async run(world, rng) {
      const pair = rng.int(3) === 0 ? await twoDevicesSharingALoan(world, rng, 'approved') : null;
      const device = branchDevice(world, rng);
      const single = (await loansOn(device, 'approved'))[0];
      const targets = pair
        ? pair.devices.map((d) => [d, pair.loan.id] as const)
        : single
          ? [[device, single.id] as const]
          : [];
      for (const [d, loanId] of targets) {
        d.node.clock.advanceMs(rng.int(3) * 1_000);
        const result = await d.node.call(
          'loans.disburse',
          { loanId, channel: 'transfer', reference: `BANK-${rng.int(1000)}`, idempotencyKey: newId() },
          tokenOf(d, adminOf(world, d)),
        );
        if (allowed(result, ['already_disbursed', 'loan_wrong_state']))
          world.log.push(`${d.name}: disburse ${loanId}`);
      }
    },
  },
  {
    name: 'a repayment is posted, sometimes backdated',
    weight: 5,
    async run(world, rng) {
      const device = branchDevice(world, rng);
      const active = await loansOn(device, 'active');
      if (active.length > 0) await repay(world, device, rng.pick(active), rng);
    },
  },
  {
    name: 'one device writes a loan off while another takes a repayment on it',
    weight: 1,
    async run(world, rng) {
      const pair = await twoDevicesSharingALoan(world, rng, 'active');
      if (!pair) return;
      const [one, two] = pair.devices;
      const off = await one.node.call(
        'loans.writeOff',
        { loanId: pair.loan.id, reason: 'Customer left', idempotencyKey: newId() },
        tokenOf(one, adminOf(world, one)),
      );
      if (allowed(off, ['loan_wrong_state'])) world.log.push(`${one.name}: write off ${pair.loan.id}`);
      await repay(world, two, pair.loan, rng);
    },
  },
  {
    name: 'a manager reverses a repayment',
    weight: 1,
    async run(world, rng) {
      const device = branchDevice(world, rng);
      const repayments = await device.db
        .selectFrom('loan_transactions')
        .innerJoin('loans', 'loans.id', 'loan_transactions.loan_id')
        .select('loan_transactions.id')
        .where('loans.branch_id', '=', device.branchId)
        .where('loan_transactions.type', '=', 'repayment')
        .orderBy('loan_transactions.id')
        .execute();
      if (repayments.length === 0) return;
      const result = await device.node.call(
        'loans.reverse',
        {
          transactionId: rng.pick(repayments).id,
          reason: 'Posted to the wrong loan',
          idempotencyKey: newId(),
        },
        tokenOf(device, adminOf(world, device)),
      );
      allowed(result, ['already_reversed', 'loan_wrong_state']);
    },
  },
  {
    name: 'a day passes: every device runs end-of-day',
    weight: 1,
    async run(world) {
      for (const device of world.devices) device.node.clock.advanceMs(86_400_000);
      await signInEveryone(world);
      for (const device of world.devices)
        await device.node.ok('eod.run', {}, tokenOf(device, adminOf(world, device)));
      world.log.push('a day passes');
    },
  },
  {
    name: 'an officer onboards an individual',
    weight: 4,
    run: (world, rng) => onboard(world, branchDevice(world, rng), rng),
  },
  {
    name: 'two branches onboard the same national ID offline',
    weight: 1,
    async run(world, rng) {
      if (world.branches.length < 2) return;
      const first = rng.int(world.branches.length);
      const second = (first + 1 + rng.int(world.branches.length - 1)) % world.branches.length;
      const idNumber = String(nationalIds++);
      await onboard(world, rng.pick(world.branches[first]!.devices), rng, idNumber);
      await onboard(world, rng.pick(world.branches[second]!.devices), rng, idNumber);
    },
  },
  {
    name: 'two devices of a branch edit the same customer',
    weight: 4,
    async run(world, rng) {
      const pair = await twoDevicesSharingACustomer(world, rng);
      if (!pair) return;
      const { branch, devices, customer } = pair;
      for (const device of devices) {
        device.node.clock.advanceMs(rng.int(3) * 1_000);
        const field = rng.pick(editableFields);
        const other = rng.pick(editableFields);
        const changes = { [field]: `${field} ${rng.int(1000)}`, [other]: `${other} ${rng.int(1000)}` };
        const officer = rng.pick([branch.admin, ...branch.officers]);
        await device.node.ok(
          'customers.update',
          { customerId: customer.id, changes },
          tokenOf(device, officer.username),
        );
        world.log.push(`${device.name}: edit ${customer.id} ${JSON.stringify(changes)}`);
      }
    },
  },
  {
    name: 'two devices of a branch decide the KYC of the same customer',
    weight: 2,
    async run(world, rng) {
      const pair = await twoDevicesSharingACustomer(world, rng);
      if (!pair) return;
      for (const device of pair.devices) await decideKyc(world, device, pair.customer, rng);
    },
  },
  {
    name: 'head office edits a branch customer',
    weight: 1,
    async run(world, rng) {
      const held = await world.hq.db.selectFrom('customers').select('id').orderBy('id').execute();
      if (held.length === 0) return;
      const customer = rng.pick(held);
      world.hq.node.clock.advanceMs(rng.int(3) * 1_000);
      const field = rng.pick(editableFields);
      await world.hq.node.ok(
        'customers.update',
        { customerId: customer.id, changes: { [field]: `HQ ${field} ${rng.int(1000)}` } },
        tokenOf(world.hq, `${world.hq.branchCode.toLowerCase()}-admin`),
      );
      world.log.push(`HQ: edit ${customer.id} ${field}`);
    },
  },
  {
    name: 'a second officer decides KYC (four eyes)',
    weight: 2,
    async run(world, rng) {
      const device = branchDevice(world, rng);
      const customers = await customersOn(device);
      if (customers.length > 0) await decideKyc(world, device, rng.pick(customers), rng);
    },
  },
  {
    name: 'an officer logs a communication',
    weight: 2,
    async run(world, rng) {
      const device = branchDevice(world, rng);
      const customers = await customersOn(device);
      if (customers.length === 0) return;
      const officer = rng.pick(branchOf(world, device).officers);
      await device.node.ok(
        'communications.log',
        {
          customerId: rng.pick(customers).id,
          channel: rng.pick(['call', 'visit', 'sms', 'email'] as const),
          direction: rng.pick(['inbound', 'outbound'] as const),
          subject: `Follow-up ${rng.int(1000)}`,
        },
        tokenOf(device, officer.username),
      );
    },
  },
  {
    name: 'an officer relates two customers',
    weight: 2,
    async run(world, rng) {
      const device = branchDevice(world, rng);
      const customers = await customersOn(device);
      if (customers.length < 2) return;
      const a = rng.pick(customers);
      const b = rng.pick(customers.filter((c) => c.id !== a.id));
      const officer = rng.pick(branchOf(world, device).officers);
      const result = await device.node.call(
        'relationships.add',
        { customerId: a.id, relatedCustomerId: b.id, kind: rng.pick(['spouse', 'next_of_kin'] as const) },
        tokenOf(device, officer.username),
      );
      allowed(result, ['relationship_exists']);
    },
  },
  {
    name: 'an officer ends a relationship',
    weight: 1,
    async run(world, rng) {
      const device = branchDevice(world, rng);
      const open = await device.db
        .selectFrom('relationships')
        .innerJoin('customers', 'customers.id', 'relationships.customer_id')
        .select('relationships.id')
        .where('customers.branch_id', '=', device.branchId)
        .where('removed_at', 'is', null)
        .orderBy('relationships.id')
        .execute();
      if (open.length === 0) return;
      const officer = rng.pick(branchOf(world, device).officers);
      await device.node.ok(
        'relationships.remove',
        { relationshipId: rng.pick(open).id },
        tokenOf(device, officer.username),
      );
    },
  },
  {
    name: 'an officer attaches a document',
    weight: 1,
    async run(world, rng) {
      const device = branchDevice(world, rng);
      const customers = await customersOn(device);
      if (customers.length === 0) return;
      const officer = rng.pick(branchOf(world, device).officers);
      await device.node.ok(
        'documents.upload',
        {
          customerId: rng.pick(customers).id,
          kind: 'proof_of_address',
          fileName: `bill-${rng.int(1000)}.png`,
          contentBase64: files.png.toString('base64'),
        },
        tokenOf(device, officer.username),
      );
    },
  },
  {
    name: 'an administrator creates a staff account',
    weight: 1,
    async run(world, rng) {
      const device = branchDevice(world, rng);
      const branch = branchOf(world, device);
      const username = `${branch.code.toLowerCase()}-staff${world.usernames.size}`;
      world.usernames.add(username);
      await device.node.ok(
        'users.create',
        {
          username,
          displayName: `Staff ${username}`,
          role: rng.pick(['teller', 'loan_officer'] as const),
          temporaryPassword: 'Temporary-Pass-123',
        },
        tokenOf(device, branch.admin.username),
      );
    },
  },
  // Sync steps, interleaved with the work above.
  {
    name: 'a device pushes in small batches',
    weight: 3,
    run: async (world, rng) => void (await pushOf(world, anyDevice(world, rng), 1 + rng.int(3))),
  },
  {
    name: 'a device pulls in small pages',
    weight: 3,
    run: async (world, rng) =>
      void (await pullOf(world, anyDevice(world, rng), { pageSize: 2 + rng.int(4) })),
  },
  {
    name: 'a device runs a full sync',
    weight: 3,
    run: async (world, rng) => void (await syncOf(world, anyDevice(world, rng))),
  },
  {
    name: 'a batch is sent again after a lost acknowledgement',
    weight: 1,
    async run(world, rng) {
      const device = anyDevice(world, rng);
      device.node.ledger.sqlite
        .prepare(
          `UPDATE events SET pushed_at = NULL WHERE device_seq > (SELECT coalesce(max(device_seq), 0) - ? FROM events)`,
        )
        .run(1 + rng.int(4));
      await pushOf(world, device, 1 + rng.int(3));
    },
  },
  {
    name: 'a pull drops after one small page',
    weight: 2,
    run: async (world, rng) =>
      void (await pullOf(world, anyDevice(world, rng), { pageSize: 1 + rng.int(3), maxPages: 1 })),
  },
];

function pickOperation(choice: number): Operation {
  const total = operations.reduce((sum, o) => sum + o.weight, 0);
  let at = choice % total;
  for (const o of operations) {
    if (at < o.weight) return o;
    at -= o.weight;
  }
  return operations[0]!;
}

async function expectConverged(world: World, rng: Rng) {
  await syncUntilQuiet(world);
  for (const d of world.devices) {
    const pending = await d.db.selectFrom('events').select('id').where('pushed_at', 'is', null).execute();
    expect(pending, `${d.name} has an empty outbox`).toHaveLength(0);
  }
  // A clash of national IDs: head office keeps the first it received and queues the other for a manager.
  const queued = await exceptionsAt(world.hq);
  const atHq = new Set((await world.hq.db.selectFrom('customers').select('id').execute()).map((c) => c.id));
  for (const r of world.registered) {
    expect(atHq.has(r.id) || queued.has(r.id), `customer ${r.id} is at head office or in its queue`).toBe(
      true,
    );
    expect(atHq.has(r.id) && queued.has(r.id)).toBe(false);
  }
  const byId = new Map<string, number>();
  for (const r of world.registered) byId.set(r.idNumber, (byId.get(r.idNumber) ?? 0) + 1);
  expect(queued.size).toBe([...byId.values()].reduce((n, k) => n + k - 1, 0));

  const fresh: Device[] = [];
  try {
    for (const branch of world.branches) {
      const reference = await dumpBranch(branch.devices[0]!, branch.id);
      // The books are derived from the same events on every replica: a disbursed loan shows in its trial balance.
      if (reference.loans.some((l) => 'balances' in l))
        expect(Object.keys(reference.books).length, `${branch.code} has books`).toBeGreaterThan(0);
      for (const d of branch.devices.slice(1))
        expect(await dumpBranch(d, branch.id), `${d.name} agrees with ${branch.devices[0]!.name}`).toEqual(
          reference,
        );
      expect(await dumpBranch(world.hq, branch.id, queued), `head office agrees on ${branch.code}`).toEqual(
        await dumpBranch(branch.devices[0]!, branch.id, queued),
      );
    }
    // Head office reports across branches from the same derived books: each branch's trial balance there is
    // the branch's own (when head office holds all of its customers), and the whole institution's is their sum.
    await headOfficeReportsAcrossBranches(world, queued);
    // Rebuild from scratch: a device joining now, its pull stopped after every small page and resumed.
    const branch: WorldBranch = rng.pick(world.branches);
    const rebuilt = await joinDevice(world.central, branch, '09', { pageSize: 1 + rng.int(4), maxPages: 1 });
    fresh.push(rebuilt);
    expect(await dumpBranch(rebuilt, branch.id), `a rebuilt ${branch.code} device agrees`).toEqual(
      await dumpBranch(branch.devices[0]!, branch.id),
    );
  } finally {
    for (const d of fresh) {
      await d.node.close();
    }
  }
}

describe.each(backends)('sync convergence with %s', (_name, start) => {
  let server: TestCentral;
  beforeAll(async () => {
    server = await start();
  }, 60_000);
  afterAll(async () => {
    await server.stop();
  }, 60_000);

  it('a second device joins a branch: its staff sign in with their passwords, and a used device code is refused', async () => {
    await resetCentral(server.central);
    const world = await aWorld(server.central, [1]);
    const branch = world.branches[0]!;
    const first = branch.devices[0]!;
    const joined: Device[] = [];
    try {
      // joinDevice signs every staff member in with the password they set on the first device.
      const second = await joinDevice(server.central, branch, '02');
      joined.push(second);
      expect(await second.node.ok('setup.status', {})).toMatchObject({
        isInitialised: true,
        institutionName: 'Umoja Microfinance',
        branch: { code: branch.code },
      });
      const officer = branch.officers[0]!;
      const c = await second.node.ok(
        'customers.registerIndividual',
        anIndividual(),
        tokenOf(second, officer.username),
      );
      expect(c.customerNo).toMatch(new RegExp(`^${branch.code}-02-`));
      await syncOf(world, second);
      await syncOf(world, first);
      expect(await dumpBranch(first, branch.id)).toEqual(await dumpBranch(second, branch.id));

      await expect(joinDevice(server.central, branch, '01')).rejects.toMatchObject({
        reason: 'device_code_taken',
      });
      await expect(
        joinBranch(second.db, server.central, { branchCode: branch.code, deviceCode: '03', newId }),
      ).rejects.toMatchObject({ reason: 'already_initialised' });

      const out: string[] = [];
      const err: string[] = [];
      const io = {
        stdout: (t: string) => out.push(t),
        stderr: (t: string) => err.push(t),
        stdin: () => '',
        env: {},
      };
      const dir = mkdtempSync(join(tmpdir(), 'lms-join-'));
      try {
        const code = await runJoin(
          [
            '--db',
            join(dir, 'ledger.sqlite'),
            '--central',
            server.url,
            '--branch-code',
            branch.code,
            '--device-code',
            '04',
          ],
          io,
        );
        expect(code, err.join('\n')).toBe(0);
        expect(JSON.parse(out[0]!)).toMatchObject({
          isComplete: true,
          institutionName: 'Umoja Microfinance',
        });
        expect(
          await runJoin(
            [
              '--db',
              join(dir, 'x.sqlite'),
              '--central',
              server.url,
              '--branch-code',
              'NOPE',
              '--device-code',
              '01',
            ],
            io,
          ),
        ).toBe(1);
        expect(await runJoin([], io)).toBe(2);
      } finally {
        removeDir(dir);
      }
    } finally {
      await closeWorld(world, joined);
    }
  }, 30_000);

  it('head office keeps one of two customers with the same national ID, and queues the other with its notes and links', async () => {
    await resetCentral(server.central);
    const world = await aWorld(server.central, [1, 1]);
    try {
      const [a, b] = world.branches.map((br) => br.devices[0]!);
      const rng = rngFrom(7);
      await onboard(world, a!, rng, '55443322');
      await onboard(world, b!, rng, '55443322');
      const twin = world.registered[1]!.id;
      await onboard(world, b!, rng);
      const officer = world.branches[1]!.officers[0]!.username;
      await b!.node.ok(
        'communications.log',
        { customerId: twin, channel: 'visit', direction: 'inbound', subject: 'Came in' },
        tokenOf(b!, officer),
      );
      await b!.node.ok(
        'relationships.add',
        { customerId: world.registered[2]!.id, relatedCustomerId: twin, kind: 'spouse' },
        tokenOf(b!, officer),
      );
      await syncUntilQuiet(world);
      const queued = await world.hq.db.selectFrom('sync_exceptions').select(['kind', 'entity_id']).execute();
      expect(queued.map((q) => q.kind).sort()).toEqual([
        'duplicate_registration',
        'event_for_unknown_customer',
        'event_for_unknown_customer',
      ]);
      expect(await world.hq.db.selectFrom('customers').select('id').where('id', '=', twin).execute()).toEqual(
        [],
      );
    } finally {
      await closeWorld(world);
    }
  }, 30_000);

  it('every device of a branch and head office agree on every customer, history, document, link, note and staff account, whatever the interleaving', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 2, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 30, maxLength: 45 }),
        async (drawn, steps) => {
          await resetCentral(server.central);
          const devicesPerBranch: number[] = [...drawn];
          if (!devicesPerBranch.some((n) => n > 1)) devicesPerBranch[0] = 2;
          const world = await aWorld(server.central, devicesPerBranch);
          try {
            // Head office's first product and one customer per device reach everyone first, so loan
            // operations have something to work on from the first steps.
            await operations
              .find((o) => o.name === 'head office adds a loan product')!
              .run(world, rngFrom(1));
            for (const branch of world.branches)
              for (const d of branch.devices) await onboard(world, d, rngFrom(2));
            await syncUntilQuiet(world);
            for (const [choice, seed] of steps) {
              const rng = rngFrom(seed);
              const op = pickOperation(choice);
              try {
                await op.run(world, rng);
              } catch (error) {
                throw new Error(`${op.name} failed: ${(error as Error).message}\n${world.log.join('\n')}`, {
                  cause: error,
                });
              }
            }
            if (process.env.LMS_SYNC_LOG) console.log(world.log.join('\n'));
            await expectConverged(world, rngFrom(steps.length));
          } finally {
            await closeWorld(world);
          }
        },
      ),
      { numRuns: 5, endOnFailure: true },
    );
  }, 60_000);
});

async function headOfficeReportsAcrossBranches(world: World, queued: ReadonlySet<string>) {
  const hqAdmin = `${world.hq.branchCode.toLowerCase()}-admin`;
  await writeTransaction(world.hq.db, (tx) =>
    writeSyncConfig(
      tx,
      { url: 'postgres://central', user: 'hq', isHeadOffice: true, isAutoSync: false },
      balancesDate,
    ),
  );
  const balancesAt = async (device: Device, token: string, branchId?: string) => {
    const tb = await device.node.ok(
      'reports.trialBalance',
      { period: balancesDate.slice(0, 7), ...(branchId ? { branchId } : {}) },
      token,
    );
    expect(tb.totalDebitMinor, `${device.name}: debits equal credits`).toBe(tb.totalCreditMinor);
    return Object.fromEntries(tb.accounts.map((a) => [a.code, a.debitBalanceMinor - a.creditBalanceMinor]));
  };
  const sum: Record<string, number> = {};
  for (const branch of world.branches) {
    const atHq = await balancesAt(world.hq, world.hq.tokens.get(hqAdmin)!, branch.id);
    for (const [code, v] of Object.entries(atHq)) sum[code] = (sum[code] ?? 0) + v;
    const theirs = await dumpBranch(branch.devices[0]!, branch.id);
    const held = (
      await world.hq.db.selectFrom('customers').select('id').where('branch_id', '=', branch.id).execute()
    ).length;
    if (queued.size === 0 || held === theirs.customers.length) {
      const device = branch.devices[0]!;
      expect(atHq, `head office's ${branch.code} trial balance`).toEqual(
        await balancesAt(device, device.tokens.get(branch.admin.username)!),
      );
    }
  }
  const all = await balancesAt(world.hq, world.hq.tokens.get(hqAdmin)!);
  expect(Object.fromEntries(Object.entries(all).filter(([, v]) => v !== 0))).toEqual(
    Object.fromEntries(Object.entries(sum).filter(([, v]) => v !== 0)),
  );
}
