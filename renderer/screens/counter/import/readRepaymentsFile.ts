// Reads a repayments file the person chose into rows of cells for repaymentsFile.ts: CSV with papaparse (the
// delimiter guessed among , ; tab and |, as banks export all four), XLSX with exceljs (its first worksheet).
// Both libraries load when a file is first read, not with the app (exceljs alone is about 900 kB). Bounded:
// files over 20 MB are refused before being read. Not responsible for what the cells mean
// (repaymentsFile.ts), nor for legacy .xls or .ods files, nor for CSV in encodings other than UTF-8 (a file
// saved as Windows-1252 shows its accented names garbled but its digits intact).
import type { Cell } from './repaymentsFile';

export const maxFileMegabytes = 20;

export type ReadError =
  | { code: 'fileType' }
  | { code: 'tooBig'; maxMegabytes: number }
  | { code: 'csvQuotes'; row: number }
  | { code: 'unreadable'; message: string };

export type ReadResult = { cells: Cell[][] } | { error: ReadError };

export type FileKind = 'csv' | 'xlsx';

/** By the name's extension: what the person sees and what their spreadsheet chose when it saved the file. */
export function kindOf(fileName: string): FileKind | null {
  const extension = /\.([^.]+)$/.exec(fileName.toLowerCase())?.[1];
  if (extension === 'csv' || extension === 'txt') return 'csv';
  if (extension === 'xlsx') return 'xlsx';
  return null;
}

/**
 * CSV text into rows of cells. Empty lines are kept (as rows of one empty cell) so row numbers stay the
 * file's; a record with a quoted line break counts as one row. An unclosed quote is refused, since the rest
 * of the file would be read into one cell.
 */
export async function cellsFromCsv(text: string): Promise<ReadResult> {
  const { default: Papa } = await import('papaparse');
  const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), {
    skipEmptyLines: false,
    delimitersToGuess: [',', ';', '\t', '|'],
  });
  const quotes = parsed.errors.find((e) => e.type === 'Quotes');
  if (quotes) return { error: { code: 'csvQuotes', row: (quotes.row ?? 0) + 1 } };
  return { cells: parsed.data };
}

/**
 * An exceljs cell value as a plain cell: formulas by their cached result, rich text and hyperlinks by their
 * text, an error cell ("#N/A") by its text so it is reported rather than read as empty.
 */
export function cellOfExcel(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  )
    return value;
  if (typeof value !== 'object') return null;
  if ('richText' in value && Array.isArray(value.richText))
    return value.richText.map((part: { text?: unknown }) => String(part.text ?? '')).join('');
  if ('result' in value) return cellOfExcel(value.result);
  if ('formula' in value || 'sharedFormula' in value) return null; // a formula never calculated
  if ('text' in value) return cellOfExcel(value.text);
  if ('error' in value) return String(value.error);
  return null;
}

/** The first worksheet of an XLSX workbook into rows of cells (row n of the sheet is cells[n - 1]). */
export async function cellsFromXlsx(data: ArrayBuffer): Promise<ReadResult> {
  // exceljs is CommonJS (its browser build, under Vite): the namespace's `default` holds its exports.
  const excel = await import('exceljs');
  const ExcelJS = (excel as unknown as { default?: typeof excel }).default ?? excel;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { cells: [] };
  // getSheetValues() is 1-based and sparse, in rows and in cells: holes become empty rows and cells.
  const values = sheet.getSheetValues() as unknown[];
  return {
    cells: Array.from(values.slice(1), (row) =>
      Array.isArray(row) ? Array.from(row.slice(1), (value: unknown) => cellOfExcel(value)) : [],
    ),
  };
}

/** The chosen file into rows of cells, or why it cannot be read. */
export async function readRepaymentsFile(file: File): Promise<ReadResult> {
  const kind = kindOf(file.name);
  if (!kind) return { error: { code: 'fileType' } };
  if (file.size > maxFileMegabytes * 1024 * 1024)
    return { error: { code: 'tooBig', maxMegabytes: maxFileMegabytes } };
  try {
    return kind === 'csv'
      ? await cellsFromCsv(await file.text())
      : await cellsFromXlsx(await file.arrayBuffer());
  } catch (error) {
    return { error: { code: 'unreadable', message: error instanceof Error ? error.message : String(error) } };
  }
}
