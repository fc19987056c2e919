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
