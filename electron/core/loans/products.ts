// Loan products: the terms a branch may lend on (amount, term and rate ranges, the engine's interest, fee,
// penalty and allocation parameters), eligibility overrides and who may approve how much. A product is head-office
// configuration: saved as one event (`loanProduct.saved`, the whole product) that every replica applies
// last-writer-wins by HLC. Its terms template is checked by the engine when it is saved, so a product can never
// produce terms the engine refuses.
import { fieldError, LmsError, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import { Dec, formatMajor } from '../../../shared/money';
import { parseTerms } from '../../../shared/loan';
import type { LoanProductsTable } from '../../../db/schema';
import type { Ctx, WriteCtx } from '../context';

import { productView, reader } from './common';

export async function listProducts(
  ctx: Ctx,
  input: ParsedInputOf<'loanProducts.list'>,
): Promise<OutputOf<'loanProducts.list'>> {
  let query = ctx.db.selectFrom('loan_products').selectAll().orderBy('is_active', 'desc').orderBy('name');
  if (!input.includeInactive) query = query.where('is_active', '=', 1);
  return (await query.execute()).map(productView);
}

type ProductInput = ParsedInputOf<'loanProducts.save'>;

/** The engine's terms for a loan on this product (principal in minor units, rate a percent string). */
export function termsFor(
  product: Pick<LoanProductsTable, 'terms_template' | 'currency' | 'digits'>,
  loan: {
    principalMinor: number;
    repayments: number;
    annualRate: string;
    disbursementDate: string;
    firstRepaymentDate?: string | undefined;
  },
): Record<string, unknown> {
  return {
    ...(JSON.parse(product.terms_template) as Record<string, unknown>),
    currency: product.currency,
    digits: product.digits,
    principal: formatMajor(loan.principalMinor, product.digits),
    repayments: loan.repayments,
    annualRate: loan.annualRate,
    disbursementDate: loan.disbursementDate,
    ...(loan.firstRepaymentDate && loan.firstRepaymentDate > loan.disbursementDate
      ? { firstRepaymentDate: loan.firstRepaymentDate }
      : {}),
  };
}

function checkProduct(input: ProductInput) {
  if (input.minPrincipalMinor > input.maxPrincipalMinor)
    throw fieldError('maxPrincipalMinor', 'must not be below the minimum', 'invalid_terms');
  if (input.minRepayments > input.maxRepayments)
    throw fieldError('maxRepayments', 'must not be below the minimum', 'invalid_terms');
  if (new Dec(input.minRate).gt(input.maxRate))
    throw fieldError('maxRate', 'must not be below the minimum rate', 'invalid_terms');
  if (new Dec(input.defaultRate).lt(input.minRate) || new Dec(input.defaultRate).gt(input.maxRate))
    throw fieldError('defaultRate', 'must be between the minimum and the maximum rate', 'invalid_terms');
  for (const [role, limit] of Object.entries(input.approvalLimits)) {
    if (!['admin', 'manager'].includes(role))
      throw fieldError(
        `approvalLimits.${role}`,
        'only managers and administrators approve loans',
        'invalid_terms',
      );
    if (limit <= 0) throw fieldError(`approvalLimits.${role}`, 'must be greater than 0', 'invalid_terms');
  }
  // The template must give the engine valid terms at both ends of the product's ranges.
  for (const [principalMinor, repayments] of [
    [input.minPrincipalMinor, input.minRepayments],
    [input.maxPrincipalMinor, input.maxRepayments],
  ] as const) {
    const terms = termsFor(
      { terms_template: JSON.stringify(input.termsTemplate), currency: input.currency, digits: input.digits },
      { principalMinor, repayments, annualRate: input.defaultRate, disbursementDate: '2026-01-01' },
    );
    const parsed = parseTerms(terms);
    if (!parsed.ok) {
      throw new LmsError(
        'VALIDATION',
        'These terms are not ones the loan engine accepts.',
        'invalid_terms',
        parsed.issues.map((i) => ({
          path: i.path.replace(/^terms\./, 'termsTemplate.'),
          message: i.message,
        })),
      );
    }
  }
}

export async function saveProduct(
  ctx: WriteCtx,
  input: ProductInput,
): Promise<OutputOf<'loanProducts.save'>> {
  checkProduct(input);
  const now = ctx.clock.now().toISOString();
  const existing = input.id
    ? await ctx.tx.selectFrom('loan_products').selectAll().where('id', '=', input.id).executeTakeFirst()
    : undefined;
  if (input.id && !existing)
    throw new LmsError('NOT_FOUND', 'There is no such loan product.', 'product_not_found');
  const clash = await reader(ctx)
    .selectFrom('loan_products')
    .select('id')
    .where('code', '=', input.code)
    .where('id', '!=', input.id ?? '')
    .executeTakeFirst();
  if (clash) throw fieldError('code', 'is already the code of another product', 'product_code_taken');
  const id = input.id ?? ctx.ids.uuid();
  const row: Omit<LoanProductsTable, 'hlc'> = {
    id,
    code: input.code,
    name: input.name,
    kind: input.kind,
    currency: input.currency,
    digits: input.digits,
    min_principal_minor: input.minPrincipalMinor,
    max_principal_minor: input.maxPrincipalMinor,
    min_repayments: input.minRepayments,
    max_repayments: input.maxRepayments,
    min_rate: input.minRate,
    max_rate: input.maxRate,
    default_rate: input.defaultRate,
    terms_template: JSON.stringify(input.termsTemplate),
    eligibility: JSON.stringify(input.eligibility),
    approval_limits: JSON.stringify(input.approvalLimits),
    allows_tranches: input.allowsTranches ? 1 : 0,
    is_active: input.isActive ? 1 : 0,
    created_at: existing?.created_at ?? now,
    updated_at: now,
  };
  const hlc = await ctx.emit({
    type: 'loanProduct.saved',
    entityType: 'loan_product',
    entityId: id,
    payload: row,
  });
  await applyProduct(ctx.tx, { ...row, hlc });
  await ctx.audit({
    action: existing ? 'loanProduct.updated' : 'loanProduct.created',
    entityType: 'loan_product',
    entityId: id,
    details: { code: row.code, name: row.name, ...(existing ? { before: productView(existing) } : {}) },
  });
  return productView({ ...row, hlc });
}

/** Inserts or replaces a product unless a later save (by HLC) is already here: last writer wins. */
export async function applyProduct(tx: WriteCtx['tx'], row: LoanProductsTable): Promise<void> {
  await tx
    .insertInto('loan_products')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet((eb) => ({
          code: eb.ref('excluded.code'),
          name: eb.ref('excluded.name'),
          kind: eb.ref('excluded.kind'),
          currency: eb.ref('excluded.currency'),
          digits: eb.ref('excluded.digits'),
          min_principal_minor: eb.ref('excluded.min_principal_minor'),
          max_principal_minor: eb.ref('excluded.max_principal_minor'),
          min_repayments: eb.ref('excluded.min_repayments'),
          max_repayments: eb.ref('excluded.max_repayments'),
          min_rate: eb.ref('excluded.min_rate'),
          max_rate: eb.ref('excluded.max_rate'),
          default_rate: eb.ref('excluded.default_rate'),
          terms_template: eb.ref('excluded.terms_template'),
          eligibility: eb.ref('excluded.eligibility'),
          approval_limits: eb.ref('excluded.approval_limits'),
          allows_tranches: eb.ref('excluded.allows_tranches'),
          is_active: eb.ref('excluded.is_active'),
          hlc: eb.ref('excluded.hlc'),
          updated_at: eb.ref('excluded.updated_at'),
        }))
        .whereRef('loan_products.hlc', '<', 'excluded.hlc'),
    )
    .execute();
}
