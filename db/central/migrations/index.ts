// The ordered registry of central (Postgres) migrations; the same rules as the ledger's (db/migrations).
import * as c0001 from './0001_central';

export interface CentralMigration {
  version: number;
  name: string;
  up: string;
}

export const centralMigrations: readonly CentralMigration[] = [{ version: 1, ...c0001 }];
