// A report model as an A4 PDF: a generic table layout for every report, drawn with pdfkit through the printing
// helpers (electron/core/print: the document set-up with DejaVu Sans embedded, figure formatting, the words).
// Responsible for the layout; export.ts checks the model and names the file.
//
// The first page opens with the institution, the title, the subtitle and the details; each table follows with its
// title, a header row (repeated at the top of every page the table runs onto), its rows and its totals in bold.
// Column widths come from their kinds (figures fixed, text sharing the rest); a report whose columns do not fit
// portrait is printed landscape. A cell that does not fit ends with an ellipsis rather than wrapping. Every page
// is numbered "Page n of m" beside the generated-at line (pages are kept in memory until the count is known).
// The PDF's date is the report's `generatedAt`, so the same model gives the same bytes.
import type { Report, ReportCell, ReportColumn, ReportRow, ReportTable } from '../../../shared/contract';
import { boldFont, bodyFont, documentBytes, newDocument } from '../print/document';
import { formatInstant, formatMinor, instantDate } from '../print/format';
import { reportLabels } from '../print/labels';
import { withTotalLabel } from './model';

type Doc = PDFKit.PDFDocument;

const portrait: [number, number] = [595.28, 841.89];
const landscape: [number, number] = [841.89, 595.28];
const margin = { top: 40, bottom: 52, left: 36, right: 36 };
const bodySize = 8;
const rowHeight = 13;
const fixedWidths: Record<Exclude<ReportColumn['kind'], 'text'>, number> = {
  money: 74,
  count: 44,
  percent: 46,
  date: 58,
};
const minTextWidth = 80;

interface Layout {
  columns: readonly ReportColumn[];
  widths: readonly number[];
  headerHeight: number;
}

export async function renderReportPdf(report: Report): Promise<Buffer> {
  const size = report.tables.some((t) => naturalWidth(t.columns) > contentWidthOf(portrait))
    ? landscape
    : portrait;
  const doc = newDocument({
    size,
    margins: margin,
    createdAt: instantDate(report.generatedAt),
    title: report.title,
    language: report.language,
    hasPageNumbers: true,
  });
  const width = contentWidthOf(size);
  drawHeading(doc, report, width);
  for (const table of report.tables) drawTable(doc, report, table, width);
  numberPages(doc, report, width);
  return documentBytes(doc);
}

function contentWidthOf(size: [number, number]): number {
  return size[0] - margin.left - margin.right;
}

function naturalWidth(columns: readonly ReportColumn[]): number {
  return columns.reduce((sum, c) => sum + (c.kind === 'text' ? minTextWidth : fixedWidths[c.kind]), 0);
}

/** Figures get their fixed widths, text columns share what is left; all shrink alike when nothing is left. */
function layoutOf(doc: Doc, columns: readonly ReportColumn[], width: number): Layout {
  const fixed = columns.reduce((sum, c) => sum + (c.kind === 'text' ? 0 : fixedWidths[c.kind]), 0);
  const texts = columns.filter((c) => c.kind === 'text').length;
  const perText = texts > 0 ? Math.max(minTextWidth, (width - fixed) / texts) : 0;
  let widths = columns.map((c) => (c.kind === 'text' ? perText : fixedWidths[c.kind]));
  const total = widths.reduce((a, b) => a + b, 0);
  if (total > width || texts === 0) widths = widths.map((w) => (w * width) / total);
  doc.font(boldFont).fontSize(bodySize);
  const labelHeight = Math.max(
    ...columns.map((c, i) => doc.heightOfString(c.label, { width: widths[i]! - 4 })),
  );
  return { columns, widths, headerHeight: Math.min(labelHeight, 3 * bodySize * 1.2) + 6 };
}

function drawHeading(doc: Doc, report: Report, width: number): void {
  doc.font(boldFont).fontSize(11).text(report.institutionName, margin.left, margin.top, { width });
  doc.fontSize(16).text(report.title, { width });
  if (report.subtitle) doc.font(bodyFont).fontSize(10).text(report.subtitle, { width });
  doc.moveDown(0.4);
  for (const d of report.details) {
    const top = doc.y;
    doc
      .font(boldFont)
      .fontSize(bodySize + 1)
      .text(d.label, margin.left, top, { width: 120 });
    doc.font(bodyFont).text(d.value, margin.left + 125, top, { width: width - 125 });
    doc.y = Math.max(doc.y, top + rowHeight);
  }
}

function drawTable(doc: Doc, report: Report, table: ReportTable, width: number): void {
  const l = reportLabels[report.language];
  const layout = layoutOf(doc, table.columns, width);
  ensureRoom(doc, 30 + layout.headerHeight + 2 * rowHeight);
  doc.moveDown(1);
  doc.font(boldFont).fontSize(11).text(table.title, margin.left, doc.y, { width });
  if (table.subtitle)
    doc.font(bodyFont).fontSize(bodySize).text(table.subtitle, margin.left, doc.y, { width });
  doc.moveDown(0.3);
  drawHeader(doc, layout);
  if (table.rows.length === 0) {
    doc
      .font(bodyFont)
      .fontSize(bodySize)
      .text(l.noRows, margin.left + 2, doc.y + 3, { width });
    doc.moveDown(0.5);
  }
  for (const row of table.rows) {
    if (doc.y + rowHeight > doc.page.maxY()) {
      doc.addPage();
      drawHeader(doc, layout);
    }
    drawRow(doc, report, layout, row, false);
  }
  if (table.totals) {
    if (doc.y + rowHeight > doc.page.maxY()) {
      doc.addPage();
      drawHeader(doc, layout);
    }
    drawRow(doc, report, layout, withTotalLabel(table.columns, table.totals, l.total), true);
  }
}

function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.maxY()) doc.addPage();
}

const isFigure = (c: ReportColumn) => c.kind === 'money' || c.kind === 'count' || c.kind === 'percent';

function drawHeader(doc: Doc, layout: Layout): void {
  const top = doc.y;
  doc.font(boldFont).fontSize(bodySize);
  let x = margin.left;
  layout.columns.forEach((c, i) => {
    const w = layout.widths[i]!;
    doc.text(c.label, x + 2, top + 3, {
      width: w - 4,
      height: layout.headerHeight - 3,
      align: isFigure(c) ? 'right' : 'left',
      ellipsis: true,
    });
    x += w;
  });
  rule(doc, layout, top + layout.headerHeight, 0.8);
}

function drawRow(doc: Doc, report: Report, layout: Layout, row: ReportRow, isTotal: boolean): void {
  const top = doc.y;
  if (isTotal) rule(doc, layout, top, 0.8);
  doc.font(isTotal ? boldFont : bodyFont).fontSize(bodySize);
  let x = margin.left;
  layout.columns.forEach((c, i) => {
    const w = layout.widths[i]!;
    const text = printed(c, row[c.key], report);
    if (text) {
      doc.text(text, x + 2, top + 3, {
        width: w - 4,
        height: rowHeight - 3,
        align: isFigure(c) ? 'right' : 'left',
        ellipsis: true,
      });
    }
    x += w;
  });
  rule(doc, layout, top + rowHeight, isTotal ? 0.8 : 0.3);
}

function rule(doc: Doc, layout: Layout, y: number, lineWidth: number): void {
  const right = margin.left + layout.widths.reduce((a, b) => a + b, 0);
  doc.moveTo(margin.left, y).lineTo(right, y).lineWidth(lineWidth).stroke();
  doc.y = y;
}

/** A cell as printed: figures grouped in the report's language, money with the currency's digits. */
export function printed(column: ReportColumn, cell: ReportCell | undefined, report: Report): string {
  if (cell === null || cell === undefined) return '';
  switch (column.kind) {
    case 'money':
      return formatMinor(cell as number, report.digits, report.language);
    case 'count':
      return formatMinor(cell as number, 0, report.language);
    case 'percent':
      return formatDecimal(String(cell), report.language);
    case 'date':
    case 'text':
      return String(cell);
  }
}

/** An exact decimal string with the language's separators: "1234.56" → "1,234.56" / "1 234,56". */
function formatDecimal(text: string, language: Report['language']): string {
  const [whole = '', fraction = ''] = text.replace(/^-/, '').split('.');
  const digits = whole + fraction;
  if (digits.length > 15) return text; // beyond a safe integer: print as given rather than round
  const sign = text.startsWith('-') ? -1 : 1;
  return formatMinor(sign * Number(digits), fraction.length, language);
}

/** Writes the generated-at line and "Page n of m" at the foot of every page, once all pages exist. */
function numberPages(doc: Doc, report: Report, width: number): void {
  const l = reportLabels[report.language];
  const generated = `${l.generatedAt} ${formatInstant(report.generatedAt, report.timeZone)}`;
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - margin.bottom + 20;
    // An explicit height keeps pdfkit from treating text below the bottom margin as a page overflow.
    const options = { width: width / 2, height: 12, lineBreak: false };
    doc.font(bodyFont).fontSize(7.5);
    doc.text(generated, margin.left, y, { ...options, align: 'left' });
    doc.text(l.page(i - start + 1, count), margin.left + width / 2, y, { ...options, align: 'right' });
  }
}
