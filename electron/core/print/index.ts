// Printing for the branch counter: pure functions from data to PDF bytes — the counter receipt (80 mm roll) and
// the till report (A4) — with the amount-in-words and figure formatting they share. Not responsible for reading
// the data (the loans and till use cases build it) nor for sending bytes to a printer (electron/platform).
export { amountInWords, type PrintLanguage } from './amountInWords';
export { findFonts, pdfFonts, FontsNotFoundError, type FontSearch, type PdfFonts } from './fonts';
export { formatMinor, formatInstant } from './format';
export { renderReceipt, type ReceiptData, type ReceiptKind, type PaymentChannel } from './receipt';
export {
  renderTillReport,
  type TillReportData,
  type TillMovementLine,
  type TillMovementKind,
  type TillCount,
} from './tillReport';
