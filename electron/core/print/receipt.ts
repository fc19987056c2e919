// The counter receipt: a repayment, disbursement or reversal as a PDF for the teller's printer. Responsible for the
// receipt's content and layout; not for finding the transaction (core/loans/receipts.ts builds ReceiptData) nor
// for sending it to a printer (electron/platform).
//
// The page is an 80 mm thermal roll, what branch counters print on: 226.8 pt wide, with 4 mm margins for the
// printer's unprintable edges. A roll has no fixed page length, so the receipt is laid out twice: once on a very
// long page to measure it, then on a page exactly as tall as its content — it never breaks across pages and
// wastes no paper.
//
// Rendering is deterministic: the PDF's date (and so its file ID) is the posting instant, never the clock, so
// the same data always gives the same bytes and a reprint is identical to the original.
import { amountInWords, type PrintLanguage } from './amountInWords';
import { boldFont, bodyFont, documentBytes, newDocument, type DocumentSetup } from './document';
import { formatInstant, formatMinor, instantDate, mm } from './format';
import { receiptLabels } from './labels';

export type ReceiptKind = 'repayment' | 'disbursement' | 'reversal';
export type PaymentChannel = 'cash' | 'transfer';

/** Everything a receipt prints. Amounts are positive minor units of `currency`; `kind` says which way they went. */
export interface ReceiptData {
  institutionName: string;
  /** `timeZone` is the branch's IANA zone (e.g. Africa/Nairobi): the posting time is printed in it. */
  branch: { code: string; name: string; timeZone: string };
  receiptNo: string;
  /** When the transaction was posted (UTC ISO instant); also the PDF's date. */
  postedAt: string;
  /** The business date the transaction counts from (YYYY-MM-DD). */
  valueDate: string;
  tellerName: string;
  customer: { number: string; name: string };
  loan: { accountNo: string; productName: string };
  kind: ReceiptKind;
  channel: PaymentChannel;
  /** The bank or mobile-money reference of a transfer. */
  transferReference?: string;
  currency: string;
  /** The currency's minor digits (KES 2, UGX 0, KWD 3). */
  digits: number;
  amountMinor: number;
  /** How a repayment (or the reversed repayment) was applied; it must add up to the amount. Not printed on a
   *  disbursement. */
  allocation: {
    principalMinor: number;
    interestMinor: number;
    feesMinor: number;
    penaltiesMinor: number;
    creditMinor: number;
  };
  balanceAfter: { principalMinor: number; totalOutstandingMinor: number };
  language: PrintLanguage;
  /** Why a reversal was made; printed when present. */
  reversalNote?: string;
}

const pageWidth = mm(80);
const margin = mm(4);
const contentWidth = pageWidth - 2 * margin;
/** Label column of a detail row; an amount row gives the label more room and right-aligns the figure. */
const labelWidth = 64;
const amountWidth = 84;
/** Long enough for any receipt in the measuring pass. */
const measuringHeight = 5000;
const bodySize = 7.5;

/** The receipt as PDF bytes, on an 80 mm roll. Throws a RangeError when the figures do not add up. */
export async function renderReceipt(r: ReceiptData): Promise<Buffer> {
  assertAddsUp(r);
  const measuring = newDocument(setupFor(r, measuringHeight));
  const contentBottom = drawReceipt(measuring, r);
  const doc = newDocument(setupFor(r, Math.ceil(contentBottom + margin + 2)));
  drawReceipt(doc, r);
  return documentBytes(doc);
}

function setupFor(r: ReceiptData, height: number): DocumentSetup {
  return {
    size: [pageWidth, height],
    margins: { top: margin, bottom: margin, left: margin, right: margin },
    createdAt: instantDate(r.postedAt),
    title: `${receiptLabels[r.language].title[r.kind]} ${r.receiptNo}`,
    language: r.language,
  };
}

/**
 * A receipt is a proof of payment: it must never print figures that contradict each other. The posting use case
 * checks the same before it commits (pair assertion); here we refuse to print rather than print a wrong receipt.
 */
function assertAddsUp(r: ReceiptData): void {
  const { principalMinor, interestMinor, feesMinor, penaltiesMinor, creditMinor } = r.allocation;
  const parts = [principalMinor, interestMinor, feesMinor, penaltiesMinor, creditMinor];
  const amounts = [
    r.amountMinor,
    ...parts,
    r.balanceAfter.principalMinor,
    r.balanceAfter.totalOutstandingMinor,
  ];
  if (!amounts.every((a) => Number.isSafeInteger(a) && a >= 0)) {
    throw new RangeError(`receipt ${r.receiptNo}: amounts must be non-negative whole minor units`);
  }
  if (r.amountMinor === 0) throw new RangeError(`receipt ${r.receiptNo}: the amount is zero`);
  const allocated = parts.reduce((sum, a) => sum + a, 0);
  if (r.kind !== 'disbursement' && allocated !== r.amountMinor) {
    throw new RangeError(
      `receipt ${r.receiptNo}: the allocation adds up to ${allocated}, not the amount ${r.amountMinor}`,
    );
  }
}

/** Draws the receipt from the top of the page and returns the y where its content ends. */
function drawReceipt(doc: PDFKit.PDFDocument, r: ReceiptData): number {
  const t = receiptLabels[r.language];
  const money = (amountMinor: number) => formatMinor(amountMinor, r.digits, r.language);

  centred(doc, r.institutionName, boldFont, 10);
  centred(doc, `${r.branch.name} (${r.branch.code})`, bodyFont, bodySize);
  gap(doc, 4);
  centred(doc, t.title[r.kind].toLocaleUpperCase(r.language), boldFont, 10);
  centred(doc, `${t.receiptNo} ${r.receiptNo}`, boldFont, 8.5);
  rule(doc);

  row(doc, t.postedAt, formatInstant(r.postedAt, r.branch.timeZone));
  row(doc, t.valueDate, r.valueDate);
  row(doc, t.teller, r.tellerName);
  row(doc, t.customer, r.customer.name);
  row(doc, t.customerNo, r.customer.number);
  row(doc, t.loanAccount, r.loan.accountNo);
  row(doc, t.product, r.loan.productName);
  row(doc, t.channel, t.channels[r.channel]);
  if (r.transferReference) row(doc, t.reference, r.transferReference);
  rule(doc);

  heading(doc, t.amount[r.kind]);
  centred(doc, `${r.currency} ${money(r.amountMinor)}`, boldFont, 13);
  gap(doc, 2);
  const words = amountInWords(r.amountMinor, r.currency, r.digits, r.language);
  doc
    .font(bodyFont)
    .fontSize(bodySize)
    .text(`${t.inWords}: ${words}`, margin, doc.y, { width: contentWidth });
  rule(doc);

  if (r.kind !== 'disbursement') {
    heading(doc, `${t.allocation} (${r.currency})`);
    const a = r.allocation;
    row(doc, t.penalties, money(a.penaltiesMinor), { isAmount: true });
    row(doc, t.fees, money(a.feesMinor), { isAmount: true });
    row(doc, t.interest, money(a.interestMinor), { isAmount: true });
    row(doc, t.principal, money(a.principalMinor), { isAmount: true });
    row(doc, t.credit, money(a.creditMinor), { isAmount: true });
    row(doc, t.total, money(r.amountMinor), { isAmount: true, isBold: true });
    rule(doc);
  }

  heading(doc, `${t.balanceAfter} (${r.currency})`);
  row(doc, t.principalOutstanding, money(r.balanceAfter.principalMinor), { isAmount: true });
  row(doc, t.totalOutstanding, money(r.balanceAfter.totalOutstandingMinor), { isAmount: true, isBold: true });

  if (r.reversalNote) {
    rule(doc);
    heading(doc, t.reversalNote);
    doc.font(bodyFont).fontSize(bodySize).text(r.reversalNote, margin, doc.y, { width: contentWidth });
  }

  signatureLine(doc, t.customerSignature);
  signatureLine(doc, t.tellerSignature);
  gap(doc, 8);
  centred(doc, t.footer, bodyFont, bodySize);
  return doc.y;
}

function centred(doc: PDFKit.PDFDocument, text: string, font: string, size: number): void {
  doc.font(font).fontSize(size).text(text, margin, doc.y, { width: contentWidth, align: 'center' });
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  doc.font(boldFont).fontSize(bodySize).text(text, margin, doc.y, { width: contentWidth });
  gap(doc, 1);
}

interface RowStyle {
  /** Right-align the value, as figures in a column are. */
  isAmount?: boolean;
  isBold?: boolean;
}

/** A label and its value side by side; either may wrap, and the row is as tall as the taller. */
function row(doc: PDFKit.PDFDocument, label: string, value: string, style: RowStyle = {}): void {
  const top = doc.y;
  const valueWidth = style.isAmount ? amountWidth : contentWidth - labelWidth;
  doc
    .font(style.isBold ? boldFont : bodyFont)
    .fontSize(bodySize)
    .text(label, margin, top, { width: contentWidth - valueWidth - 4 });
  const labelBottom = doc.y;
  doc.text(value, margin + contentWidth - valueWidth, top, {
    width: valueWidth,
    align: style.isAmount ? 'right' : 'left',
  });
  doc.y = Math.max(labelBottom, doc.y) + 1;
}

function rule(doc: PDFKit.PDFDocument): void {
  const y = doc.y + 3;
  doc
    .moveTo(margin, y)
    .lineTo(pageWidth - margin, y)
    .lineWidth(0.5)
    .dash(2, { space: 2 })
    .stroke()
    .undash();
  doc.y = y + 4;
}

function signatureLine(doc: PDFKit.PDFDocument, caption: string): void {
  gap(doc, 24);
  const y = doc.y;
  doc
    .moveTo(margin, y)
    .lineTo(margin + contentWidth * 0.75, y)
    .lineWidth(0.5)
    .stroke();
  doc
    .font(bodyFont)
    .fontSize(6.5)
    .text(caption, margin, y + 2, { width: contentWidth });
}

function gap(doc: PDFKit.PDFDocument, points: number): void {
  doc.y += points;
}
