// Prepared SQL for the hot paths (a posting at the counter, end-of-day, a received event): each statement is
// a fixed text prepared once by the ledger's statement cache (db/open.ts) and bound per call. Building the same
// query with Kysely's builder costs more than SQLite takes to run it; everywhere else the builder's types win.
import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './schema';

export async function rawAll<T>(db: Kysely<Database>, sql: string, params: readonly unknown[]): Promise<T[]> {
  return (await db.executeQuery<T>(CompiledQuery.raw(sql, params as unknown[]))).rows;
}

export async function rawFirst<T>(
  db: Kysely<Database>,
  sql: string,
  params: readonly unknown[],
): Promise<T | undefined> {
  return (await rawAll<T>(db, sql, params))[0];
}

export async function rawRun(db: Kysely<Database>, sql: string, params: readonly unknown[]): Promise<void> {
  await db.executeQuery(CompiledQuery.raw(sql, params as unknown[]));
}

const insertTexts = new Map<string, string>();

/** Inserts one row: the statement text is made once per table and column list. */
export async function rawInsert<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  row: { [K in keyof Database[T]]?: unknown },
): Promise<void> {
  const columns = Object.keys(row);
  const key = `${String(table)}(${columns.join(',')})`;
  let text = insertTexts.get(key);
  if (!text) {
    text = `INSERT INTO ${String(table)} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    insertTexts.set(key, text);
  }
  await rawRun(db, text, Object.values(row));
}

/**
 * Inserts many rows of one shape (the first row's columns), `perStatement` rows to a statement: a file of
 * 10,000 repayments is 100 bound statements instead of 10,000 (each round trip through the query executor
 * costs more than SQLite takes to insert a row).
 */
export async function rawInsertMany<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  rows: readonly { [K in keyof Database[T]]?: unknown }[],
  perStatement = 100,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!) as (keyof (typeof rows)[number])[];
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let from = 0; from < rows.length; from += perStatement) {
    const part = rows.slice(from, from + perStatement);
    const params: unknown[] = [];
    for (const row of part) for (const c of columns) params.push(row[c] ?? null);
    const text = `INSERT INTO ${String(table)} (${columns.join(', ')}) VALUES ${Array.from(part, () => tuple).join(', ')}`;
    await rawRun(db, text, params);
  }
}
