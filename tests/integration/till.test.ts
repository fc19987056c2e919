// The teller's till on a real ledger: opening with cash from the vault confirmed by a manager (four eyes), cash in
// and out with a reason, cash for loan transactions, the count by denomination with its exact variance, the
// close approved by a manager (variance booked, cash back to the vault), the report, and the same tills on
// another device whatever order their events arrive in.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { writeTransaction } from '../../db/open';
import type { WriteCtx } from '../../electron/core/context';
import { tillCash } from '../../electron/core/till/cash';
import type { RemoteEvent } from '../../electron/sync/appliers';
import { tillAppliers } from '../../electron/sync/tillAppliers';
import { aBranch, aStaffMember, removeDir, type TestBranch } from '../support/ledger';
import { aLoanBranch } from '../support/loans';

const opened: TestBranch[] = [];
afterEach(async () => {
  for (const b of opened.splice(0)) {
    await b.close();
    removeDir(b.dir);
  }
});

/** A branch with a teller, two managers and KES 100,000 in the vault. */
async function aCounter() {
  const b = await aBranch();
  opened.push(b);
  const teller = await aStaffMember(b, { username: 'tom', role: 'teller', password: 'Teller-Password-2026' });
  const manager = await aStaffMember(b, {
    username: 'mary',
    role: 'manager',
    password: 'Manager-Password-2026',
  });
  const second = await aStaffMember(b, {
    username: 'moses',
    role: 'manager',
    password: 'Manager-Second-2026',
  });
  await b.ok(
    'vault.move',
    { direction: 'deposit', amountMinor: 10_000_000, reason: 'Cash from the bank' },
    manager.token,
  );
  return { ...b, teller, manager, second };
}

/** A teller's till opened with `openingMinor` and confirmed by the manager. */
async function anOpenTill(b: Awaited<ReturnType<typeof aCounter>>, openingMinor = 2_000_000) {
  const till = await b.ok('till.open', { openingMinor }, b.teller.token);
  const confirmed = await b.ok('till.confirmOpen', { tillId: till.id }, b.manager.token);
  b.clock.advanceMinutes(1);
  return confirmed;
}

const key = () => randomUUID();

async function vaultBalance(b: Awaited<ReturnType<typeof aCounter>>) {
  return (await b.ok('vault.status', {}, b.manager.token)).balanceMinor;
}

describe('opening a till', () => {
  it('is requested by the teller and takes cash only once a manager confirms the handover from the vault', async () => {
    const b = await aCounter();
    const requested = await b.ok('till.open', { openingMinor: 2_000_000 }, b.teller.token);
    expect(requested).toMatchObject({ status: 'requested', openingMinor: 2_000_000, balanceMinor: 0 });
    expect(requested.businessDate).toBe('2026-11-25');
    expect(
      (
        await b.call(
          'till.cashMovement',
          { direction: 'in', amountMinor: 100, reason: 'Float', idempotencyKey: key() },
          b.teller.token,
        )
      ).error,
    ).toMatchObject({ code: 'CONFLICT', reason: 'till_not_open' });

    const confirmed = await b.ok('till.confirmOpen', { tillId: requested.id }, b.manager.token);
    expect(confirmed).toMatchObject({ status: 'open', balanceMinor: 2_000_000 });
    expect(confirmed.movements).toEqual([
      expect.objectContaining({ kind: 'opening', amountMinor: 2_000_000 }),
    ]);
    expect(await vaultBalance(b)).toBe(8_000_000);
    expect((await b.ok('till.current', {}, b.teller.token))?.id).toBe(requested.id);

    const events = await b.ledger.db
      .selectFrom('events')
      .select('type')
      .where('entity_id', '=', requested.id)
      .orderBy('device_seq')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['till.opened', 'till.confirmed']);
    const audit = await b.ledger.db
      .selectFrom('audit_log')
      .select(['action', 'username'])
      .where('entity_id', '=', requested.id)
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'till.opened', username: 'tom' },
        { action: 'till.confirmed', username: 'mary' },
      ]),
    );
  });

  it('cannot be confirmed by the teller, nor by a manager who asked for the till themselves (four eyes)', async () => {
    const b = await aCounter();
    const teller = await b.ok('till.open', { openingMinor: 500_000 }, b.teller.token);
    expect((await b.call('till.confirmOpen', { tillId: teller.id }, b.teller.token)).error).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'permission_denied',
    });
    const own = await b.ok('till.open', { openingMinor: 500_000 }, b.manager.token);
    expect((await b.call('till.confirmOpen', { tillId: own.id }, b.manager.token)).error).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'four_eyes',
    });
    expect((await b.ok('till.confirmOpen', { tillId: own.id }, b.second.token)).status).toBe('open');
  });

  it('is refused when the vault does not hold the opening cash, and changes nothing', async () => {
    const b = await aCounter();
    const till = await b.ok('till.open', { openingMinor: 10_000_001 }, b.teller.token);
    expect((await b.call('till.confirmOpen', { tillId: till.id }, b.manager.token)).error).toMatchObject({
      code: 'CONFLICT',
      reason: 'vault_insufficient_cash',
    });
    expect((await b.ok('till.current', {}, b.teller.token))?.status).toBe('requested');
    expect(await vaultBalance(b)).toBe(10_000_000);
  });

  it('refuses a second till for a teller whose till is not closed, and a second confirmation', async () => {
    const b = await aCounter();
    const till = await anOpenTill(b);
    expect((await b.call('till.open', { openingMinor: 100 }, b.teller.token)).error).toMatchObject({
      code: 'CONFLICT',
      reason: 'till_already_open',
    });
    expect((await b.call('till.confirmOpen', { tillId: till.id }, b.manager.token)).error).toMatchObject({
      code: 'CONFLICT',
      reason: 'till_wrong_state',
    });
    expect((await b.call('till.confirmOpen', { tillId: randomUUID() }, b.manager.token)).error).toMatchObject(
      {
        code: 'NOT_FOUND',
        reason: 'till_not_found',
      },
    );
  });
});

describe('cash through an open till', () => {
  it('moves cash in and out with a reason, refuses cash out beyond the balance, and posts a double-click once', async () => {
    const b = await aCounter();
    await anOpenTill(b, 1_000_000);
    const once = key();
    const input = {
      direction: 'in' as const,
      amountMinor: 250_050,
      reason: 'Top-up from head office',
      idempotencyKey: once,
    };
    expect((await b.ok('till.cashMovement', input, b.teller.token)).balanceMinor).toBe(1_250_050);
    expect((await b.ok('till.cashMovement', input, b.teller.token)).balanceMinor).toBe(1_250_050);
    b.clock.advanceMinutes(5);
    const out = await b.ok(
      'till.cashMovement',
      { direction: 'out', amountMinor: 50, reason: 'Petty cash: receipt book', idempotencyKey: key() },
      b.teller.token,
    );
    expect(out.balanceMinor).toBe(1_250_000);
    expect(out.movements.map((m) => [m.kind, m.amountMinor, m.reason])).toEqual([
      ['opening', 1_000_000, 'Opening cash from the vault'],
      ['cash_in', 250_050, 'Top-up from head office'],
      ['cash_out', -50, 'Petty cash: receipt book'],
    ]);
    const before = await b.ledger.db.selectFrom('events').select('id').execute();
    const tooMuch = await b.call(
      'till.cashMovement',
      { direction: 'out', amountMinor: 1_250_001, reason: 'Too much', idempotencyKey: key() },
      b.teller.token,
    );
    expect(tooMuch.error).toMatchObject({ code: 'CONFLICT', reason: 'till_insufficient_cash' });
    expect(await b.ledger.db.selectFrom('events').select('id').execute()).toEqual(before);
    expect((await b.ok('till.current', {}, b.teller.token))?.balanceMinor).toBe(1_250_000);
  });

  it('takes and pays out cash for loan transactions through tillCash, and refuses without an open till', async () => {
    const b = await aCounter();
    const me = await b.ok('auth.me', {}, b.teller.token);
    const ctxFor = (tx: Parameters<Parameters<typeof writeTransaction>[1]>[0]) =>
      ({
        tx,
        clock: b.clock,
        ids: { uuid: randomUUID, token: () => 'x' },
        actor: { userId: me.user.id },
      }) as unknown as WriteCtx;
    const post = (kind: 'disbursement' | 'repayment', amountMinor: number) =>
      writeTransaction(b.ledger.db, (tx) =>
        tillCash(ctxFor(tx), { kind, amountMinor, loanTransactionId: randomUUID(), reference: 'RCPT-1' }),
      );
    await expect(post('repayment', 100)).rejects.toMatchObject({ code: 'CONFLICT', reason: 'till_not_open' });
    await anOpenTill(b, 500_000);
    const repayment = await post('repayment', 120_000);
    expect(repayment).toMatchObject({ kind: 'repayment', amount_minor: 120_000, reference: 'RCPT-1' });
    await expect(post('disbursement', -620_001)).rejects.toMatchObject({ reason: 'till_insufficient_cash' });
    await post('disbursement', -620_000);
    expect((await b.ok('till.current', {}, b.teller.token))?.balanceMinor).toBe(0);
  });
});

describe('loans posted in cash at the counter', () => {
  it('pay out of and into the teller’s till, and are refused when the till cannot cover a payout', async () => {
    const b = await aLoanBranch();
    opened.push(b);
    const first = await b.anApprovedLoan();
    const cash = (loanId: string) => ({ loanId, channel: 'cash' as const, idempotencyKey: key() });
    expect((await b.call('loans.disburse', cash(first.id), b.teller.token)).error).toMatchObject({
      code: 'CONFLICT',
      reason: 'till_not_open',
    });
    await b.ok(
      'vault.move',
      { direction: 'deposit', amountMinor: 30_000_000, reason: 'From the bank' },
      b.manager.token,
    );
    const till = await b.ok('till.open', { openingMinor: 12_000_000 }, b.teller.token);
    await b.ok('till.confirmOpen', { tillId: till.id }, b.manager.token);
    b.clock.advanceMinutes(1);

    const paidOut = await b.ok('loans.disburse', cash(first.id), b.teller.token);
    b.clock.advanceMinutes(1);
    const repaid = await b.ok(
      'loans.repay',
      { loanId: first.id, amountMinor: 500_000, channel: 'cash', idempotencyKey: key() },
      b.teller.token,
    );
    const current = (await b.ok('till.current', {}, b.teller.token))!;
    expect(current.balanceMinor).toBe(12_000_000 - 10_000_000 + 500_000);
    expect(current.movements.slice(1).map((m) => [m.kind, m.amountMinor, m.reference])).toEqual([
      ['disbursement', -10_000_000, paidOut.receiptNo],
      ['repayment', 500_000, repaid.receiptNo],
    ]);
    const posted = await b.ledger.db
      .selectFrom('loan_transactions')
      .select('till_id')
      .where('id', '=', repaid.transactionId)
      .executeTakeFirstOrThrow();
    expect(posted.till_id).toBe(till.id);

    const second = await b.anApprovedLoan({
      overrideReason: 'Long-standing customer; branch manager agrees',
    });
    expect((await b.call('loans.disburse', cash(second.id), b.teller.token)).error).toMatchObject({
      code: 'CONFLICT',
      reason: 'till_insufficient_cash',
    });
    expect((await b.ok('loans.get', { loanId: second.id }, b.manager.token)).status).toBe('approved');
    expect((await b.ok('till.current', {}, b.teller.token))!.balanceMinor).toBe(2_500_000);
  });
});

describe('closing a till', () => {
  it('counts by denomination with the exact variance; a manager approves: variance booked, cash back to the vault', async () => {
    const b = await aCounter();
    const till = await anOpenTill(b, 1_234_500);
    expect(await vaultBalance(b)).toBe(10_000_000 - 1_234_500);
    // 12 × 1000 + 2 × 100 + 1 × 50 + 3 × 20 + 4 × 5 = 12,330 KES counted against 12,345 KES: 15 short.
    const counted = await b.ok(
      'till.count',
      {
        denominations: [
          { valueMinor: 10_000, count: 2 },
          { valueMinor: 100_000, count: 12 },
          { valueMinor: 5_000, count: 1 },
          { valueMinor: 2_000, count: 3 },
          { valueMinor: 500, count: 4 },
        ],
        note: 'Counted twice',
      },
      b.teller.token,
    );
    expect(counted).toMatchObject({ status: 'closing', countedMinor: 1_233_000, varianceMinor: -1_500 });
    expect(counted.denominations!.map((d) => d.valueMinor)).toEqual([100_000, 10_000, 5_000, 2_000, 500]);
    // Counting stops the till taking cash.
    expect(
      (
        await b.call(
          'till.cashMovement',
          { direction: 'in', amountMinor: 1, reason: 'Late', idempotencyKey: key() },
          b.teller.token,
        )
      ).error,
    ).toMatchObject({ reason: 'till_not_open' });
    expect((await b.call('till.approveClose', { tillId: till.id }, b.teller.token)).error).toMatchObject({
      code: 'FORBIDDEN',
    });
    const noNote = await b.call('till.approveClose', { tillId: till.id }, b.manager.token);
    expect(noNote.error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'note' }] });

    const closed = await b.ok(
      'till.approveClose',
      { tillId: till.id, note: 'Short 15, teller informed' },
      b.manager.token,
    );
    expect(closed).toMatchObject({
      status: 'closed',
      balanceMinor: 0,
      countedMinor: 1_233_000,
      varianceMinor: -1_500,
    });
    expect(closed.movements.slice(1).map((m) => [m.kind, m.amountMinor])).toEqual([
      ['variance', -1_500],
      ['closing', -1_233_000],
    ]);
    expect(closed.movements[1]!.reason).toBe('Cash short: Short 15, teller informed');
    expect(await vaultBalance(b)).toBe(10_000_000 - 1_500);
    const vault = await b.ok('vault.status', {}, b.manager.token);
    expect(vault.movements[0]).toMatchObject({ kind: 'from_till', amountMinor: 1_233_000 });
    expect(await b.ok('till.current', {}, b.teller.token)).toBeNull();
    expect((await b.ok('till.list', {}, b.manager.token)).map((t) => t.status)).toEqual(['closed']);
    // The next day's till opens as usual.
    expect((await b.ok('till.open', { openingMinor: 100 }, b.teller.token)).status).toBe('requested');
  });

  it('books cash over as a positive variance, within tolerance without a note', async () => {
    const b = await aCounter();
    await b.ok('loanSettings.update', { tillVarianceToleranceMinor: 1_000 }, b.adminToken);
    const till = await anOpenTill(b, 100_000);
    const counted = await b.ok(
      'till.count',
      {
        denominations: [
          { valueMinor: 100_000, count: 1 },
          { valueMinor: 500, count: 1 },
        ],
      },
      b.teller.token,
    );
    expect(counted.varianceMinor).toBe(500);
    const closed = await b.ok('till.approveClose', { tillId: till.id }, b.manager.token);
    expect(closed.movements.find((m) => m.kind === 'variance')).toMatchObject({
      amountMinor: 500,
      reason: 'Cash over',
    });
    expect(await vaultBalance(b)).toBe(10_000_000 + 500);
  });

  it('refuses a note or coin the branch does not count, and a manager closing their own till', async () => {
    const b = await aCounter();
    await anOpenTill(b);
    const odd = await b.call(
      'till.count',
      { denominations: [{ valueMinor: 300, count: 1 }] },
      b.teller.token,
    );
    expect(odd.error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'denominations.0.valueMinor' }] });
    const own = await b.ok('till.open', { openingMinor: 0 }, b.manager.token);
    await b.ok('till.confirmOpen', { tillId: own.id }, b.second.token);
    await b.ok('till.count', { denominations: [{ valueMinor: 100, count: 0 }] }, b.manager.token);
    expect((await b.call('till.approveClose', { tillId: own.id }, b.manager.token)).error).toMatchObject({
      reason: 'four_eyes',
    });
  });
});

describe('the till report', () => {
  it('prints the opening, the movements, the count and the variance', async () => {
    const b = await aCounter();
    const till = await anOpenTill(b, 1_000_000);
    await b.ok(
      'till.count',
      {
        denominations: [
          { valueMinor: 100_000, count: 9 },
          { valueMinor: 50_000, count: 1 },
          { valueMinor: 20_000, count: 2 },
        ],
      },
      b.teller.token,
    );
    await b.ok('till.approveClose', { tillId: till.id, note: 'Short 100' }, b.manager.token);
    const pdf = await b.ok('till.report', { tillId: till.id }, b.teller.token);
    expect(pdf.fileName).toMatch(/\.pdf$/);
    const file = join(b.dir, pdf.fileName);
    writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const text = execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Variance\s+KES 100\.00 short/);
    expect(text).toMatch(/Counted cash\s+KES 9,900\.00/);
    expect(text).toContain('10,000.00');
    expect(text).toContain('TOM');
  });
});

describe('on another device', () => {
  it('the same tills, movements and vault result whatever order the events arrive in', async () => {
    const a = await aCounter();
    const till = await anOpenTill(a, 1_000_000);
    await a.ok(
      'till.cashMovement',
      { direction: 'in', amountMinor: 7_000, reason: 'Float', idempotencyKey: key() },
      a.teller.token,
    );
    await a.ok('till.count', { denominations: [{ valueMinor: 100_000, count: 10 }] }, a.teller.token);
    await a.ok('till.approveClose', { tillId: till.id, note: 'Short 70' }, a.manager.token);
    const events = (await a.ledger.db.selectFrom('events').selectAll().orderBy('device_seq').execute())
      .filter((e) => e.type in tillAppliers)
      .map((e, i): RemoteEvent => ({
        id: e.id,
        globalSeq: i + 1,
        branchId: 'branch-a',
        deviceId: e.device_id,
        deviceSeq: e.device_seq,
        hlc: e.hlc,
        type: e.type,
        entityType: e.entity_type,
        entityId: e.entity_id,
        payload: JSON.parse(e.payload) as Record<string, unknown>,
        schemaVersion: e.schema_version,
      }));
    const snapshot = async (b: TestBranch) => ({
      tills: await b.ledger.db.selectFrom('tills').selectAll().orderBy('id').execute(),
      movements: await b.ledger.db.selectFrom('till_movements').selectAll().orderBy('id').execute(),
      vault: await b.ledger.db.selectFrom('vault_movements').selectAll().orderBy('id').execute(),
    });
    const expected = await snapshot(a);
    for (const order of [events, [...events].reverse(), [...events.slice(3), ...events.slice(0, 3)]]) {
      const other = await aBranch({ setup: { branchCode: 'MSA', deviceCode: '02' } });
      opened.push(other);
      for (const e of [...order, ...order]) {
        await writeTransaction(other.ledger.db, (tx) =>
          tillAppliers[e.type]!.apply({ tx, now: new Date().toISOString(), newId: randomUUID }, e),
        );
      }
      expect(await snapshot(other)).toEqual(expected);
    }
  });
});
