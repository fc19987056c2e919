// The chart of accounts as people read it: a tree by parent, each account under its heading, indented by depth,
// siblings by code. Also which accounts a form may offer: a parent of the same type (never the account itself
// or one of its own children), an account a product's mapping may name, one a manual journal may post to.
// Pure: no React, no API.
import type { GlAccountView } from '../../../../shared/contract';

export interface AccountRow {
  account: GlAccountView;
  /** 0 for a top-level account, 1 for its children, … */
  depth: number;
}

/** A chart deeper than this is a loop in the data (a parent pointing at its own descendant), not a chart. */
const maxDepth = 20;

const byCode = (a: GlAccountView, b: GlAccountView) => a.code.localeCompare(b.code);

/**
 * The accounts depth-first by parent, siblings by code. An account whose parent is missing (or part of a loop)
 * is shown at the top level rather than lost.
 */
export function accountTree(accounts: readonly GlAccountView[]): AccountRow[] {
  const codes = new Set(accounts.map((a) => a.code));
  const children = new Map<string | null, GlAccountView[]>();
  for (const account of accounts) {
    const parent = account.parentCode && codes.has(account.parentCode) ? account.parentCode : null;
    const list = children.get(parent) ?? [];
    list.push(account);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort(byCode);
  const rows: AccountRow[] = [];
  const placed = new Set<string>();
  const visit = (account: GlAccountView, depth: number) => {
    if (placed.has(account.code) || depth > maxDepth) return;
    placed.add(account.code);
    rows.push({ account, depth });
    for (const child of children.get(account.code) ?? []) visit(child, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  // Accounts only reachable through a loop: at the top level, by code.
  for (const account of [...accounts].sort(byCode)) visit(account, 0);
  return rows;
}

/** The codes of an account's descendants (its children, their children, …). */
export function descendantsOf(accounts: readonly GlAccountView[], code: string): Set<string> {
  const found = new Set<string>();
  let frontier = [code];
  for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
    frontier = accounts
      .filter((a) => a.parentCode !== null && frontier.includes(a.parentCode) && !found.has(a.code))
      .map((a) => a.code);
    for (const c of frontier) found.add(c);
  }
  return found;
}

/** The accounts an account of `type` may sit under: the same type, not itself nor one of its descendants. */
export function parentChoices(
  accounts: readonly GlAccountView[],
  type: GlAccountView['type'],
  code: string | null,
): GlAccountView[] {
  const excluded = code ? descendantsOf(accounts, code).add(code) : new Set<string>();
  return accounts.filter((a) => a.type === type && !excluded.has(a.code)).sort(byCode);
}

/** Accounts a product's posting role may be mapped to: active and not a heading. */
export function mappableAccounts(accounts: readonly GlAccountView[]): GlAccountView[] {
  return accounts.filter((a) => a.isActive && !a.isHeader).sort(byCode);
}

/**
 * Accounts a manual journal may post to: active, not a heading, and not a control account (a control account's
 * balance is its sub-ledger's — the loans' or the tills' — and the core refuses manual postings to it).
 */
export function postableAccounts(accounts: readonly GlAccountView[]): GlAccountView[] {
  return mappableAccounts(accounts).filter((a) => !a.isControl);
}

/** "1130 · Bank and mobile money", as pickers and lines show an account. */
export function accountLabel(account: Pick<GlAccountView, 'code' | 'name'>): string {
  return `${account.code} · ${account.name}`;
}
