// The status bar's facts: the business date, and the sync state with the number of changes waiting to be sent.
// Until a central server is configured (the sync module), the state is "not configured".
import type { OutputOf } from '../../../shared/contract';
import type { Ctx } from '../context';
import { requireDevice } from '../context';
import { countPendingEvents } from '../events/log';
import { readBranch } from '../setup/setup';

export async function systemStatus(ctx: Ctx): Promise<OutputOf<'system.status'>> {
  const device = requireDevice(ctx);
  const branch = await readBranch(ctx.db, device.branchId);
  return {
    businessDate: branch!.businessDate,
    branchCode: device.branchCode,
    deviceCode: device.code,
    syncState: 'notConfigured',
    pendingChanges: await countPendingEvents(ctx.db),
    lastSyncAt: null,
    message: null,
  };
}
