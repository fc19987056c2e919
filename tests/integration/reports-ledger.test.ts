// The ledger's reports on a real ledger: October and November 2026 at a branch posted through the use cases
// (tests/support/books.ts), and the trial balance, balance sheet, income statement, an account's statement and
// the cash book checked to the minor unit against figures computed by hand; the trial balance saved as CSV and
// XLSX, the balance sheet as PDF; the branch scope rule and the account's validation.
//
// By hand, at the end of November (KES; Dr positive, Cr negative):
//   1110 vault     500,000 − 200,000 (till opened) + 112,850 (till returned)             =   412,850 Dr
//   1120 till      200,000 − 98,000 + 11,000 − 100 − 50 (short) − 112,850                =         0
//   1130 bank      1,000,000 − 500,000 − 49,000 + 6,000                                  =   457,000 Dr
//   1210 loans     100,000 + 50,000 − 10,000 − 5,000                                     =   135,000 Dr
//   3100 capital                                                                          = 1,000,000 Cr
//   4100 interest  1,000 (A) + 500 (C); 4200 fees 2,000 + 1,000; 4300 penalty 500         =     5,000 Cr
//   5300 cash short 50; 5900 stationery 100                                               =       150 Dr
// Debits = credits = 1,005,000.00. Assets 1,004,850 = equity 1,000,000 + the year's earnings 4,850.
import { randomUUID } from 'node:crypto';
import * as excelNamespace from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxStatementLines } from '../../electron/core/reports/ledgerStatements';
import { writeSyncConfig } from '../../electron/core/sync/config';
import { pdfText, pdfWords } from '../unit/print/pdfText';
import { aBranchInOctober, aMonthOfBranchActivity, kes, type BranchInOctober } from '../support/books';
import { aBranch, removeDir } from '../support/ledger';

const ExcelJS = (excelNamespace as unknown as { default?: typeof excelNamespace }).default ?? excelNamespace;

let b: BranchInOctober;
let manager: string;

beforeAll(async () => {
  b = await aBranchInOctober();
  await aMonthOfBranchActivity(b);
  manager = b.people.manager.token;
}, 120_000);

afterAll(async () => {
  await b.dispose();
});

describe('the trial balance', () => {
  it('lists every account’s debit or credit balance at the month end, computed by hand, totals equal', async () => {
    const tb = await b.ok('reports.trialBalance', { period: '2026-11' }, manager);
    expect(tb.scope).toMatchObject({ branchCode: 'NBO' });
    expect(tb.accounts.map((a) => [a.code, a.type, a.debitBalanceMinor, a.creditBalanceMinor])).toEqual([
      ['1110', 'asset', kes(412_850), 0],
      ['1120', 'asset', 0, 0],
      ['1130', 'asset', kes(457_000), 0],
      ['1210', 'asset', kes(135_000), 0],
      ['1310', 'asset', 0, 0],
      ['1330', 'asset', 0, 0],
      ['3100', 'equity', 0, kes(1_000_000)],
      ['4100', 'income', 0, kes(1_500)],
      ['4200', 'income', 0, kes(3_000)],
      ['4300', 'income', 0, kes(500)],
      ['5300', 'expense', kes(50), 0],
      ['5900', 'expense', kes(100), 0],
    ]);
    expect([tb.totalDebitMinor, tb.totalCreditMinor, tb.isBalanced]).toEqual([
      kes(1_005_000),
      kes(1_005_000),
      true,
    ]);
    expect(tb.report.tables[0]!.totals).toMatchObject({ debit: kes(1_005_000), credit: kes(1_005_000) });
  });

  it('is as at the business date’s month unless another is asked for', async () => {
    const now = await b.ok('reports.trialBalance', {}, manager);
    expect(now.period).toBe('2026-11');
    const october = await b.ok('reports.trialBalance', { period: '2026-10' }, manager);
    // End of October: the fees are earned, no installment has fallen due yet.
    expect(october.accounts.find((a) => a.code === '4200')?.creditBalanceMinor).toBe(kes(3_000));
    expect(october.accounts.find((a) => a.code === '4100')).toBeUndefined();
    expect(october.totalDebitMinor).toBe(october.totalCreditMinor);
  });
});

describe('the balance sheet', () => {
  it('shows assets equal to liabilities and equity, with the year’s earnings inside equity', async () => {
    const bs = await b.ok('reports.balanceSheet', { period: '2026-11' }, manager);
    expect(bs.assets.accounts.map((a) => [a.code, a.amountMinor])).toEqual([
      ['1110', kes(412_850)],
      ['1130', kes(457_000)],
      ['1210', kes(135_000)],
    ]);
    expect(bs.assets.totalMinor).toBe(kes(1_004_850));
    expect(bs.liabilities).toEqual({ accounts: [], totalMinor: 0 });
    expect(bs.equity.totalMinor).toBe(kes(1_000_000));
    expect([bs.currentYearEarningsMinor, bs.earlierEarningsMinor]).toEqual([kes(4_850), 0]);
    expect(bs.totalEquityMinor).toBe(kes(1_004_850));
    expect(bs.totalLiabilitiesAndEquityMinor).toBe(bs.assets.totalMinor);
    expect(bs.isBalanced).toBe(true);
    const equity = bs.report.tables.find((t) => t.title === 'Equity')!;
    expect(equity.rows).toContainEqual({ code: '', account: 'Current-year earnings', amount: kes(4_850) });
  });

  it('keeps a later year’s earnings apart from the earlier years’ not yet closed', async () => {
    const next = await b.ok('reports.balanceSheet', { period: '2027-01' }, manager);
    expect([next.currentYearEarningsMinor, next.earlierEarningsMinor]).toEqual([0, kes(4_850)]);
    expect(next.totalLiabilitiesAndEquityMinor).toBe(next.assets.totalMinor);
  });
});

describe('the income statement', () => {
  it('gives income, expenses and net income for a run of months', async () => {
    const is = await b.ok('reports.incomeStatement', { fromPeriod: '2026-10', toPeriod: '2026-11' }, manager);
    expect(is.income.accounts.map((a) => [a.code, a.amountMinor])).toEqual([
      ['4100', kes(1_500)],
      ['4200', kes(3_000)],
      ['4300', kes(500)],
    ]);
    expect(is.expenses.accounts.map((a) => [a.code, a.amountMinor])).toEqual([
      ['5300', kes(50)],
      ['5900', kes(100)],
    ]);
    expect([is.income.totalMinor, is.expenses.totalMinor, is.netIncomeMinor]).toEqual([
      kes(5_000),
      kes(150),
      kes(4_850),
    ]);
    const october = await b.ok(
      'reports.incomeStatement',
      { fromPeriod: '2026-10', toPeriod: '2026-10' },
      manager,
    );
    expect(october.netIncomeMinor).toBe(kes(3_000));
  });

  it('refuses a last month before the first', async () => {
    const r = await b.call(
      'reports.incomeStatement',
      { fromPeriod: '2026-11', toPeriod: '2026-10' },
      manager,
    );
    expect(r.error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'toPeriod' }] });
  });
});

describe('an account’s statement', () => {
  it('opens with the balance brought forward, runs every line and closes on the trial balance’s figure', async () => {
    const vault = await b.ok(
      'reports.accountStatement',
      { accountCode: '1110', from: '2026-10-01', to: '2026-11-30' },
      manager,
    );
    expect(vault.account).toEqual({ code: '1110', name: 'Vault cash', type: 'asset' });
    expect(vault.normalSide).toBe('debit');
    expect(vault.openingBalanceMinor).toBe(0);
    expect(vault.lines.map((l) => [l.postingDate, l.debitMinor, l.creditMinor, l.balanceMinor])).toEqual([
      ['2026-10-01', kes(500_000), 0, kes(500_000)],
      ['2026-10-01', 0, kes(200_000), kes(300_000)],
      ['2026-11-30', kes(112_850), 0, kes(412_850)],
    ]);
    expect([vault.totalDebitMinor, vault.totalCreditMinor, vault.closingBalanceMinor]).toEqual([
      kes(612_850),
      kes(200_000),
      kes(412_850),
    ]);
    const november = await b.ok(
      'reports.accountStatement',
      { accountCode: '1110', from: '2026-11-01', to: '2026-11-30' },
      manager,
    );
    expect([november.openingBalanceMinor, november.lines.length, november.closingBalanceMinor]).toEqual([
      kes(300_000),
      1,
      kes(412_850),
    ]);
  });

  it('shows an income account’s balance on its credit side', async () => {
    const interest = await b.ok(
      'reports.accountStatement',
      { accountCode: '4100', from: '2026-10-01', to: '2026-11-30' },
      manager,
    );
    expect(interest.normalSide).toBe('credit');
    expect(interest.lines.map((l) => l.creditMinor).sort((x, y) => x - y)).toEqual([kes(500), kes(1_000)]);
    expect(interest.closingBalanceMinor).toBe(kes(1_500));
  });

  it('names the account when it is not in the chart, and bounds the period', async () => {
    const unknown = await b.call(
      'reports.accountStatement',
      { accountCode: '9999', from: '2026-10-01', to: '2026-11-30' },
      manager,
    );
    expect(unknown.error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'accountCode' }] });
    const exported = await b.call(
      'reports.export',
      {
        report: 'accountStatement',
        params: { accountCode: '9999', from: '2026-10-01', to: '2026-11-30' },
        format: 'csv',
      },
      manager,
    );
    expect(exported.error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'accountCode' }] });
    const long = await b.call(
      'reports.accountStatement',
      { accountCode: '1110', from: '2024-10-01', to: '2026-11-30' },
      manager,
    );
    expect(long.error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'to' }] });
  });
});

describe('the cash book', () => {
  it('lists every movement of the tills, the vault and the bank with the running cash balance', async () => {
    const cb = await b.ok('reports.cashBook', { from: '2026-10-01', to: '2026-11-30' }, manager);
    expect(cb.accounts.map((a) => a.code)).toEqual(['1110', '1120', '1130']);
    expect(cb.openingBalanceMinor).toBe(0);
    // Capital 1; bank → vault 2; vault → till 2; A paid out 1; C paid out 1; A's and C's payments 2;
    // stationery 1; the shortfall 1; till → vault 2.
    expect(cb.lines).toHaveLength(13);
    expect(cb.totalDebitMinor).toBe(kes(1_000_000 + 500_000 + 200_000 + 11_000 + 6_000 + 112_850));
    expect(cb.totalCreditMinor).toBe(kes(500_000 + 200_000 + 98_000 + 49_000 + 100 + 50 + 112_850));
    expect(cb.closingBalanceMinor).toBe(kes(412_850 + 457_000));
    expect(cb.lines.at(-1)!.balanceMinor).toBe(cb.closingBalanceMinor);
    // The same lines as the statement of the header account over the three cash accounts.
    const header = await b.ok(
      'reports.accountStatement',
      { accountCode: '1100', from: '2026-10-01', to: '2026-11-30' },
      manager,
    );
    expect(header.lines.map((l) => l.entryId + l.accountCode)).toEqual(
      cb.lines.map((l) => l.entryId + l.accountCode),
    );
    expect(header.closingBalanceMinor).toBe(cb.closingBalanceMinor);
  });
});

describe('a ledger set up before the books', () => {
  it('answers an empty cash book until its first posting loads the chart', async () => {
    const fresh = await aBranch();
    try {
      await fresh.ledger.db.deleteFrom('gl_accounts').execute();
      const cb = await fresh.ok(
        'reports.cashBook',
        { from: '2026-11-01', to: '2026-11-30' },
        fresh.adminToken,
      );
      expect([cb.accounts, cb.lines, cb.closingBalanceMinor]).toEqual([[], [], 0]);
    } finally {
      await fresh.close();
      removeDir(fresh.dir);
    }
  });
});

describe('the ledger reports saved as files', () => {
  const save = async (format: 'csv' | 'xlsx' | 'pdf', report: 'trialBalance' | 'balanceSheet') => {
    const file = await b.ok('reports.export', { report, params: { period: '2026-11' }, format }, manager);
    return { ...file, bytes: Buffer.from(file.base64, 'base64') };
  };

  it('CSV: the trial balance’s header, an account’s line and the equal totals, in major units', async () => {
    const csv = await save('csv', 'trialBalance');
    expect(csv.fileName).toBe('trial-balance-NBO-2026-11.csv');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Trial balance');
    expect(lines).toContain('As at the end of,2026-11');
    expect(lines).toContain('Code,Account,Type,Debit,Credit');
    expect(lines).toContain('1110,Vault cash,Asset,412850.00,');
    expect(lines).toContain('3100,Share capital,Equity,,1000000.00');
    expect(lines).toContain('Total,,,1005000.00,1005000.00');
  });

  it('XLSX: balances are numbers with the currency’s two decimals', async () => {
    const xlsx = await save('xlsx', 'trialBalance');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Accounts')!;
    let bank: excelNamespace.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === '1130') bank = row;
    });
    expect(bank).toBeDefined();
    expect(bank!.getCell(2).value).toBe('Bank and mobile money');
    expect(bank!.getCell(4).value).toBe(457000);
    expect(bank!.getCell(4).numFmt).toBe('#,##0.00');
  });

  it('PDF: the balance sheet’s title and totals as a reader sees them', async () => {
    const pdf = await save('pdf', 'balanceSheet');
    expect(pdf.fileName).toBe('balance-sheet-NBO-2026-11.pdf');
    const text = pdfText(pdf.bytes);
    expect(text).toContain('Balance sheet');
    expect(text).toContain('Umoja Microfinance');
    expect(text).toMatch(/Total assets\s+1,004,850\.00/);
    expect(text).toMatch(/Current-year earnings\s+4,850\.00/);
    expect(text).toMatch(/Total liabilities and equity\s+1,004,850\.00/);
    expect(pdfWords(pdf.bytes)).toContain('Page 1 of 1');
  });

  it('exports the income statement, an account’s statement and the cash book by their periods', async () => {
    const names = await Promise.all(
      [
        { report: 'incomeStatement', params: { fromPeriod: '2026-10', toPeriod: '2026-11' } },
        { report: 'accountStatement', params: { accountCode: '1110', from: '2026-10-01', to: '2026-11-30' } },
        { report: 'cashBook', params: { from: '2026-10-01', to: '2026-11-30' } },
      ].map(async (r) => (await b.ok('reports.export', { ...r, format: 'csv' } as never, manager)).fileName),
    );
    expect(names).toEqual([
      'income-statement-NBO-2026-10-2026-11.csv',
      'account-statement-1110-NBO-2026-10-01-2026-11-30.csv',
      'cash-book-NBO-2026-10-01-2026-11-30.csv',
    ]);
  });
});

describe('who may see which branch', () => {
  it('refuses a branch device another branch’s books, on screen and as a file', async () => {
    const other = randomUUID();
    const refused = await b.call('reports.trialBalance', { branchId: other }, manager);
    expect(refused.error).toMatchObject({ code: 'FORBIDDEN', reason: 'permission_denied' });
    const exported = await b.call(
      'reports.export',
      {
        report: 'cashBook',
        params: { from: '2026-11-01', to: '2026-11-30', branchId: other },
        format: 'xlsx',
      },
      manager,
    );
    expect(exported.error?.code).toBe('FORBIDDEN');
    const teller = await b.call('reports.balanceSheet', {}, b.people.teller.token);
    expect(teller.error?.code).toBe('FORBIDDEN');
  });

  it('lets a head-office device report on another branch or on all of them', async () => {
    const now = b.clock.now().toISOString();
    const msa = randomUUID();
    await b.ledger.db
      .insertInto('branches')
      .values({
        id: msa,
        code: 'MSA',
        name: 'Mombasa',
        currency: 'KES',
        currency_digits: 2,
        locale: 'en',
        time_zone: 'Africa/Nairobi',
        business_date: '2026-11-30',
        created_at: now,
      })
      .execute();
    await writeSyncConfig(
      b.ledger.db,
      { url: 'postgresql://127.0.0.1:5433/postgres', user: 'hq', isHeadOffice: true, isAutoSync: false },
      now,
    );
    try {
      const mombasa = await b.ok('reports.trialBalance', { branchId: msa }, manager);
      expect([mombasa.scope.branchCode, mombasa.accounts, mombasa.totalDebitMinor]).toEqual(['MSA', [], 0]);
      const all = await b.ok('reports.balanceSheet', { period: '2026-11' }, manager);
      expect(all.scope.branchId).toBeNull();
      expect(all.assets.totalMinor).toBe(kes(1_004_850));
    } finally {
      await b.ledger.db.deleteFrom('settings').where('key', '=', 'sync.config').execute();
    }
  });
});

describe('a statement too long for one report', () => {
  it('lists up to its bound of lines and refuses a period with more, on its end date', async () => {
    // Lines written straight into the journal (in March 2027, on the suspense account, which no other test
    // reads): posting 50,000 through the use cases would take minutes.
    const sqlite = b.ledger.sqlite;
    const branchId = (await b.ok('reports.filters', {}, manager)).ownBranchId;
    const entry =
      sqlite.prepare(`INSERT INTO journal_entries (id, branch_id, kind, value_date, posting_date, period,
      narration, created_at, hash) VALUES (?, ?, 'manual', ?, ?, '2027-03', 'Test line', ?, 'test')`);
    const line =
      sqlite.prepare(`INSERT INTO journal_lines (entry_id, line_no, account_code, debit_minor, credit_minor,
      branch_id, period, posting_date) VALUES (?, ?, '1900', 1, 0, ?, '2027-03', ?)`);
    const post = (date: string, lines: number) =>
      sqlite.transaction(() => {
        const id = randomUUID();
        entry.run(id, branchId, date, date, b.clock.now().toISOString());
        for (let n = 1; n <= lines; n++) line.run(id, n, branchId, date);
      })();
    post('2027-03-01', maxStatementLines);
    const march = { accountCode: '1900', from: '2027-03-01', to: '2027-03-31' };
    const full = await b.ok('reports.accountStatement', march, manager);
    expect([full.lines.length, full.closingBalanceMinor]).toEqual([maxStatementLines, maxStatementLines]);
    post('2027-03-02', 1);
    const refused = await b.call('reports.accountStatement', march, manager);
    expect(refused.error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'to' }] });
    const shorter = await b.ok('reports.accountStatement', { ...march, to: '2027-03-01' }, manager);
    expect(shorter.lines).toHaveLength(maxStatementLines);
  });
});
