// Sync throughput with 100,000 events, against the embedded central (PGlite on the wire) and a real
// PostgreSQL server where its binaries exist: the push of a device's outbox (pushPending, batches of 500
// through lms_push) and a head-office pull of all of it into another ledger (pullChanges, pages of 1,000,
// applied locally), each stated as a ratio of a raw batched insert of the same number of rows of the same
// width into the same server over the same wire (the floor any sync protocol stands on). Target: ≤ 5×.
// The events are written straight into the device's ledger (type `bench.happened`, which no applier knows,
// so the pull stores them as deferred: the fetch, the local transaction and the cursor are all measured).
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { randomIds } from '../../electron/core/context';
import { pullChanges } from '../../electron/sync/pull';
import { localIdentity, pushPending } from '../../electron/sync/push';
import { hasPostgres, startPglite, startPostgres, type TestCentral } from '../support/central';
import { aBranch } from '../support/ledger';
import { compare, time, type BenchResult } from './harness';

const size = Number(process.env.BENCH_SYNC_EVENTS ?? 100_000);
const target = { text: '≤ 5× raw insert', isMet: ({ ratio }: { ratio: number }) => ratio <= 5 };
const once = { iterations: 1, warmup: 0 };

/** The baseline: `size` rows like central events, 500 per multi-row INSERT, in one transaction. */
async function rawInsert(server: TestCentral) {
  await server.central.query(`CREATE TABLE IF NOT EXISTS bench_raw (
    global_seq bigint PRIMARY KEY, id uuid NOT NULL UNIQUE, device_id uuid NOT NULL, device_seq bigint NOT NULL,
    hlc text NOT NULL, type text NOT NULL, entity_id text NOT NULL, payload jsonb NOT NULL, payload_hash text NOT NULL)`);
  await server.central.query('TRUNCATE bench_raw');
  const device = randomUUID();
  await server.central.transaction(async (q) => {
    for (let from = 0; from < size; from += 500) {
      const rows = Math.min(500, size - from);
      const values: string[] = [];
      const params: unknown[] = [];
      for (let k = 0; k < rows; k++) {
        const n = from + k + 1;
        const p = params.length;
        values.push(
          `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, 'bench.happened', $${p + 6}, $${p + 7}, $${p + 8})`,
        );
        params.push(
          n,
          randomUUID(),
          device,
          n,
          `${String(Date.now()).padStart(15, '0')}:0000:${device}`,
          `e-${n}`,
          JSON.stringify({ n, note: 'a bench event' }),
          'x'.repeat(64),
        );
      }
      await q(
        `INSERT INTO bench_raw (global_seq, id, device_id, device_seq, hlc, type, entity_id, payload, payload_hash)
         VALUES ${values.join(', ')}`,
        params,
      );
    }
  });
}

async function onBackend(name: string, start: () => Promise<TestCentral>): Promise<BenchResult[]> {
  const server = await start();
  const device = await aBranch({ setup: { branchCode: 'BEN', adminUsername: 'bench-admin' } });
  const hq = await aBranch({ setup: { branchCode: 'BHQ', adminUsername: 'bhq-admin' } });
  try {
    const me = await localIdentity(device.ledger.db);
    const [{ last }] = device.ledger.sqlite
      .prepare('SELECT coalesce(max(device_seq), 0) AS last FROM events WHERE device_id = ?')
      .all(me.deviceId) as [{ last: number }];
    const insert = device.ledger.sqlite.prepare(
      `INSERT INTO events (id, device_id, device_seq, hlc, type, entity_type, entity_id, payload, schema_version, created_at)
       VALUES (?, ?, ?, ?, 'bench.happened', 'bench', ?, ?, 1, ?)`,
    );
    const at = new Date().toISOString();
    device.ledger.sqlite.transaction(() => {
      for (let n = 1; n <= size; n++) {
        const hlc = `${String(Date.now()).padStart(15, '0')}:${String(n % 10_000).padStart(4, '0')}:${me.deviceId}`;
        insert.run(
          randomUUID(),
          me.deviceId,
          last + n,
          hlc,
          `e-${n}`,
          JSON.stringify({ n, note: 'a bench event' }),
          at,
        );
      }
    })();

    const raw = await time(`${name}: raw batched insert of ${size} rows`, () => rawInsert(server), once);
    const push = await time(
      `${name}: push of ${size} events`,
      async () => {
        const r = await pushPending(device.ledger.db, server.central);
        if (r.refused || r.pushed < size) throw new Error(`push stopped: ${JSON.stringify(r)}`);
      },
      once,
    );
    const pull = await time(
      `${name}: pull of ${size} events into another ledger`,
      async () => {
        const r = await pullChanges(hq.ledger.db, server.central, {
          isHeadOffice: true,
          newId: randomIds.uuid,
        });
        if (r.received < size) throw new Error(`pull stopped at ${r.received}`);
      },
      once,
    );
    return [raw, compare(push, raw, target), compare(pull, raw, target)];
  } finally {
    await device.close();
    await hq.close();
    rmSync(device.dir, { recursive: true, force: true });
    rmSync(hq.dir, { recursive: true, force: true });
    await server.stop();
  }
}

export async function syncBenchmarks(): Promise<BenchResult[]> {
  const results = await onBackend('PGlite', startPglite);
  if (hasPostgres) results.push(...(await onBackend('PostgreSQL', startPostgres)));
  return results;
}
