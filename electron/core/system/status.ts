// The status bar's facts: the business date, and the sync state with the number of changes waiting to be sent.
// The sync state comes from the host's sync worker (`ctx.sync`); without one, or before a central server is
// configured, the state is "not configured". A passive call: it never touches the central server itself.
import type { OutputOf } from '../../../shared/contract';
import type { Ctx } from '../context';
import { requireDevice } from '../context';
import { countPendingEvents } from '../events/log';
import { readBranch } from '../setup/setup';

export async function systemStatus(ctx: Ctx): Promise<OutputOf<'system.status'>> {
  const device = requireDevice(ctx);
  const branch = await readBranch(ctx.db, device.branchId);
  const sync = ctx.sync?.status() ?? null;
  return {
    businessDate: branch!.businessDate,
    branchCode: device.branchCode,
    deviceCode: device.code,
    syncState: sync?.state ?? 'notConfigured',
    pendingChanges: await countPendingEvents(ctx.db),
    lastSyncAt: sync?.lastSyncAt ?? null,
    message: sync?.message ?? null,
    progress: sync?.progress ?? null,
    nextAttemptAt: sync?.nextAttemptAt ?? null,
  };
}
