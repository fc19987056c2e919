// A bank or mobile-money repayments file, already read into cells (readRepaymentsFile.ts does the reading),
// turned into the rows of `loans.importRepayments` — or into the problems that keep a row, or the whole file,
// out. Pure: no I/O, no clock, no React; the screen passes the currency's digits, the amount format and, when
// it posts, the business date.
//
// The file: a header row (found among the first 20 rows, so a bank's title lines above it are passed over)
// naming, in any case and order, the account number, the amount (major units, e.g. 1,500.00, read exactly by
// the counter's own parser — never through a float), the value date (optional, YYYY-MM-DD; the business date
// when absent or empty) and the reference (required: the bank's or mobile-money transaction id). Row numbers
// are the file's own (1-based, counting the header and any blank rows), so a person can find the row in the
// file.
//
// Why each row's idempotency key is derived, not random: the core skips a key it has posted before, so a key
// made from the row itself — a UUIDv5, under a namespace fixed for this screen, of the account number, the
// reference, the amount in minor units and the value date *as written in the file* — makes importing the same
// file twice (or two overlapping exports of the bank) post each transfer once. The value date enters as
// written (empty when absent), not as the business date that fills it, or the same file imported after
// end-of-day would post again. Two rows with the same key in one file are one transfer listed twice: the
// second is reported and left out. Changing anything that enters the key (the namespace, the fields, their
// encoding) makes every file imported before post again: don't.
//
// Not responsible for: reading CSV or XLSX (readRepaymentsFile.ts), whether an account exists or a loan is
// active (the core answers per row), or showing anything (ImportRepaymentsScreen.tsx).
import { v5 as uuidv5 } from 'uuid';
import type { InputOf } from '../../../../shared/contract';
import { parseCounterAmount, type AmountError } from '../shared/amount';

/** A cell as the readers hand it over: CSV gives text; XLSX numbers, dates and booleans too. */
export type Cell = string | number | boolean | Date | null | undefined;

export type Column = 'accountNo' | 'amount' | 'valueDate' | 'reference';

/** The namespace of import keys, fixed forever: another would make every file imported before post again. */
export const importKeyNamespace = '609cebde-43d2-4158-b500-27ec5872f285';

/** The contract's bounds (shared/contract/loans.ts), checked here: one bad row must not refuse the batch. */
export const maxRows = 100_000;
const maxAccountLength = 40;
const maxReferenceLength = 80;
/** How far down the header row may be (a bank's title and period lines come first). */
const headerSearchRows = 20;

/**
 * Headings as they are compared after `normalised` (lower case, accents, punctuation and camelCase folded),
 * in English and French. Kept short on purpose: a heading not listed is reported, never guessed at.
 */
const headings: Record<Column, readonly string[]> = {
  accountNo: [
    'account number',
    'account no',
    'account',
    'loan account',
    'loan account number',
    'loan account no',
    'numero de compte',
    'n de compte',
    'no de compte',
    'compte',
  ],
  amount: ['amount', 'amount paid', 'paid amount', 'repayment amount', 'montant', 'montant paye'],
  valueDate: ['value date', 'date', 'date de valeur', 'date valeur'],
  reference: [
    'reference',
    'ref',
    'reference no',
    'reference number',
    'transaction id',
    'transaction reference',
    'receipt no',
    'receipt number',
    'id transaction',
    'identifiant de transaction',
  ],
};
const columns = Object.keys(headings) as Column[];

export type FileProblem =
  | { code: 'noHeader' }
  | { code: 'missingColumn'; column: Column }
  | { code: 'repeatedColumn'; column: Column; row: number }
  | { code: 'noRows' }
  | { code: 'tooManyRows'; max: number };

export type RowProblemCode =
  | 'unknownColumn'
  | 'accountMissing'
  | 'accountTooLong'
  | `amount.${AmountError}`
  | 'dateFormat'
  | 'referenceMissing'
  | 'referenceTooLong'
  | 'duplicate';

/** A problem on one row of the file: its number, what is wrong, and the text or row it is about. */
export interface RowProblem {
  row: number;
  code: RowProblemCode;
  /** The cell's (or, for an unknown column, the heading's) text. */
  value?: string;
  /** For a duplicate: the row it repeats. */
  firstRow?: number;
}

export interface RepaymentRow {
  /** The row's number in the file (1-based). */
  row: number;
  accountNo: string;
  amountMinor: number;
  /** As written in the file; null when absent (the business date is used when posting). */
  valueDate: string | null;
  reference: string;
  idempotencyKey: string;
}

export interface RepaymentsFile {
  /** The rows that can be posted. */
  rows: RepaymentRow[];
  /** Unknown columns (on the header row) and rows left out, in the file's order. */
  problems: RowProblem[];
  /** What keeps the whole file out (nothing can be posted while there is one). */
  fileProblems: FileProblem[];
  /** Where the header was found (1-based), or null. */
  headerRow: number | null;
  hasValueDateColumn: boolean;
  /** Of the rows that can be posted; exact (integers well below 2^53 for any real file). */
  totalMinor: number;
}

export interface ReadOptions {
  /** The currency's decimal places (the branch's). */
  digits: number;
  /** How the file writes amounts: 'en' is 1,500.00, 'fr' is 1 500,00 (see parseCounterAmount). */
  amountLocale: string;
}

/** A heading as compared: "Account No.", "ACCOUNT_NO" and "accountNo" are "account no", "Réf." is "ref". */
export function normalised(heading: string): string {
  return heading
    .replace(/^\ufeff/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[._\-/#:()°]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function columnOf(heading: string): Column | null {
  const text = normalised(heading);
  return columns.find((column) => headings[column].includes(text)) ?? null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A cell as text: trimmed; a date (from XLSX, whose dates are UTC days) as YYYY-MM-DD. */
export function textOf(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date)
    return Number.isNaN(cell.getTime())
      ? ''
      : `${pad(cell.getUTCFullYear(), 4)}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`;
  return String(cell).trim();
}

/** A calendar day written YYYY-MM-DD that exists (no 2026-02-30), or null. */
export function isoDate(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? text
    : null;
}

const isBlank = (cells: readonly Cell[]) => cells.every((cell) => textOf(cell) === '');

/** The row's key (see the module header): the same file row always has the same key. */
export function importKey(row: Pick<RepaymentRow, 'accountNo' | 'reference' | 'amountMinor' | 'valueDate'>) {
  // A JSON array rather than "a|b|c": a "|" inside a reference cannot make two rows' texts collide.
  return uuidv5(
    JSON.stringify([row.accountNo, row.reference, row.amountMinor, row.valueDate ?? '']),
    importKeyNamespace,
  );
}

interface Header {
  index: number;
  at: Partial<Record<Column, number>>;
  problems: RowProblem[];
  fileProblems: FileProblem[];
}

/** The first of the top rows naming both an account number and an amount column, mapped to the columns. */
function findHeader(cells: readonly (readonly Cell[])[]): Header | null {
  const index = cells.slice(0, headerSearchRows).findIndex((row) => {
    const found = row.map((cell) => columnOf(textOf(cell)));
    return found.includes('accountNo') && found.includes('amount');
  });
  if (index < 0) return null;
  const at: Header['at'] = {};
  const problems: RowProblem[] = [];
  const fileProblems: FileProblem[] = [];
  cells[index]!.forEach((cell, position) => {
    const heading = textOf(cell);
    if (heading === '') return;
    const column = columnOf(heading);
    if (!column) problems.push({ row: index + 1, code: 'unknownColumn', value: heading });
    else if (at[column] !== undefined) fileProblems.push({ code: 'repeatedColumn', column, row: index + 1 });
    else at[column] = position;
  });
  if (at.reference === undefined) fileProblems.push({ code: 'missingColumn', column: 'reference' });
  return { index, at, problems, fileProblems };
}

/** One data row: the repayment, or its problems (every one of them, so a person fixes the row once). */
function readRow(
  cells: readonly Cell[],
  row: number,
  at: Header['at'],
  { digits, amountLocale }: ReadOptions,
): { repayment: Omit<RepaymentRow, 'idempotencyKey'> } | { problems: RowProblem[] } {
  const cell = (column: Column) => (at[column] === undefined ? '' : textOf(cells[at[column]]));
  const problems: RowProblem[] = [];

  const accountNo = cell('accountNo');
  if (accountNo === '') problems.push({ row, code: 'accountMissing' });
  else if (accountNo.length > maxAccountLength)
    problems.push({ row, code: 'accountTooLong', value: accountNo });

  const amountText = cell('amount');
  // A debit in the file ("-500.00", or "(500.00)" as accountants write it) is not a repayment.
  const isNegative = /^[-(]/.test(amountText);
  const amount = isNegative
    ? ({ ok: false, error: 'notPositive' } as const)
    : parseCounterAmount(amountText, digits, amountLocale);
  if (!amount.ok) problems.push({ row, code: `amount.${amount.error}`, value: amountText });

  const dateText = cell('valueDate');
  const valueDate = dateText === '' ? null : isoDate(dateText);
  if (dateText !== '' && !valueDate) problems.push({ row, code: 'dateFormat', value: dateText });

  const reference = cell('reference');
  if (reference === '') problems.push({ row, code: 'referenceMissing' });
  else if (reference.length > maxReferenceLength)
    problems.push({ row, code: 'referenceTooLong', value: reference });

  if (problems.length > 0 || !amount.ok) return { problems };
  return { repayment: { row, accountNo, amountMinor: amount.minor, valueDate, reference } };
}

/** The file's repayments and problems; see the module header for the columns and the keys. */
export function readRepayments(cells: readonly (readonly Cell[])[], options: ReadOptions): RepaymentsFile {
  const empty = { rows: [], problems: [], totalMinor: 0, hasValueDateColumn: false };
  const header = findHeader(cells);
  if (!header) return { ...empty, fileProblems: [{ code: 'noHeader' }], headerRow: null };
  const hasValueDateColumn = header.at.valueDate !== undefined;
  const headerRow = header.index + 1;
  if (header.fileProblems.length > 0)
    return {
      ...empty,
      problems: header.problems,
      fileProblems: header.fileProblems,
      headerRow,
      hasValueDateColumn,
    };

  const data: { cells: readonly Cell[]; row: number }[] = [];
  for (let index = header.index + 1; index < cells.length; index++)
    if (!isBlank(cells[index]!)) data.push({ cells: cells[index]!, row: index + 1 });
  const fileProblems: FileProblem[] =
    data.length === 0
      ? [{ code: 'noRows' }]
      : data.length > maxRows
        ? [{ code: 'tooManyRows', max: maxRows }]
        : [];
  if (fileProblems.length > 0)
    return { ...empty, problems: header.problems, fileProblems, headerRow, hasValueDateColumn };

  const rows: RepaymentRow[] = [];
  const problems = [...header.problems];
  const firstRowOfKey = new Map<string, number>();
  let totalMinor = 0;
  for (const { cells: rowCells, row } of data) {
    const read = readRow(rowCells, row, header.at, options);
    if ('problems' in read) {
      problems.push(...read.problems);
      continue;
    }
    const idempotencyKey = importKey(read.repayment);
    const firstRow = firstRowOfKey.get(idempotencyKey);
    if (firstRow !== undefined) {
      problems.push({ row, code: 'duplicate', firstRow });
      continue;
    }
    firstRowOfKey.set(idempotencyKey, row);
    rows.push({ ...read.repayment, idempotencyKey });
    totalMinor += read.repayment.amountMinor;
  }
  return { rows, problems, fileProblems: [], headerRow, hasValueDateColumn, totalMinor };
}

/** The rows with a problem (a file row may have several problems), for "leave out N rows". */
export function rowsWithProblems(file: RepaymentsFile): number {
  return new Set(file.problems.filter((p) => p.code !== 'unknownColumn').map((p) => p.row)).size;
}

/** What `loans.importRepayments` takes: a row without a value date is dated `businessDate`. */
export function importInput(
  rows: readonly RepaymentRow[],
  businessDate: string,
): InputOf<'loans.importRepayments'> {
  return {
    rows: rows.map((r) => ({
      accountNo: r.accountNo,
      amountMinor: r.amountMinor,
      valueDate: r.valueDate ?? businessDate,
      reference: r.reference,
      idempotencyKey: r.idempotencyKey,
    })),
  };
}
