// Opening the local ledger: one SQLite file in WAL mode with synchronous=FULL (a printed receipt must survive a
// power cut), foreign keys on and a busy timeout for the CLI running beside the app; migrated on open.
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fallbackCheckpointPages, startCheckpointer, type Checkpointer } from './checkpointer';
import { migrate } from './migrator';
import type { Database } from './schema';

export interface Ledger {
  path: string;
  sqlite: BetterSqlite3.Database;
  /** The one connection that writes (and reads inside its transactions). */
  db: Kysely<Database>;
  /**
   * A second, read-only connection for queries: in WAL mode it reads the last committed state while a long
   * write (end-of-day over 100,000 loans) holds the writer, so the window's status and progress calls answer.
   */
  readDb: Kysely<Database>;
  close(): Promise<void>;
}

export function openSqlite(path: string): BetterSqlite3.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

/**
 * Kysely's SQLite driver prepares every query afresh; compiling the SQL often costs more than running it.
 * The core issues the same few hundred statements over and over, so they are kept prepared (bounded, least
 * recently prepared dropped first). SQLite re-prepares a cached statement itself after a schema change.
 */
export function withStatementCache(sqlite: BetterSqlite3.Database, max = 1_000): BetterSqlite3.Database {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const prepare = (source: string) => {
    let statement = cache.get(source);
    if (!statement) {
      statement = sqlite.prepare(source);
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
      cache.set(source, statement);
    }
    return statement;
  };
  return new Proxy(sqlite, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value = Reflect.get(target, property) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export interface LedgerOptions {
  /**
   * Checkpoint the WAL on a worker thread instead of in the commit that crosses 1,000 pages (./checkpointer):
   * what the app's ledger does (electron/host/openCore.ts). Off by default, so a test's throwaway ledger starts
   * no thread; ignored for an in-memory ledger.
   */
  backgroundCheckpoints?: boolean;
}

/** Opens (creating if needed) and migrates the ledger at `path`. Throws LedgerTooNewError for a newer ledger. */
export function openLedger(path: string, options: LedgerOptions = {}): Ledger {
  const sqlite = openSqlite(path);
  try {
    migrate(sqlite);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  let readDb = db;
  if (path !== ':memory:') {
    const reader = new BetterSqlite3(path, { readonly: true });
    reader.pragma('busy_timeout = 5000');
    readDb = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(reader) }) });
  }
  let checkpointer: Checkpointer | null = null;
  if (options.backgroundCheckpoints && path !== ':memory:') {
    sqlite.pragma(`wal_autocheckpoint = ${fallbackCheckpointPages}`);
    checkpointer = startCheckpointer(path);
  }
  return {
    path,
    sqlite,
    db,
    readDb,
    async close() {
      await checkpointer?.stop();
      if (readDb !== db) await readDb.destroy();
      await db.destroy();
    },
  };
}

/**
 * Runs `fn` in one write transaction (BEGIN IMMEDIATE: the write lock is taken up front, so a concurrent writer
 * such as the CLI waits on busy_timeout instead of failing half-way). The handle passed to `fn` exists only
 * inside the transaction: this is the only way the core writes.
 */
export async function writeTransaction<T>(
  db: Kysely<Database>,
  fn: (tx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`COMMIT`.execute(conn);
      return result;
    } catch (error) {
      await sql`ROLLBACK`.execute(conn);
      throw error;
    }
  });
}

export type { Database } from './schema';
