// The central connection settings, kept in the ledger's settings table under `sync.config`: the URL (without
// password), the user, the branch scope (head office sees every branch) and auto-sync on or off.
// Why the ledger and not electron-store: these settings describe the ledger (which central it belongs to, what
// it may pull), so they travel with the file when it is backed up or moved to another computer, the core reads
// them in the same place under every host (desktop worker, `npm run web`, the CLI) without Electron, and
// changing them is audited like any other setting. electron-store keeps only what belongs to the computer
// (window bounds). The password is in neither: it is a secret, kept by the keychain (see electron/platform/secrets).
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';

export const syncConfigKey = 'sync.config';

export interface SyncConfig {
  url: string;
  user: string;
  isHeadOffice: boolean;
  isAutoSync: boolean;
}

export async function readSyncConfig(db: Kysely<Database>): Promise<SyncConfig | null> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', syncConfigKey)
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as SyncConfig) : null;
}

export async function writeSyncConfig(tx: Kysely<Database>, config: SyncConfig, at: string): Promise<void> {
  const value = JSON.stringify(config);
  await tx
    .insertInto('settings')
    .values({ key: syncConfigKey, value, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
    .execute();
}

/** The connection string handed to `pg`: the stored URL with the user and the keychain's password. */
export function connectionString(target: { url: string; user: string; password: string | null }): string {
  const url = new URL(target.url);
  url.username = encodeURIComponent(target.user);
  url.password = target.password ? encodeURIComponent(target.password) : '';
  return url.toString();
}

/** "10.0.0.5:5432", for messages (never the password). */
export function describeServer(urlText: string): string {
  try {
    const url = new URL(urlText);
    return `${url.hostname}:${url.port || '5432'}`;
  } catch {
    return 'the central server';
  }
}
