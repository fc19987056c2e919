// The export of any report model: CSV by RFC 4180 (quoting, a byte-order mark, money from minor units, no
// formula injection), XLSX typed cells with the currency's digits, a PDF whose table runs over pages with its
// header repeated and every page numbered — and a model that contradicts its columns is refused.
import * as excelNamespace from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Report, ReportTable } from '../../../shared/contract';
import { csvField, exportReport, renderCsv } from '../../../electron/core/reports/export';
import { assertReport } from '../../../electron/core/reports/model';
import { sheetName } from '../../../electron/core/reports/xlsx';
import { pdfText } from '../print/pdfText';

const ExcelJS = (excelNamespace as unknown as { default?: typeof excelNamespace }).default ?? excelNamespace;

const ledgerTable: ReportTable = {
  title: 'Accounts',
  columns: [
    { key: 'account', label: 'Account', kind: 'text' },
    { key: 'opened', label: 'Opened', kind: 'date' },
    { key: 'lines', label: 'Lines', kind: 'count' },
    { key: 'balance', label: 'Balance', kind: 'money' },
    { key: 'share', label: 'Share (%)', kind: 'percent' },
  ],
  rows: [
    { account: 'Cash, main vault', opened: '2026-01-02', lines: 1200, balance: 123450, share: '12.50' },
    { account: 'Say "hello"\nsecond line', opened: null, lines: 3, balance: -5, share: '0.05' },
    { account: '=HYPERLINK("http://x")', opened: '2026-03-04', lines: 0, balance: 0, share: '0.00' },
  ],
  totals: { account: null, opened: null, lines: 1203, balance: 123445, share: null },
};

function aReport(overrides: Partial<Report> = {}): Report {
  return {
    title: 'Trial balance',
    subtitle: 'Month of March',
    institutionName: 'Umoja Microfinance',
    details: [{ label: 'Branch', value: 'Nairobi Central (NBO)' }],
    currency: 'KES',
    digits: 2,
    language: 'en',
    timeZone: 'Africa/Nairobi',
    generatedAt: '2026-03-31T15:00:00.000Z',
    tables: [ledgerTable],
    ...overrides,
  };
}

describe('CSV', () => {
  it('quotes a field only when it holds a comma, a quote or a line break, doubling the quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
  });

  it('writes UTF-8 with a byte-order mark, CRLF line ends, money as major units with the currency’s digits', () => {
    const bytes = renderCsv(aReport());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n').slice(0, 9)).toEqual([
      'Trial balance',
      'Month of March',
      'Branch,Nairobi Central (NBO)',
      'Generated at,2026-03-31 18:00 GMT+3',
      '',
      'Accounts',
      'Account,Opened,Lines,Balance,Share (%)',
      '"Cash, main vault",2026-01-02,1200,1234.50,12.50',
      '"Say ""hello""\nsecond line",,3,-0.05,0.05',
    ]);
  });

  it('never lets a spreadsheet run a text cell as a formula, and labels the totals', () => {
    const lines = renderCsv(aReport()).toString('utf8').split('\r\n');
    expect(lines).toContain(`"'=HYPERLINK(""http://x"")",2026-03-04,0,0.00,0.00`);
    expect(lines).toContain('Total,,1203,1234.45,');
    const named = renderCsv(aReport({ details: [{ label: 'Loan officer', value: '@SUM(A1)' }] }));
    expect(named.toString('utf8').split('\r\n')).toContain("Loan officer,'@SUM(A1)");
  });

  it('writes a currency without decimals as whole units', () => {
    const lines = renderCsv(aReport({ currency: 'UGX', digits: 0 }))
      .toString('utf8')
      .split('\r\n');
    expect(lines).toContain('"Cash, main vault",2026-01-02,1200,123450,12.50');
  });
});

describe('XLSX', () => {
  it('keeps money as numbers with the currency’s digits as the format, percentages and dates typed', async () => {
    const file = await exportReport(aReport({ currency: 'TND', digits: 3 }), 'xlsx', 'trial balance/March');
    expect(file.fileName).toBe('trial-balance-March.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Accounts')!;
    let header = 0;
    sheet.eachRow((row, n) => {
      if (row.getCell(1).value === 'Account') header = n;
    });
    const first = sheet.getRow(header + 1);
    expect(first.getCell(1).value).toBe('Cash, main vault');
    expect(first.getCell(2).value).toEqual(new Date(Date.UTC(2026, 0, 2)));
    expect(first.getCell(3).value).toBe(1200);
    expect(first.getCell(3).numFmt).toBe('#,##0');
    expect(first.getCell(4).value).toBe(123.45);
    expect(first.getCell(4).numFmt).toBe('#,##0.000');
    expect(first.getCell(5).value).toBe(0.125);
    expect(first.getCell(5).numFmt).toBe('0.00%');
    const totals = sheet.getRow(header + 4);
    expect([totals.getCell(1).value, totals.getCell(4).value]).toEqual(['Total', 123.445]);
    expect(workbook.created).toEqual(new Date('2026-03-31T15:00:00.000Z'));
  });

  it('names sheets as Excel allows: 31 characters, no []:*?/\\, unique', () => {
    const used = new Set<string>();
    expect(sheetName('Income statement: March/April [draft]', used)).toBe('Income statement March April dr');
    expect(sheetName('By product', used)).toBe('By product');
    expect(sheetName('by product', used)).toBe('by product 2');
  });
});

describe('PDF', () => {
  const long: ReportTable = {
    title: 'Per day',
    columns: [
      { key: 'date', label: 'Date', kind: 'date' },
      ...['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((k) => ({
        key: k,
        label: `Column ${k}`,
        kind: 'money' as const,
      })),
    ],
    rows: Array.from({ length: 90 }, (_, i) => ({
      date: `2026-03-${String((i % 28) + 1).padStart(2, '0')}`,
      ...Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((k) => [k, 100_000 + i])),
    })),
    totals: { date: null, a: 9_004_005, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0, h: 0, i: 0 },
  };

  it('runs a long table over pages, its header on each, every page numbered, landscape when wide', async () => {
    const file = await exportReport(aReport({ tables: [long] }), 'pdf', 'per-day');
    const pages = pdfText(file.bytes)
      .split('\f')
      .filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain('Column a');
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain('Generated at 2026-03-31 18:00 GMT+3');
    });
    expect(pages.at(-1)).toMatch(/Total\s+90,040.05/);
    const mediaBox = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(file.bytes.toString('latin1'));
    expect(Number(mediaBox![1])).toBeGreaterThan(Number(mediaBox![2]));
  });

  it('gives the same bytes for the same report', async () => {
    const one = await exportReport(aReport(), 'pdf', 'tb');
    const two = await exportReport(aReport(), 'pdf', 'tb');
    expect(one.bytes.equals(two.bytes)).toBe(true);
  });

  it('prints in French with French separators', async () => {
    const file = await exportReport(aReport({ language: 'fr' }), 'pdf', 'tb');
    const text = pdfText(file.bytes);
    // pdftotext reads the narrow no-break space that groups French thousands as a plain space.
    expect(text).toMatch(/1\s234,50/);
    expect(text).toContain('Page 1 sur 1');
  });
});

describe('a model that contradicts its columns', () => {
  it('is refused before anything is written, naming the table, row and column', async () => {
    const float = aReport({ tables: [{ ...ledgerTable, rows: [{ account: 'x', balance: 12.5 }] }] });
    expect(() => assertReport(float)).toThrow(/Accounts, row 1, balance: 12.5 is not a whole number/);
    await expect(exportReport(float, 'csv', 'x')).rejects.toThrow(RangeError);
    const badPercent = aReport({ tables: [{ ...ledgerTable, rows: [{ share: '12,5' }] }] });
    expect(() => assertReport(badPercent)).toThrow(/share: 12,5 is not a decimal string/);
  });
});
