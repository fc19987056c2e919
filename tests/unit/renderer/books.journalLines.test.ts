import { describe, expect, it } from 'vitest';
import { journalBalance, toLines, type LineText } from '../../../renderer/screens/books/manual/journalLines';

const line = (accountCode: string | null, debit = '', credit = ''): LineText => ({
  accountCode,
  debit,
  credit,
});

describe('a manual journal’s balance', () => {
  it('balances when the debits equal the credits, summed exactly in minor units', () => {
    const balance = journalBalance([line('5900', '1,500.00'), line('1130', '', '1500')], 2);
    expect(balance).toMatchObject({
      debitMinor: 150_000,
      creditMinor: 150_000,
      differenceMinor: 0,
      isBalanced: true,
    });
  });

  it('sums amounts that a float would get wrong, to the minor unit', () => {
    const balance = journalBalance([line('5900', '0.1'), line('5900', '0.2'), line('1130', '', '0.3')], 2);
    expect(balance.isBalanced).toBe(true);
    expect(balance.debitMinor).toBe(30);
  });

  it('says by how much and which side is short', () => {
    const balance = journalBalance([line('5900', '1,500'), line('1130', '', '1,450.50')], 2);
    expect(balance.differenceMinor).toBe(4_950);
    expect(balance.isBalanced).toBe(false);
  });

  it('does not call an entry with no amounts balanced', () => {
    expect(journalBalance([line(null), line(null)], 2).isBalanced).toBe(false);
  });

  it('reads amounts the way the branch’s locale writes them', () => {
    const balance = journalBalance([line('5900', '1 500,25'), line('1130', '', '1500,25')], 2, 'fr');
    expect(balance).toMatchObject({ debitMinor: 150_025, creditMinor: 150_025, isBalanced: true });
  });

  it('names what is wrong with a line: no account, both sides, no amount, not an amount', () => {
    const balance = journalBalance(
      [line(null, '10'), line('1130', '5', '5'), line('1130'), line('1130', '12.345')],
      2,
    );
    expect(balance.lines.map((l) => l.problem)).toEqual(['account', 'bothSides', 'noAmount', 'amount']);
    expect(balance.debitMinor).toBe(1_500); // the unreadable line counts for nothing
  });
});

describe('the lines sent to the core', () => {
  it('leaves blank rows out and remembers each line’s row in the form', () => {
    const proposal = toLines([line(null), line('5900', '1,500'), line(null), line('1130', '', '1,500')], 2);
    expect(proposal).toEqual({
      lines: [
        { accountCode: '5900', debitMinor: 150_000, creditMinor: 0 },
        { accountCode: '1130', debitMinor: 0, creditMinor: 150_000 },
      ],
      rows: [1, 3],
    });
  });

  it('sends nothing while the entry does not balance or a line is incomplete', () => {
    expect(toLines([line('5900', '1,500'), line('1130', '', '1,000')], 2)).toBeNull();
    expect(toLines([line('5900', '1,500'), line(null, '', '1,500')], 2)).toBeNull();
  });
});
