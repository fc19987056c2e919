// The ordered registry of central (Postgres) migrations; the same rules as the ledger's (db/migrations).
import * as c0001 from './0001_central';
import * as c0002 from './0002_branch_security';
import * as c0003 from './0003_documents';
import * as c0004 from './0004_config_events';
import * as c0005 from './0005_books_config';

export interface CentralMigration {
  version: number;
  name: string;
  up: string;
}

export const centralMigrations: readonly CentralMigration[] = [
  { version: 1, ...c0001 },
  { version: 2, ...c0002 },
  { version: 3, ...c0003 },
  { version: 4, ...c0004 },
  { version: 5, ...c0005 },
];
