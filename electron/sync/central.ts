// The connection to the central Postgres (any Postgres: the embedded PGlite served on the wire by
// `lms central`, a managed Postgres, or a Postgres-compatible distributed engine), and its migrations.
// Credentials come from the caller (the keychain adapter), never from a file.
import pg from 'pg';
import { centralMigrations } from '../../db/central/migrations';

/**
 * Head office's configuration that every branch pulls (besides `role.*`): the same list the branch roles'
 * read policy names (central migration 4).
 */
export const headOfficeConfigTypes = [
  'settings.changed',
  'loanProduct.saved',
  'glAccount.saved',
  'glMapping.saved',
];

export interface Central {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` in one transaction on one connection. */
  transaction<T>(fn: (query: Central['query']) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function connectCentral(connectionString: string, options: { max?: number } = {}): Central {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 4, connectionTimeoutMillis: 5_000 });
  pool.on('error', () => {}); // an idle client dropped by the server: the next query reconnects
  const query: Central['query'] = async (text, params) => (await pool.query(text, params as unknown[])).rows;
  return {
    query,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(async (text, params) => (await client.query(text, params as unknown[])).rows);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Brings the central database to the latest schema; each migration in its own transaction. */
export async function migrateCentral(central: Central): Promise<number[]> {
  await central.query(`CREATE TABLE IF NOT EXISTS central_schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const rows = await central.query<{ version: number }>('SELECT version FROM central_schema_migrations');
  const done = new Set(rows.map((r) => Number(r.version)));
  const applied: number[] = [];
  for (const m of centralMigrations) {
    if (done.has(m.version)) continue;
    await central.transaction(async (q) => {
      await q(m.up);
      await q('INSERT INTO central_schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    });
    applied.push(m.version);
  }
  return applied;
}
