// The loans, till, end-of-day and reminders use cases, one per contract method (spread into ../handlers).
import type { Handlers } from '../handlers';
import { listProducts, saveProduct } from './products';
import {
  checkEligibility,
  applyForLoan,
  updateApplication,
  submitApplication,
  withdrawApplication,
  addCollateral,
  addGuarantor,
  decideApplication,
} from './applications';
import { listLoans, getLoan, findLoans, quoteRepayment } from './views';
import {
  disburseLoan,
  repayLoan,
  importRepayments,
  reverseTransaction,
  waiveCharges,
  writeOffLoan,
  recoverLoan,
  restructureLoan,
} from './posting';
import { receiptPdf } from './receipts';
import {
  currentTill,
  openTill,
  confirmTillOpen,
  tillCashMovement,
  countTill,
  approveTillClose,
  listTills,
  tillReportPdf,
} from '../till/tills';
import { vaultStatus, moveVaultCash } from '../till/vault';
import { eodStatus, runEndOfDay } from './eod';
import { listReminders, generateReminders } from './reminders';
import { readLoanSettings, updateLoanSettings } from './settings';
import { seedDemoLoans } from './demo';

type LoanMethod = Extract<
  keyof Handlers,
  `loan${string}` | `till.${string}` | `vault.${string}` | `eod.${string}` | `reminders.${string}`
>;

export const loanHandlers: Pick<Handlers, LoanMethod> = {
  'loanProducts.list': listProducts,
  'loanProducts.save': saveProduct,
  'loans.checkEligibility': checkEligibility,
  'loans.apply': applyForLoan,
  'loans.update': updateApplication,
  'loans.submit': submitApplication,
  'loans.withdraw': withdrawApplication,
  'loans.addCollateral': addCollateral,
  'loans.addGuarantor': addGuarantor,
  'loans.decide': decideApplication,
  'loans.list': listLoans,
  'loans.get': getLoan,
  'loans.find': findLoans,
  'loans.quote': quoteRepayment,
  'loans.disburse': disburseLoan,
  'loans.repay': repayLoan,
  'loans.importRepayments': importRepayments,
  'loans.reverse': reverseTransaction,
  'loans.waive': waiveCharges,
  'loans.writeOff': writeOffLoan,
  'loans.recover': recoverLoan,
  'loans.restructure': restructureLoan,
  'loans.receipt': receiptPdf,
  'till.current': currentTill,
  'till.open': openTill,
  'till.confirmOpen': confirmTillOpen,
  'till.cashMovement': tillCashMovement,
  'till.count': countTill,
  'till.approveClose': approveTillClose,
  'till.list': listTills,
  'till.report': tillReportPdf,
  'vault.status': vaultStatus,
  'vault.move': moveVaultCash,
  'eod.status': eodStatus,
  'eod.run': runEndOfDay,
  'reminders.list': listReminders,
  'reminders.generate': generateReminders,
  'loanSettings.read': readLoanSettings,
  'loanSettings.update': updateLoanSettings,
  'loans.seedDemo': seedDemoLoans,
};
