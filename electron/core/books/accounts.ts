// The chart of accounts and the product mappings as use cases: an admin adds, renames, moves and deactivates
// accounts (never deletes one; an account posted to keeps its type), and maps a product's roles to accounts
// of its own. Both are head-office configuration: each change is an event merged last-writer-wins by HLC.
import type { Kysely } from 'kysely';
import type { Database, GlAccountsTable } from '../../../db/schema';
import {
  fieldError,
  LmsError,
  type GlAccountView,
  type OutputOf,
  type ParsedInputOf,
} from '../../../shared/contract';
import type { Ctx, WriteCtx } from '../context';
import { ensureChart } from './chart';

function viewOf(a: GlAccountsTable, hasPostings: boolean): GlAccountView {
  return {
    code: a.code,
    name: a.name,
    type: a.type,
    parentCode: a.parent_code,
    role: a.role,
    isHeader: a.is_header === 1,
    isControl: a.is_control === 1,
    isActive: a.is_active === 1,
    hasPostings,
  };
}

async function postedAccounts(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('gl_balances').select('account_code').distinct().execute();
  return new Set(rows.map((r) => r.account_code));
}

export async function listAccounts(
  ctx: Ctx,
  _input: ParsedInputOf<'books.accounts'>,
): Promise<OutputOf<'books.accounts'>> {
  const accounts = await ctx.db.selectFrom('gl_accounts').selectAll().orderBy('code').execute();
  const posted = await postedAccounts(ctx.db);
  return accounts.map((a) => viewOf(a, posted.has(a.code)));
}

export async function saveAccount(
  ctx: WriteCtx,
  input: ParsedInputOf<'books.saveAccount'>,
): Promise<OutputOf<'books.saveAccount'>> {
  const now = ctx.clock.now().toISOString();
  await ensureChart(ctx.tx, now);
  const before = await ctx.tx
    .selectFrom('gl_accounts')
    .selectAll()
    .where('code', '=', input.code)
    .executeTakeFirst();
  const posted = await postedAccounts(ctx.tx);
  if (input.parentCode) {
    if (input.parentCode === input.code) throw fieldError('parentCode', 'must be another account');
    const parent = await ctx.tx
      .selectFrom('gl_accounts')
      .select(['type', 'is_header'])
      .where('code', '=', input.parentCode)
      .executeTakeFirst();
    if (!parent) throw fieldError('parentCode', 'is not an account of the chart', 'account_not_found');
    if (parent.type !== input.type)
      throw fieldError('parentCode', `must be an account of type ${input.type}`);
  }
  if (before && input.isNew)
    throw fieldError('code', `is already account ${before.code} “${before.name}”`, 'account_in_use');
  if (before) {
    if (before.type !== input.type && posted.has(before.code))
      throw fieldError('type', 'cannot change on an account that has postings', 'account_in_use');
    if (before.role && !input.isActive)
      throw new LmsError(
        'CONFLICT',
        `Account ${before.code} carries the posting rules’ role “${before.role}”; it cannot be deactivated.`,
        'account_in_use',
      );
    if (input.isHeader && posted.has(before.code))
      throw fieldError('isHeader', 'an account with postings cannot become a heading', 'account_in_use');
  }
  const row: GlAccountsTable = {
    code: input.code,
    name: input.name,
    type: input.type,
    parent_code: input.parentCode,
    role: before?.role ?? null,
    is_header: input.isHeader ? 1 : 0,
    is_control: before?.is_control ?? 0,
    is_active: input.isActive ? 1 : 0,
    updated_at: now,
    hlc: '',
  };
  const hlc = await ctx.emit({
    type: 'glAccount.saved',
    entityType: 'gl_account',
    entityId: input.code,
    payload: { account: { ...row, hlc: undefined } },
  });
  row.hlc = hlc;
  await applyAccount(ctx.tx, row);
  await ctx.audit({
    action: before ? 'books.accountChanged' : 'books.accountAdded',
    entityType: 'gl_account',
    entityId: input.code,
    details: { before: before ?? null, after: { ...row } },
  });
  return viewOf(row, posted.has(row.code));
}

/** Writes an account unless a later change (by HLC) is already there: the rule every replica follows. */
export async function applyAccount(tx: Kysely<Database>, row: GlAccountsTable): Promise<void> {
  await tx
    .insertInto('gl_accounts')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('code')
        .doUpdateSet({
          name: row.name,
          type: row.type,
          parent_code: row.parent_code,
          is_header: row.is_header,
          is_active: row.is_active,
          updated_at: row.updated_at,
          hlc: row.hlc,
        })
        .where('gl_accounts.hlc', '<', row.hlc),
    )
    .execute();
}

export async function listMappings(
  ctx: Ctx,
  _input: ParsedInputOf<'books.mappings'>,
): Promise<OutputOf<'books.mappings'>> {
  const rows = await ctx.db
    .selectFrom('gl_mappings')
    .selectAll()
    .orderBy('product_id')
    .orderBy('role')
    .execute();
  return rows.map((r) => ({
    productId: r.product_id,
    role: r.role as OutputOf<'books.mappings'>[number]['role'],
    accountCode: r.account_code,
  }));
}

export async function saveMapping(
  ctx: WriteCtx,
  input: ParsedInputOf<'books.saveMapping'>,
): Promise<OutputOf<'books.saveMapping'>> {
  const product = await ctx.tx
    .selectFrom('loan_products')
    .select('id')
    .where('id', '=', input.productId)
    .executeTakeFirst();
  if (!product) throw new LmsError('NOT_FOUND', 'There is no such product.', 'product_not_found');
  if (input.accountCode) {
    const account = await ctx.tx
      .selectFrom('gl_accounts')
      .selectAll()
      .where('code', '=', input.accountCode)
      .executeTakeFirst();
    if (!account) throw fieldError('accountCode', 'is not an account of the chart', 'account_not_found');
    if (account.is_header || !account.is_active)
      throw fieldError(
        'accountCode',
        'must be an active account that takes postings',
        'account_not_postable',
      );
  }
  const before = await ctx.tx
    .selectFrom('gl_mappings')
    .select('account_code')
    .where('product_id', '=', input.productId)
    .where('role', '=', input.role)
    .executeTakeFirst();
  const now = ctx.clock.now().toISOString();
  const hlc = await ctx.emit({
    type: 'glMapping.saved',
    entityType: 'gl_mapping',
    entityId: `${input.productId}:${input.role}`,
    payload: { productId: input.productId, role: input.role, accountCode: input.accountCode, at: now },
  });
  await applyMapping(ctx.tx, {
    productId: input.productId,
    role: input.role,
    accountCode: input.accountCode,
    at: now,
    hlc,
  });
  await ctx.audit({
    action: 'books.mappingChanged',
    entityType: 'loan_product',
    entityId: input.productId,
    details: { role: input.role, before: before?.account_code ?? null, after: input.accountCode },
  });
  return { productId: input.productId, role: input.role, accountCode: input.accountCode };
}

/** Sets (or, with a null account, removes) a product's mapping unless a later one is already there. */
export async function applyMapping(
  tx: Kysely<Database>,
  m: { productId: string; role: string; accountCode: string | null; at: string; hlc: string },
): Promise<void> {
  const current = await tx
    .selectFrom('gl_mappings')
    .select('hlc')
    .where('product_id', '=', m.productId)
    .where('role', '=', m.role)
    .executeTakeFirst();
  if (current && current.hlc >= m.hlc) return;
  if (m.accountCode === null) {
    await tx
      .deleteFrom('gl_mappings')
      .where('product_id', '=', m.productId)
      .where('role', '=', m.role)
      .execute();
    return;
  }
  await tx
    .insertInto('gl_mappings')
    .values({
      product_id: m.productId,
      role: m.role,
      account_code: m.accountCode,
      updated_at: m.at,
      hlc: m.hlc,
    })
    .onConflict((oc) =>
      oc
        .columns(['product_id', 'role'])
        .doUpdateSet({ account_code: m.accountCode!, updated_at: m.at, hlc: m.hlc }),
    )
    .execute();
}
