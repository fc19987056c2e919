// The loan statement's layout (electron/core/print/statement.ts) from data alone: it refuses figures that
// contradict each other, runs over pages with the table header repeated and every page numbered, and speaks
// French for a French branch. The figures' source, the engine's replay, is tested in
// tests/integration/statement.test.ts.
import { describe, expect, it } from 'vitest';
import { renderLoanStatement } from '../../../electron/core/print/statement';
import type { LoanStatementData, StatementLine } from '../../../electron/core/print/statementData';
import { pdfText, pdfWords } from './pdfText';

const zero = { principalMinor: 0, interestMinor: 0, feesMinor: 0, penaltiesMinor: 0 };

/** A line of the statement with nothing charged, rebated or written off. */
function aLine(overrides: Partial<StatementLine> & Pick<StatementLine, 'kind' | 'balance'>): StatementLine {
  return {
    valueDate: '2026-12-25',
    reference: '',
    amountMinor: null,
    allocation: null,
    isReversed: false,
    isPayoff: false,
    chargedMinor: 0,
    rebateMinor: 0,
    writtenOffMinor: 0,
    creditMinor: 0,
    ...overrides,
  };
}

/** 100,000.00 disbursed (107,115.50 with its interest), then `repayments` payments of 1,000.00 principal. */
function aStatement(repayments: number, overrides: Partial<LoanStatementData> = {}): LoanStatementData {
  const lines: StatementLine[] = [
    aLine({
      valueDate: '2026-11-25',
      kind: 'disbursement',
      reference: 'NBO-01-000001',
      amountMinor: 10_000_000,
      balance: { principalMinor: 10_000_000, totalMinor: 10_711_550 },
    }),
  ];
  for (let i = 1; i <= repayments; i++) {
    lines.push(
      aLine({
        kind: 'repayment',
        reference: `NBO-01-${String(i + 1).padStart(6, '0')}`,
        amountMinor: 100_000,
        allocation: { ...zero, principalMinor: 100_000 },
        balance: { principalMinor: 10_000_000 - i * 100_000, totalMinor: 10_711_550 - i * 100_000 },
      }),
    );
  }
  const last = lines.at(-1)!.balance;
  return {
    institutionName: 'Umoja Microfinance',
    branch: { code: 'NBO', name: 'Nairobi Central', timeZone: 'Africa/Nairobi' },
    customer: { number: 'NBO-01-000002', name: 'Ирина Петрова', phone: null, addressLines: [] },
    loan: {
      accountNo: 'NBO-01-000001',
      productName: 'Biashara monthly',
      status: 'active',
      currency: 'KES',
      digits: 2,
      principalMinor: 10_000_000,
      annualRate: '24.5',
      repayments: 6,
      every: 1,
      frequency: 'months',
      disbursedOn: '2026-11-25',
      maturityDate: '2027-05-25',
    },
    period: { from: '2026-11-25', to: '2026-12-25' },
    schedule: [],
    opening: null,
    lines,
    outstanding: {
      principalMinor: last.principalMinor,
      interestMinor: last.totalMinor - last.principalMinor,
      feesMinor: 0,
      penaltiesMinor: 0,
      totalMinor: last.totalMinor,
      overdueMinor: 0,
      daysPastDue: 0,
    },
    generatedAt: '2026-12-25T08:00:00.000Z',
    generatedBy: 'Wanjiru',
    language: 'en',
    ...overrides,
  };
}

describe('the loan statement’s layout', () => {
  it('refuses a balance that does not follow from the line before it', async () => {
    const good = aStatement(2);
    const lines = good.lines.map((l, i) =>
      i === 1 ? { ...l, balance: { ...l.balance, totalMinor: l.balance.totalMinor + 1 } } : l,
    );
    await expect(renderLoanStatement({ ...good, lines })).rejects.toThrow(/do not follow/);
  });

  it('refuses to close on anything but the outstanding it prints', async () => {
    const good = aStatement(2);
    const outstanding = { ...good.outstanding, interestMinor: good.outstanding.interestMinor + 1 };
    await expect(
      renderLoanStatement({
        ...good,
        outstanding: { ...outstanding, totalMinor: outstanding.totalMinor + 1 },
      }),
    ).rejects.toThrow(/is not the outstanding/);
  });

  it('runs over pages with the table header on each and every page numbered', async () => {
    const text = pdfText(await renderLoanStatement(aStatement(90)));
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain('Generated at 2026-12-25 11:00 GMT+3 by Wanjiru');
      expect(page).toContain('NBO-01-000001 · Ирина Петрова');
    });
    expect(pages.slice(0, -1).every((p) => p.includes('Receipt / reference'))).toBe(true);
    expect(text).toContain('NBO-01-000091');
  });

  it('speaks French for a French branch, with French figures', async () => {
    const words = pdfWords(await renderLoanStatement(aStatement(1, { language: 'fr' })));
    expect(words).toContain('Relevé de prêt');
    expect(words).toContain('24,5 % par an');
    expect(words).toContain('6 échéances, chaque mois');
    expect(words).toContain('Solde au 2026-12-25');
    expect(words).toContain('Page 1 sur 1');
    expect(words).toContain('KES 100 000,00'); // narrow no-break space between thousands
  });
});
