// End-of-day on a real ledger: the business date moves to today in the branch's time zone (never back, never
// beyond today), every active loan is brought current (days past due, penalties), reminders are queued once with
// their communications and events, progress is visible while it runs, a failed run leaves nothing behind, and
// another device follows the business date forward.
import { randomUUID } from 'node:crypto';
import { toMinor } from '../../shared/money';
import { afterEach, describe, expect, it } from 'vitest';
import { writeTransaction } from '../../db/open';
import type { WriteCtx } from '../../electron/core/context';
import { eodProgress, ensureBusinessDateCurrent, type EodProgress } from '../../electron/core/loans/eod';
import { projectLoan } from '../../electron/core/loans/project';
import type { RemoteEvent } from '../../electron/sync/appliers';
import { tillAppliers } from '../../electron/sync/tillAppliers';
import { anIndividual } from '../support/customers';
import { aLoanBranch } from '../support/loans';
import { aBranch, adminPassword, removeDir, TestClock, type TestBranch } from '../support/ledger';

type Branch = Awaited<ReturnType<typeof aBranch>>;

const opened: TestBranch[] = [];
afterEach(async () => {
  for (const b of opened.splice(0)) {
    await b.close();
    removeDir(b.dir);
  }
});

/** A branch whose clock reads 08:00 in Nairobi on `isoDate` (the ledger was set up on 2026-11-25). */
async function aBranchOn(setup: Parameters<typeof aBranch>[0] = {}) {
  const b = await aBranch({ clock: new TestClock(Date.parse('2026-11-25T05:00:00.000Z')), ...setup });
  opened.push(b);
  return b;
}

const day = 24 * 60;

/** Moves the branch's clock on by whole days; the administrator signs in again (sessions do not last days). */
async function daysLater(b: Branch, days: number, minutes = 0) {
  b.clock.advanceMinutes(days * day + minutes);
  b.adminToken = (await b.ok('auth.signIn', { username: 'amina', password: adminPassword })).sessionToken;
}

async function aProduct(b: Branch) {
  const id = randomUUID();
  const now = b.clock.now().toISOString();
  await b.ledger.db
    .insertInto('loan_products')
    .values({
      id,
      code: `P${id.slice(0, 6)}`,
      name: 'Biashara weekly',
      kind: 'personal',
      currency: 'KES',
      digits: 2,
      min_principal_minor: 100_000,
      max_principal_minor: 100_000_000,
      min_repayments: 1,
      max_repayments: 52,
      min_rate: '0',
      max_rate: '60',
      default_rate: '24',
      terms_template: '{"interestMethod":"declining_balance","frequency":"weeks"}',
      eligibility: '{}',
      approval_limits: '{}',
      allows_tranches: 0,
      is_active: 1,
      hlc: '0',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/**
 * A disbursed weekly loan written as posting would leave it: the loan row with its fixed terms, the disbursement
 * transaction, and the projection as of the business date.
 */
async function aDisbursedLoan(
  b: Branch,
  {
    productId,
    customerId,
    disbursedOn,
    principal = '50000',
    n,
  }: {
    productId: string;
    customerId: string;
    disbursedOn: string;
    principal?: string;
    n: number;
  },
) {
  const id = randomUUID();
  const now = b.clock.now().toISOString();
  const branch = await b.ledger.db
    .selectFrom('branches')
    .select(['id', 'business_date'])
    .executeTakeFirstOrThrow();
  const principalMinor = toMinor(principal, 2);
  const terms = {
    principal,
    currency: 'KES',
    digits: 2,
    annualRate: '24',
    interestMethod: 'declining_balance',
    repayments: 4,
    frequency: 'weeks',
    disbursementDate: disbursedOn,
    penalties: { annualRate: '36' },
  };
  await b.ledger.db
    .insertInto('loans')
    .values({
      id,
      branch_id: branch.id,
      customer_id: customerId,
      product_id: productId,
      officer_id: 'officer',
      created_by: 'officer',
      application_no: `NBO-01-A${String(n).padStart(6, '0')}`,
      account_no: `NBO-01-L${String(n).padStart(6, '0')}`,
      status: 'active',
      purpose: 'Stock for the shop',
      currency: 'KES',
      digits: 2,
      requested_principal_minor: principalMinor,
      approved_principal_minor: principalMinor,
      disbursed_principal_minor: principalMinor,
      repayments: 4,
      annual_rate: '24',
      terms: JSON.stringify(terms),
      terms_from: null,
      expected_disbursement_date: disbursedOn,
      submitted_at: now,
      decided_by: 'manager',
      decided_at: now,
      decision_reason: 'Good history',
      disbursed_on: disbursedOn,
      closed_on: null,
      written_off_on: null,
      as_of: null,
      next_due_date: null,
      maturity_date: null,
      created_at: now,
      updated_at: now,
    } as never)
    .execute();
  await b.ledger.db
    .insertInto('loan_transactions')
    .values({
      id: randomUUID(),
      loan_id: id,
      branch_id: branch.id,
      type: 'disbursement',
      amount_minor: principalMinor,
      component: null,
      reverses_id: null,
      value_date: disbursedOn,
      hlc: `0000${n}`,
      channel: 'transfer',
      reference: null,
      till_id: null,
      receipt_no: null,
      idempotency_key: null,
      allocation: null,
      note: null,
      posted_by: 'teller',
      posted_at: now,
    })
    .execute();
  await writeTransaction(b.ledger.db, (tx) => projectLoan(tx, id, branch.business_date));
  return id;
}

async function aCustomer(b: Branch) {
  return (await b.ok('customers.registerIndividual', anIndividual(), b.adminToken)).id;
}

const loanRow = (b: Branch, id: string) =>
  b.ledger.db.selectFrom('loans').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('the business date', () => {
  it('is behind once the calendar moves on, and end-of-day brings it to today with a run, an event and an audit row', async () => {
    const b = await aBranchOn();
    expect(await b.ok('eod.status', {}, b.adminToken)).toMatchObject({
      businessDate: '2026-11-25',
      today: '2026-11-25',
      isBehind: false,
      lastRun: null,
      progress: null,
    });
    await daysLater(b, 2);
    expect(await b.ok('eod.status', {}, b.adminToken)).toMatchObject({ today: '2026-11-27', isBehind: true });

    const run = await b.ok('eod.run', {}, b.adminToken);
    expect(run).toEqual({
      businessDate: '2026-11-27',
      previousDate: '2026-11-25',
      loansProcessed: 0,
      loansReplayed: 0,
      remindersQueued: 0,
    });
    expect(await b.ok('eod.status', {}, b.adminToken)).toMatchObject({
      businessDate: '2026-11-27',
      isBehind: false,
      lastRun: { businessDate: '2026-11-27', loansProcessed: 0 },
    });
    const rows = await b.ledger.db.selectFrom('eod_runs').selectAll().execute();
    expect(rows).toEqual([
      expect.objectContaining({ business_date: '2026-11-27', previous_date: '2026-11-25' }),
    ]);
    const event = await b.ledger.db
      .selectFrom('events')
      .selectAll()
      .where('type', '=', 'eod.completed')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.payload)).toMatchObject({
      businessDate: '2026-11-27',
      previousDate: '2026-11-25',
      loansProcessed: 0,
    });
    const audit = await b.ledger.db
      .selectFrom('audit_log')
      .select(['action', 'username'])
      .where('action', '=', 'eod.completed')
      .execute();
    expect(audit).toEqual([{ action: 'eod.completed', username: 'amina' }]);
  });

  it('counts today in the branch’s time zone, not UTC', async () => {
    const b = await aBranchOn();
    // 22:30 UTC on the 25th is 01:30 on the 26th in Nairobi (UTC+3).
    await daysLater(b, 0, (22.5 - 5) * 60);
    expect(await b.ok('eod.status', {}, b.adminToken)).toMatchObject({ today: '2026-11-26', isBehind: true });
    const abidjan = await aBranchOn({ setup: { timeZone: 'Africa/Abidjan' } });
    await daysLater(abidjan, 0, (22.5 - 5) * 60);
    expect(await abidjan.ok('eod.status', {}, abidjan.adminToken)).toMatchObject({
      today: '2026-11-25',
      isBehind: false,
    });
  });

  it('moves to a chosen date not beyond today, never back, and refuses a second run on the same date', async () => {
    const b = await aBranchOn();
    await daysLater(b, 3);
    const before = await b.ledger.db.selectFrom('events').select('id').execute();
    expect((await b.call('eod.run', { toDate: '2026-11-29' }, b.adminToken)).error).toMatchObject({
      code: 'VALIDATION',
      reason: 'eod_date_invalid',
      issues: [{ path: 'toDate' }],
    });
    expect((await b.call('eod.run', { toDate: '2026-11-24' }, b.adminToken)).error).toMatchObject({
      reason: 'eod_date_invalid',
    });
    expect((await b.call('eod.run', { toDate: '2026-11-25' }, b.adminToken)).error).toMatchObject({
      code: 'CONFLICT',
      reason: 'eod_already_run',
    });
    expect(await b.ledger.db.selectFrom('events').select('id').execute()).toEqual(before);

    expect((await b.ok('eod.run', { toDate: '2026-11-26' }, b.adminToken)).businessDate).toBe('2026-11-26');
    expect((await b.ok('eod.status', {}, b.adminToken)).isBehind).toBe(true);
    expect((await b.ok('eod.run', {}, b.adminToken)).previousDate).toBe('2026-11-26');
    expect((await b.call('eod.run', {}, b.adminToken)).error).toMatchObject({ reason: 'eod_already_run' });
    expect(
      await b.ledger.db.selectFrom('eod_runs').select('business_date').orderBy('business_date').execute(),
    ).toEqual([{ business_date: '2026-11-26' }, { business_date: '2026-11-28' }]);
  });

  it('answers today for a posting while end-of-day is behind, without moving the business date', async () => {
    const b = await aBranchOn();
    await daysLater(b, 1);
    const branch = await b.ledger.db.selectFrom('branches').select('id').executeTakeFirstOrThrow();
    const date = await writeTransaction(b.ledger.db, (tx) =>
      ensureBusinessDateCurrent({
        tx,
        db: b.ledger.db,
        clock: b.clock,
        device: { id: 'd', code: '01', branchId: branch.id, branchCode: 'NBO' },
      } as unknown as WriteCtx),
    );
    expect(date).toBe('2026-11-26');
    expect((await b.ok('eod.status', {}, b.adminToken)).businessDate).toBe('2026-11-25');
  });
});

describe('loans at end-of-day', () => {
  it('brings every active loan current: days past due and penalty interest move with the date', async () => {
    const b = await aBranchOn();
    const productId = await aProduct(b);
    const customerId = await aCustomer(b);
    // Weekly from 1 November: 8, 15 and 22 November are unpaid on the 25th.
    const late = await aDisbursedLoan(b, { productId, customerId, disbursedOn: '2026-11-01', n: 1 });
    const before = await loanRow(b, late);
    expect(before).toMatchObject({ as_of: '2026-11-25', days_past_due: 17, arrears_bucket: '1-30' });

    await daysLater(b, 1);
    expect((await b.ok('eod.run', {}, b.adminToken)).loansProcessed).toBe(1);
    const after = await loanRow(b, late);
    expect(after).toMatchObject({ as_of: '2026-11-26', days_past_due: 18, arrears_status: 'in_arrears' });
    expect(after.outstanding_penalties_minor).toBeGreaterThan(before.outstanding_penalties_minor);
  });

  it('queues reminders for installments due within the configured days and for arrears, once each', async () => {
    const b = await aBranchOn();
    const productId = await aProduct(b);
    const customerId = await aCustomer(b);
    const customer = await b.ok('customers.get', { customerId }, b.adminToken);
    const overdue = await aDisbursedLoan(b, { productId, customerId, disbursedOn: '2026-11-01', n: 1 });
    const dueToday = await aDisbursedLoan(b, { productId, customerId, disbursedOn: '2026-11-18', n: 2 });
    const dueSoon = await aDisbursedLoan(b, { productId, customerId, disbursedOn: '2026-11-22', n: 3 });
    const later = await aDisbursedLoan(b, { productId, customerId, disbursedOn: '2026-11-24', n: 4 });

    await daysLater(b, 1);
    const first = await b.ok('eod.run', {}, b.adminToken);
    expect(first).toMatchObject({ businessDate: '2026-11-26', loansProcessed: 4, remindersQueued: 3 });
    const reminders = await b.ok('reminders.list', {}, b.adminToken);
    const byLoan = new Map(reminders.map((r) => [r.loanId, r]));
    expect(byLoan.get(overdue)).toMatchObject({ kind: 'overdue', dueDate: '2026-11-08', status: 'queued' });
    // Due on the 25th and unpaid on the 26th: overdue since the 25th.
    expect(byLoan.get(dueToday)).toMatchObject({ kind: 'overdue', dueDate: '2026-11-25' });
    expect(byLoan.get(dueSoon)).toMatchObject({ kind: 'due_soon', dueDate: '2026-11-29', language: 'en' });
    expect(byLoan.has(later)).toBe(false);

    const soon = byLoan.get(dueSoon)!;
    const soonRow = await loanRow(b, dueSoon);
    expect(soon.amountMinor).toBe(soonRow.next_due_minor);
    const major = `${Math.trunc(soon.amountMinor / 100).toLocaleString('en-US')}.${String(soon.amountMinor % 100).padStart(2, '0')}`;
    expect(soon.message).toBe(
      `Dear ${customer.displayName}, your loan NBO-01-L000003 installment of KES ${major} is due on 29/11/2026. Please pay on time. Thank you.`,
    );
    expect(soon.phone).toBe(customer.phone);

    // Each is in the customer's communications, and travels in events.
    const comms = await b.ok('communications.list', { customerId }, b.adminToken);
    expect(comms.filter((c) => c.channel === 'sms' && c.isSystem)).toHaveLength(3);
    expect(comms.map((c) => c.subject)).toContain('Payment reminder: due soon');
    const events = await b.ledger.db
      .selectFrom('events')
      .selectAll()
      .where('type', '=', 'reminder.queued')
      .execute();
    expect(events.flatMap((e) => (JSON.parse(e.payload) as { reminders: unknown[] }).reminders)).toHaveLength(
      3,
    );

    // The next day: the same reminders are not queued again; the fourth loan's installment comes within 3 days.
    await daysLater(b, 1);
    expect((await b.ok('eod.run', {}, b.adminToken)).remindersQueued).toBe(0);
    expect(await b.ok('reminders.generate', {}, b.adminToken)).toEqual({ queued: 0 });
    await daysLater(b, 1);
    expect((await b.ok('eod.run', {}, b.adminToken)).remindersQueued).toBe(1);
    expect((await b.ok('reminders.list', {}, b.adminToken)).find((r) => r.loanId === later)).toMatchObject({
      kind: 'due_soon',
      dueDate: '2026-12-01',
    });
  });

  it('writes reminders in the branch’s language from the configured templates', async () => {
    const b = await aBranchOn();
    await b.ledger.db.updateTable('branches').set({ locale: 'fr' }).execute();
    const productId = await aProduct(b);
    const customerId = await aCustomer(b);
    await aDisbursedLoan(b, {
      productId,
      customerId,
      disbursedOn: '2026-11-01',
      principal: '1234567.89',
      n: 1,
    });
    await b.ok(
      'loanSettings.update',
      {
        reminderTemplates: {
          en: { dueSoon: 'Due {{amount}}', overdue: 'Late {{amount}} since {{dueDate}}' },
          fr: {
            dueSoon: 'Échéance {{amount}}',
            overdue: 'Impayé {{amount}} depuis le {{dueDate}} ({{accountNo}})',
          },
        },
      },
      b.adminToken,
    );
    expect(await b.ok('reminders.generate', {}, b.adminToken)).toEqual({ queued: 1 });
    const [reminder] = await b.ok('reminders.list', {}, b.adminToken);
    expect(reminder!.language).toBe('fr');
    expect(reminder!.message).toMatch(
      /^Impayé KES \d{1,3}(,\d{3})+\.\d{2} depuis le 08\/11\/2026 \(NBO-01-L000001\)$/,
    );
    const bad = await b.call(
      'loanSettings.update',
      { reminderTemplates: { en: { dueSoon: 'Pay {{balance}}', overdue: 'Late' } } },
      b.adminToken,
    );
    expect(bad.error).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'reminderTemplates.en.dueSoon' }],
    });
  });

  it('shows its progress while it runs, and none once it is done', async () => {
    const b = await aBranchOn();
    const productId = await aProduct(b);
    const customerId = await aCustomer(b);
    const template = await aDisbursedLoan(b, { productId, customerId, disbursedOn: '2026-11-20', n: 0 });
    const row = await loanRow(b, template);
    const copies = Array.from({ length: 2_100 }, (_, i) => ({
      ...row,
      id: randomUUID(),
      application_no: `NBO-01-C${i}`,
      account_no: `NBO-01-D${i}`,
    }));
    for (let i = 0; i < copies.length; i += 200) {
      await b.ledger.db
        .insertInto('loans')
        .values(copies.slice(i, i + 200))
        .execute();
    }
    // A month on, every copy has an installment due: each is replayed, and the run reports its progress.
    await daysLater(b, 31);
    const seen: EodProgress[] = [];
    const asked: EodProgress[] = [];
    let done = false;
    const run = b.call('eod.run', {}, b.adminToken).finally(() => {
      done = true;
    });
    while (!done) {
      const p = eodProgress();
      if (p) seen.push(p);
      // The window asks the core itself: the query answers from the reader connection between the run's chunks.
      const status = await b.call('eod.status', {}, b.adminToken);
      if (status.data?.progress) asked.push(status.data.progress);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(asked.some((p) => p.done < p.total)).toBe(true);
    expect((await run).data?.loansProcessed).toBe(2_101);
    expect(seen.map((p) => p.total)).toContain(2_101);
    expect(seen.some((p) => p.done > 0 && p.done < p.total)).toBe(true);
    expect(eodProgress()).toBeNull();
    expect((await b.ok('eod.status', {}, b.adminToken)).progress).toBeNull();
  });

  it('changes nothing when a run dies at its last step (one transaction): date, loans, reminders and events stay', async () => {
    const b = await aBranchOn();
    const productId = await aProduct(b);
    const customerId = await aCustomer(b);
    const loan = await aDisbursedLoan(b, { productId, customerId, disbursedOn: '2026-11-01', n: 1 });
    const before = await loanRow(b, loan);
    const events = await b.ledger.db.selectFrom('events').select('id').execute();
    // The run is killed as it writes its record: after every loan is projected, the date moved and reminders queued.
    b.ledger.sqlite.exec(
      `CREATE TRIGGER power_cut BEFORE INSERT ON eod_runs BEGIN SELECT RAISE(ABORT, 'power cut'); END`,
    );
    await daysLater(b, 1);
    const r = await b.call('eod.run', {}, b.adminToken);
    expect(r.error).toMatchObject({ code: 'INTERNAL' });
    expect(eodProgress()).toBeNull();
    b.ledger.sqlite.exec('DROP TRIGGER power_cut');
    expect((await b.ok('eod.status', {}, b.adminToken)).businessDate).toBe('2026-11-25');
    expect(await loanRow(b, loan)).toEqual(before);
    expect(await b.ledger.db.selectFrom('reminders').selectAll().execute()).toEqual([]);
    expect(await b.ledger.db.selectFrom('communications').selectAll().execute()).toEqual([]);
    expect(await b.ledger.db.selectFrom('events').select('id').execute()).toEqual(events);
    // Started again, it completes.
    expect(await b.ok('eod.run', {}, b.adminToken)).toMatchObject({ loansProcessed: 1, remindersQueued: 1 });
  });
});

describe('end-of-day over loans posted at the counter', () => {
  it('moves days past due and late fees of a disbursed loan, and reminds the customer once', async () => {
    const b = await aLoanBranch({ clock: new TestClock(Date.parse('2026-11-25T05:00:00.000Z')) });
    opened.push(b);
    const loan = await b.anActiveLoan();
    expect(loan).toMatchObject({ status: 'active', daysPastDue: 0, nextDueDate: '2026-12-25' });
    await daysLater(b, 32); // 27 December: the first installment is two days late
    expect(await b.ok('eod.status', {}, b.adminToken)).toMatchObject({ today: '2026-12-27', isBehind: true });
    const run = await b.ok('eod.run', {}, b.adminToken);
    expect(run).toMatchObject({ previousDate: '2026-11-25', businessDate: '2026-12-27', loansProcessed: 1 });
    expect(run.remindersQueued).toBe(1);
    const after = await b.ok('loans.get', { loanId: loan.id }, b.adminToken);
    expect(after).toMatchObject({ daysPastDue: 2, arrearsStatus: 'in_arrears', asOf: '2026-12-27' });
    expect(after.outstanding.penaltiesMinor).toBe(50_000); // the product's late fee: KES 500
    const [reminder] = await b.ok('reminders.list', {}, b.adminToken);
    expect(reminder).toMatchObject({
      loanId: loan.id,
      kind: 'overdue',
      dueDate: '2026-12-25',
      amountMinor: after.overdueTotalMinor,
    });
    expect(reminder!.message).toContain(loan.accountNo!);
  });
});

describe('on another device', () => {
  it('follows the business date forward only, brings its loans current, and applies a run once', async () => {
    const a = await aBranchOn();
    await daysLater(a, 2);
    await a.ok('eod.run', { toDate: '2026-11-26' }, a.adminToken);
    await a.ok('eod.run', {}, a.adminToken);
    // The other device: a ledger of the same branch (as a joined device is), holding a loan of its own.
    const b = await aBranchOn({ setup: { deviceCode: '02' } });
    const branchId = (await b.ledger.db.selectFrom('branches').select('id').executeTakeFirstOrThrow()).id;
    const events = (
      await a.ledger.db
        .selectFrom('events')
        .selectAll()
        .where('type', '=', 'eod.completed')
        .orderBy('device_seq')
        .execute()
    ).map((e, i): RemoteEvent => {
      const payload = JSON.parse(e.payload) as { run: Record<string, unknown> };
      return {
        id: e.id,
        globalSeq: i + 1,
        branchId,
        deviceId: e.device_id,
        deviceSeq: e.device_seq,
        hlc: e.hlc,
        type: e.type,
        entityType: e.entity_type,
        entityId: branchId,
        payload: { ...payload, branchId, run: { ...payload.run, branch_id: branchId } },
        schemaVersion: e.schema_version,
      };
    });
    const productId = await aProduct(b);
    const customerId = await aCustomer(b);
    const loan = await aDisbursedLoan(b, { productId, customerId, disbursedOn: '2026-11-01', n: 1 });
    const apply = (e: RemoteEvent) =>
      writeTransaction(b.ledger.db, (tx) =>
        tillAppliers[e.type]!.apply({ tx, now: new Date().toISOString(), newId: randomUUID }, e),
      );
    for (const e of [...events].reverse()) await apply(e);
    for (const e of events) await apply(e);
    const branch = await b.ledger.db.selectFrom('branches').select('business_date').executeTakeFirstOrThrow();
    expect(branch.business_date).toBe('2026-11-27');
    expect(
      await b.ledger.db.selectFrom('eod_runs').select('business_date').orderBy('business_date').execute(),
    ).toEqual([{ business_date: '2026-11-26' }, { business_date: '2026-11-27' }]);
    expect(await loanRow(b, loan)).toMatchObject({ as_of: '2026-11-27', days_past_due: 19 });
  });
});
