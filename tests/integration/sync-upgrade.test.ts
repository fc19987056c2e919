// Schema versions: an event that this app cannot apply (a type it does not know yet, or a newer schema) is
// kept, never dropped, and applied once the app that understands it is installed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomIds } from '../../electron/core/context';
import { appliers } from '../../electron/sync/registry';
import { applyDeferred, pullChanges } from '../../electron/sync/pull';
import { payloadHash, pushPending } from '../../electron/sync/push';
import { startPglite, type TestCentral } from '../support/central';
import { aBranch, removeDir } from '../support/ledger';

let server: TestCentral;
beforeAll(async () => {
  server = await startPglite();
}, 60_000);
afterAll(async () => server.stop(), 60_000);

describe('an event from a newer app', () => {
  it('is kept unapplied, then applied after the upgrade that knows it', async () => {
    const writer = await aBranch({ setup: { branchCode: 'NEW', adminUsername: 'new-admin' } });
    const reader = await aBranch({ setup: { branchCode: 'OLD', adminUsername: 'old-admin' } });
    await pushPending(writer.ledger.db, server.central);
    const device = await writer.ledger.db
      .selectFrom('devices')
      .select('id')
      .where('is_local', '=', 1)
      .executeTakeFirstOrThrow();
    const [{ last }] = await server.central.query<{ last: string }>(
      'SELECT last_seq AS last FROM devices WHERE id = $1',
      [device.id],
    );
    const payload = { note: 'from a newer app' };
    const event = {
      id: randomIds.uuid(),
      deviceSeq: Number(last) + 1,
      hlc: `${String(Date.now()).padStart(15, '0')}:0000:${device.id}`,
      type: 'loan.futureThing',
      entityType: 'loan',
      entityId: 'L-1',
      payload,
      payloadHash: payloadHash(JSON.stringify(payload)),
      schemaVersion: 1,
    };
    await server.central.query('SELECT lms_push($1, $2::jsonb)', [device.id, JSON.stringify([event])]);

    const pulled = await pullChanges(reader.ledger.db, server.central, {
      isHeadOffice: true,
      newId: randomIds.uuid,
    });
    expect(pulled.deferred).toBe(1);
    const kept = await reader.ledger.db
      .selectFrom('received_events')
      .selectAll()
      .where('id', '=', event.id)
      .executeTakeFirstOrThrow();
    expect(kept).toMatchObject({ type: 'loan.futureThing', applied_at: null });

    // The upgrade: this version knows the event type.
    const seen: string[] = [];
    appliers['loan.futureThing'] = { rule: 'fact', apply: async (_ctx, e) => void seen.push(e.id) };
    try {
      const me = await reader.ledger.db
        .selectFrom('devices')
        .select('id')
        .where('is_local', '=', 1)
        .executeTakeFirstOrThrow();
      expect(await applyDeferred(reader.ledger.db, { deviceId: me.id }, new Date(), randomIds.uuid)).toBe(1);
      expect(seen).toEqual([event.id]);
      const applied = await reader.ledger.db
        .selectFrom('received_events')
        .select('applied_at')
        .where('id', '=', event.id)
        .executeTakeFirstOrThrow();
      expect(applied.applied_at).not.toBeNull();
      expect(await applyDeferred(reader.ledger.db, { deviceId: me.id }, new Date(), randomIds.uuid)).toBe(0);
    } finally {
      delete appliers['loan.futureThing'];
      for (const b of [writer, reader]) {
        await b.close();
        removeDir(b.dir);
      }
    }
  });
});
