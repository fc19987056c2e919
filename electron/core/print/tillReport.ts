// The till report: a teller's day at the counter as an A4 PDF — opening cash, every cash movement, the expected
// cash, the count by denomination, the variance and who approved the close. Responsible for the report's content
// and layout; not for reading the till (core/till builds TillReportData) nor for booking the variance.
//
// Movements run over as many pages as they need; the table's header repeats on each page and every page is
// numbered "Page 1 of N" (pages are kept in memory until the count is known). The PDF's date is `generatedAt`
// from the data, never the clock, so the same data gives the same bytes.
import type { PrintLanguage } from './amountInWords';
import { boldFont, bodyFont, documentBytes, newDocument } from './document';
import { formatDenomination, formatInstant, formatMinor, formatTime, instantDate } from './format';
import { tillReportLabels, type TillReportLabels } from './labels';

/** Cash movements a report lists; the opening, the variance and the closing have their own lines. */
export type TillMovementKind = 'disbursement' | 'repayment' | 'reversal' | 'cash_in' | 'cash_out';

export interface TillMovementLine {
  postedAt: string;
  kind: TillMovementKind;
  /** A receipt number, a transfer reference or the reason of a cash movement. */
  reference: string | null;
  /** Positive: cash into the till; negative: cash out of it. */
  amountMinor: number;
}

/** The teller's count of the till at closing. */
export interface TillCount {
  /** Each note or coin counted: its face value in minor units and how many. */
  denominations: readonly { valueMinor: number; count: number }[];
  countedMinor: number;
  /** counted − expected: positive is over, negative is short. */
  varianceMinor: number;
}

/** Everything a till report prints. Amounts are minor units of `currency`. */
export interface TillReportData {
  institutionName: string;
  /** `timeZone` is the branch's IANA zone: times are printed in it. */
  branch: { code: string; name: string; timeZone: string };
  tellerName: string;
  businessDate: string;
  currency: string;
  digits: number;
  openedAt: string | null;
  closedAt: string | null;
  openingMinor: number;
  /** In the order they were posted. */
  movements: readonly TillMovementLine[];
  /** opening + every movement: what the till should hold. */
  expectedMinor: number;
  /** Null while the till has not been counted. */
  count: TillCount | null;
  /** The manager who approved the close, or null. */
  approvedBy: string | null;
  /** When the report was made (ISO instant): printed on every page and the PDF's date. */
  generatedAt: string;
  language: PrintLanguage;
}

const a4: [number, number] = [595.28, 841.89];
const margin = { top: 48, bottom: 56, left: 50, right: 50 };
const contentWidth = a4[0] - margin.left - margin.right;
const bodySize = 9;
/** A till's day never comes near this (about 110 pages); a report beyond it is a bug upstream, not a long day. */
const maxMovements = 5000;
const rowHeight = 14;

interface Column {
  width: number;
  align: 'left' | 'right';
}
/** Time, movement, reference, in, out, balance: 495 pt, the A4 content width. */
const movementColumns: readonly Column[] = [
  { width: 42, align: 'left' },
  { width: 98, align: 'left' },
  { width: 130, align: 'left' },
  { width: 75, align: 'right' },
  { width: 75, align: 'right' },
  { width: 75, align: 'right' },
];
/** Denomination, count, amount. */
const countColumns: readonly Column[] = [
  { width: 120, align: 'right' },
  { width: 60, align: 'right' },
  { width: 100, align: 'right' },
];

/** The till report as PDF bytes. Throws a RangeError when its figures do not add up. */
export async function renderTillReport(t: TillReportData): Promise<Buffer> {
  assertAddsUp(t);
  const doc = newDocument({
    size: a4,
    margins: margin,
    createdAt: instantDate(t.generatedAt),
    title: `${tillReportLabels[t.language].title} ${t.branch.code} ${t.tellerName} ${t.businessDate}`,
    language: t.language,
    hasPageNumbers: true,
  });
  drawReport(doc, t);
  numberPages(doc, t);
  return documentBytes(doc);
}

/**
 * The till's figures are checked where they are computed (core/till) and again here, on the way to paper: a
 * report whose expected cash, count or variance contradicts its own lines would be signed off as wrong.
 */
function assertAddsUp(t: TillReportData): void {
  const fail = (why: string): never => {
    throw new RangeError(`till report ${t.branch.code} ${t.businessDate} ${t.tellerName}: ${why}`);
  };
  if (t.movements.length > maxMovements) fail(`more than ${maxMovements} movements`);
  const all = [t.openingMinor, t.expectedMinor, ...t.movements.map((m) => m.amountMinor)];
  if (!all.every(Number.isSafeInteger)) fail('amounts must be whole minor units');
  const expected = t.movements.reduce((sum, m) => sum + m.amountMinor, t.openingMinor);
  if (expected !== t.expectedMinor) {
    fail(`expected cash is ${t.expectedMinor} but the movements make ${expected}`);
  }
  if (!t.count) return;
  let counted = 0;
  for (const { valueMinor, count } of t.count.denominations) {
    if (!Number.isSafeInteger(valueMinor) || valueMinor <= 0) fail(`a denomination of ${valueMinor}`);
    if (!Number.isSafeInteger(count) || count < 0) fail(`a count of ${count}`);
    counted += valueMinor * count;
  }
  if (!Number.isSafeInteger(counted)) fail('the counted total is too large');
  if (counted !== t.count.countedMinor) {
    fail(`counted cash is ${t.count.countedMinor} but the notes make ${counted}`);
  }
  if (t.count.varianceMinor !== counted - t.expectedMinor) {
    fail(`the variance is ${t.count.varianceMinor} but counted − expected is ${counted - t.expectedMinor}`);
  }
}

function drawReport(doc: PDFKit.PDFDocument, t: TillReportData): void {
  const l = tillReportLabels[t.language];
  const at = (instant: string | null) => (instant ? formatInstant(instant, t.branch.timeZone) : l.notYet);

  doc.font(boldFont).fontSize(11).text(t.institutionName, margin.left, margin.top, { width: contentWidth });
  doc.fontSize(16).text(l.title, { width: contentWidth });
  doc.moveDown(0.5);
  detail(doc, l.branch, `${t.branch.name} (${t.branch.code})`);
  detail(doc, l.teller, t.tellerName);
  detail(doc, l.businessDate, t.businessDate);
  detail(doc, l.currency, t.currency);
  detail(doc, l.openedAt, at(t.openedAt));
  detail(doc, l.closedAt, at(t.closedAt));

  drawMovements(doc, t, l);
  drawCount(doc, t, l);

  ensureRoom(doc, 5 * rowHeight);
  doc.moveDown(1);
  detail(doc, l.approvedBy, t.approvedBy ?? l.notApproved);
  signatureLines(doc, [l.tellerSignature, l.managerSignature]);
}

function drawMovements(doc: PDFKit.PDFDocument, t: TillReportData, l: TillReportLabels): void {
  const money = (amountMinor: number) => formatMinor(amountMinor, t.digits, t.language);
  section(doc, l.movements);
  const header = [l.time, l.kind, l.reference, l.cashIn, l.cashOut, l.balance];
  tableRow(doc, movementColumns, header, { isBold: true });
  let balance = t.openingMinor;
  let totalIn = 0;
  let totalOut = 0;
  tableRow(doc, movementColumns, ['', wide(l.opening), '', '', money(balance)]);
  for (const m of t.movements) {
    if (doc.y + rowHeight > doc.page.maxY()) {
      doc.addPage();
      tableRow(doc, movementColumns, header, { isBold: true });
    }
    balance += m.amountMinor;
    if (m.amountMinor >= 0) totalIn += m.amountMinor;
    else totalOut -= m.amountMinor;
    const cashIn = m.amountMinor >= 0 ? money(m.amountMinor) : '';
    const cashOut = m.amountMinor < 0 ? money(-m.amountMinor) : '';
    const time = formatTime(m.postedAt, t.branch.timeZone);
    const reference = m.reference ?? '';
    tableRow(doc, movementColumns, [time, l.kinds[m.kind], reference, cashIn, cashOut, money(balance)]);
  }
  ensureRoom(doc, 2 * rowHeight);
  tableRow(doc, movementColumns, ['', wide(l.totals), money(totalIn), money(totalOut), ''], { isBold: true });
  tableRow(doc, movementColumns, ['', wide(l.expected), '', '', money(t.expectedMinor)], { isBold: true });
}

function drawCount(doc: PDFKit.PDFDocument, t: TillReportData, l: TillReportLabels): void {
  const money = (amountMinor: number) => formatMinor(amountMinor, t.digits, t.language);
  ensureRoom(doc, 6 * rowHeight);
  section(doc, l.count);
  if (!t.count) {
    doc.font(bodyFont).fontSize(bodySize).text(l.notCounted, margin.left, doc.y, { width: contentWidth });
    return;
  }
  tableRow(doc, countColumns, [l.denomination, l.pieces, l.amount], { isBold: true });
  for (const d of t.count.denominations) {
    ensureRoom(doc, rowHeight);
    const value = formatDenomination(d.valueMinor, t.digits, t.language);
    tableRow(doc, countColumns, [value, String(d.count), money(d.valueMinor * d.count)]);
  }
  ensureRoom(doc, 3 * rowHeight);
  doc.moveDown(0.5);
  detail(doc, l.counted, `${t.currency} ${money(t.count.countedMinor)}`);
  detail(doc, l.expected, `${t.currency} ${money(t.expectedMinor)}`);
  const v = t.count.varianceMinor;
  const verdict = v > 0 ? l.over : v < 0 ? l.short : l.balanced;
  const variance = v === 0 ? verdict : `${t.currency} ${money(Math.abs(v))} ${verdict}`;
  detail(doc, l.variance, variance, { isBold: true });
}

/** Starts a new page unless `height` points still fit on this one. */
function ensureRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.maxY()) doc.addPage();
}

function section(doc: PDFKit.PDFDocument, title: string): void {
  ensureRoom(doc, 3 * rowHeight);
  doc.moveDown(1);
  doc.font(boldFont).fontSize(11).text(title, margin.left, doc.y, { width: contentWidth });
  doc.moveDown(0.3);
}

function detail(
  doc: PDFKit.PDFDocument,
  label: string,
  value: string,
  style: { isBold?: boolean } = {},
): void {
  const top = doc.y;
  doc.font(boldFont).fontSize(bodySize).text(label, margin.left, top, { width: 110 });
  doc
    .font(style.isBold ? boldFont : bodyFont)
    .text(value, margin.left + 115, top, { width: contentWidth - 115 });
  doc.y = Math.max(doc.y, top + rowHeight);
}

/** A table cell: its text, or text spread over the next `span` columns (a summary row's label). */
type Cell = string | { text: string; span: number };

/** A label over the movement and reference columns. */
function wide(text: string): Cell {
  return { text, span: 2 };
}

/** One line of a table; a cell that does not fit its column ends with an ellipsis rather than wrapping. */
function tableRow(
  doc: PDFKit.PDFDocument,
  columns: readonly Column[],
  cells: readonly Cell[],
  style: { isBold?: boolean } = {},
): void {
  const top = doc.y;
  doc.font(style.isBold ? boldFont : bodyFont).fontSize(bodySize);
  let x = margin.left;
  let next = 0;
  for (const cell of cells) {
    const { text, span } = typeof cell === 'string' ? { text: cell, span: 1 } : cell;
    const spanned = columns.slice(next, next + span);
    const width = spanned.reduce((sum, c) => sum + c.width, 0);
    if (text) {
      doc.text(text, x + 2, top + 3, {
        width: width - 4,
        height: rowHeight - 3,
        align: spanned[0]?.align ?? 'left',
        ellipsis: true,
      });
    }
    x += width;
    next += span;
  }
  const bottom = top + rowHeight;
  const right = margin.left + columns.reduce((sum, c) => sum + c.width, 0);
  doc
    .moveTo(margin.left, bottom)
    .lineTo(right, bottom)
    .lineWidth(style.isBold ? 0.8 : 0.3)
    .stroke();
  doc.y = bottom;
}

function signatureLines(doc: PDFKit.PDFDocument, captions: readonly string[]): void {
  doc.moveDown(3);
  const y = doc.y;
  const width = contentWidth / captions.length - 30;
  captions.forEach((caption, i) => {
    const x = margin.left + i * (width + 60);
    doc
      .moveTo(x, y)
      .lineTo(x + width, y)
      .lineWidth(0.5)
      .stroke();
    doc
      .font(bodyFont)
      .fontSize(8)
      .text(caption, x, y + 3, { width });
  });
}

/** Writes "Generated at …" and "Page n of N" at the foot of every page, once all pages exist. */
function numberPages(doc: PDFKit.PDFDocument, t: TillReportData): void {
  const l = tillReportLabels[t.language];
  const generated = `${l.generatedAt} ${formatInstant(t.generatedAt, t.branch.timeZone)}`;
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - margin.bottom + 20;
    // An explicit height keeps pdfkit from treating text below the bottom margin as a page overflow.
    const options = { width: contentWidth / 2, height: 12, lineBreak: false };
    doc.font(bodyFont).fontSize(7.5);
    doc.text(generated, margin.left, y, { ...options, align: 'left' });
    doc.text(l.page(i - start + 1, count), margin.left + contentWidth / 2, y, { ...options, align: 'right' });
  }
}
