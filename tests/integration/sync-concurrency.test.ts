// Many writers, nothing skipped or doubled: 20 devices push 1,000 events each through `lms_push` from 20
// concurrent connections while two readers pull with a cursor on global_seq. Because every push transaction
// stamps global_seq under the sequencer row lock, numbers are handed out in commit order, so a reader's
// cursor can never jump over an event committed later with a smaller number (the classic identity-column
// bug). Every reader must end with every event exactly once, no gap in global_seq, and each device's events
// in device_seq order.
// Real PostgreSQL only: PGlite runs a single backend, so the socket server serialises its connections (and
// caps them at 16) — there would be no concurrent transactions to prove anything about.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectCentral } from '../../electron/sync/central';
import { payloadHash } from '../../electron/sync/push';
import { hasPostgres, startPostgres, type TestCentral } from '../support/central';

if (!hasPostgres) console.warn('SKIPPING the concurrent sync test: no PostgreSQL binaries');

const writers = 20;
const eventsPerDevice = 1_000;
const batch = 100;
const readers = 2;
const pageSize = 500;

interface Seen {
  global_seq: string;
  id: string;
  device_id: string;
  device_seq: string;
}

describe.skipIf(!hasPostgres)('many concurrent writers and readers (PostgreSQL)', () => {
  let server: TestCentral;
  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  }, 60_000);

  it('gives every reader every event exactly once, gap-free and in device order', async () => {
    const branches = [0, 1, 2, 3].map((i) => ({ id: randomUUID(), code: `CC${i}` }));
    const devices = Array.from({ length: writers }, (_, i) => ({
      id: randomUUID(),
      branch: branches[i % branches.length]!,
    }));
    for (const [i, d] of devices.entries()) {
      await server.central.query('SELECT lms_register_device($1, $2, $3, $4, $5, 1)', [
        d.branch.id,
        d.branch.code,
        `Branch ${d.branch.code}`,
        d.id,
        `D${i}`,
      ]);
    }

    let writing = true;
    const pushAll = async (device: string) => {
      const client = connectCentral(server.url, { max: 1 });
      try {
        for (let from = 1; from <= eventsPerDevice; from += batch) {
          const events = Array.from({ length: batch }, (_, k) => {
            const payload = { n: from + k };
            return {
              id: randomUUID(),
              deviceSeq: from + k,
              hlc: `${String(Date.now()).padStart(15, '0')}:0000:${device}`,
              type: 'test.happened',
              entityType: 'test',
              entityId: device,
              payload,
              payloadHash: payloadHash(JSON.stringify(payload)),
              schemaVersion: 1,
            };
          });
          const [row] = await client.query<{ r: { last: number; accepted: number } }>(
            'SELECT lms_push($1, $2::jsonb) AS r',
            [device, JSON.stringify(events)],
          );
          expect(row!.r).toEqual({ last: from + batch - 1, accepted: batch });
        }
      } finally {
        await client.close();
      }
    };
    const readAll = async () => {
      const client = connectCentral(server.url, { max: 1 });
      const seen: Seen[] = [];
      let duringWrites = 0;
      let cursor = 0;
      try {
        for (;;) {
          const stillWriting = writing; // read before the page: an empty page after the end means done
          const page = await client.query<Seen>(
            `SELECT global_seq, id, device_id, device_seq FROM events WHERE global_seq > $1
              ORDER BY global_seq LIMIT $2`,
            [cursor, pageSize],
          );
          seen.push(...page);
          if (stillWriting) duringWrites += page.length;
          if (page.length > 0) cursor = Number(page[page.length - 1]!.global_seq);
          else if (!stillWriting) break;
          else await new Promise((r) => setTimeout(r, 2));
        }
      } finally {
        await client.close();
      }
      return { seen, duringWrites };
    };

    const started = Date.now();
    const reading = Array.from({ length: readers }, readAll);
    await Promise.all(devices.map((d) => pushAll(d.id)));
    writing = false;
    const results = await Promise.all(reading);
    const elapsed = Date.now() - started;
    console.info(
      `${writers * eventsPerDevice} events pushed by ${writers} writers and read by ${readers} in ${elapsed} ms`,
    );

    const total = writers * eventsPerDevice;
    for (const { seen, duringWrites } of results) {
      expect(duringWrites).toBeGreaterThan(0); // the readers really did read while the writers wrote
      expect(seen).toHaveLength(total);
      expect(new Set(seen.map((e) => e.id)).size).toBe(total);
      // Gap-free: exactly 1..total, each once, in order.
      const seqs = seen.map((e) => Number(e.global_seq));
      expect(seqs.every((s, i) => s === i + 1)).toBe(true);
      // Each device's events arrive in its own order, every one of them.
      const byDevice = new Map<string, number[]>();
      for (const e of seen) {
        const list = byDevice.get(e.device_id) ?? [];
        list.push(Number(e.device_seq));
        byDevice.set(e.device_id, list);
      }
      expect(byDevice.size).toBe(writers);
      for (const list of byDevice.values()) {
        expect(list).toEqual(Array.from({ length: eventsPerDevice }, (_, i) => i + 1));
      }
    }
  }, 60_000);

  it('keeps the events accepted before a gap in the same batch, so the resend after it goes through', async () => {
    const [branch, device] = [randomUUID(), randomUUID()];
    await server.central.query("SELECT lms_register_device($1, 'GAPB', 'Gap', $2, 'G1', 1)", [
      branch,
      device,
    ]);
    const event = (seq: number) => ({
      id: randomUUID(),
      deviceSeq: seq,
      hlc: `${String(Date.now()).padStart(15, '0')}:0000:${device}`,
      type: 'test.happened',
      entityType: 'test',
      entityId: device,
      payload: {},
      payloadHash: payloadHash('{}'),
      schemaVersion: 1,
    });
    const push = async (events: unknown[]) =>
      (
        await server.central.query<{ r: { last: number; accepted: number } }>(
          'SELECT lms_push($1, $2::jsonb) AS r',
          [device, JSON.stringify(events)],
        )
      )[0]!.r;
    expect(await push([event(1), event(2), event(4)])).toMatchObject({ last: 2, accepted: 2 });
    expect(await push([event(3)])).toEqual({ last: 3, accepted: 1 });
  });
});
