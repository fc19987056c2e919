// Opens the ledger and builds the core over it with the production clock, ids and password hashing. Used by
// the core worker (desktop), `npm run web` and the CLI, so all three run the very same core.
import { dirname, join } from 'node:path';
import { openLedger, type Ledger } from '../../db/open';
import { productionHashing, randomIds, systemClock, type PasswordHashing } from '../core/context';
import { createCore, type Core } from '../core/router';

export interface OpenCore {
  core: Core;
  ledger: Ledger;
  close(): Promise<void>;
}

export function openCore(dbPath: string, options: { hashing?: PasswordHashing } = {}): OpenCore {
  const ledger = openLedger(dbPath);
  const core = createCore({
    db: ledger.db,
    clock: systemClock,
    ids: randomIds,
    hashing: options.hashing ?? productionHashing,
    documentsDir: join(dirname(dbPath), 'documents'),
    log: (message, error) => console.error(`[core] ${message}`, error ?? ''),
  });
  return { core, ledger, close: () => ledger.close() };
}
