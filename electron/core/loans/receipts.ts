// The receipt of a posted loan transaction, rendered as a PDF (electron/core/print) from what was stored when it
// was posted: the receipt number, the allocation and the balance after, so a reprint shows what the customer was
// given at the counter even if a later backdated payment has since changed the replay's allocation.
import { LmsError, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import type { Ctx } from '../context';
import { renderReceipt, type ReceiptData } from '../print';
import type { PostedAllocation } from './posting';

export async function receiptPdf(
  ctx: Ctx,
  input: ParsedInputOf<'loans.receipt'>,
): Promise<OutputOf<'loans.receipt'>> {
  const row = await ctx.db
    .selectFrom('loan_transactions as t')
    .innerJoin('loans', 'loans.id', 't.loan_id')
    .innerJoin('customers', 'customers.id', 'loans.customer_id')
    .innerJoin('loan_products', 'loan_products.id', 'loans.product_id')
    .leftJoin('branches', 'branches.id', 't.branch_id')
    .leftJoin('users', 'users.id', 't.posted_by')
    .select([
      't.id',
      't.type',
      't.amount_minor',
      't.value_date',
      't.channel',
      't.reference',
      't.receipt_no',
      't.allocation',
      't.note',
      't.posted_at',
      'loans.account_no',
      'loans.application_no',
      'loans.currency',
      'loans.digits',
      'customers.customer_no',
      'customers.display_name',
      'loan_products.name as product_name',
      'branches.code as branch_code',
      'branches.name as branch_name',
      'branches.time_zone',
      'branches.locale',
      'users.display_name as teller_name',
    ])
    .where('t.id', '=', input.transactionId)
    .executeTakeFirst();
  if (!row) throw new LmsError('NOT_FOUND', 'There is no such transaction.', 'transaction_not_found');
  if (!row.receipt_no)
    throw new LmsError('NOT_FOUND', 'This transaction has no receipt.', 'transaction_not_found');
  const institution = await ctx.db.selectFrom('institution').select('name').executeTakeFirst();
  const posted = JSON.parse(row.allocation ?? 'null') as PostedAllocation | null;
  const data: ReceiptData = {
    institutionName: institution?.name ?? '',
    branch: { code: row.branch_code ?? '', name: row.branch_name ?? '', timeZone: row.time_zone ?? 'UTC' },
    receiptNo: row.receipt_no,
    postedAt: row.posted_at,
    valueDate: row.value_date,
    tellerName: row.teller_name ?? 'staff of another branch',
    customer: { number: row.customer_no, name: row.display_name },
    loan: { accountNo: row.account_no ?? row.application_no, productName: row.product_name },
    kind: row.type === 'disbursement' ? 'disbursement' : row.type === 'reversal' ? 'reversal' : 'repayment',
    channel: row.channel ?? 'transfer',
    ...(row.reference && row.channel === 'transfer' ? { transferReference: row.reference } : {}),
    currency: row.currency,
    digits: row.digits,
    amountMinor: row.amount_minor,
    allocation: {
      principalMinor: posted?.principalMinor ?? 0,
      interestMinor: posted?.interestMinor ?? 0,
      feesMinor: posted?.feesMinor ?? 0,
      penaltiesMinor: posted?.penaltiesMinor ?? 0,
      creditMinor: posted?.creditMinor ?? 0,
    },
    balanceAfter: posted?.balanceAfter ?? { principalMinor: 0, totalOutstandingMinor: 0 },
    language: (row.locale ?? 'en').startsWith('fr') ? 'fr' : 'en',
    ...(row.type === 'reversal' && row.note ? { reversalNote: row.note } : {}),
  };
  const bytes = await renderReceipt(data);
  return { fileName: `receipt-${row.receipt_no}.pdf`, base64: bytes.toString('base64') };
}
