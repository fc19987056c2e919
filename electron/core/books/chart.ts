// The chart of accounts and the posting-rule mapping. The posting rules (loanBooks.ts, tillBooks.ts) name
// roles — `portfolio`, `interestIncome`, `tillCash` … — never account codes; a role resolves to the product's
// own account when an admin mapped one (gl_mappings), else to the account carrying that role in the chart.
// A business product's portfolio defaults to the `portfolioBusiness` account.
//
// The default chart (resources/chart-of-accounts.json) is loaded into an empty ledger on first use, so a data
// file can improve without changing a migration. Roles are resolved by one prepared statement per entry (no
// process-wide cache: a mapping changed by the CLI beside the app applies to the app's next posting).
import { productAccountRoles } from '../../../shared/contract';
import { CompiledQuery, type Kysely } from 'kysely';
import type { Database, GlAccountType } from '../../../db/schema';
import chart from '../../../resources/chart-of-accounts.json' with { type: 'json' };

export type AccountRole =
  | 'vaultCash'
  | 'tillCash'
  | 'bank'
  | 'portfolio'
  | 'portfolioBusiness'
  | 'interestReceivable'
  | 'feesReceivable'
  | 'penaltiesReceivable'
  | 'loanLossProvision'
  | 'suspense'
  | 'customerCredits'
  | 'referralRewardsPayable'
  | 'equity'
  | 'retainedEarnings'
  | 'interestIncome'
  | 'feeIncome'
  | 'penaltyIncome'
  | 'recoveryIncome'
  | 'writeOffExpense'
  | 'provisionExpense'
  | 'cashOverShort'
  | 'referralExpense'
  | 'otherCash';

// The roles a product may map to its own accounts are the contract's `productAccountRoles`: each one a role here.
const productRolesAreRoles: readonly AccountRole[] = productAccountRoles;
void productRolesAreRoles;

interface ChartAccount {
  code: string;
  name: string;
  type: GlAccountType;
  parent?: string;
  role?: string;
  isHeader?: boolean;
  isControl?: boolean;
}

export const defaultChart: readonly ChartAccount[] = (chart as { accounts: ChartAccount[] }).accounts;

/** Loads the default chart into a ledger that has no accounts yet. */
export async function ensureChart(tx: Kysely<Database>, at: string, hlc = '0') {
  const any = await tx.selectFrom('gl_accounts').select('code').limit(1).executeTakeFirst();
  if (any) return;
  for (const a of defaultChart) {
    await tx
      .insertInto('gl_accounts')
      .values({
        code: a.code,
        name: a.name,
        type: a.type,
        parent_code: a.parent ?? null,
        role: a.role ?? null,
        is_header: a.isHeader ? 1 : 0,
        is_control: a.isControl ? 1 : 0,
        is_active: 1,
        updated_at: at,
        hlc,
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }
}

// One statement answers every role's account for a product: its own mapping, else the chart's role account
// (a business product's portfolio defaulting to the business portfolio account).
const rolesSql = `SELECT a.role AS role, a.code AS code, m.account_code AS own,
  (SELECT kind FROM loan_products WHERE id = ?) AS kind
  FROM gl_accounts a LEFT JOIN gl_mappings m ON m.role = a.role AND m.product_id = ?
  WHERE a.role IS NOT NULL`;

interface RoleRow {
  role: string;
  code: string;
  own: string | null;
  kind: string | null;
}

export type RoleAccounts = (role: AccountRole) => string;

/**
 * The accounts the roles post to, for a product (or none). A ledger set up before the books has no chart yet:
 * a write loads the default one (in the caller's transaction); a read answers the default chart's accounts.
 */
export async function roleAccounts(
  tx: Kysely<Database>,
  productId: string | null = null,
  { mayWrite = true } = {},
): Promise<RoleAccounts> {
  const read = async () =>
    (await tx.executeQuery<RoleRow>(CompiledQuery.raw(rolesSql, [productId, productId ?? '']))).rows;
  let rows = await read();
  if (rows.length === 0 && mayWrite) {
    await ensureChart(tx, new Date().toISOString());
    rows = await read();
  }
  if (rows.length === 0)
    rows = defaultChart
      .filter((a) => a.role)
      .map((a) => ({ role: a.role!, code: a.code, own: null, kind: null }));
  const chartCode = new Map(rows.map((r) => [r.role, r.code]));
  const own = new Map(rows.filter((r) => r.own).map((r) => [r.role, r.own!]));
  const isBusiness = rows[0]?.kind === 'business';
  return (role) => {
    const code =
      own.get(role) ??
      (role === 'portfolio' && isBusiness ? chartCode.get('portfolioBusiness') : undefined) ??
      chartCode.get(role);
    if (!code) throw new Error(`no account carries the role ${role}; restore it in the chart of accounts`);
    return code;
  };
}
