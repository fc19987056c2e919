// The background sync worker against PGlite on the Postgres wire, through the core's sync methods: an admin
// configures the central server (the password goes to the keychain, not the ledger), the worker syncs and
// reports online with nothing waiting; when the central server stops, it reports offline in words and backs
// off; the exceptions queue is resolved as an audited event.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomIds } from '../../electron/core/context';
import { createCore } from '../../electron/core/router';
import { memorySecretStore, type SecretStore } from '../../electron/platform/secrets';
import { backoffDelay, describeRefusal, startSyncWorker, type SyncWorker } from '../../electron/sync/worker';
import type { InputOf, MethodName, OutputOf } from '../../shared/contract';
import { startPglite, type TestCentral } from '../support/central';
import { anIndividual } from '../support/customers';
import { aBranch, aStaffMember, removeDir, TestClock, testHashing } from '../support/ledger';

const fast = { minMs: 50, maxMs: 400 };

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A branch whose core has a sync worker (as the desktop worker thread and `npm run web` give it). */
async function aSyncingBranch(secrets: SecretStore = memorySecretStore()) {
  // Events carry the clock's time; central refuses one far ahead of its own, so the test clock is the real one.
  const branch = await aBranch({ clock: new TestClock(Date.now()) });
  const worker = startSyncWorker({
    db: branch.ledger.db,
    secrets,
    newId: randomIds.uuid,
    backoff: fast,
    intervalMs: 60_000,
  });
  const core = createCore({
    db: branch.ledger.db,
    clock: branch.clock,
    ids: randomIds,
    hashing: testHashing,
    documentsDir: join(branch.dir, 'documents'),
    log: () => {},
    sync: worker.port,
  });
  worker.start();
  const call = <M extends MethodName>(method: M, input: InputOf<M>, token = branch.adminToken) =>
    core.call(method, input, { sessionToken: token }) as Promise<{
      data?: OutputOf<M>;
      error?: { message: string };
    }>;
  const ok = async <M extends MethodName>(method: M, input: InputOf<M>, token = branch.adminToken) => {
    const result = await call(method, input, token);
    if (result.error) throw new Error(`${method}: ${result.error.message}`);
    return result.data!;
  };
  return { ...branch, plain: branch, worker, call, ok };
}

describe('the sync worker', () => {
  let server: TestCentral;
  let branch: Awaited<ReturnType<typeof aSyncingBranch>>;
  let worker: SyncWorker;
  const secrets = memorySecretStore();

  beforeAll(async () => {
    server = await startPglite();
    branch = await aSyncingBranch(secrets);
    worker = branch.worker;
  }, 60_000);
  afterAll(async () => {
    await worker.stop();
    await branch.close();
    removeDir(branch.dir);
    await server.stop().catch(() => {});
  });

  it('reports "not configured" until an administrator sets the central server', async () => {
    const status = await branch.ok('system.status', {});
    expect(status.syncState).toBe('notConfigured');
    const now = await branch.call('sync.now', {});
    expect(now.error?.message).toMatch(/not configured/);
  });

  it('refuses a URL with the password in it, or that is not Postgres', async () => {
    const withPassword = await branch.call('sync.configure', {
      url: 'postgresql://postgres:secret@127.0.0.1:5432/postgres',
      user: 'postgres',
    });
    expect(withPassword.error?.message).toMatch(/must not contain the password/);
    const http = await branch.call('sync.configure', { url: 'http://example.com/db', user: 'postgres' });
    expect(http.error?.message).toMatch(/postgres:\/\/ or postgresql:\/\//);
  });

  it('keeps the password in the keychain, not in the ledger, and tests the connection', async () => {
    const url = server.url.replace('postgres:postgres@', '');
    const tested = await branch.ok('sync.testConnection', { url, user: 'postgres', password: 'postgres' });
    expect(tested).toEqual({ isReachable: true, message: expect.stringMatching(/^Connected/) });
    const config = await branch.ok('sync.configure', {
      url,
      user: 'postgres',
      password: 'postgres',
      isHeadOffice: false,
      isAutoSync: true,
    });
    expect(config).toMatchObject({ isConfigured: true, hasPassword: true, keychain: { backend: 'memory' } });
    const settings = await branch.ledger.db.selectFrom('settings').select('value').execute();
    expect(settings.map((s) => s.value).join('\n')).not.toContain(':postgres@');
    const audit = await branch.ok('audit.list', { action: 'sync.configured' });
    expect(audit.rows).toHaveLength(1);
  });

  it('syncs in the background once configured: online, nothing waiting', async () => {
    await branch.ok('customers.registerIndividual', anIndividual());
    await until(async () => {
      const s = await branch.ok('system.status', {});
      return s.syncState === 'online' && s.pendingChanges === 0;
    }, 'the worker has synced');
    const status = await branch.ok('system.status', {});
    expect(status.lastSyncAt).not.toBeNull();
    expect(status.message).toBeNull();
    const summary = await branch.ok('sync.now', {});
    expect(summary).toMatchObject({ refused: null, pushed: 0 });
  });

  it('runs one cycle at a time: two "Sync now" calls share it', async () => {
    const [a, b] = await Promise.all([worker.port.run(), worker.port.run()]);
    expect(a).toBe(b);
  });

  it('lets a teller sync now but not change the settings', async () => {
    const teller = await aStaffMember(branch.plain, {
      username: 'teller1',
      role: 'teller',
      password: 'Teller-Field-2026',
    });
    expect((await branch.call('sync.now', {}, teller.token)).data).toBeDefined();
    expect((await branch.call('sync.getConfig', {}, teller.token)).error?.message).toMatch(/permission/);
    expect((await branch.call('sync.listExceptions', {}, teller.token)).error?.message).toMatch(/permission/);
  });

  it('resolves an exception as an audited event, once', async () => {
    const id = randomIds.uuid();
    // The customer this ledger kept when another branch's registration of the same ID arrived.
    const kept = await branch.ok('customers.registerIndividual', anIndividual({ idNumber: '12345678' }));
    await branch.ledger.db
      .insertInto('sync_exceptions')
      .values({
        id,
        kind: 'duplicate_registration',
        entity_type: 'customer',
        entity_id: randomIds.uuid(),
        event_id: randomIds.uuid(),
        local_version: JSON.stringify({ id: kept.id, idNumber: '12345678', displayName: 'Amina Njeri' }),
        remote_version: JSON.stringify({ idNumber: '12345678', displayName: 'Amina W. Njeri' }),
        status: 'open',
        resolution: null,
        resolved_by: null,
        resolved_at: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    const open = await branch.ok('sync.listExceptions', {});
    expect(open.map((e) => e.id)).toContain(id);
    expect(open.find((e) => e.id === id)?.remoteVersion).toMatchObject({ displayName: 'Amina W. Njeri' });
    const merged = await branch.call('sync.resolveException', { exceptionId: id, resolution: 'merged' });
    expect(merged.error?.message).toMatch(/must say what was merged/);
    const resolved = await branch.ok('sync.resolveException', {
      exceptionId: id,
      resolution: 'accept_remote',
      note: 'Same person; the other branch has her full name',
    });
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'accept_remote' });
    const again = await branch.call('sync.resolveException', { exceptionId: id, resolution: 'keep_local' });
    expect(again.error?.message).toMatch(/already been resolved/);
    const events = await branch.ledger.db
      .selectFrom('events')
      .select('type')
      .where('type', '=', 'sync.exceptionResolved')
      .execute();
    expect(events).toHaveLength(1);
    expect((await branch.ok('audit.list', { action: 'sync.exceptionResolved' })).rows).toHaveLength(1);
    const listed = await branch.ok('sync.listExceptions', { status: 'resolved' });
    expect(listed.find((e) => e.id === id)?.note).toBe('Same person; the other branch has her full name');
  });

  it('goes offline in words when the central server stops, and backs off', async () => {
    await branch.ok('sync.now', {}); // push the resolution event while the server is up
    await server.stop();
    const failed = await branch.call('sync.now', {});
    expect(failed.error?.message).toMatch(/^Cannot reach the central server at 127\.0\.0\.1:\d+\.$/);
    const status = await branch.ok('system.status', {});
    expect(status.syncState).toBe('offline');
    expect(status.message).toMatch(/Cannot reach the central server/);
    expect(status.nextAttemptAt).not.toBeNull();
    await branch.ok('customers.registerIndividual', anIndividual());
    const later = await branch.ok('system.status', {});
    expect(later.syncState).toBe('offline');
    expect(later.pendingChanges).toBe(1);
  });
});

describe('backoff and messages', () => {
  it('doubles the wait from 5 s up to 5 min', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(backoffDelay(50)).toBe(300_000);
    expect(backoffDelay(0)).toBe(0);
  });

  it('says why central refused an event', () => {
    expect(describeRefusal({ deviceSeq: 12, reason: 'clock_too_far_ahead', aheadMs: 3_600_000 })).toMatch(
      /^The central server refused event 12: the device clock is far ahead/,
    );
    expect(describeRefusal({ deviceSeq: 3, reason: 'gap' })).toMatch(/event 3: an earlier event is missing/);
  });

  it('refuses to configure sync where no keychain can keep the password', async () => {
    const { unavailableSecretStore } = await import('../../electron/platform/secrets');
    const branch = await aSyncingBranch(unavailableSecretStore());
    const result = await branch.call('sync.configure', {
      url: 'postgresql://127.0.0.1:1/postgres',
      user: 'postgres',
      password: 'postgres',
    });
    expect(result.error?.message).toMatch(/No keychain is available on this computer/);
    expect((await branch.ok('sync.getConfig', {})).isConfigured).toBe(false);
    await branch.worker.stop();
    await branch.close();
    removeDir(branch.dir);
  });
});
