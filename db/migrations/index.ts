// The ordered registry of ledger migrations. Versions are 1, 2, 3… with no gaps; each entry is immutable once
// released (its checksum is stored when applied and re-checked by `lms verify`). A bad migration is repaired by
// a new one. A migration that moves data gets its own test: seed the old schema → migrate → assert the rows.
import * as m0001 from './0001_foundation';
import * as m0002 from './0002_customers';

export interface Migration {
  version: number;
  name: string;
  up: string;
}

export const migrations: readonly Migration[] = [
  { version: 1, ...m0001 },
  { version: 2, ...m0002 },
];

export const latestVersion = migrations.length;
