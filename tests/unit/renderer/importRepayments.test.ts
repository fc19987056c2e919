// The import of a bank or mobile-money repayments file (renderer/screens/counter/import): its header found,
// its amounts read exactly into minor units, its bad rows named by their row number, and each row's key the
// same every time the file is read — so importing it twice posts nothing twice.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  cellOfExcel,
  cellsFromCsv,
  cellsFromXlsx,
  kindOf,
} from '../../../renderer/screens/counter/import/readRepaymentsFile';
import {
  importInput,
  importKey,
  readRepayments,
  rowsWithProblems,
  type Cell,
} from '../../../renderer/screens/counter/import/repaymentsFile';

const kes = { digits: 2, amountLocale: 'en' };
const header = ['Account number', 'Amount', 'Value date', 'Reference'];

/** A file of cells: the header, then the rows given. */
const aFile = (...rows: Cell[][]): Cell[][] => [header, ...rows];

/** Reads CSV text as the screen does, failing the test if it cannot be read. */
async function csv(text: string): Promise<Cell[][]> {
  const read = await cellsFromCsv(text);
  if ('error' in read) throw new Error(`unreadable CSV: ${JSON.stringify(read.error)}`);
  return read.cells;
}

describe('the header row', () => {
  it('is found below a bank’s title lines, in any case and order', () => {
    const file = readRepayments(
      [
        ['Umoja Bank — statement of collections'],
        ['Period', '2026-11-01 to 2026-11-24'],
        [],
        ['REFERENCE', 'amount', 'Account No.', 'valueDate'],
        ['MPESA-1', '1,500.00', 'NBO01-01-000001', '2026-11-20'],
      ],
      kes,
    );
    expect(file.fileProblems).toEqual([]);
    expect(file.headerRow).toBe(4);
    expect(file.rows).toEqual([
      expect.objectContaining({
        row: 5,
        accountNo: 'NBO01-01-000001',
        amountMinor: 150000,
        valueDate: '2026-11-20',
        reference: 'MPESA-1',
      }),
    ]);
  });

  it('may be written in French, accents and all', () => {
    const file = readRepayments(
      [
        ['N° de compte', 'Montant', 'Date de valeur', 'Référence'],
        ['DKR01-01-000007', '25 000', '2026-11-20', 'OM-77'],
      ],
      { digits: 0, amountLocale: 'fr' },
    );
    expect(file.rows).toEqual([
      expect.objectContaining({ accountNo: 'DKR01-01-000007', amountMinor: 25000 }),
    ]);
  });

  it('needs an account number and an amount column among the first rows, and a reference column', () => {
    expect(
      readRepayments(
        [
          ['Customer', 'Paid'],
          ['Achieng', '100'],
        ],
        kes,
      ).fileProblems,
    ).toEqual([{ code: 'noHeader' }]);
    const noReference = readRepayments(
      [
        ['Account', 'Amount'],
        ['NBO01-01-000001', '100'],
      ],
      kes,
    );
    expect(noReference.fileProblems).toEqual([{ code: 'missingColumn', column: 'reference' }]);
    expect(noReference.rows).toEqual([]);
  });

  it('refuses a column named twice rather than choosing one', () => {
    const file = readRepayments(
      [
        ['Account', 'Amount', 'Date', 'Value date', 'Reference'],
        ['NBO01-01-000001', '100', '2026-11-19', '2026-11-20', 'R1'],
      ],
      kes,
    );
    expect(file.fileProblems).toEqual([{ code: 'repeatedColumn', column: 'valueDate', row: 1 }]);
  });

  it('reports a column it does not read on the header’s row, and reads the rest', () => {
    const file = readRepayments(
      [
        ['Account number', 'Amount', 'Narration', 'Reference'],
        ['NBO01-01-000001', '100', 'school fees', 'R1'],
      ],
      kes,
    );
    expect(file.problems).toEqual([{ row: 1, code: 'unknownColumn', value: 'Narration' }]);
    expect(file.rows).toHaveLength(1);
    expect(file.hasValueDateColumn).toBe(false);
    expect(rowsWithProblems(file)).toBe(0); // no row is left out for it
  });
});

describe('amounts', () => {
  it('become exact minor units, never through a float', () => {
    const file = readRepayments(
      aFile(
        ['A-1', '1,234.56', '', 'R1'],
        ['A-2', '0.29', '', 'R2'], // 0.29 * 100 is 28.999… as a float
        ['A-3', '1,234,567.89', '', 'R3'],
        ['A-4', 1234.56, '', 'R4'], // a number cell from a workbook
        ['A-5', '7', '', 'R5'],
      ),
      kes,
    );
    expect(file.problems).toEqual([]);
    expect(file.rows.map((r) => r.amountMinor)).toEqual([123456, 29, 123456789, 123456, 700]);
    expect(file.totalMinor).toBe(123456 + 29 + 123456789 + 123456 + 700);
  });

  it('are read in the format chosen: 1 234,56 in French', () => {
    const file = readRepayments(aFile(['A-1', '1 234,56', '', 'R1']), { digits: 2, amountLocale: 'fr' });
    expect(file.rows[0]?.amountMinor).toBe(123456);
  });

  it('refuse what is not a repayment, naming the row and the text', () => {
    const file = readRepayments(
      aFile(
        ['A-1', '1,5', '', 'R1'],
        ['A-2', '10.505', '', 'R2'],
        ['A-3', '-500.00', '', 'R3'],
        ['A-4', '(500.00)', '', 'R4'],
        ['A-5', '0', '', 'R5'],
        ['A-6', '', '', 'R6'],
        ['A-7', 'KES 100', '', 'R7'],
      ),
      kes,
    );
    expect(file.rows).toEqual([]);
    expect(file.problems).toEqual([
      { row: 2, code: 'amount.format', value: '1,5' },
      { row: 3, code: 'amount.tooManyDigits', value: '10.505' },
      { row: 4, code: 'amount.notPositive', value: '-500.00' },
      { row: 5, code: 'amount.notPositive', value: '(500.00)' },
      { row: 6, code: 'amount.notPositive', value: '0' },
      { row: 7, code: 'amount.required', value: '' },
      { row: 8, code: 'amount.format', value: 'KES 100' },
    ]);
  });
});

describe('bad rows', () => {
  it('are reported with their row number in the file, every problem of a row at once', () => {
    const file = readRepayments(
      [
        header,
        ['NBO01-01-000001', '100.00', '2026-11-20', 'R1'],
        [], // a blank line is passed over but still counted
        ['NBO01-01-000002', 'lots', '20/11/2026', ''],
        ['', '50', '2026-02-30', 'R3'],
        ['NBO01-01-000003', '75', '', 'x'.repeat(81)],
        ['NBO01-01-000004', '80', '2026-11-21', 'R5'],
      ],
      kes,
    );
    expect(file.rows.map((r) => r.row)).toEqual([2, 7]);
    expect(file.problems).toEqual([
      { row: 4, code: 'amount.format', value: 'lots' },
      { row: 4, code: 'dateFormat', value: '20/11/2026' },
      { row: 4, code: 'referenceMissing' },
      { row: 5, code: 'accountMissing' },
      { row: 5, code: 'dateFormat', value: '2026-02-30' },
      { row: 6, code: 'referenceTooLong', value: 'x'.repeat(81) },
    ]);
    expect(rowsWithProblems(file)).toBe(3);
    expect(file.totalMinor).toBe(18000);
  });

  it('leave nothing to post when the file has no rows under its header', () => {
    expect(readRepayments([header, [], ['', '']], kes).fileProblems).toEqual([{ code: 'noRows' }]);
  });
});

describe('idempotency keys', () => {
  const row = ['NBO01-01-000001', '1,500.00', '2026-11-20', 'MPESA-QX81'];

  it('are the same every time the same file row is read, wherever it stands in the file', () => {
    const first = readRepayments(aFile(row, ['NBO01-01-000002', '20', '', 'R2']), kes);
    const again = readRepayments(aFile(['NBO01-01-000002', '20', '', 'R2'], [], row), kes);
    expect(first.rows[0]!.idempotencyKey).toBe(again.rows[1]!.idempotencyKey);
    expect(first.rows[0]!.idempotencyKey).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('are the same however the amount is written, and differ when any field differs', () => {
    const key = (cells: Cell[]) => readRepayments(aFile(cells), kes).rows[0]!.idempotencyKey;
    const base = key(row);
    expect(key(['NBO01-01-000001', 1500, '2026-11-20', 'MPESA-QX81'])).toBe(base);
    expect(key(['NBO01-01-000001', '1500', '2026-11-20', ' MPESA-QX81 '])).toBe(base);
    expect(key(['NBO01-01-000009', '1,500.00', '2026-11-20', 'MPESA-QX81'])).not.toBe(base);
    expect(key(['NBO01-01-000001', '1,500.01', '2026-11-20', 'MPESA-QX81'])).not.toBe(base);
    expect(key(['NBO01-01-000001', '1,500.00', '2026-11-21', 'MPESA-QX81'])).not.toBe(base);
    expect(key(['NBO01-01-000001', '1,500.00', '2026-11-20', 'MPESA-QX82'])).not.toBe(base);
  });

  it('do not let a "|" in one field pass for another field', () => {
    const one = { accountNo: 'A|B', reference: 'C', amountMinor: 1, valueDate: null };
    const other = { accountNo: 'A', reference: 'B|C', amountMinor: 1, valueDate: null };
    expect(importKey(one)).not.toBe(importKey(other));
  });

  it('do not depend on the business date filling an empty value date (imported again after end-of-day)', () => {
    const file = readRepayments(aFile(['NBO01-01-000001', '100', '', 'R1']), kes);
    const today = importInput(file.rows, '2026-11-24');
    const tomorrow = importInput(file.rows, '2026-11-25');
    expect(today.rows[0]).toMatchObject({ valueDate: '2026-11-24' });
    expect(tomorrow.rows[0]).toMatchObject({ valueDate: '2026-11-25' });
    expect(today.rows[0]!.idempotencyKey).toBe(tomorrow.rows[0]!.idempotencyKey);
  });

  it('make a transfer listed twice in one file a problem on the second row', () => {
    const file = readRepayments(aFile(row, ['NBO01-01-000002', '20', '', 'R2'], row), kes);
    expect(file.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(file.problems).toEqual([{ row: 4, code: 'duplicate', firstRow: 2 }]);
  });
});

describe('reading the file', () => {
  it('knows a CSV or an XLSX by its name, and nothing else', () => {
    expect(kindOf('collections.CSV')).toBe('csv');
    expect(kindOf('mpesa-2026-11.xlsx')).toBe('xlsx');
    expect(kindOf('old.xls')).toBeNull();
    expect(kindOf('statement')).toBeNull();
  });

  it('reads CSV with quoted amounts, a byte-order mark and either delimiter, keeping row numbers', async () => {
    const comma = await csv(
      [
        '\ufeffAccount number,Amount,Value date,Reference',
        '"NBO01-01-000001","1,234.56",2026-11-20,MPESA-1',
        '',
        'NBO01-01-000002,10,,MPESA-2',
        '',
      ].join('\r\n'),
    );
    const file = readRepayments(comma, kes);
    expect(file.rows.map((r) => [r.row, r.amountMinor])).toEqual([
      [2, 123456],
      [4, 1000],
    ]);
    const semicolon = await csv('Numéro de compte;Montant;Référence\nDKR01-01-000001;1 234,56;OM-1\n');
    expect(readRepayments(semicolon, { digits: 2, amountLocale: 'fr' }).rows[0]?.amountMinor).toBe(123456);
  });

  it('refuses a CSV whose quote is never closed, naming the row', async () => {
    expect(await cellsFromCsv('Account,Amount,Reference\nA-1,"100,R1\nA-2,200,R2\n')).toEqual({
      error: { code: 'csvQuotes', row: 2 },
    });
  });

  it('reads an XLSX’s first sheet: numbers, dates, formulas and rich text as their values', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Collections');
    sheet.addRow(['Bank collections, November']);
    sheet.addRow(header);
    sheet.addRow(['NBO01-01-000001', 1234.56, new Date(Date.UTC(2026, 10, 20)), 'MPESA-1']);
    sheet.addRow([
      { richText: [{ text: 'NBO01-01-' }, { text: '000002' }] },
      { formula: '10*2', result: 20 },
      null,
      'MPESA-2',
    ]);
    const buffer = await workbook.xlsx.writeBuffer();
    const read = await cellsFromXlsx(buffer as ArrayBuffer);
    if ('error' in read) throw new Error('unreadable workbook');
    const file = readRepayments(read.cells, kes);
    expect(file.headerRow).toBe(2);
    expect(file.rows).toEqual([
      expect.objectContaining({
        row: 3,
        accountNo: 'NBO01-01-000001',
        amountMinor: 123456,
        valueDate: '2026-11-20',
      }),
      expect.objectContaining({ row: 4, accountNo: 'NBO01-01-000002', amountMinor: 2000, valueDate: null }),
    ]);
  });

  it('reads an error cell as its text, so it is reported rather than taken for empty', () => {
    expect(cellOfExcel({ error: '#N/A' })).toBe('#N/A');
    expect(cellOfExcel({ text: 'MPESA-9', hyperlink: 'https://example.org' })).toBe('MPESA-9');
    expect(cellOfExcel({ formula: 'A1' })).toBeNull();
  });
});
