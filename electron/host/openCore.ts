// Opens the ledger and builds the core over it with the production clock, ids and password hashing. Used by
// the core worker (desktop), `npm run web` and the CLI, so all three run the very same core.
// With `secrets` (the desktop worker and `npm run web`), a background sync worker starts beside the core and
// is handed to it as its sync port; the CLI opens the core without one (`lms sync` runs one cycle itself).
import { dirname, join } from 'node:path';
import { openLedger, type Ledger } from '../../db/open';
import { productionHashing, randomIds, systemClock, type Clock, type PasswordHashing } from '../core/context';
import { createCore, type Core } from '../core/router';
import type { SecretStore } from '../platform/secrets';
import { startSyncWorker, type SyncWorker } from '../sync/worker';

export interface OpenCore {
  core: Core;
  ledger: Ledger;
  sync: SyncWorker | null;
  close(): Promise<void>;
}

/**
 * The system clock — or, with `LMS_NOW` set to an instant, a clock that starts there and runs on from it:
 * for training sessions and demos that play a later day, and for end-to-end tests of what happens when
 * installments fall due. Never set in production.
 */
export function clockFromEnvironment(env: NodeJS.ProcessEnv = process.env): Clock {
  const pinned = env.LMS_NOW ? Date.parse(env.LMS_NOW) : Number.NaN;
  if (Number.isNaN(pinned)) return systemClock;
  const offset = pinned - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

export function openCore(
  dbPath: string,
  options: { hashing?: PasswordHashing; secrets?: SecretStore } = {},
): OpenCore {
  const ledger = openLedger(dbPath, { backgroundCheckpoints: true });
  const log = (message: string, error?: unknown) => console.error(`[core] ${message}`, error ?? '');
  const sync = options.secrets
    ? startSyncWorker({ db: ledger.db, secrets: options.secrets, newId: randomIds.uuid, log })
    : null;
  const core = createCore({
    db: ledger.db,
    readDb: ledger.readDb,
    clock: clockFromEnvironment(),
    ids: randomIds,
    hashing: options.hashing ?? productionHashing,
    documentsDir: join(dirname(dbPath), 'documents'),
    log,
    ...(sync ? { sync: sync.port } : {}),
  });
  sync?.start();
  return {
    core,
    ledger,
    sync,
    async close() {
      await sync?.stop();
      await ledger.close();
    },
  };
}
