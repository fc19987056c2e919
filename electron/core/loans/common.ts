// What the loan use cases share: the connection to read through (the write transaction's inside a mutation),
// finding a loan or refusing with a reason, the branch's business date, and product rows as views.
import { rawFirst } from '../../../db/raw';
import type { Kysely, Selectable } from 'kysely';
import type { Database, LoanProductsTable, LoansTable } from '../../../db/schema';
import { LmsError, type LoanProductView } from '../../../shared/contract';
import { requireDevice, type Ctx, type WriteCtx } from '../context';
import { localDateIn } from './eod';

/** Reads inside a mutation go through its transaction (the single connection is held by it). */
export const reader = (ctx: Ctx | WriteCtx): Kysely<Database> => ('tx' in ctx ? ctx.tx : ctx.db);

export type LoanRow = Selectable<LoansTable>;

const loanSql = 'SELECT * FROM loans WHERE id = ?';

export async function requireLoan(ctx: Ctx | WriteCtx, loanId: string): Promise<LoanRow> {
  const loan = await rawFirst<LoanRow>(reader(ctx), loanSql, [loanId]);
  if (!loan) throw new LmsError('NOT_FOUND', 'There is no such loan.', 'loan_not_found');
  return loan;
}

export async function requireProduct(ctx: Ctx | WriteCtx, productId: string): Promise<LoanProductsTable> {
  const product = await reader(ctx)
    .selectFrom('loan_products')
    .selectAll()
    .where('id', '=', productId)
    .executeTakeFirst();
  if (!product) throw new LmsError('NOT_FOUND', 'There is no such loan product.', 'product_not_found');
  return product;
}

/**
 * The date loans are posted and projected on: the branch's business date, or today (in the branch's time zone)
 * when end-of-day has not run yet today — a loan a write touches is brought current as of today, whatever the
 * rest of the portfolio waits for (a session that crossed midnight, the CLI, a teller before the banner's run).
 */
const branchDateSql = 'SELECT business_date, time_zone FROM branches WHERE id = ?';

export async function businessDate(ctx: Ctx | WriteCtx): Promise<string> {
  const branch = (await rawFirst<{ business_date: string; time_zone: string }>(reader(ctx), branchDateSql, [
    requireDevice(ctx).branchId,
  ]))!;
  const today = localDateIn(ctx.clock.now(), branch.time_zone);
  return branch.business_date < today ? today : branch.business_date;
}

export function wrongState(message: string): LmsError {
  return new LmsError('CONFLICT', message, 'loan_wrong_state');
}

export function productView(row: LoanProductsTable): LoanProductView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    currency: row.currency,
    digits: row.digits,
    minPrincipalMinor: row.min_principal_minor,
    maxPrincipalMinor: row.max_principal_minor,
    minRepayments: row.min_repayments,
    maxRepayments: row.max_repayments,
    minRate: row.min_rate,
    maxRate: row.max_rate,
    defaultRate: row.default_rate,
    termsTemplate: JSON.parse(row.terms_template) as LoanProductView['termsTemplate'],
    eligibility: JSON.parse(row.eligibility) as LoanProductView['eligibility'],
    approvalLimits: JSON.parse(row.approval_limits) as Record<string, number>,
    allowsTranches: row.allows_tranches === 1,
    isActive: row.is_active === 1,
    updatedAt: row.updated_at,
  };
}
