// Every report saved as a file: one report model (shared/contract/reportTable.ts — a title, header details and
// tables of typed columns) written as CSV, XLSX or PDF. Responsible for turning a model into bytes and a file
// name; not for the figures (each report's use case builds its model) nor for scope and permissions (the use
// case and the router). Pure: the same model gives the same CSV and PDF bytes (the PDF's date is the model's
// `generatedAt`, never the clock).
//
// Using it for a new report (the ledger's trial balance, balance sheet, income statement, …): build a `Report`
// — money cells as integer minor units of `currency`, counts as integers, percentages as exact decimal strings,
// dates as YYYY-MM-DD — and call `exportReport(report, format, fileStem)`. To make it reachable from the
// `reports.export` method, see the checklist in shared/contract/reports.ts.
//
// The formats:
// - CSV (RFC 4180): UTF-8 with a byte-order mark so Excel reads accents and non-Latin names, CRLF line ends,
//   a field quoted when it holds a comma, a quote or a line break (quotes doubled). Money is written in major
//   units with exactly the currency's digits, a dot and no thousands separator — "1234.50", never "1,234.50" —
//   so every spreadsheet and script reads it as a number; it is made from the minor units by string work
//   (shared/money formatMajor), never through a float. Percentages are their decimal string ("12.34"), counts
//   integers, dates YYYY-MM-DD. The file opens with the title, the details and the generated-at line, then each
//   table as its title, a header row, the rows and the totals, tables separated by an empty line. Text (cells,
//   titles, details) that starts with = + - @ or a tab is prefixed with an apostrophe so a spreadsheet never
//   runs it as a formula (CSV injection); money and figures are never touched.
// - XLSX (xlsx.ts, exceljs): one worksheet per table, money cells as numbers with a number format of the
//   currency's digits (#,##0.00), percentages as fractions formatted 0.00%, dates as dates.
// - PDF (pdf.ts, pdfkit through electron/core/print): A4, landscape when the columns need it, the header row
//   repeated on every page, "Page n of m" and the generated-at line at every foot, DejaVu Sans embedded.
import { formatMajor } from '../../../shared/money';
import {
  exportMimeTypes,
  type ExportFormat,
  type Report,
  type ReportCell,
  type ReportColumn,
  type ReportRow,
} from '../../../shared/contract';
import { formatInstant } from '../print/format';
import { reportLabels } from '../print/labels';
import { assertReport, withTotalLabel } from './model';
import { renderReportPdf } from './pdf';
import { renderXlsx } from './xlsx';

export interface ExportedBytes {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

/** The report as a file. `fileStem` names it ("portfolio-at-risk-NBO-2026-11-25"); the extension is added. */
export async function exportReport(
  report: Report,
  format: ExportFormat,
  fileStem: string,
): Promise<ExportedBytes> {
  assertReport(report);
  const bytes =
    format === 'csv'
      ? renderCsv(report)
      : format === 'xlsx'
        ? await renderXlsx(report)
        : await renderReportPdf(report);
  return { fileName: `${safeFileStem(fileStem)}.${format}`, mimeType: exportMimeTypes[format], bytes };
}

/** A cell as the CSV writes it (before quoting): see the header for each kind. */
export function csvValue(column: ReportColumn, cell: ReportCell | undefined, digits: number): string {
  if (cell === null || cell === undefined) return '';
  if (column.kind === 'money') return formatMajor(cell as number, digits);
  if (column.kind === 'text') return inertText(String(cell));
  return String(cell);
}

/** Text a spreadsheet would run as a formula (= + - @, a tab or CR first) gets an apostrophe in front. */
export function inertText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: quoted when it holds a comma, a quote or a line break; quotes inside doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const bom = '\uFEFF';

export function renderCsv(report: Report): Buffer {
  const l = reportLabels[report.language];
  const lines: string[][] = [[inertText(report.title)]];
  if (report.subtitle) lines.push([inertText(report.subtitle)]);
  for (const d of report.details) lines.push([inertText(d.label), inertText(d.value)]);
  lines.push([l.generatedAt, formatInstant(report.generatedAt, report.timeZone)]);
  for (const table of report.tables) {
    lines.push([], [inertText(table.title)]);
    if (table.subtitle) lines.push([inertText(table.subtitle)]);
    lines.push(table.columns.map((c) => inertText(c.label)));
    const values = (row: ReportRow) => table.columns.map((c) => csvValue(c, row[c.key], report.digits));
    for (const row of table.rows) lines.push(values(row));
    if (table.totals) lines.push(values(withTotalLabel(table.columns, table.totals, l.total)));
  }
  const text = lines.map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
  return Buffer.from(bom + text, 'utf8');
}

/** Letters, digits, dot, dash and underscore only: a name every file system and browser keeps as given. */
function safeFileStem(stem: string): string {
  const cleaned = stem
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return (cleaned || 'report').slice(0, 120);
}
