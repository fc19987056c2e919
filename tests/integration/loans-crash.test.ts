// Posting is one transaction. A repayment batch and an end-of-day run each go through the router's single
// BEGIN IMMEDIATE transaction, so a process killed in the middle (SIGKILL: no rollback handler runs, and the
// pages the transaction spilled are left uncommitted in the WAL file) leaves nothing of its work behind: on
// reopening, the ledger is whole, the loans are what they were, every projection is still a replay of its
// transactions, the audit chain holds, and running the same work again completes it once. A double-click on
// Post posts once.
//
// The child (tests/support/loanChild.ts) counts the rows it writes inside its transaction and stops at a
// random one of them for the parent to kill it there: each of those kills provably lands after the transaction
// started writing and before it commits, however loaded the machine is. One more kill lands at a random
// instant after "started" (before, during or after the transaction: all or nothing either way).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeTransaction, type Database } from '../../db/open';
import {
  loansToBringCurrent,
  projectionOf,
  projectLoans,
  stateOf,
  type EngineRow,
} from '../../electron/core/loans/project';
import type { InputOf } from '../../shared/contract';
import { addDays } from '../../shared/dates';
import { adminPassword, aLedger, removeDir, TestClock, type TestBranch } from '../support/ledger';
import { aLoanBranch } from '../support/loans';

type LoanBranch = Awaited<ReturnType<typeof aLoanBranch>>;

const child = join(import.meta.dirname, '../support/loanChild.ts');
const dirs: string[] = [];
const open: TestBranch[] = [];
afterEach(async () => {
  for (const b of open.splice(0)) await b.close();
  for (const dir of dirs.splice(0)) removeDir(dir);
});

const randomInt = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));

interface ChildRun {
  lines: string[];
  signal: NodeJS.Signals | null;
  /** How many rows the child reported written inside its transaction ("posted N" / "projected N" lines). */
  reported: { posted: number; projected: number };
}

type Kill =
  /** The child stops inside its transaction when it writes the Nth row of KIND ("posted:1234"), and is killed there. */
  | { pauseAt: string }
  /** Killed this many milliseconds after it says "started", wherever it then is. */
  | { afterStartedMs: number };

/** Runs the child with `args` and kills it as `kill` says (without `kill`, it runs to the end). */
function runChild(args: string[], kill?: Kill): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const extra = kill && 'pauseAt' in kill ? [kill.pauseAt] : [];
    const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args, ...extra], {
      cwd: join(import.meta.dirname, '../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: ChildRun = { lines: [], signal: null, reported: { posted: 0, projected: 0 } };
    let buffer = '';
    let stderr = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let at: number;
      while ((at = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, at);
        buffer = buffer.slice(at + 1);
        run.lines.push(line);
        const progress = /^(?:paused )?(posted|projected) (\d+)$/.exec(line);
        if (progress) run.reported[progress[1] as 'posted' | 'projected'] = Number(progress[2]);
        if (kill && 'pauseAt' in kill && line.startsWith('paused ')) proc.kill('SIGKILL');
        if (kill && 'afterStartedMs' in kill && line === 'started')
          setTimeout(() => proc.kill('SIGKILL'), kill.afterStartedMs);
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      run.signal = signal;
      if (signal === 'SIGKILL' || code === 0) resolve(run);
      else reject(new Error(`loan child exited with ${code}: ${stderr}`));
    });
  });
}

/**
 * Frames at the end of a ledger's WAL file written after its last commit: pages of a transaction that never
 * committed, which SQLite must ignore when the ledger is next opened (https://www.sqlite.org/fileformat.html,
 * "The Write-Ahead Log": a 32-byte header with the salts, then frames of a 24-byte header and a page; a frame
 * whose "database size" field is non-zero ends a commit; frames with other salts are left from earlier use).
 */
function uncommittedWalFrames(ledgerPath: string): number {
  const wal = readFileSync(`${ledgerPath}-wal`);
  if (wal.length < 32) return 0;
  const pageSize = wal.readUInt32BE(8);
  const salts = [wal.readUInt32BE(16), wal.readUInt32BE(20)];
  let uncommitted = 0;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (wal.readUInt32BE(at + 8) !== salts[0] || wal.readUInt32BE(at + 12) !== salts[1]) break;
    uncommitted = wal.readUInt32BE(at + 4) > 0 ? 0 : uncommitted + 1;
  }
  return uncommitted;
}

/** What a killed transaction must not have touched: loans, their transactions, events, counters, the branch. */
async function ledgerFacts(db: Kysely<Database>) {
  return {
    branches: await db.selectFrom('branches').select(['id', 'business_date']).execute(),
    loans: await db.selectFrom('loans').selectAll().orderBy('id').execute(),
    loanTransactions: await db.selectFrom('loan_transactions').selectAll().orderBy('id').execute(),
    events: await db.selectFrom('events').selectAll().orderBy('device_seq').execute(),
    counters: await db.selectFrom('counters').selectAll().orderBy('name').execute(),
    eodRuns: await db.selectFrom('eod_runs').selectAll().execute(),
    reminders: await db.selectFrom('reminders').selectAll().orderBy('id').execute(),
    communications: await db.selectFrom('communications').selectAll().orderBy('id').execute(),
  };
}

async function lastAuditSeq(db: Kysely<Database>) {
  const last = await db.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').executeTakeFirst();
  return last?.seq ?? 0;
}

async function auditedSince(db: Kysely<Database>, seq: number) {
  const rows = await db
    .selectFrom('audit_log')
    .select('action')
    .where('seq', '>', seq)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}
const signIns = (n: number) => Array.from({ length: n }, () => 'auth.signedIn');

const repaymentsOf = (db: Kysely<Database>) =>
  db
    .selectFrom('loan_transactions')
    .select(['id', 'idempotency_key', 'amount_minor'])
    .where('type', '=', 'repayment')
    .execute();

/** SQLite finds no corruption and the audit hash chain verifies (through the core, as an auditor would). */
async function expectLedgerWhole(b: TestBranch, auditToken: string) {
  expect(b.ledger.sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  expect(b.ledger.sqlite.pragma('foreign_key_check')).toEqual([]);
  expect(await b.ok('audit.verify', {}, auditToken)).toMatchObject({ isIntact: true, firstBrokenSeq: null });
}

/** Every disbursed loan's row holds exactly the engine's replay of its transactions, from scratch, as of its date. */
async function expectEveryProjectionIsAReplay(db: Kysely<Database>) {
  const loans = await db.selectFrom('loans').selectAll().where('disbursed_on', 'is not', null).execute();
  const rows = await db
    .selectFrom('loan_transactions')
    .select(['loan_id', 'id', 'type', 'amount_minor', 'component', 'reverses_id', 'value_date', 'hlc'])
    .execute();
  const byLoan = new Map<string, EngineRow[]>();
  for (const r of rows) byLoan.set(r.loan_id, [...(byLoan.get(r.loan_id) ?? []), r]);
  const mismatches: unknown[] = [];
  for (const loan of loans) {
    const replayed = projectionOf(loan, stateOf(loan, byLoan.get(loan.id) ?? [], loan.as_of!));
    for (const [column, value] of Object.entries(replayed)) {
      const stored = loan[column as keyof typeof loan];
      if (stored !== value) mismatches.push({ loan: loan.account_no, column, stored, replayed: value });
    }
  }
  expect(mismatches).toEqual([]);
  expect(loans.length).toBeGreaterThan(0);
}

/**
 * Every active loan reads as a replay on `date` would. End-of-day leaves alone a loan with nothing due by then:
 * such a loan may differ only in its as-of date and payoff (interest earned moves daily; screens compute it).
 */
async function expectEveryLoanCurrentOn(db: Kysely<Database>, date: string) {
  const loans = await db.selectFrom('loans').selectAll().where('status', '=', 'active').execute();
  const mismatches: unknown[] = [];
  for (const loan of loans) {
    const rows = await db
      .selectFrom('loan_transactions')
      .select(['id', 'type', 'amount_minor', 'component', 'reverses_id', 'value_date', 'hlc'])
      .where('loan_id', '=', loan.id)
      .execute();
    const replayed = projectionOf(loan, stateOf(loan, rows, date));
    for (const [column, value] of Object.entries(replayed)) {
      if (loan.as_of !== date && (column === 'as_of' || column === 'payoff_minor')) continue;
      const stored = loan[column as keyof typeof loan];
      if (stored !== value)
        mismatches.push({ loan: loan.account_no, asOf: loan.as_of, column, stored, replayed: value });
    }
  }
  expect(mismatches).toEqual([]);
}

async function signIn(b: TestBranch, username: string, password: string) {
  return (await b.ok('auth.signIn', { username, password })).sessionToken;
}

describe('a repayment batch killed half-way', () => {
  const loanCount = 40;
  const rowCount = 5_000;
  const manager = { username: 'wanjiru', password: 'Manager-Desk-2026' };
  let prepared: {
    dir: string;
    clock: TestClock;
    rows: InputOf<'loans.importRepayments'>['rows'];
    before: Awaited<ReturnType<typeof ledgerFacts>>;
    auditSeq: number;
  };

  // One branch with 40 active loans and a bank file of 5,000 transfers over them, prepared once; each test
  // works on its own copy of the ledger file.
  beforeAll(async () => {
    const b: LoanBranch = await aLoanBranch();
    const accounts: string[] = [];
    for (let i = 0; i < loanCount; i++) {
      const loan = await b.anActiveLoan({ overrideReason: 'Group loan: the credit committee approved' });
      accounts.push(loan.accountNo!);
    }
    // Small transfers spread over the loans (none pays a loan off), each with its own key.
    const rows = Array.from({ length: rowCount }, (_, i) => ({
      accountNo: accounts[i % loanCount]!,
      amountMinor: 5_000 + ((i * 7_919) % 20_000),
      valueDate: '2026-11-25',
      reference: `MPESA-${String(i).padStart(5, '0')}`,
      idempotencyKey: randomUUID(),
    }));
    writeFileSync(join(b.dir, 'bank-file.json'), JSON.stringify({ rows }));
    const before = await ledgerFacts(b.ledger.db);
    expect(before.loanTransactions.filter((t) => t.type === 'repayment')).toEqual([]);
    prepared = { dir: b.dir, clock: b.clock, rows, before, auditSeq: await lastAuditSeq(b.ledger.db) };
    await b.close();
  }, 120_000);
  afterAll(() => removeDir(prepared.dir));

  /** A copy of the prepared ledger (closed, so the file holds everything) in a folder of its own. */
  function aCopy() {
    const dir = mkdtempSync(join(tmpdir(), 'lms-crash-'));
    dirs.push(dir);
    copyFileSync(join(prepared.dir, 'ledger.sqlite'), join(dir, 'ledger.sqlite'));
    return { dir, path: join(dir, 'ledger.sqlite') };
  }

  const importArgs = (path: string) => [
    path,
    String(prepared.clock.now().getTime()),
    manager.username,
    manager.password,
    'loans.importRepayments',
    join(prepared.dir, 'bank-file.json'),
  ];

  async function reopened(dir: string) {
    const b = aLedger({ dir, clock: prepared.clock });
    open.push(b);
    return { b, token: await signIn(b, manager.username, manager.password) };
  }

  it('killed inside its transaction, early, midway or late, leaves nothing of the batch behind', async () => {
    const { dir, path } = aCopy();
    // Killed while it brings a loan current, then while it writes its repayments (early and late).
    const killPoints = [
      `projected:${randomInt(1, loanCount)}`,
      `posted:${randomInt(1, rowCount / 2)}`,
      `posted:${randomInt(rowCount / 2, rowCount)}`,
    ];
    for (const [attempt, at] of killPoints.entries()) {
      const run = await runChild(importArgs(path), { pauseAt: at });
      expect(run.signal, `killed at ${at}`).toBe('SIGKILL');
      expect(run.lines).toContain(`paused ${at.replace(':', ' ')}`);
      expect(run.lines).not.toContain('done');
      // Late in the batch its pages no longer fit the child's page cache: they are in the WAL, uncommitted.
      if (attempt === killPoints.length - 1) expect(uncommittedWalFrames(path)).toBeGreaterThan(0);

      const { b, token } = await reopened(dir);
      await expectLedgerWhole(b, token);
      // No repayment, event, receipt number or projection change; the loans are exactly as prepared.
      expect(await ledgerFacts(b.ledger.db)).toEqual(prepared.before);
      // Audited since the file was prepared: only sign-ins (each child's, then ours), no repayment.
      expect(await auditedSince(b.ledger.db, prepared.auditSeq)).toEqual(signIns(2 * (attempt + 1)));
      await expectEveryProjectionIsAReplay(b.ledger.db);
      await b.close();
      open.splice(open.indexOf(b), 1);
    }
  }, 300_000);

  it('killed at any instant is all or nothing; posted again with the same keys, each row is posted once', async () => {
    const { dir, path } = aCopy();
    const delay = randomInt(0, 3_000);
    const run = await runChild(importArgs(path), { afterStartedMs: delay });
    expect(run.lines).toContain('started');

    const { b, token } = await reopened(dir);
    await expectLedgerWhole(b, token);
    const survived = await repaymentsOf(b.ledger.db);
    // All or nothing: the batch committed (the kill came after it) or left no trace.
    expect(
      [0, rowCount],
      `killed ${delay} ms after it started (${run.reported.posted} rows written)`,
    ).toContain(survived.length);
    if (survived.length === 0) expect(await ledgerFacts(b.ledger.db)).toEqual(prepared.before);
    await expectEveryProjectionIsAReplay(b.ledger.db);

    // The same file again runs to completion: the rows the kill lost are posted, the others skipped.
    expect(await b.ok('loans.importRepayments', { rows: prepared.rows }, token)).toEqual({
      posted: rowCount - survived.length,
      skipped: survived.length,
      failed: [],
    });
    expect(await b.ok('loans.importRepayments', { rows: prepared.rows }, token)).toEqual({
      posted: 0,
      skipped: rowCount,
      failed: [],
    });
    const repayments = await repaymentsOf(b.ledger.db);
    expect(repayments).toHaveLength(rowCount);
    expect(new Set(repayments.map((r) => r.idempotency_key))).toEqual(
      new Set(prepared.rows.map((r) => r.idempotencyKey)),
    );
    expect(repayments.reduce((s, r) => s + r.amount_minor, 0)).toBe(
      prepared.rows.reduce((s, r) => s + r.amountMinor, 0),
    );
    // Every repayment travels in exactly one event (alone or in its file's), and is audited exactly once.
    const events = await b.ledger.db
      .selectFrom('events')
      .select('payload')
      .where('device_seq', '>', prepared.before.events.at(-1)?.device_seq ?? 0)
      .execute();
    const travelled = events.flatMap((e) => {
      const payload = JSON.parse(e.payload) as {
        transaction?: { id: string };
        transactions?: { id: string }[];
      };
      return [...(payload.transaction ? [payload.transaction] : []), ...(payload.transactions ?? [])];
    });
    expect(travelled.map((t) => t.id).sort()).toEqual(repayments.map((r) => r.id).sort());
    const audited = await b.ledger.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('seq', '>', prepared.auditSeq)
      .where('action', 'not like', 'auth.%')
      .execute();
    const auditedRepayments = audited.reduce(
      (n, a) =>
        n + (a.action === 'loan.repaid' ? 1 : ((JSON.parse(a.details) as { posted?: number }).posted ?? 0)),
      0,
    );
    expect(auditedRepayments).toBe(rowCount);
    await expectLedgerWhole(b, token);
    await expectEveryProjectionIsAReplay(b.ledger.db);
  }, 300_000);
});

describe('an end-of-day run killed half-way', () => {
  const seeded = 3_000;

  /**
   * Copies of a loan disbursed through the use cases (same product terms), disbursed on days up to four months
   * back with a repayment or two, written the way posting leaves them and projected as of the business date.
   */
  async function seedPortfolio(b: LoanBranch) {
    const model = await b.ledger.db
      .selectFrom('loans')
      .selectAll()
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    const disbursement = await b.ledger.db
      .selectFrom('loan_transactions')
      .selectAll()
      .where('loan_id', '=', model.id)
      .where('type', '=', 'disbursement')
      .executeTakeFirstOrThrow();
    const terms = JSON.parse(model.terms) as Record<string, unknown>;
    const loans: (typeof model)[] = [];
    const transactions: (typeof disbursement)[] = [];
    for (let n = 0; n < seeded; n++) {
      const disbursedOn = addDays('2026-11-25', -(n % 120));
      const principalMinor = [5_000_000, 10_000_000, 15_000_000, 20_000_000][n % 4]!;
      const id = randomUUID();
      const hlc = (k: number) =>
        `001795000000000:${String(k).padStart(4, '0')}:${String(n).padStart(6, '0')}`;
      loans.push({
        ...model,
        id,
        application_no: `NBO-01-S${String(n).padStart(6, '0')}`,
        idempotency_key: null,
        account_no: `NBO-01-T${String(n).padStart(6, '0')}`,
        requested_principal_minor: principalMinor,
        approved_principal_minor: principalMinor,
        disbursed_principal_minor: principalMinor,
        expected_disbursement_date: disbursedOn,
        disbursed_on: disbursedOn,
        terms: JSON.stringify({
          ...terms,
          principal: String(principalMinor / 100),
          disbursementDate: disbursedOn,
        }),
      });
      transactions.push({
        ...disbursement,
        id: randomUUID(),
        loan_id: id,
        amount_minor: principalMinor,
        value_date: disbursedOn,
        hlc: hlc(0),
        idempotency_key: null,
        receipt_no: null,
      });
      for (let k = 1; k <= n % 3 && n % 120 > 30 * k; k++) {
        transactions.push({
          ...disbursement,
          id: randomUUID(),
          loan_id: id,
          type: 'repayment',
          amount_minor: principalMinor / 5,
          value_date: addDays(disbursedOn, 30 * k),
          hlc: hlc(k),
          reference: `BANK-${n}-${k}`,
          idempotency_key: null,
          receipt_no: null,
          allocation: null,
        });
      }
    }
    await writeTransaction(b.ledger.db, async (tx) => {
      for (let i = 0; i < loans.length; i += 200)
        await tx
          .insertInto('loans')
          .values(loans.slice(i, i + 200))
          .execute();
      for (let i = 0; i < transactions.length; i += 200)
        await tx
          .insertInto('loan_transactions')
          .values(transactions.slice(i, i + 200))
          .execute();
      await projectLoans(
        tx,
        loans.map((l) => l.id),
        '2026-11-25',
      );
    });
  }

  it('leaves the business date, every loan, reminders and events as they were; run again, it completes', async () => {
    const b: LoanBranch = await aLoanBranch({ clock: new TestClock(Date.parse('2026-11-25T05:00:00.000Z')) });
    dirs.push(b.dir);
    await b.anActiveLoan();
    const paying = await b.anActiveLoan({ overrideReason: 'Group loan: the credit committee approved' });
    await b.ok(
      'loans.repay',
      {
        loanId: paying.id,
        amountMinor: 700_000,
        channel: 'transfer',
        reference: 'MPESA-1',
        idempotencyKey: randomUUID(),
      },
      b.teller.token,
    );
    const writtenOff = await b.anActiveLoan({ overrideReason: 'Group loan: the credit committee approved' });
    await b.ok(
      'loans.writeOff',
      { loanId: writtenOff.id, reason: 'Business burnt down', idempotencyKey: randomUUID() },
      b.manager.token,
    );
    await seedPortfolio(b);
    const before = await ledgerFacts(b.ledger.db);
    const active = before.loans.filter((l) => l.status === 'active');
    expect(active.length).toBeGreaterThan(seeded);
    expect(active.filter((l) => l.days_past_due > 0).length).toBeGreaterThan(seeded / 3);
    // End-of-day on 5 December replays the loans whose balances can change by then, in this order.
    const branchId = before.branches[0]!.id;
    const toReplay = (await loansToBringCurrent(b.ledger.db, branchId, '2026-12-05')).ids;
    expect(toReplay.length).toBeGreaterThan(seeded / 2);
    const inputFile = join(b.dir, 'eod.json');
    writeFileSync(inputFile, JSON.stringify({}));
    const prepared = await lastAuditSeq(b.ledger.db);
    await b.close();

    // Ten days later end-of-day runs and is killed, three times, at different loans of the portfolio; the
    // last time at the last loan (every loan brought current, the date and the reminders still to come).
    const tenDaysLater = new TestClock(Date.parse('2026-12-05T05:00:00.000Z'));
    const half = Math.floor(toReplay.length / 2);
    const killPoints = [randomInt(1, half), randomInt(half, toReplay.length - 1), toReplay.length];
    for (const [attempt, loan] of killPoints.entries()) {
      const args = [
        b.path,
        String(tenDaysLater.now().getTime()),
        'amina',
        adminPassword,
        'eod.run',
        inputFile,
      ];
      const run = await runChild(args, { pauseAt: `projected:${loan}` });
      expect(run.signal, `killed at loan ${loan}`).toBe('SIGKILL');
      expect(run.lines).toContain(`paused projected ${loan}`);
      expect(run.lines).not.toContain('done');
      // At the last loan the run's pages no longer fit the child's page cache: they are in the WAL, uncommitted.
      if (attempt === killPoints.length - 1) expect(uncommittedWalFrames(b.path)).toBeGreaterThan(0);

      const after = aLedger({ dir: b.dir, clock: tenDaysLater });
      open.push(after);
      const admin = await signIn(after, 'amina', adminPassword);
      await expectLedgerWhole(after, admin);
      // The date has not moved, no run is recorded, no reminder queued, every loan exactly as it was.
      expect(await ledgerFacts(after.ledger.db)).toEqual(before);
      expect(await auditedSince(after.ledger.db, prepared)).toEqual(signIns(2 * (attempt + 1)));
      expect(await after.ok('eod.status', {}, admin)).toMatchObject({
        businessDate: '2026-11-25',
        isBehind: true,
        lastRun: null,
      });
      await expectEveryProjectionIsAReplay(after.ledger.db);
      await after.close();
      open.splice(open.indexOf(after), 1);
    }

    // Started again, it completes: the date moves, every active loan is brought to it, one run is recorded.
    const again = aLedger({ dir: b.dir, clock: tenDaysLater });
    open.push(again);
    const admin = await signIn(again, 'amina', adminPassword);
    const run = await again.ok('eod.run', {}, admin);
    expect(run).toMatchObject({
      businessDate: '2026-12-05',
      previousDate: '2026-11-25',
      loansProcessed: active.length,
      loansReplayed: toReplay.length,
    });
    const done = await ledgerFacts(again.ledger.db);
    expect(done.branches.map((x) => x.business_date)).toEqual(['2026-12-05']);
    expect(done.eodRuns).toHaveLength(1);
    const current = done.loans.filter((l) => l.as_of === '2026-12-05').map((l) => l.id);
    expect(current.sort()).toEqual([...toReplay].sort());
    // The run changes what a half-done run would have left behind (so comparing with `before` above means something).
    const penaltiesBefore = new Map(before.loans.map((l) => [l.id, l.outstanding_penalties_minor]));
    const accrued = done.loans.filter((l) => l.outstanding_penalties_minor !== penaltiesBefore.get(l.id));
    expect(accrued.length).toBeGreaterThan(seeded / 10);
    await expectEveryLoanCurrentOn(again.ledger.db, '2026-12-05');
    await expectLedgerWhole(again, admin);
    await expectEveryProjectionIsAReplay(again.ledger.db);
  }, 300_000);
});

describe('a double-click on Post', () => {
  it('posts a cash repayment once: one row, one receipt, one event, one audit row, the till counted once', async () => {
    const b: LoanBranch = await aLoanBranch();
    dirs.push(b.dir);
    await b.ok(
      'vault.move',
      { direction: 'deposit', amountMinor: 10_000_000, reason: 'Cash from the bank' },
      b.manager.token,
    );
    const till = await b.ok('till.open', { openingMinor: 2_000_000 }, b.teller.token);
    await b.ok('till.confirmOpen', { tillId: till.id }, b.manager.token);
    const loan = await b.anActiveLoan();
    const click = {
      loanId: loan.id,
      amountMinor: 1_234_500,
      channel: 'cash' as const,
      idempotencyKey: randomUUID(),
    };
    const answers = await Promise.all([
      b.ok('loans.repay', click, b.teller.token),
      b.ok('loans.repay', click, b.teller.token),
    ]);
    expect(answers.map((a) => a.isReplay)).toEqual([false, true]);
    expect(answers[1]).toEqual({ ...answers[0], isReplay: true });

    const rows = await b.ledger.db
      .selectFrom('loan_transactions')
      .select(['id', 'receipt_no'])
      .where('loan_id', '=', loan.id)
      .where('type', '=', 'repayment')
      .execute();
    expect(rows).toEqual([{ id: answers[0].transactionId, receipt_no: answers[0].receiptNo }]);
    const events = await b.ledger.db
      .selectFrom('events')
      .select('payload')
      .where('type', '=', 'loan.transactionPosted')
      .where('entity_id', '=', loan.id)
      .execute();
    expect(events).toHaveLength(1);
    const audit = await b.ledger.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', loan.id)
      .where('action', '=', 'loan.repaid')
      .execute();
    expect(audit).toHaveLength(1);
    const current = await b.ok('till.current', {}, b.teller.token);
    expect(current!.balanceMinor).toBe(2_000_000 + click.amountMinor);
    const after = await b.ok('loans.get', { loanId: loan.id }, b.teller.token);
    expect(after.outstandingTotalMinor).toBe(loan.outstandingTotalMinor - click.amountMinor);
    await expectEveryProjectionIsAReplay(b.ledger.db);
  });
});
