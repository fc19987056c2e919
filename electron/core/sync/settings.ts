// Use cases for the central connection: read it, change it (the password goes to the keychain through the
// host's port, never into the ledger), test it, and run one sync now. Not responsible for the sync itself
// (electron/sync) nor for keeping the password (electron/platform/secrets).
import { LmsError, type InputOf, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import { requireDevice, type Ctx, type WriteCtx } from '../context';
import { readSyncConfig, writeSyncConfig } from './config';
import type { KeychainStatus, SyncPort } from './port';

type ConfigView = OutputOf<'sync.getConfig'>;

const noKeychain: KeychainStatus = {
  isAvailable: false,
  backend: 'none',
  message: 'Sync is not available in this window of the app.',
};

/** The host's sync port, or a refusal in words (the CLI and some tests run the core without one). */
export function requireSyncPort(ctx: Ctx): SyncPort {
  if (!ctx.sync)
    throw new LmsError('CONFLICT', 'Sync is not available here: the app runs without a sync worker.');
  return ctx.sync;
}

export async function getSyncConfig(ctx: Ctx): Promise<ConfigView> {
  const config = await readSyncConfig(ctx.db);
  const keychain = ctx.sync ? await ctx.sync.vault.status() : noKeychain;
  return {
    isConfigured: config !== null,
    url: config?.url ?? null,
    user: config?.user ?? null,
    isHeadOffice: config?.isHeadOffice ?? false,
    isAutoSync: config?.isAutoSync ?? true,
    hasPassword: ctx.sync ? await ctx.sync.vault.hasPassword(requireDevice(ctx).id) : false,
    keychain,
  };
}

export async function configureSync(
  ctx: WriteCtx,
  input: ParsedInputOf<'sync.configure'>,
): Promise<ConfigView> {
  const port = requireSyncPort(ctx);
  // The keychain first: when it refuses (none on this computer), nothing is changed.
  if (input.password !== undefined) {
    try {
      await port.vault.setPassword(requireDevice(ctx).id, input.password);
    } catch (error) {
      throw new LmsError('CONFLICT', error instanceof Error ? error.message : String(error));
    }
  }
  const before = await readSyncConfig(ctx.tx);
  const after = {
    url: input.url,
    user: input.user,
    isHeadOffice: input.isHeadOffice,
    isAutoSync: input.isAutoSync,
  };
  await writeSyncConfig(ctx.tx, after, ctx.clock.now().toISOString());
  await ctx.audit({
    action: 'sync.configured',
    entityType: 'settings',
    entityId: 'sync.config',
    details: { before, after, isPasswordChanged: input.password !== undefined },
  });
  // The worker reads the new settings after this transaction commits (it re-reads on its next attempt).
  port.reconfigure();
  const keychain = await port.vault.status();
  return {
    isConfigured: true,
    ...after,
    hasPassword: await port.vault.hasPassword(requireDevice(ctx).id),
    keychain,
  };
}

export async function testSyncConnection(
  ctx: Ctx,
  input: InputOf<'sync.testConnection'>,
): Promise<OutputOf<'sync.testConnection'>> {
  const port = requireSyncPort(ctx);
  const saved = await readSyncConfig(ctx.db);
  const url = input.url ?? saved?.url;
  const user = input.user ?? saved?.user;
  if (!url || !user) return { isReachable: false, message: 'Enter the central server’s URL and user first.' };
  return port.test({ url, user, password: input.password ?? null });
}

export async function syncNow(ctx: Ctx): Promise<OutputOf<'sync.now'>> {
  const port = requireSyncPort(ctx);
  if (!(await readSyncConfig(ctx.db))) {
    throw new LmsError(
      'CONFLICT',
      'Sync is not configured yet: an administrator sets the central server first.',
    );
  }
  return port.run();
}
