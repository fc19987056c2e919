// A report model's cells as the screen shows them, in the branch's locale: money from minor units with the
// currency's digits (the exact decimal string from renderer/format.ts, never a float), counts grouped,
// percentages from their exact decimal strings, dates as the locale writes them. Pure, so it is unit-tested.
import type { Report, ReportCell, ReportColumn, ReportRow } from '../../../shared/contract';
import { formatBusinessDate, minorToDecimalString } from '../../format';

export function formatCell(
  column: ReportColumn,
  cell: ReportCell | undefined,
  report: Report,
  locale: string,
) {
  if (cell === null || cell === undefined) return '';
  switch (column.kind) {
    case 'money': {
      // No currency sign in every cell: the report's details name the currency once.
      const format = new Intl.NumberFormat(locale, {
        minimumFractionDigits: report.digits,
        maximumFractionDigits: report.digits,
      });
      return format.format(minorToDecimalString(cell, report.digits) as `${number}`);
    }
    case 'count':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(cell as number);
    case 'percent': {
      // Intl formats the exact decimal string (no float in between), with the string's own decimals.
      const decimals = String(cell).split('.')[1]?.length ?? 0;
      const format = new Intl.NumberFormat(locale, {
        minimumFractionDigits: decimals,
        maximumFractionDigits: decimals,
      });
      return format.format(String(cell) as `${number}`);
    }
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(String(cell))
        ? formatBusinessDate(String(cell), locale)
        : String(cell);
    case 'text':
      return String(cell);
  }
}

/** Figures align right, text and dates left. */
export const isFigure = (column: ReportColumn) =>
  column.kind === 'money' || column.kind === 'count' || column.kind === 'percent';

/** The totals row with `label` in its first text or date column when the report left it empty. */
export function totalsWithLabel(
  columns: readonly ReportColumn[],
  totals: ReportRow,
  label: string,
): ReportRow {
  const first = columns.find((c) => c.kind === 'text' || c.kind === 'date');
  if (!first || (totals[first.key] ?? null) !== null) return totals;
  return { ...totals, [first.key]: label };
}
