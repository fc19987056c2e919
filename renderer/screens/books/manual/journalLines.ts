// A manual journal's lines as the accountant types them, and whether they balance: each line is an account and
// an amount on one side (debit or credit), typed as text ("1,500.00"). Amounts become integer minor units with
// the renderer's exact parser (BigInt, never a float) and are summed as integers; the entry balances when its
// debits equal its credits and are more than zero. Pure: the form shows the result live and sends `toLines`.
import { parseAmount } from '../../loans/amount';

export interface LineText {
  /** The account's code, or null while none is picked. */
  accountCode: string | null;
  debit: string;
  credit: string;
}

/** What is wrong with a line, if anything (the form says it next to the line). */
export type LineProblem = 'account' | 'amount' | 'bothSides' | 'noAmount';

export interface ParsedLine {
  debitMinor: number;
  creditMinor: number;
  problem: LineProblem | null;
}

export interface JournalBalance {
  lines: ParsedLine[];
  debitMinor: number;
  creditMinor: number;
  /** Debits minus credits: positive when the debits are more. */
  differenceMinor: number;
  isBalanced: boolean;
}

export const emptyLine = (): LineText => ({ accountCode: null, debit: '', credit: '' });

function parseLine(line: LineText, digits: number, locale: string): ParsedLine {
  const debitText = line.debit.trim();
  const creditText = line.credit.trim();
  const debit = debitText === '' ? 0 : parseAmount(debitText, digits, locale);
  const credit = creditText === '' ? 0 : parseAmount(creditText, digits, locale);
  // A line that does not parse counts as nothing towards the totals, and says why.
  if (debit === null || credit === null) return { debitMinor: 0, creditMinor: 0, problem: 'amount' };
  const problem: LineProblem | null =
    debit > 0 && credit > 0
      ? 'bothSides'
      : debit === 0 && credit === 0
        ? 'noAmount'
        : line.accountCode
          ? null
          : 'account';
  return { debitMinor: debit, creditMinor: credit, problem };
}

/** The lines parsed, their totals, and whether they balance. */
export function journalBalance(lines: readonly LineText[], digits: number, locale = 'en'): JournalBalance {
  const parsed = lines.map((l) => parseLine(l, digits, locale));
  let debitMinor = 0;
  let creditMinor = 0;
  for (const l of parsed) {
    debitMinor += l.debitMinor;
    creditMinor += l.creditMinor;
  }
  return {
    lines: parsed,
    debitMinor,
    creditMinor,
    differenceMinor: debitMinor - creditMinor,
    isBalanced: debitMinor === creditMinor && debitMinor > 0,
  };
}

export interface ProposalLines {
  lines: { accountCode: string; debitMinor: number; creditMinor: number }[];
  /** For each line sent, its row in the form (the core names a refused line by its index in what was sent). */
  rows: number[];
}

/**
 * The lines for `books.proposeJournal`, or null when one of them has a problem or they do not balance (the
 * form says which). Blank rows (no account, no amount) are left out, so a spare row does not block the entry.
 */
export function toLines(lines: readonly LineText[], digits: number, locale = 'en'): ProposalLines | null {
  const rows = lines.flatMap((l, i) => (isBlank(l) ? [] : [i]));
  const filled = rows.map((i) => lines[i]!);
  const balance = journalBalance(filled, digits, locale);
  if (!balance.isBalanced || balance.lines.some((l) => l.problem !== null)) return null;
  return {
    lines: filled.map((l, i) => ({
      accountCode: l.accountCode!,
      debitMinor: balance.lines[i]!.debitMinor,
      creditMinor: balance.lines[i]!.creditMinor,
    })),
    rows,
  };
}

export function isBlank(line: LineText): boolean {
  return !line.accountCode && line.debit.trim() === '' && line.credit.trim() === '';
}
