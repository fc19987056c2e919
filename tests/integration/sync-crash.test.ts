// Crash safety: a push and a pull run in a child process that is killed outright (SIGKILL: no cleanup, no
// rollback handler) after a few batches, while the next batch may be in flight. Syncing again in-process must
// lose nothing and double nothing: central holds each event of the device once, in its order; the device's
// outbox is empty; the puller holds each remote event once and the same customers as the source.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullChanges } from '../../electron/sync/pull';
import { pushPending } from '../../electron/sync/push';
import { syncOnce } from '../../electron/sync/sync';
import { hasPostgres, startPglite, startPostgres, type TestCentral } from '../support/central';
import { anIndividual } from '../support/customers';
import { aBranch, aStaffMember, removeDir, TestClock, type TestBranch } from '../support/ledger';
import { dumpBranch, newId } from '../support/syncWorld';

const backends: [string, () => Promise<TestCentral>][] = [['PGlite', startPglite]];
if (hasPostgres) backends.push(['PostgreSQL', startPostgres]);
else console.warn('SKIPPING the real-PostgreSQL crash tests: no server binaries');

const child = join(import.meta.dirname, '../support/syncChild.ts');

/** Runs the child and SIGKILLs it when it has printed `killAfter` batch lines; answers the lines it printed. */
function runAndKill(args: string[], killAfter: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], {
      cwd: join(import.meta.dirname, '../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let buffer = '';
    let stderr = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let at: number;
      while ((at = buffer.indexOf('\n')) >= 0) {
        lines.push(buffer.slice(0, at));
        buffer = buffer.slice(at + 1);
        if (lines.length === killAfter) proc.kill('SIGKILL');
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve(lines);
      else reject(new Error(`sync child exited with ${code}: ${stderr}`));
    });
  });
}

const localDevice = async (b: TestBranch) =>
  b.ledger.db
    .selectFrom('devices')
    .select(['id', 'branch_id'])
    .where('is_local', '=', 1)
    .executeTakeFirstOrThrow();

describe.each(backends)('sync crash safety with %s', (_name, start) => {
  let server: TestCentral;
  const cleanup: TestBranch[] = [];
  beforeAll(async () => {
    server = await start();
  }, 60_000);
  afterAll(async () => {
    for (const b of cleanup) {
      await b.close();
      removeDir(b.dir);
    }
    await server.stop();
  }, 60_000);

  it('a push killed after any batch, resumed, leaves each event at central exactly once and in order', async () => {
    const source = await aBranch({
      clock: new TestClock(),
      setup: { branchCode: 'KIL', adminUsername: 'kil-admin' },
    });
    cleanup.push(source);
    const officer = await aStaffMember(source, { username: 'kil-officer', role: 'loan_officer' });
    for (let i = 0; i < 8; i++) {
      const c = await source.ok('customers.registerIndividual', anIndividual(), officer.token);
      await source.ok(
        'customers.update',
        { customerId: c.id, changes: { city: `Town ${i}` } },
        officer.token,
      );
    }
    const killAfter = 1 + Math.floor(Math.random() * 5); // of ~13 batches
    const lines = await runAndKill(['push', source.path, server.url, '2'], killAfter);
    expect(lines.length, `killed after batch ${killAfter}`).toBeGreaterThanOrEqual(killAfter);
    expect(lines).not.toContain('done');

    const resumed = await pushPending(source.ledger.db, server.central, { batchSize: 2 });
    expect(resumed.refused).toBeNull();
    const local = await source.ledger.db
      .selectFrom('events')
      .select(['id', 'device_seq'])
      .orderBy('device_seq')
      .execute();
    const device = await localDevice(source);
    const atCentral = await server.central.query<{ id: string; device_seq: string }>(
      'SELECT id, device_seq FROM events WHERE device_id = $1 ORDER BY global_seq',
      [device.id],
    );
    expect(atCentral.map((e) => e.id)).toEqual(local.map((e) => e.id));
    expect(atCentral.map((e) => Number(e.device_seq))).toEqual(local.map((e) => e.device_seq));
    const outbox = await source.ledger.db
      .selectFrom('events')
      .select('id')
      .where('pushed_at', 'is', null)
      .execute();
    expect(outbox).toHaveLength(0);
  }, 30_000);

  it('a pull killed after any page, resumed, applies each remote event once and reaches the source’s customers', async () => {
    const source = await aBranch({
      clock: new TestClock(),
      setup: { branchCode: 'KPS', adminUsername: 'kps-admin' },
    });
    const puller = await aBranch({
      clock: new TestClock(),
      setup: { branchCode: 'KPH', adminUsername: 'kph-admin' },
    });
    cleanup.push(source, puller);
    const officer = await aStaffMember(source, { username: 'kps-officer', role: 'loan_officer' });
    for (let i = 0; i < 6; i++) {
      const c = await source.ok('customers.registerIndividual', anIndividual(), officer.token);
      await source.ok(
        'customers.update',
        { customerId: c.id, changes: { occupation: `Trade ${i}` } },
        officer.token,
      );
      await source.ok(
        'communications.log',
        { customerId: c.id, channel: 'call', direction: 'outbound', subject: `Call ${i}` },
        officer.token,
      );
    }
    await syncOnce(source.ledger.db, server.central, { newId });
    await pushPending(puller.ledger.db, server.central);

    const killAfter = 1 + Math.floor(Math.random() * 4); // of ~10 pages
    const lines = await runAndKill(['pull', puller.path, server.url, '3', '--head-office'], killAfter);
    expect(lines).not.toContain('done');
    await pullChanges(puller.ledger.db, server.central, { isHeadOffice: true, newId, pageSize: 3 });

    const me = await localDevice(puller);
    const remote = await server.central.query<{ id: string }>(
      'SELECT id FROM events WHERE device_id <> $1 ORDER BY global_seq',
      [me.id],
    );
    const received = await puller.ledger.db
      .selectFrom('received_events')
      .select(['id', 'applied_at'])
      .orderBy('global_seq')
      .execute();
    expect(received.map((r) => r.id)).toEqual(remote.map((r) => r.id));
    expect(received.every((r) => r.applied_at !== null)).toBe(true);
    const branch = await localDevice(source);
    const onSource = await dumpBranch({ db: source.ledger.db }, branch.branch_id);
    expect(onSource.customers).toHaveLength(6);
    expect(await dumpBranch({ db: puller.ledger.db }, branch.branch_id)).toEqual(onSource);
  }, 30_000);
});
