// Applies the numbered migrations to a ledger, each in its own transaction, and refuses a ledger written by a
// newer app. The schema version lives in `PRAGMA user_version` (cheap to read before anything else) and every
// applied migration's checksum in `schema_migrations`, so an edited migration or a hand-altered history shows.
import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { latestVersion, migrations, type Migration } from './migrations';

export class LedgerTooNewError extends Error {
  constructor(
    readonly ledgerVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `This ledger was written by a newer version of Optifluence LMS (schema ${ledgerVersion}; this app knows up to ${appVersion}). ` +
        'Install the newer version of the app to open it; nothing was changed.',
    );
    this.name = 'LedgerTooNewError';
  }
}

export function checksum(migration: Migration): string {
  return createHash('sha256').update(migration.up).digest('hex');
}

export function schemaVersion(sqlite: BetterSqlite3.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

/** Brings the ledger to the latest schema; returns the versions it applied. */
export function migrate(sqlite: BetterSqlite3.Database, list: readonly Migration[] = migrations): number[] {
  list.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migration registry out of order at ${m.name}: expected ${i + 1}`);
  });
  const current = schemaVersion(sqlite);
  const latest = list.length;
  if (current > latest) throw new LedgerTooNewError(current, latest);
  sqlite.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied: number[] = [];
  // A migration that rebuilds a table (SQLite's only way to change a constraint) drops a table other tables
  // reference; with foreign keys on, that DROP fails or cascades. So, as https://www.sqlite.org/lang_altertable.html
  // prescribes, foreign keys are off while migrating (the pragma is a no-op inside a transaction, hence here) and
  // every migration checks them before it commits; the caller's setting is restored afterwards.
  const hadForeignKeys = sqlite.pragma('foreign_keys', { simple: true }) === 1;
  if (hadForeignKeys) sqlite.pragma('foreign_keys = OFF');
  try {
    for (const m of list.slice(current)) {
      sqlite
        .transaction(() => {
          sqlite.exec(m.up);
          const broken = sqlite.pragma('foreign_key_check') as unknown[];
          if (broken.length > 0)
            throw new Error(`migration ${m.version} (${m.name}) breaks ${broken.length} foreign key(s)`);
          sqlite
            .prepare(
              'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)',
            )
            .run(m.version, m.name, checksum(m), new Date().toISOString());
          sqlite.pragma(`user_version = ${m.version}`);
        })
        .immediate();
      applied.push(m.version);
    }
  } finally {
    if (hadForeignKeys) sqlite.pragma('foreign_keys = ON');
  }
  return applied;
}

export interface SchemaCheck {
  isIntact: boolean;
  problems: string[];
}

/** Schema integrity: SQLite's own checks plus every applied migration matching the registry. */
export function checkSchema(sqlite: BetterSqlite3.Database): SchemaCheck {
  const problems: string[] = [];
  const integrity = sqlite.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(`SQLite integrity check: ${String(integrity)}`);
  const fk = sqlite.pragma('foreign_key_check') as unknown[];
  if (fk.length > 0) problems.push(`${fk.length} row(s) break a foreign key`);
  const version = schemaVersion(sqlite);
  if (version !== latestVersion) problems.push(`schema version ${version}, expected ${latestVersion}`);
  const rows = sqlite
    .prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version')
    .all() as {
    version: number;
    name: string;
    checksum: string;
  }[];
  for (const m of migrations.slice(0, version)) {
    const row = rows.find((r) => r.version === m.version);
    if (!row) problems.push(`migration ${m.version} (${m.name}) is not recorded`);
    else if (row.checksum !== checksum(m))
      problems.push(`migration ${m.version} (${m.name}) differs from the one applied`);
  }
  const triggers = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as {
    name: string;
  }[];
  for (const t of ['audit_log_no_update', 'audit_log_no_delete', 'events_immutable', 'events_no_delete']) {
    if (!triggers.some((r) => r.name === t)) problems.push(`protective trigger ${t} is missing`);
  }
  return { isIntact: problems.length === 0, problems };
}
