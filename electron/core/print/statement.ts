// The customer's loan statement as an A4 landscape PDF: the institution and branch, the customer, the loan's
// terms, the schedule's status, every transaction in value order with its allocation and the running balance,
// the period's totals and what is outstanding. Responsible for the statement's layout; not for what it says
// (statementData.ts: its data and the checks that its figures add up), for computing the figures
// (core/reports/statement.ts builds them from the engine's replay) nor for who may print it.
//
// Landscape, because a transaction line has ten columns and a balance of 10,000,000.00 must fit without
// shrinking the type. Tables run over as many pages as they need with their header repeated; every page ends
// with who generated the statement and when, the account, and "Page n of N" (pages are kept in memory until
// the count is known). The PDF's date is `generatedAt` from the data, never the clock, so the same data gives
// the same bytes.
import { boldFont, bodyFont, documentBytes, newDocument } from './document';
import { formatInstant, formatMinor, instantDate } from './format';
import { statementLabels, type StatementLabels } from './labels';
import { assertStatementAddsUp, type LoanStatementData, type StatementLine } from './statementData';

const a4Landscape: [number, number] = [841.89, 595.28];
const margin = { top: 36, bottom: 44, left: 40, right: 40 };
const contentWidth = a4Landscape[0] - margin.left - margin.right;
const bodySize = 8;
const tableSize = 7.5;
const rowHeight = 13;
/** A table's header wraps to two lines ("Principal balance" over a figure column). */
const headerHeight = 21;
/** Keeps a left-aligned column clear of the figures right-aligned in the column before it. */
const cellPadding = 4;

interface Column {
  width: number;
  align: 'left' | 'right';
}
const text = (width: number): Column => ({ width, align: 'left' });
const figure = (width: number): Column => ({ width, align: 'right' });

/** Value date, reference, type, amount, principal, interest, fees, penalties, two balances: 761 pt. */
const lineColumns = [
  text(54),
  text(132),
  text(112),
  figure(70),
  figure(66),
  figure(62),
  figure(54),
  figure(60),
  figure(75),
  figure(76),
];
/** No., due date, principal, interest, fees, penalties, paid, outstanding, state. */
const scheduleColumns = [
  figure(28),
  text(70),
  figure(78),
  figure(72),
  figure(64),
  figure(64),
  figure(78),
  figure(78),
  text(80),
];

/** The statement as PDF bytes. Throws a RangeError when its figures do not add up. */
export async function renderLoanStatement(s: LoanStatementData): Promise<Buffer> {
  assertStatementAddsUp(s);
  const l = statementLabels[s.language];
  const doc = newDocument({
    size: a4Landscape,
    margins: margin,
    createdAt: instantDate(s.generatedAt),
    title: `${l.title} ${s.loan.accountNo} ${s.period.to}`,
    language: s.language,
    hasPageNumbers: true,
  });
  drawParties(doc, s, l);
  drawSchedule(doc, s, l);
  drawLines(doc, s, l);
  drawSummary(doc, s, l);
  numberPages(doc, s, l);
  return documentBytes(doc);
}

function drawParties(doc: PDFKit.PDFDocument, s: LoanStatementData, l: StatementLabels): void {
  const money = (amountMinor: number) =>
    `${s.loan.currency} ${formatMinor(amountMinor, s.loan.digits, s.language)}`;
  const half = contentWidth / 2;
  const right = margin.left + half + 10;
  doc.font(boldFont).fontSize(13).text(s.institutionName, margin.left, margin.top, { width: half });
  doc.font(bodyFont).fontSize(bodySize + 1);
  doc.text(`${s.branch.name} (${s.branch.code})`, { width: half });
  const leftBottom = doc.y;
  doc
    .font(boldFont)
    .fontSize(16)
    .text(l.title, right, margin.top, { width: half - 10, align: 'right' });
  doc.font(bodyFont).fontSize(bodySize + 1);
  doc.text(`${l.period}: ${s.period.from} – ${s.period.to}`, right, doc.y, {
    width: half - 10,
    align: 'right',
  });
  doc.y = Math.max(leftBottom, doc.y) + 10;

  const top = doc.y;
  const customer: [string, string][] = [
    [l.customer, s.customer.name],
    [l.customerNo, s.customer.number],
  ];
  if (s.customer.phone) customer.push([l.phone, s.customer.phone]);
  if (s.customer.addressLines.length > 0) customer.push([l.address, s.customer.addressLines.join('\n')]);
  const customerBottom = details(doc, margin.left, top, half - 10, customer);
  const terms: [string, string][] = [
    [l.loanAccount, s.loan.accountNo],
    [l.product, s.loan.productName],
    [l.principal, money(s.loan.principalMinor)],
    [l.rate, l.rateValue(s.loan.annualRate)],
    [l.term, l.termValue(s.loan.repayments, s.loan.every, s.loan.frequency)],
    [l.disbursedOn, s.loan.disbursedOn],
    [l.maturity, s.loan.maturityDate ?? '—'],
    [l.status, l.statuses[s.loan.status]],
  ];
  const termsBottom = details(doc, right, top, half - 10, terms);
  doc.y = Math.max(customerBottom, termsBottom);
}

/** Label and value rows in a block at (x, y); returns where the block ends. Values may wrap. */
function details(
  doc: PDFKit.PDFDocument,
  x: number,
  y: number,
  width: number,
  rows: [string, string][],
): number {
  const labelWidth = 95;
  let top = y;
  for (const [label, value] of rows) {
    doc.font(boldFont).fontSize(bodySize).text(label, x, top, { width: labelWidth });
    doc.font(bodyFont).text(value, x + labelWidth + 5, top, { width: width - labelWidth - 5 });
    top = Math.max(doc.y, top + rowHeight - 2);
  }
  return top;
}

function drawSchedule(doc: PDFKit.PDFDocument, s: LoanStatementData, l: StatementLabels): void {
  const money = (amountMinor: number) => formatMinor(amountMinor, s.loan.digits, s.language);
  section(doc, l.schedule(s.period.to));
  const header = [
    l.installmentNo,
    l.dueDate,
    l.principal,
    l.interest,
    l.fees,
    l.penalties,
    l.paid,
    l.outstanding,
    l.status,
  ];
  tableRow(doc, scheduleColumns, header, { isHeader: true });
  for (const i of s.schedule) {
    if (needsPage(doc, rowHeight)) {
      doc.addPage();
      tableRow(doc, scheduleColumns, header, { isHeader: true });
    }
    tableRow(doc, scheduleColumns, [
      String(i.n),
      i.dueDate,
      money(i.due.principalMinor),
      money(i.due.interestMinor),
      money(i.due.feesMinor),
      money(i.due.penaltiesMinor),
      money(i.paidMinor),
      money(i.outstandingMinor),
      l.installmentStates[i.state],
    ]);
  }
}

function drawLines(doc: PDFKit.PDFDocument, s: LoanStatementData, l: StatementLabels): void {
  const money = (amountMinor: number) => formatMinor(amountMinor, s.loan.digits, s.language);
  section(doc, l.transactions);
  const header = [
    l.valueDate,
    l.reference,
    l.type,
    l.amount,
    l.principal,
    l.interest,
    l.fees,
    l.penalties,
    l.principalBalance,
    l.totalBalance,
  ];
  tableRow(doc, lineColumns, header, { isHeader: true });
  const row = (cells: Cell[], style: RowStyle = {}) => {
    if (needsPage(doc, rowHeight)) {
      doc.addPage();
      tableRow(doc, lineColumns, header, { isHeader: true });
    }
    tableRow(doc, lineColumns, cells, style);
  };
  const balances = (b: { principalMinor: number; totalMinor: number }) => [
    money(b.principalMinor),
    money(b.totalMinor),
  ];
  if (s.opening) {
    const label = { text: l.opening(s.opening.transactions), span: 8 };
    row([label, ...balances(s.opening)]);
  }
  if (s.lines.length === 0) row([{ text: l.noTransactions, span: 8 }, '', '']);
  const paid = { principalMinor: 0, interestMinor: 0, feesMinor: 0, penaltiesMinor: 0 };
  for (const line of s.lines) {
    const a = line.allocation;
    if (a && line.kind !== 'waiver') {
      paid.principalMinor += a.principalMinor;
      paid.interestMinor += a.interestMinor;
      paid.feesMinor += a.feesMinor;
      paid.penaltiesMinor += a.penaltiesMinor;
    }
    row([
      line.valueDate,
      line.reference,
      kindText(line, l),
      line.amountMinor === null ? '' : money(line.amountMinor),
      a ? money(a.principalMinor) : '',
      a ? money(a.interestMinor) : '',
      a ? money(a.feesMinor) : '',
      a ? money(a.penaltiesMinor) : '',
      ...balances(line.balance),
    ]);
  }
  row(
    [
      { text: l.totals, span: 4 },
      money(paid.principalMinor),
      money(paid.interestMinor),
      money(paid.feesMinor),
      money(paid.penaltiesMinor),
      '',
      '',
    ],
    { isBold: true },
  );
  row([{ text: l.closing(s.period.to), span: 8 }, ...balances(s.outstanding)], { isBold: true });
}

function kindText(line: StatementLine, l: StatementLabels): string {
  let kind: string = l.kinds[line.kind];
  if (line.component) kind += ` · ${l.components[line.component]}`;
  if (line.isPayoff) kind += ` · ${l.payoff}`;
  if (line.isReversed) kind += ` (${l.reversed})`;
  return kind;
}

function drawSummary(doc: PDFKit.PDFDocument, s: LoanStatementData, l: StatementLabels): void {
  const money = (amountMinor: number) =>
    `${s.loan.currency} ${formatMinor(amountMinor, s.loan.digits, s.language)}`;
  const sum = (pick: (line: StatementLine) => number) =>
    s.lines.reduce((total, line) => total + pick(line), 0);
  const isCounted = (line: StatementLine) => !line.isReversed;
  const received = sum((x) =>
    isCounted(x) && (x.kind === 'repayment' || x.kind === 'recovery') ? (x.amountMinor ?? 0) : 0,
  );
  const waived = sum((x) =>
    x.kind === 'waiver' && x.allocation
      ? x.allocation.interestMinor + x.allocation.feesMinor + x.allocation.penaltiesMinor
      : 0,
  );
  const period: [string, number][] = [
    [l.received, received],
    [l.charged, sum((x) => (x.kind === 'charges' ? x.chargedMinor : 0))],
    [l.waived, waived],
    [l.rebated, sum((x) => x.rebateMinor)],
    [l.writtenOff, sum((x) => x.writtenOffMinor)],
    [l.credit, sum((x) => x.creditMinor)],
  ];
  const o = s.outstanding;
  const position: [string, string][] = [
    [l.principal, money(o.principalMinor)],
    [l.interest, money(o.interestMinor)],
    [l.fees, money(o.feesMinor)],
    [l.penalties, money(o.penaltiesMinor)],
    [l.totalOutstanding, money(o.totalMinor)],
    [l.overdue, money(o.overdueMinor)],
    [l.daysPastDue, String(o.daysPastDue)],
  ];
  if (needsPage(doc, 10 * rowHeight)) doc.addPage();
  doc.moveDown(1);
  const top = doc.y;
  const half = contentWidth / 2;
  doc
    .font(boldFont)
    .fontSize(10)
    .text(l.summary, margin.left, top, { width: half - 10 });
  const periodBottom = amounts(
    doc,
    margin.left,
    doc.y + 4,
    half - 10,
    period.map(([k, v]) => [k, money(v)]),
  );
  doc
    .font(boldFont)
    .fontSize(10)
    .text(l.outstandingOn(s.period.to), margin.left + half + 10, top, { width: half - 10 });
  const positionBottom = amounts(doc, margin.left + half + 10, doc.y + 4, half - 10, position);
  doc.y = Math.max(periodBottom, positionBottom);
}

/** Label and right-aligned figure rows in a block at (x, y); returns where the block ends. */
function amounts(
  doc: PDFKit.PDFDocument,
  x: number,
  y: number,
  width: number,
  rows: [string, string][],
): number {
  let top = y;
  for (const [label, value] of rows) {
    doc
      .font(bodyFont)
      .fontSize(bodySize)
      .text(label, x, top, { width: width - 130 });
    doc.text(value, x + width - 125, top, { width: 125, align: 'right' });
    top += rowHeight - 1;
  }
  return top;
}

function needsPage(doc: PDFKit.PDFDocument, height: number): boolean {
  return doc.y + height > doc.page.maxY();
}

function section(doc: PDFKit.PDFDocument, title: string): void {
  if (needsPage(doc, 4 * rowHeight)) doc.addPage();
  doc.moveDown(1);
  doc.font(boldFont).fontSize(10).text(title, margin.left, doc.y, { width: contentWidth });
  doc.moveDown(0.3);
}

/** A table cell: its text, or text spread over the next `span` columns (a summary line's label). */
type Cell = string | { text: string; span: number };

interface RowStyle {
  isBold?: boolean;
  /** A header: bold, and its labels may take two lines. */
  isHeader?: boolean;
}

/**
 * One line of a table; a cell that does not fit its column ends with an ellipsis rather than wrapping (a
 * header's labels wrap once).
 */
function tableRow(
  doc: PDFKit.PDFDocument,
  columns: readonly Column[],
  cells: readonly Cell[],
  style: RowStyle = {},
): void {
  const isBold = style.isBold === true || style.isHeader === true;
  const height = style.isHeader ? headerHeight : rowHeight;
  const top = doc.y;
  doc.font(isBold ? boldFont : bodyFont).fontSize(tableSize);
  let x = margin.left;
  let next = 0;
  for (const cell of cells) {
    const { text: value, span } = typeof cell === 'string' ? { text: cell, span: 1 } : cell;
    const spanned = columns.slice(next, next + span);
    const width = spanned.reduce((sum, c) => sum + c.width, 0);
    if (value) {
      doc.text(value, x + cellPadding, top + 3, {
        width: width - 2 * cellPadding,
        height: height - 3,
        align: span > 1 ? 'left' : (spanned[0]?.align ?? 'left'),
        ellipsis: true,
        lineBreak: style.isHeader === true,
      });
    }
    x += width;
    next += span;
  }
  const bottom = top + height;
  const right = margin.left + columns.reduce((sum, c) => sum + c.width, 0);
  doc
    .moveTo(margin.left, bottom)
    .lineTo(right, bottom)
    .lineWidth(isBold ? 0.8 : 0.3)
    .stroke();
  doc.y = bottom;
}

/** Writes who generated the statement, the account and "Page n of N" at the foot of every page. */
function numberPages(doc: PDFKit.PDFDocument, s: LoanStatementData, l: StatementLabels): void {
  const generated = l.generated(formatInstant(s.generatedAt, s.branch.timeZone), s.generatedBy);
  const account = `${s.loan.accountNo} · ${s.customer.name}`;
  const { start, count } = doc.bufferedPageRange();
  const third = contentWidth / 3;
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - margin.bottom + 16;
    // An explicit height keeps pdfkit from treating text below the bottom margin as a page overflow.
    const options = { width: third, height: 12, lineBreak: false, ellipsis: true };
    doc.font(bodyFont).fontSize(7.5);
    doc.text(generated, margin.left, y, { ...options, align: 'left' });
    doc.text(account, margin.left + third, y, { ...options, align: 'center' });
    doc.text(l.page(i - start + 1, count), margin.left + 2 * third, y, { ...options, align: 'right' });
  }
}
