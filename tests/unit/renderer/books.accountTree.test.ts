import { describe, expect, it } from 'vitest';
import type { GlAccountView } from '../../../shared/contract';
import {
  accountTree,
  parentChoices,
  postableAccounts,
} from '../../../renderer/screens/books/accounts/accountTree';

function anAccount(code: string, fields: Partial<GlAccountView> = {}): GlAccountView {
  return {
    code,
    name: `Account ${code}`,
    type: 'asset',
    parentCode: null,
    role: null,
    isHeader: false,
    isControl: false,
    isActive: true,
    hasPostings: false,
    ...fields,
  };
}

const chart = [
  anAccount('1130', { parentCode: '1100', role: 'bank' }),
  anAccount('1000', { isHeader: true }),
  anAccount('1110', { parentCode: '1100', isControl: true }),
  anAccount('1100', { parentCode: '1000', isHeader: true }),
  anAccount('1900', { parentCode: '1000' }),
  anAccount('5000', { type: 'expense', isHeader: true }),
  anAccount('5900', { type: 'expense', parentCode: '5000' }),
  anAccount('5950', { type: 'expense', parentCode: '5000', isActive: false }),
];

describe('the chart of accounts as a tree', () => {
  it('puts each account under its parent, indented by depth, siblings by code', () => {
    expect(accountTree(chart).map((r) => `${'  '.repeat(r.depth)}${r.account.code}`)).toEqual([
      '1000',
      '  1100',
      '    1110',
      '    1130',
      '  1900',
      '5000',
      '  5900',
      '  5950',
    ]);
  });

  it('shows an account whose parent is missing at the top level rather than losing it', () => {
    const rows = accountTree([anAccount('2000'), anAccount('2100', { parentCode: '9999' })]);
    expect(rows.map((r) => [r.account.code, r.depth])).toEqual([
      ['2000', 0],
      ['2100', 0],
    ]);
  });

  it('shows every account once even when parents point at each other', () => {
    const rows = accountTree([anAccount('A1', { parentCode: 'B1' }), anAccount('B1', { parentCode: 'A1' })]);
    expect(rows.map((r) => r.account.code).sort()).toEqual(['A1', 'B1']);
  });

  it('offers as parents only accounts of the same type, never the account itself or its descendants', () => {
    expect(parentChoices(chart, 'asset', '1100').map((a) => a.code)).toEqual(['1000', '1900']);
    expect(parentChoices(chart, 'expense', null).map((a) => a.code)).toEqual(['5000', '5900', '5950']);
  });

  it('offers manual journals only active accounts that take postings and are not control accounts', () => {
    expect(postableAccounts(chart).map((a) => a.code)).toEqual(['1130', '1900', '5900']);
  });
});
