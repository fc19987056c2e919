// Checks and helpers on the report model (shared/contract/reportTable.ts) that every format shares: a model whose
// cells contradict their columns is refused before anything is written, and a totals row is labelled "Total".
import type { Report, ReportCell, ReportColumn, ReportRow } from '../../../shared/contract';

/** A table longer than this is a report that should have been filtered or paged, not a file to write. */
export const maxRowsPerTable = 50_000;

/**
 * A model whose cells contradict their columns would print a wrong figure with confidence: refused here, on the
 * way to paper, whatever built it. Throws a RangeError naming the table, row and column.
 */
export function assertReport(report: Report): void {
  if (!Number.isInteger(report.digits) || report.digits < 0 || report.digits > 4)
    throw new RangeError(`report ${report.title}: currency digits ${report.digits}`);
  for (const table of report.tables) {
    const where = (row: string, key: string) =>
      `report ${report.title}, table ${table.title}, ${row}, ${key}`;
    if (table.rows.length > maxRowsPerTable)
      throw new RangeError(`${where('rows', '-')}: more than ${maxRowsPerTable} rows`);
    const check = (row: ReportRow, name: string) => {
      for (const column of table.columns) {
        const problem = cellProblem(column, row[column.key]);
        if (problem) throw new RangeError(`${where(name, column.key)}: ${problem}`);
      }
    };
    table.rows.forEach((row, i) => check(row, `row ${i + 1}`));
    if (table.totals) check(table.totals, 'totals');
  }
}

const decimalText = /^-?\d+(\.\d+)?$/;
export const dateText = /^\d{4}-\d{2}-\d{2}$/;

function cellProblem(column: ReportColumn, cell: ReportCell | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  switch (column.kind) {
    case 'money':
    case 'count':
      return typeof cell === 'number' && Number.isSafeInteger(cell) ? null : `${cell} is not a whole number`;
    case 'percent':
      return typeof cell === 'string' && decimalText.test(cell) ? null : `${cell} is not a decimal string`;
    case 'date':
      return typeof cell === 'string' && dateText.test(cell) ? null : `${cell} is not a YYYY-MM-DD date`;
    case 'text':
      return typeof cell === 'string' ? null : `${cell} is not text`;
  }
}

/**
 * The totals row with "Total" in its first column when that column is text or a date (a per-day table) and the
 * report left the cell empty. Formats write the label as text whatever the column's kind.
 */
export function withTotalLabel(
  columns: readonly ReportColumn[],
  totals: ReportRow,
  label: string,
): ReportRow {
  const first = columns.find((c) => c.kind === 'text' || c.kind === 'date');
  if (!first || (totals[first.key] ?? null) !== null) return totals;
  return { ...totals, [first.key]: label };
}
