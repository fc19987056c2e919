// The portfolio reports on a real ledger, with loans made through the use cases and figures computed by hand:
// portfolio at risk with aging (in total, by product, by officer), disbursements and collections split as
// allocated with reversals netted, the same report saved as CSV, XLSX and PDF, and the branch scope rule.
//
// The story (clock moved like the branch's days; end-of-day brings loans current):
//   2026-11-25  C: 30,000.00 on BIASHARA by Otieno, 6 monthly installments at 24 % (period rate 2 %).
//               Installment = 30,000 × 0.02 × 1.02⁶ / (1.02⁶ − 1) = 5,355.77437… → 5,355.77.
//   2027-01-29  (65 days on) C has paid nothing: installment 1 (due 2026-12-25) is 35 days past due,
//               installment 2 (due 2027-01-25) 4 days; a late fee of 500.00 on each.
//               A: 100,000.00 on BIASHARA and B: 50,000.00 on KILIMO, both by Achieng, disbursed today.
//               C pays 1,200.00: installment 1's late fee 500.00, its interest 30,000 × 2 % = 600.00, and
//               100.00 of principal (installment by installment, penalties → fees → interest → principal).
//               A pays 5,000.00, reversed the same day by the manager.
// So: outstanding principal A 100,000.00 + B 50,000.00 + C 29,900.00 = 179,900.00; C is the only loan at
// risk: PAR 1 = PAR 30 = 29,900 / 179,900 = 16.6203…% → 16.62 %, PAR 90 = 0.00 %.
// C's overdue: 2 × 5,355.77 + 2 × 500.00 − 1,200.00 = 10,511.54.
import { randomUUID } from 'node:crypto';
import * as excelNamespace from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyncConfig } from '../../electron/core/sync/config';
import { pdfText, pdfWords } from '../unit/print/pdfText';
import { aStaffMember, removeDir } from '../support/ledger';
import { aLoanBranch, aProduct } from '../support/loans';

const ExcelJS = (excelNamespace as unknown as { default?: typeof excelNamespace }).default ?? excelNamespace;

type LoanBranch = Awaited<ReturnType<typeof aLoanBranch>>;
const day = 24 * 60;

let b: LoanBranch;
let manager: string;
const loans = { a: '', b: '', c: '' };
const products = { biashara: '', kilimo: '' };
const officers = { otieno: '', achieng: '' };

async function signIn(username: string, password: string) {
  return (await b.ok('auth.signIn', { username, password })).sessionToken;
}

beforeAll(async () => {
  b = await aLoanBranch();
  products.biashara = b.product.id;
  products.kilimo = (
    await b.ok('loanProducts.save', aProduct({ code: 'KILIMO', name: 'Kilimo monthly' }), b.adminToken)
  ).id;
  const achieng = await aStaffMember(b, {
    username: 'achieng',
    role: 'loan_officer',
    password: 'Officer-Second-2026',
  });
  officers.otieno = b.officer.user.id;
  officers.achieng = achieng.user.id;
  loans.c = (
    await b.anActiveLoan({
      principalMinor: 3_000_000,
      repayments: 6,
      annualRate: '24',
      productId: products.biashara,
    })
  ).id;

  b.clock.advanceMinutes(65 * day); // 2027-01-29, 11:00 in Nairobi
  const admin = await signIn('amina', 'Correct-Horse-Battery-42');
  await b.ok('eod.run', {}, admin);
  b.officer.token = await signIn('otieno', 'Officer-Field-2026');
  b.teller.token = await signIn('kamau', 'Teller-Counter-2026');
  manager = await signIn('wanjiru', 'Manager-Desk-2026');
  b.manager.token = manager;
  const achiengToken = await signIn('achieng', 'Officer-Second-2026');
  const disburse = async (productId: string, principalMinor: number) => {
    const applied = await b.ok(
      'loans.apply',
      {
        customerId: b.customer.id,
        productId,
        principalMinor,
        repayments: 6,
        annualRate: '24',
        expectedDisbursementDate: '2027-01-29',
        purpose: 'Stock for the shop',
        overrideReason: 'Long-standing customer',
        idempotencyKey: randomUUID(),
      },
      achiengToken,
    );
    await b.ok('loans.decide', { loanId: applied.id, decision: 'approve', reason: 'Good history' }, manager);
    const paid = await b.ok(
      'loans.disburse',
      { loanId: applied.id, channel: 'transfer', reference: 'BANK-2', idempotencyKey: randomUUID() },
      b.teller.token,
    );
    return paid.loanId;
  };
  loans.a = await disburse(products.biashara, 10_000_000);
  loans.b = await disburse(products.kilimo, 5_000_000);

  const repay = (loanId: string, amountMinor: number) =>
    b.ok(
      'loans.repay',
      { loanId, amountMinor, channel: 'transfer', reference: 'MPESA', idempotencyKey: randomUUID() },
      b.teller.token,
    );
  const onC = await repay(loans.c, 120_000);
  expect(onC.allocation).toEqual({
    principalMinor: 10_000,
    interestMinor: 60_000,
    feesMinor: 0,
    penaltiesMinor: 50_000,
    creditMinor: 0,
  });
  const onA = await repay(loans.a, 500_000);
  await b.ok(
    'loans.reverse',
    { transactionId: onA.transactionId, reason: 'posted to the wrong loan', idempotencyKey: randomUUID() },
    manager,
  );
});

afterAll(async () => {
  await b.close();
  removeDir(b.dir);
});

describe('portfolio at risk', () => {
  it('is the principal of loans 1, 30 and 90 or more days past due over the active portfolio, to the exact percent', async () => {
    const par = await b.ok('reports.portfolioAtRisk', {}, manager);
    expect(par.asOf).toBe('2027-01-29');
    expect(par.scope).toMatchObject({ branchCode: 'NBO', branchName: 'Nairobi Central' });
    expect(par.totals).toMatchObject({ loanCount: 3, outstandingPrincipalMinor: 17_990_000 });
    expect(par.totals.par).toEqual([
      { days: 1, loanCount: 1, atRiskPrincipalMinor: 2_990_000, percent: '16.62' },
      { days: 30, loanCount: 1, atRiskPrincipalMinor: 2_990_000, percent: '16.62' },
      { days: 90, loanCount: 0, atRiskPrincipalMinor: 0, percent: '0.00' },
    ]);
    const c = await b.ok('loans.get', { loanId: loans.c }, manager);
    expect(c.daysPastDue).toBe(35);
  });

  it('ages the portfolio in the engine’s buckets with each bucket’s loans, principal and overdue amount', async () => {
    const par = await b.ok('reports.portfolioAtRisk', {}, manager);
    expect(par.totals.aging).toEqual([
      { bucket: 'current', loanCount: 2, outstandingPrincipalMinor: 15_000_000, overdueMinor: 0 },
      { bucket: '1-30', loanCount: 0, outstandingPrincipalMinor: 0, overdueMinor: 0 },
      { bucket: '31-60', loanCount: 1, outstandingPrincipalMinor: 2_990_000, overdueMinor: 1_051_154 },
      { bucket: '61-90', loanCount: 0, outstandingPrincipalMinor: 0, overdueMinor: 0 },
      { bucket: '91-180', loanCount: 0, outstandingPrincipalMinor: 0, overdueMinor: 0 },
      { bucket: '180+', loanCount: 0, outstandingPrincipalMinor: 0, overdueMinor: 0 },
    ]);
    expect(par.totals.overdueMinor).toBe(1_051_154);
  });

  it('breaks the portfolio down by product and by loan officer', async () => {
    const par = await b.ok('reports.portfolioAtRisk', {}, manager);
    const summary = (f: {
      loanCount: number;
      outstandingPrincipalMinor: number;
      par: { percent: string }[];
    }) => [f.loanCount, f.outstandingPrincipalMinor, f.par.map((p) => p.percent)];
    // BIASHARA: 29,900 / 129,900 = 23.0177…%.
    expect(par.byProduct.map((p) => [p.productCode, ...summary(p)])).toEqual([
      ['BIASHARA', 2, 12_990_000, ['23.02', '23.02', '0.00']],
      ['KILIMO', 1, 5_000_000, ['0.00', '0.00', '0.00']],
    ]);
    expect(par.byOfficer.map((o) => [o.officerName, ...summary(o)])).toEqual([
      ['ACHIENG', 2, 15_000_000, ['0.00', '0.00', '0.00']],
      ['OTIENO', 1, 2_990_000, ['100.00', '100.00', '0.00']],
    ]);
  });

  it('filters by product and by officer', async () => {
    const kilimo = await b.ok('reports.portfolioAtRisk', { productId: products.kilimo }, manager);
    expect([kilimo.totals.loanCount, kilimo.totals.outstandingPrincipalMinor]).toEqual([1, 5_000_000]);
    const otieno = await b.ok('reports.portfolioAtRisk', { officerId: officers.otieno }, manager);
    expect(otieno.totals.par[1]).toMatchObject({ atRiskPrincipalMinor: 2_990_000, percent: '100.00' });
    expect(otieno.report.details).toContainEqual({ label: 'Loan officer', value: 'OTIENO' });
  });

  it('counts a loan at risk from the threshold day on, and a loan a year late as over 180 days', async () => {
    // The projection's days past due set by hand (end-of-day would take months to get there).
    const at = async (days: number) => {
      await b.ledger.db.updateTable('loans').set({ days_past_due: days }).where('id', '=', loans.c).execute();
      const par = await b.ok('reports.portfolioAtRisk', {}, manager);
      const bucket = par.totals.aging.find((a) => a.loanCount === 1)!.bucket;
      return [par.totals.par.map((p) => p.percent), bucket];
    };
    try {
      expect(await at(29)).toEqual([['16.62', '0.00', '0.00'], '1-30']);
      expect(await at(30)).toEqual([['16.62', '16.62', '0.00'], '1-30']);
      expect(await at(89)).toEqual([['16.62', '16.62', '0.00'], '61-90']);
      expect(await at(90)).toEqual([['16.62', '16.62', '16.62'], '61-90']);
      expect(await at(180)).toEqual([['16.62', '16.62', '16.62'], '91-180']);
      expect(await at(400)).toEqual([['16.62', '16.62', '16.62'], '180+']);
    } finally {
      await b.ledger.db.updateTable('loans').set({ days_past_due: 35 }).where('id', '=', loans.c).execute();
    }
  });

  it('is kept as of the business date only', async () => {
    const past = await b.call('reports.portfolioAtRisk', { asOf: '2026-12-31' }, manager);
    expect(past.error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'asOf' }] });
    const today = await b.ok('reports.portfolioAtRisk', { asOf: '2027-01-29' }, manager);
    expect(today.totals.loanCount).toBe(3);
  });
});

describe('disbursements and collections', () => {
  it('lists payouts and money received per day, split as allocated, with a reversal netted', async () => {
    const dc = await b.ok(
      'reports.disbursementsCollections',
      { from: '2026-11-01', to: '2027-01-31' },
      manager,
    );
    const none = {
      principalMinor: 0,
      interestMinor: 0,
      feesMinor: 0,
      penaltiesMinor: 0,
      creditMinor: 0,
      recoveriesMinor: 0,
      collectedMinor: 0,
      reversedMinor: 0,
    };
    expect(dc.days).toEqual([
      { date: '2026-11-25', disbursementCount: 1, disbursedPrincipalMinor: 3_000_000, ...none },
      {
        date: '2027-01-29',
        disbursementCount: 2,
        disbursedPrincipalMinor: 15_000_000,
        ...none,
        principalMinor: 10_000,
        interestMinor: 60_000,
        penaltiesMinor: 50_000,
        collectedMinor: 120_000,
        reversedMinor: 500_000,
      },
    ]);
    expect(dc.totals).toMatchObject({
      disbursementCount: 3,
      disbursedPrincipalMinor: 18_000_000,
      collectedMinor: 120_000,
    });
    const t = dc.totals;
    expect(t.principalMinor + t.interestMinor + t.feesMinor + t.penaltiesMinor + t.creditMinor).toBe(
      t.collectedMinor - t.recoveriesMinor,
    );
  });

  it('refuses a period that ends before it starts or runs past two years', async () => {
    const backwards = await b.call(
      'reports.disbursementsCollections',
      { from: '2027-01-31', to: '2027-01-01' },
      manager,
    );
    expect(backwards.error?.code).toBe('VALIDATION');
    const long = await b.call(
      'reports.disbursementsCollections',
      { from: '2024-01-01', to: '2027-01-01' },
      manager,
    );
    expect(long.error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'to' }] });
  });
});

describe('the report saved as a file', () => {
  const save = async (format: 'csv' | 'xlsx' | 'pdf') => {
    const file = await b.ok('reports.export', { report: 'portfolioAtRisk', params: {}, format }, manager);
    return { ...file, bytes: Buffer.from(file.base64, 'base64') };
  };

  it('CSV: UTF-8 with a byte-order mark, the header, money in major units with a dot', async () => {
    const csv = await save('csv');
    expect(csv.fileName).toBe('portfolio-at-risk-NBO-2027-01-29.csv');
    expect(csv.mimeType).toBe('text/csv;charset=utf-8');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Portfolio at risk');
    expect(lines).toContain('Measure,Loans,Principal at risk,PAR (%)');
    expect(lines).toContain('PAR 30: 30 or more days past due,1,29900.00,16.62');
    expect(lines).toContain('Outstanding principal,3,179900.00,');
    expect(lines).toContain('Days past due,Loans,Outstanding principal,Share (%),Overdue amount');
    expect(lines).toContain('31–60,1,29900.00,16.62,10511.54');
  });

  it('XLSX: money cells are numbers with the currency’s two decimals, percentages are fractions', async () => {
    const xlsx = await save('xlsx');
    expect(xlsx.fileName).toBe('portfolio-at-risk-NBO-2027-01-29.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Portfolio at risk',
      'Aging of the portfolio',
      'By product',
      'By loan officer',
    ]);
    const sheet = workbook.getWorksheet('Portfolio at risk')!;
    let par30: excelNamespace.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === 'PAR 30: 30 or more days past due') par30 = row;
    });
    expect(par30).toBeDefined();
    expect(par30!.getCell(2).value).toBe(1);
    expect(par30!.getCell(3).value).toBe(29900);
    expect(par30!.getCell(3).numFmt).toBe('#,##0.00');
    expect(par30!.getCell(4).value).toBe(0.1662);
    expect(par30!.getCell(4).numFmt).toBe('0.00%');
  });

  it('PDF: the title, the figures and the totals, the same bytes for the same clock', async () => {
    const pdf = await save('pdf');
    expect(pdf.mimeType).toBe('application/pdf');
    const text = pdfText(pdf.bytes);
    expect(text).toContain('Portfolio at risk');
    expect(text).toContain('Umoja Microfinance');
    expect(pdfWords(pdf.bytes)).toContain('Outstanding principal 3 179,900.00');
    expect(text).toMatch(/PAR 30: 30 or more days past due\s+1\s+29,900.00\s+16.62/);
    expect(text).toContain('Page 1 of 1');
    expect(text).toContain('Generated at 2027-01-29 11:00 GMT+3');
    const again = await save('pdf');
    expect(again.bytes.equals(pdf.bytes)).toBe(true);
  });

  it('exports disbursements and collections for a period', async () => {
    const file = await b.ok(
      'reports.export',
      { report: 'disbursementsCollections', params: { from: '2026-11-01', to: '2027-01-31' }, format: 'csv' },
      manager,
    );
    expect(file.fileName).toBe('disbursements-collections-NBO-2026-11-01-2027-01-31.csv');
    const lines = Buffer.from(file.base64, 'base64').toString('utf8').split('\r\n');
    expect(lines).toContain('2027-01-29,2,150000.00,100.00,600.00,0.00,500.00,0.00,0.00,1200.00,5000.00');
    expect(lines).toContain('Total,3,180000.00,100.00,600.00,0.00,500.00,0.00,0.00,1200.00,5000.00');
  });
});

describe('who may see which branch', () => {
  it('refuses a branch device another branch’s report, and audits the refusal', async () => {
    const other = randomUUID();
    const refused = await b.call('reports.portfolioAtRisk', { branchId: other }, manager);
    expect(refused.error).toMatchObject({ code: 'FORBIDDEN', reason: 'permission_denied' });
    const exported = await b.call(
      'reports.export',
      {
        report: 'disbursementsCollections',
        params: { from: '2027-01-01', to: '2027-01-31', branchId: other },
        format: 'pdf',
      },
      manager,
    );
    expect(exported.error?.code).toBe('FORBIDDEN');
    const denials = await b.ledger.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'permission.denied')
      .execute();
    expect(denials.map((d) => JSON.parse(d.details).method)).toEqual(
      expect.arrayContaining(['reports.portfolioAtRisk', 'reports.disbursementsCollections']),
    );
    const own = await b.ok('reports.filters', {}, manager);
    expect(own.isHeadOffice).toBe(false);
    const mine = await b.ok('reports.portfolioAtRisk', { branchId: own.ownBranchId }, manager);
    expect(mine.totals.loanCount).toBe(3);
  });

  it('lets only staff who may read reports see them', async () => {
    const refused = await b.call('reports.portfolioAtRisk', {}, b.teller.token);
    expect(refused.error?.code).toBe('FORBIDDEN');
  });

  it('lets a head-office device report on any branch, or on all of them', async () => {
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
        business_date: '2027-01-29',
        created_at: now,
      })
      .execute();
    await writeSyncConfig(
      b.ledger.db,
      { url: 'postgresql://127.0.0.1:5433/postgres', user: 'hq', isHeadOffice: true, isAutoSync: false },
      now,
    );
    try {
      const filters = await b.ok('reports.filters', {}, manager);
      expect(filters.isHeadOffice).toBe(true);
      expect(filters.branches.map((x) => x.code)).toEqual(['MSA', 'NBO']);
      const all = await b.ok('reports.portfolioAtRisk', {}, manager);
      expect(all.scope).toEqual({ branchId: null, branchCode: null, branchName: null });
      expect(all.totals.outstandingPrincipalMinor).toBe(17_990_000);
      expect(all.report.details[0]).toEqual({ label: 'Branch', value: 'All branches' });
      const mombasa = await b.ok('reports.portfolioAtRisk', { branchId: msa }, manager);
      expect([mombasa.scope.branchCode, mombasa.totals.loanCount, mombasa.totals.par[0]!.percent]).toEqual([
        'MSA',
        0,
        '0.00',
      ]);
      const unknown = await b.call('reports.portfolioAtRisk', { branchId: randomUUID() }, manager);
      expect(unknown.error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'branchId' }] });
    } finally {
      await b.ledger.db.deleteFrom('settings').where('key', '=', 'sync.config').execute();
    }
  });
});
