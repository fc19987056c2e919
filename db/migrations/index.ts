// The ordered registry of ledger migrations. Versions are 1, 2, 3… with no gaps; each entry is immutable once
// released (its checksum is stored when applied and re-checked by `lms verify`). A bad migration is repaired by
// a new one. A migration that moves data gets its own test: seed the old schema → migrate → assert the rows.
import * as m0001 from './0001_foundation';
import * as m0002 from './0002_customers';
import * as m0003 from './0003_sync';
import * as m0004 from './0004_number_search';
import * as m0005 from './0005_users_per_branch';
import * as m0006 from './0006_loans';
import * as m0007 from './0007_books';

export interface Migration {
  version: number;
  name: string;
  up: string;
}

export const migrations: readonly Migration[] = [
  { version: 1, ...m0001 },
  { version: 2, ...m0002 },
  { version: 3, ...m0003 },
  { version: 4, ...m0004 },
  { version: 5, ...m0005 },
  { version: 6, ...m0006 },
  { version: 7, ...m0007 },
];

export const latestVersion = migrations.length;
