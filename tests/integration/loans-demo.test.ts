// Demo loans on a real ledger: a year of lending replayed through the use cases leaves a portfolio in every
// state (active, closed, written off, restructured, in arrears with penalties), each loan's projection equal to a
// replay from scratch, every transaction with its event, an intact audit chain — and a ledger with real loans
// is refused. `lms seed --loans N` does the same from the command line.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../../electron/cli/main';
import { stateOf, transactionRowsOf } from '../../electron/core/loans/project';
import { aBranch, adminPassword, removeDir, type TestBranch } from '../support/ledger';
import { aLoanBranch } from '../support/loans';

type Branch = TestBranch & { adminToken: string };

describe('demo loans on a fresh branch', () => {
  let b: Branch;
  let created: number;
  beforeAll(async () => {
    b = await aBranch();
    ({ created } = await b.ok('loans.seedDemo', { count: 60 }, b.adminToken));
  }, 120_000);
  afterAll(async () => {
    await b.close();
    removeDir(b.dir);
  });

  const loans = () => b.ledger.db.selectFrom('loans').selectAll().execute();

  it('creates the loans asked for, with a history running a year up to today', async () => {
    expect(created).toBe(60);
    const all = await loans();
    expect(all).toHaveLength(60);
    const disbursed = all
      .map((l) => l.disbursed_on)
      .filter((d): d is string => d !== null)
      .sort();
    expect(disbursed[0]! < '2026-01-31').toBe(true);
    const branch = await b.ledger.db.selectFrom('branches').select('business_date').executeTakeFirstOrThrow();
    expect(branch.business_date).toBe('2026-11-25');
    expect(all.every((l) => l.status !== 'active' || l.as_of === '2026-11-25')).toBe(true);
  });

  it('leaves loans in every state: active, closed, written off, restructured, in arrears with penalties', async () => {
    const all = await loans();
    const statuses = new Set(all.map((l) => l.status));
    expect(statuses).toContain('active');
    expect(statuses).toContain('closed');
    expect(statuses).toContain('written_off');
    const history = await b.ledger.db.selectFrom('loan_terms_history').select('loan_id').execute();
    expect(history.length).toBeGreaterThan(0);
    const inArrears = all.filter(
      (l) => l.status === 'active' && l.days_past_due > 0 && l.outstanding_penalties_minor > 0,
    );
    expect(inArrears.length).toBeGreaterThan(0);
  });

  it('is taken by the demo officer and decided by the demo manager (four eyes)', async () => {
    const all = await loans();
    const users = await b.ledger.db.selectFrom('users').select(['id', 'username']).execute();
    const name = new Map(users.map((u) => [u.id, u.username]));
    expect(new Set(all.map((l) => name.get(l.created_by)))).toEqual(new Set(['demo.officer']));
    const decided = all.filter((l) => l.decided_by !== null);
    expect(decided.length).toBeGreaterThan(0);
    expect(new Set(decided.map((l) => name.get(l.decided_by!)))).toEqual(new Set(['demo.manager']));
  });

  it('keeps every loan’s projection equal to a replay of its transactions from scratch', async () => {
    for (const loan of (await loans()).filter((l) => l.disbursed_on !== null)) {
      const state = stateOf(loan, await transactionRowsOf(b.ledger.db, loan.id), loan.as_of!);
      const where = `loan ${loan.application_no}`;
      expect(loan.outstanding_total_minor, where).toBe(state.outstanding.totalMinor);
      expect(loan.outstanding_principal_minor, where).toBe(state.outstanding.principalMinor);
      expect(loan.outstanding_penalties_minor, where).toBe(state.outstanding.penaltiesMinor);
      expect(loan.days_past_due, where).toBe(loan.status === 'active' ? state.daysPastDue : 0);
      expect(loan.payoff_minor, where).toBe(loan.status === 'active' ? state.payoffMinor : 0);
      expect(loan.status, where).toBe(state.status);
    }
  });

  it('records an event for every loan transaction and keeps the audit chain intact', async () => {
    const transactions = await b.ledger.db
      .selectFrom('loan_transactions')
      .select(['id', 'loan_id'])
      .execute();
    const events = await b.ledger.db
      .selectFrom('events')
      .select(['entity_id', 'payload'])
      .where('entity_type', '=', 'loan')
      .execute();
    const carried = new Set(
      events.flatMap((e) => {
        const payload = JSON.parse(e.payload) as { transaction?: { id: string; loan_id: string } };
        return payload.transaction && payload.transaction.loan_id === e.entity_id
          ? [payload.transaction.id]
          : [];
      }),
    );
    expect(transactions.length).toBeGreaterThan(60);
    expect(transactions.filter((t) => !carried.has(t.id))).toEqual([]);
    const verified = await b.ok('audit.verify', {}, b.adminToken);
    expect(verified.isIntact).toBe(true);
  });

  it('adds young loans on a second run without moving the business date back', async () => {
    expect(await b.ok('loans.seedDemo', { count: 4 }, b.adminToken)).toEqual({ created: 4 });
    const branch = await b.ledger.db.selectFrom('branches').select('business_date').executeTakeFirstOrThrow();
    expect(branch.business_date).toBe('2026-11-25');
    expect(await loans()).toHaveLength(64);
  });
});

describe('the demo portfolio', () => {
  it('has the same shape for the same count: the seeding is deterministic', async () => {
    const shapes: string[][] = [];
    for (let run = 0; run < 2; run++) {
      const b = await aBranch();
      try {
        await b.ok('loans.seedDemo', { count: 12 }, b.adminToken);
        const rows = await b.ledger.db
          .selectFrom('loans')
          .select([
            'application_no',
            'status',
            'requested_principal_minor',
            'approved_principal_minor',
            'days_past_due',
            'paid_total_minor',
          ])
          .orderBy('application_no')
          .execute();
        shapes.push(rows.map((r) => JSON.stringify(r)));
      } finally {
        await b.close();
        removeDir(b.dir);
      }
    }
    expect(shapes[1]).toEqual(shapes[0]);
  }, 60_000);
});

describe('a ledger with real loans', () => {
  it('refuses demo loans and changes nothing', async () => {
    const b = await aLoanBranch();
    try {
      await b.anActiveLoan();
      const refused = await b.call('loans.seedDemo', { count: 10 }, b.adminToken);
      expect(refused.error).toMatchObject({ code: 'CONFLICT' });
      expect(refused.error?.message).toMatch(/real loans/);
      expect(await b.ledger.db.selectFrom('loans').select('id').execute()).toHaveLength(1);
      const demoProducts = await b.ledger.db
        .selectFrom('loan_products')
        .select('code')
        .where('code', 'like', 'DEMO-%')
        .execute();
      expect(demoProducts).toEqual([]);
    } finally {
      await b.close();
      removeDir(b.dir);
    }
  });
});

describe('lms seed --loans', () => {
  it('seeds demo loans (and the customers they need) into a new ledger and exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lms-demo-'));
    try {
      const db = join(dir, 'demo.sqlite');
      const out: string[] = [];
      const err: string[] = [];
      const io: Io = {
        stdout: (t) => out.push(t),
        stderr: (t) => err.push(t),
        stdin: () => '',
        env: { LMS_USER: 'amina', LMS_PASSWORD: adminPassword },
      };
      const init = [
        'init',
        '--db',
        db,
        '--institution',
        'Umoja',
        '--branch-code',
        'NBO',
        '--branch-name',
        'Nairobi',
        '--currency',
        'KES',
        '--time-zone',
        'Africa/Nairobi',
        '--admin-user',
        'amina',
        '--admin-password',
        adminPassword,
      ];
      expect(await main(init, io)).toBe(0);
      out.length = 0;
      expect(await main(['seed', '--loans', '20', '--db', db], io), err.join('\n')).toBe(0);
      expect(JSON.parse(out.join(''))).toMatchObject({ loans: 20 });
      const usage = await main(['seed', '--db', db], { ...io, stderr: () => {} });
      expect(usage).toBe(2);
    } finally {
      removeDir(dir);
    }
  }, 60_000);
});
