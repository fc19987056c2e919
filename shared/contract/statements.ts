// The statements part of the contract: printed statements of one account for its customer. Today the loan
// statement; the general-ledger account statement and the financial reports are their own entries.
// A statement is a query (it changes nothing) and answers a PDF, the same file shape as a receipt.
import { z } from 'zod';
import { loanMethods } from './loans';
import { method } from './method';
import { businessDate, uuid } from './schemas';

/** `{ fileName, base64 }`: the PDF file every printed document answers (loans.receipt, till.report). */
const pdfFile = loanMethods['loans.receipt'].output;

export const statementMethods = {
  'reports.loanStatement': method({
    description:
      'A loan’s statement as a PDF for the customer: terms, schedule status, every transaction with its allocation and running balance, totals.',
    access: 'reports.read',
    kind: 'query',
    input: z
      .object({
        loanId: uuid,
        /** Transactions before this date are summed up in an opening balance line. */
        from: businessDate.optional(),
        /** The statement's date: transactions after it are left out, balances and the schedule are as of it. */
        to: businessDate.optional(),
      })
      .refine((p) => !p.from || !p.to || p.from <= p.to, {
        path: ['to'],
        message: 'must not be before the start of the period',
      }),
    output: pdfFile,
  }),
};
