// A report model as an Excel workbook (exceljs): one worksheet per table, each opening with the report's title,
// details and generated-at line, then the table's header (frozen, so it stays in view), rows and totals (bold).
// Responsible for the workbook's layout and cell types only; export.ts checks the model and names the file.
//
// Cells are typed, so Excel can sum and sort them: money is a number of major units computed exactly from the
// minor units with decimal.js (123450 with 2 digits is 1234.5, formatted #,##0.00 — the currency's digits),
// counts are integers (#,##0), percentages are fractions (12.34 % is 0.1234, formatted 0.00%) and dates are
// dates (yyyy-mm-dd). The workbook's created/modified dates are the report's `generatedAt`, not the clock.
import * as excelNamespace from 'exceljs';
import { Dec, pow10 } from '../../../shared/money';
import type { Report, ReportCell, ReportColumn, ReportRow, ReportTable } from '../../../shared/contract';
import { formatInstant, instantDate } from '../print/format';
import { reportLabels } from '../print/labels';
import { dateText, withTotalLabel } from './model';

// exceljs is CommonJS: under Node's ES modules its exports arrive as the namespace's `default`; a bundler may
// hand over the exports themselves.
const ExcelJS = (excelNamespace as unknown as { default?: typeof excelNamespace }).default ?? excelNamespace;

type Cell = string | number | Date | null;

const widths: Record<ReportColumn['kind'], number> = {
  text: 28,
  money: 18,
  count: 10,
  percent: 10,
  date: 12,
};

export async function renderXlsx(report: Report): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const at = instantDate(report.generatedAt);
  workbook.creator = 'Optifluence LMS';
  workbook.lastModifiedBy = 'Optifluence LMS';
  workbook.created = at;
  workbook.modified = at;
  workbook.title = report.title;
  const used = new Set<string>();
  for (const table of report.tables) addSheet(workbook, report, table, sheetName(table.title, used));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addSheet(workbook: excelNamespace.Workbook, report: Report, table: ReportTable, name: string): void {
  const l = reportLabels[report.language];
  const sheet = workbook.addWorksheet(name);
  sheet.addRow([report.title]).font = { bold: true, size: 14 };
  if (report.subtitle) sheet.addRow([report.subtitle]);
  for (const d of report.details) sheet.addRow([d.label, d.value]);
  sheet.addRow([l.generatedAt, formatInstant(report.generatedAt, report.timeZone)]);
  sheet.addRow([]);
  sheet.addRow([table.title]).font = { bold: true, size: 12 };
  if (table.subtitle) sheet.addRow([table.subtitle]);
  const header = sheet.addRow(table.columns.map((c) => c.label));
  header.font = { bold: true };
  header.eachCell((cell) => (cell.border = { bottom: { style: 'thin' } }));
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  const addRow = (row: ReportRow) => {
    const added = sheet.addRow(table.columns.map((c) => cellValue(c, row[c.key], report.digits)));
    table.columns.forEach((c, i) => {
      const format = numberFormat(c, row[c.key], report.digits);
      if (format) added.getCell(i + 1).numFmt = format;
    });
    return added;
  };
  for (const row of table.rows) addRow(row);
  if (table.totals) {
    const totals = addRow(withTotalLabel(table.columns, table.totals, l.total));
    totals.font = { bold: true };
    totals.eachCell((cell) => (cell.border = { top: { style: 'thin' } }));
  }
  table.columns.forEach((c, i) => (sheet.getColumn(i + 1).width = widths[c.kind]));
}

/** The cell's typed value (see the header); blank stays blank. */
export function cellValue(column: ReportColumn, cell: ReportCell | undefined, digits: number): Cell {
  if (cell === null || cell === undefined) return null;
  switch (column.kind) {
    case 'money':
      return new Dec(cell).dividedBy(pow10(digits)).toNumber();
    case 'percent':
      return new Dec(cell).dividedBy(100).toNumber();
    case 'date': {
      if (!dateText.test(String(cell))) return String(cell); // the totals row's label
      const [y, m, d] = String(cell).split('-').map(Number) as [number, number, number];
      return new Date(Date.UTC(y, m - 1, d));
    }
    case 'count':
    case 'text':
      return cell;
  }
}

/** Excel's number format for a cell: the currency's digits for money, the string's own for a percentage. */
export function numberFormat(
  column: ReportColumn,
  cell: ReportCell | undefined,
  digits: number,
): string | null {
  const decimals = (n: number) => (n > 0 ? `.${'0'.repeat(n)}` : '');
  switch (column.kind) {
    case 'money':
      return `#,##0${decimals(digits)}`;
    case 'count':
      return '#,##0';
    case 'percent':
      return `0${decimals(typeof cell === 'string' ? (cell.split('.')[1]?.length ?? 0) : 2)}%`;
    case 'date':
      return dateText.test(String(cell)) ? 'yyyy-mm-dd' : null;
    case 'text':
      return null;
  }
}

/** Excel's rules for a sheet name: at most 31 characters, none of []:*?/\, unique in the workbook. */
export function sheetName(title: string, used: Set<string>): string {
  const cleaned = title
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const base = (cleaned || 'Report').slice(0, 31).trim();
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++)
    name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  used.add(name.toLowerCase());
  return name;
}
