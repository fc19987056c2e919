// The sync worker: runs `syncOnce` in the background while a central server is configured (every
// `intervalMs` while it answers, with exponential backoff from 5 s to 5 min while it does not), and on demand
// ("Sync now"), never two cycles at once. It reports what the status bar shows: online / offline / syncing /
// error, the last sync, a large pull's progress, and what went wrong in words. It implements the core's
// `SyncPort`, so the core asks it for a sync without knowing about `pg`, timers or the keychain.
// Hosted by the core worker thread (desktop) or `electron/web.ts`; it owns its timer and its connection and
// `stop()` releases both. Not responsible for the sync rules themselves (push, pull, appliers).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { LmsError } from '../../shared/contract';
import { connectionString, describeServer, readSyncConfig, type SyncConfig } from '../core/sync/config';
import type { SyncPort, SyncSnapshot, SyncSummary } from '../core/sync/port';
import type { SecretStore } from '../platform/secrets';
import { connectCentral, type Central } from './central';
import type { SyncResult } from './sync';
import { syncOnce } from './sync';

export interface Backoff {
  minMs: number;
  maxMs: number;
}

export const defaultBackoff: Backoff = { minMs: 5_000, maxMs: 5 * 60_000 };

export interface SyncWorkerOptions {
  db: Kysely<Database>;
  secrets: SecretStore;
  newId: () => string;
  now?: () => Date;
  connect?: (connectionString: string) => Central;
  backoff?: Backoff;
  /** How often to sync while the central server answers. */
  intervalMs?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface SyncWorker {
  port: SyncPort;
  /** Starts the background schedule (a first attempt right away when configured with auto-sync). */
  start(): void;
  /** Stops the schedule, waits for a cycle in flight, closes the connection. */
  stop(): Promise<void>;
}

/** The delay after `failures` consecutive failures: min, 2·min, 4·min … capped at max. */
export function backoffDelay(failures: number, backoff: Backoff = defaultBackoff): number {
  if (failures <= 0) return 0;
  return Math.min(backoff.maxMs, backoff.minMs * 2 ** Math.min(failures - 1, 30));
}

const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/** Whether an error means "the server is not there" (offline) rather than "it answered no" (error). */
export function isUnreachable(error: unknown): boolean {
  const e = error as { code?: string; message?: string; errors?: unknown[] } | null;
  if (!e) return false;
  if (e.code && unreachableCodes.has(e.code)) return true;
  if (Array.isArray(e.errors) && e.errors.some(isUnreachable)) return true; // AggregateError (IPv4 + IPv6)
  return /timeout|terminated unexpectedly|Connection terminated|connect ECONN/i.test(e.message ?? '');
}

/** A failure in words, for the status bar and the "Sync now" answer. */
export function describeFailure(error: unknown, server: string): string {
  if (isUnreachable(error)) return `Cannot reach the central server at ${server}.`;
  const e = error as { code?: string; message?: string };
  if (e.code === '28P01' || e.code === '28000')
    return `The central server at ${server} refused the user or password.`;
  if (e.code === '3D000') return `The central server at ${server} has no such database.`;
  if (e.code === '42883' || e.code === '42P01')
    return `The central server at ${server} is not set up for Optifluence (its schema is missing).`;
  return `Sync failed: ${e.message ?? String(error)}`;
}

/** Why central refused one of our events, in words. */
export function describeRefusal(refused: NonNullable<SyncResult['push']['refused']>): string {
  const event = `The central server refused event ${refused.deviceSeq}`;
  if (refused.reason === 'clock_too_far_ahead') {
    const minutes = refused.aheadMs ? Math.round(refused.aheadMs / 60_000) : null;
    return `${event}: the device clock is far ahead${minutes ? ` (by about ${minutes} min)` : ''}; correct this computer’s date and time.`;
  }
  if (refused.reason === 'gap') return `${event}: an earlier event is missing on the central server.`;
  return `${event}: ${refused.reason}.`;
}

const skewWorthMentioningMs = 5 * 60_000;

/** A warning when this computer's clock is far from central's (events still order correctly by HLC). */
export function describeClockSkew(skewMs: number): string | null {
  if (Math.abs(skewMs) < skewWorthMentioningMs) return null;
  const hours = Math.abs(skewMs) / 3_600_000;
  const amount =
    hours >= 48
      ? `${Math.round(hours / 24)} days`
      : hours >= 1
        ? `${Math.round(hours)} hours`
        : `${Math.round(hours * 60)} minutes`;
  return `This computer's clock is ${amount} ${skewMs > 0 ? 'ahead of' : 'behind'} the central server's. Changes still sync in the right order, but please correct the date and time.`;
}

function summarise(result: SyncResult, at: Date): SyncSummary {
  return {
    pushed: result.push.pushed,
    pulled: result.pull.received,
    applied: result.pull.applied,
    deferred: result.pull.deferred,
    refused: result.push.refused ? describeRefusal(result.push.refused) : null,
    isResync: result.pull.isResync,
    finishedAt: at.toISOString(),
  };
}

/** The keychain account of a ledger's central password: one per device, so two ledgers never share one. */
export const passwordAccount = (deviceId: string) => `central:${deviceId}`;

async function localDeviceId(db: Kysely<Database>): Promise<string> {
  const device = await db.selectFrom('devices').select('id').where('is_local', '=', 1).executeTakeFirst();
  return device?.id ?? 'uninitialised';
}

export function startSyncWorker(options: SyncWorkerOptions): SyncWorker {
  const { db, secrets } = options;
  const now = options.now ?? (() => new Date());
  const connect = options.connect ?? ((url: string) => connectCentral(url, { max: 2 }));
  const backoff = options.backoff ?? defaultBackoff;
  const intervalMs = options.intervalMs ?? 60_000;
  const log = options.log ?? (() => {});

  const snapshot: SyncSnapshot = {
    state: 'notConfigured',
    lastSyncAt: null,
    message: null,
    progress: null,
    nextAttemptAt: null,
  };
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<SyncSummary> | null = null;
  let isStarted = false;
  let isStopped = false;
  let connection: { url: string; central: Central } | null = null;

  async function dropConnection() {
    const old = connection;
    connection = null;
    await old?.central.close().catch(() => {});
  }

  async function centralFor(config: SyncConfig): Promise<Central> {
    const password = await secrets.get(passwordAccount(await localDeviceId(db)));
    const url = connectionString({ url: config.url, user: config.user, password });
    if (connection?.url !== url) {
      await dropConnection();
      connection = { url, central: connect(url) };
    }
    return connection.central;
  }

  function schedule(delayMs: number) {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!isStarted || isStopped) return;
    snapshot.nextAttemptAt = new Date(now().getTime() + delayMs).toISOString();
    timer = setTimeout(() => {
      timer = null;
      void cycle().catch(() => {}); // the failure is in the snapshot
    }, delayMs);
    timer.unref?.();
  }

  async function runCycle(): Promise<SyncSummary> {
    const config = await readSyncConfig(db);
    if (!config) {
      snapshot.state = 'notConfigured';
      snapshot.message = null;
      throw new LmsError(
        'CONFLICT',
        'Sync is not configured yet: an administrator sets the central server first.',
      );
    }
    const server = describeServer(config.url);
    const previous = snapshot.state;
    snapshot.state = 'syncing';
    snapshot.progress = null;
    snapshot.nextAttemptAt = null;
    try {
      const central = await centralFor(config);
      const result = await syncOnce(db, central, {
        isHeadOffice: config.isHeadOffice,
        newId: options.newId,
        now,
        onProgress: (p) => {
          snapshot.progress = { received: p.received, head: Math.max(p.head, p.received) };
        },
      });
      const summary = summarise(result, now());
      failures = 0;
      snapshot.lastSyncAt = summary.finishedAt;
      snapshot.state = summary.refused ? 'error' : 'online';
      snapshot.message = summary.refused ?? describeClockSkew(result.push.clockSkewMs);
      return summary;
    } catch (error) {
      failures++;
      snapshot.state = isUnreachable(error) ? 'offline' : 'error';
      snapshot.message = describeFailure(error, server);
      if (previous !== snapshot.state) log(`sync: ${snapshot.message}`, error);
      await dropConnection(); // a fresh pool next time (a restarted server, new credentials)
      throw new LmsError('CONFLICT', snapshot.message);
    } finally {
      snapshot.progress = null;
    }
  }

  /** One cycle; a caller arriving while one runs shares it. Reschedules the background attempt after. */
  function cycle(): Promise<SyncSummary> {
    if (running) return running;
    if (timer) clearTimeout(timer);
    timer = null;
    running = runCycle().finally(async () => {
      running = null;
      const config = await readSyncConfig(db).catch(() => null);
      if (!config?.isAutoSync) snapshot.nextAttemptAt = null;
      else if (failures > 0) schedule(backoffDelay(failures, backoff));
      else schedule(intervalMs);
    });
    return running;
  }

  const port: SyncPort = {
    run: () => cycle(),
    status: () => ({ ...snapshot, progress: snapshot.progress ? { ...snapshot.progress } : null }),
    reconfigure() {
      failures = 0;
      void dropConnection();
      snapshot.state = 'offline';
      snapshot.message = null;
      // After the configuring transaction commits: the timer fires on a later turn of the event loop.
      if (!running) schedule(0);
    },
    async test(target) {
      const server = describeServer(target.url);
      const password = target.password ?? (await secrets.get(passwordAccount(await localDeviceId(db))));
      const central = connect(connectionString({ url: target.url, user: target.user, password }));
      try {
        const [row] = await central.query<{ has: boolean }>(
          "SELECT to_regclass('central_meta') IS NOT NULL AS has",
        );
        return row?.has
          ? { isReachable: true, message: `Connected to the central server at ${server}.` }
          : {
              isReachable: false,
              message: `The server at ${server} answered, but it is not set up as an Optifluence central server.`,
            };
      } catch (error) {
        return { isReachable: false, message: describeFailure(error, server) };
      } finally {
        await central.close().catch(() => {});
      }
    },
    vault: {
      status: () => secrets.status(),
      hasPassword: async (deviceId) => (await secrets.get(passwordAccount(deviceId))) !== null,
      setPassword: (deviceId, password) => secrets.set(passwordAccount(deviceId), password),
    },
  };

  return {
    port,
    start() {
      if (isStarted) return;
      isStarted = true;
      void readSyncConfig(db)
        .then((config) => {
          if (config) snapshot.state = 'offline';
          if (config?.isAutoSync) schedule(0);
        })
        .catch((error) => log('sync: cannot read the sync settings', error));
    },
    async stop() {
      isStopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running?.catch(() => {});
      await dropConnection();
    },
  };
}
