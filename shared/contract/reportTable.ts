// The report model every report shares, on screen and on paper: a report is a title, a few header details and
// one or more tables; a table is columns (each with a kind), rows and an optional totals row. The core builds it
// (electron/core/reports), the renderer shows it as it is (renderer/screens/reports/ReportView), and the export
// (electron/core/reports/export.ts) writes the same model to CSV, XLSX and PDF — so what a manager saves is
// what they saw.
//
// Cells by column kind — never a float of money:
//   money   integer minor units of the report's currency (its `digits` decimals), e.g. 123450 → 1,234.50
//   count   an integer (loans, transactions)
//   percent an exact decimal string of a percentage, e.g. "12.34" (the column's label says "%")
//   date    a business date, YYYY-MM-DD
//   text    any text, shown as written
// Any cell may be null (blank). A totals row has the same keys as a row; its first text column, when left null,
// prints "Total".
import { z } from 'zod';
import { instant } from './schemas';

export const columnKinds = ['text', 'money', 'count', 'percent', 'date'] as const;
export type ColumnKind = (typeof columnKinds)[number];

export const reportColumn = z.object({
  /** Stable across languages: the screen may translate a column by it. */
  key: z.string().min(1).max(64),
  label: z.string().max(120),
  kind: z.enum(columnKinds),
});
export type ReportColumn = z.infer<typeof reportColumn>;

export const reportCell = z.union([z.string(), z.number().int(), z.null()]);
export type ReportCell = z.infer<typeof reportCell>;
export const reportRow = z.record(z.string(), reportCell);
export type ReportRow = z.infer<typeof reportRow>;

export const reportTable = z.object({
  title: z.string().max(120),
  subtitle: z.string().max(300).optional(),
  columns: z.array(reportColumn).min(1).max(24),
  rows: z.array(reportRow),
  totals: reportRow.optional(),
});
export type ReportTable = z.infer<typeof reportTable>;

export const reportLanguages = ['en', 'fr'] as const;
export type ReportLanguage = (typeof reportLanguages)[number];

export const reportModel = z.object({
  /** Also the name of the exported file's first part and the PDF's title. */
  title: z.string().max(120),
  subtitle: z.string().max(300).optional(),
  institutionName: z.string(),
  /** Header lines: branch, period, filters, currency… */
  details: z.array(z.object({ label: z.string(), value: z.string() })),
  currency: z.string(),
  /** Decimals of the currency: money cells are minor units of it. */
  digits: z.number().int().min(0).max(4),
  language: z.enum(reportLanguages),
  /** The branch's IANA zone: the generated-at line is printed in it. */
  timeZone: z.string(),
  generatedAt: instant,
  tables: z.array(reportTable).min(1).max(20),
});
export type Report = z.infer<typeof reportModel>;

export const exportFormats = ['csv', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportMimeTypes: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** A file the core made (a report export, a statement): its name, its MIME type and its bytes in base64. */
export const exportedFile = z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() });
export type ExportedFile = z.infer<typeof exportedFile>;
