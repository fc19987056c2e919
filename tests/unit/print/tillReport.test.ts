import { beforeAll, describe, expect, it } from 'vitest';
import {
  renderTillReport,
  type TillMovementKind,
  type TillMovementLine,
  type TillReportData,
} from '../../../electron/core/print';
import { pdfText, pdfWords } from './pdfText';

const kinds: readonly TillMovementKind[] = ['repayment', 'disbursement', 'cash_in', 'cash_out', 'reversal'];
const amounts = [150000, -500000, 20000, -10000, -150000];

/** `n` movements four minutes apart from 08:00 Nairobi time, cycling through the kinds. */
function movements(n: number): TillMovementLine[] {
  return Array.from({ length: n }, (_, i) => ({
    postedAt: new Date(Date.UTC(2026, 2, 14, 5, 0) + i * 240_000).toISOString(),
    kind: kinds[i % kinds.length]!,
    reference: `NBO01-D2-${String(i + 1).padStart(6, '0')}`,
    amountMinor: amounts[i % amounts.length]!,
  }));
}

/** A closed, counted and approved till; the count is 1,000-shilling notes and one 50 cents coin short of exact. */
function aTillReport(overrides: Partial<TillReportData> = {}): TillReportData {
  const lines = overrides.movements ?? movements(5);
  const openingMinor = overrides.openingMinor ?? 50_000_000;
  const expectedMinor = lines.reduce((sum, m) => sum + m.amountMinor, openingMinor);
  const notes = Math.trunc(expectedMinor / 100_000);
  const denominations = [
    { valueMinor: 100_000, count: notes },
    { valueMinor: 50, count: 1 },
  ];
  const countedMinor = notes * 100_000 + 50;
  return {
    institutionName: 'Optifluence Microfinance',
    branch: { code: 'NBO01', name: 'Nairobi Central', timeZone: 'Africa/Nairobi' },
    tellerName: 'Ирина Петрова',
    businessDate: '2026-03-14',
    currency: 'KES',
    digits: 2,
    openedAt: '2026-03-14T05:00:00Z',
    closedAt: '2026-03-14T15:10:00Z',
    openingMinor,
    movements: lines,
    expectedMinor,
    count: { denominations, countedMinor, varianceMinor: countedMinor - expectedMinor },
    approvedBy: 'Zoë Ñúñez Øster',
    generatedAt: '2026-03-14T15:12:00Z',
    language: 'en',
    ...overrides,
  };
}

describe('the till report', () => {
  // A busy day: 120 movements run over several A4 pages. Rendered once, read by several tests.
  let pdf: Buffer;
  let text: string;
  beforeAll(async () => {
    pdf = await renderTillReport(aTillReport({ movements: movements(120) }));
    text = pdfText(pdf);
  });

  it('numbers every page of a day whose movements overflow the first', () => {
    const pages = text.split('\f').filter((page) => page.trim() !== '');
    const total = pages.length;

    expect(total).toBeGreaterThan(1);
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${total}`));
    pages.forEach((page) => expect(page).toContain('Generated at 2026-03-14 18:12 GMT+3'));
  });

  it('repeats the table header on every page', () => {
    const pages = text.split('\f').filter((page) => page.trim() !== '');

    pages.forEach((page) => expect(page).toMatch(/Time\s+Movement\s+Reference\s+In\s+Out\s+Balance/));
  });

  it('lists every movement with its time, kind, reference and amount', () => {
    expect(text).toMatch(/08:00\s+Repayment\s+NBO01-D2-000001\s+1,500\.00\s+501,500\.00/);
    expect(text).toMatch(/08:04\s+Disbursement\s+NBO01-D2-000002\s+5,000\.00\s+496,500\.00/);
    expect(text).toContain('NBO01-D2-000120');
  });

  it('shows the opening, the expected cash, the count and the variance', () => {
    // 120 movements: 24 of each kind, a net of −490,000 minor per cycle of five.
    expect(text).toMatch(/Opening cash\s+500,000\.00/);
    expect(text).toMatch(/Totals\s+40,800\.00\s+158,400\.00/);
    expect(text).toMatch(/Expected cash\s+382,400\.00/);
    expect(text).toMatch(/1,000\s+382\s+382,000\.00/);
    expect(text).toMatch(/0\.50\s+1\s+0\.50/);
    expect(text).toMatch(/Counted cash\s+KES 382,000\.50/);
    expect(text).toMatch(/Variance\s+KES 399\.50 short/);
  });

  it('prints the teller, the approver and the branch as written', () => {
    expect(text).toContain('Ирина Петрова');
    expect(text).toMatch(/Approved by\s+Zoë Ñúñez Øster/);
    expect(text).toContain('Nairobi Central (NBO01)');
    expect(text).toMatch(/Opened at\s+2026-03-14 08:00 GMT\+3/);
  });

  it('renders the same data to the same bytes, whatever was printed in between', async () => {
    await renderTillReport(aTillReport({ language: 'fr', tellerName: 'François Çelik' }));
    const again = await renderTillReport(aTillReport({ movements: movements(120) }));

    expect(again.equals(pdf)).toBe(true);
  });

  it('prints a French report of a till not yet counted on one page', async () => {
    const report = aTillReport({ language: 'fr', count: null, approvedBy: null, closedAt: null });
    const words = pdfWords(await renderTillReport(report));

    expect(words).toContain('Rapport de caisse');
    expect(words).toContain('La caisse n’a pas encore été comptée.');
    expect(words).toContain('Approuvé par pas encore approuvé');
    expect(words).toContain('Page 1 sur 1');
  });

  it('says when the till balances', async () => {
    const report = aTillReport({ movements: [] });
    const count = {
      denominations: [{ valueMinor: 100_000, count: 500 }],
      countedMinor: 50_000_000,
      varianceMinor: 0,
    };

    expect(pdfWords(await renderTillReport({ ...report, count }))).toContain('Variance balanced');
  });

  it('refuses figures that contradict the movements or the count', async () => {
    const report = aTillReport();
    const count = report.count!;

    await expect(renderTillReport({ ...report, expectedMinor: report.expectedMinor + 1 })).rejects.toThrow(
      /expected cash/,
    );
    await expect(
      renderTillReport({ ...report, count: { ...count, countedMinor: count.countedMinor + 100 } }),
    ).rejects.toThrow(/counted cash/);
    await expect(renderTillReport({ ...report, count: { ...count, varianceMinor: 0 } })).rejects.toThrow(
      /variance/,
    );
    await expect(
      renderTillReport({ ...report, count: { ...count, denominations: [{ valueMinor: 100, count: -1 }] } }),
    ).rejects.toThrow(/a count of -1/);
  });
});
