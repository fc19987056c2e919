// The core's window on sync: a small port the host provides (the core worker thread in the desktop app,
// `electron/web.ts` in browser mode, a test). The core never opens a connection to the central server nor
// touches the keychain itself — it asks this port — so it stays free of Electron, `pg` and timers.
// Not configured by the host (the CLI, most tests): the sync methods answer "sync is not available here".
import type { OutputOf } from '../../../shared/contract';

export type SyncSummary = OutputOf<'sync.now'>;
export type SyncState = OutputOf<'system.status'>['syncState'];

/** What the status bar shows about sync (the pending count is read from the ledger by the core). */
export interface SyncSnapshot {
  state: SyncState;
  lastSyncAt: string | null;
  message: string | null;
  progress: { received: number; head: number } | null;
  nextAttemptAt: string | null;
}

export interface KeychainStatus {
  isAvailable: boolean;
  /** 'keytar', 'safeStorage', 'memory' or 'none'. */
  backend: string;
  /** Why no secret can be kept, in words; null when one can. */
  message: string | null;
}

/**
 * The central password, kept by the host's secrets adapter (an OS keychain), never in the ledger; one per
 * device, so two ledgers on one computer never share it. The vault never reads the ledger: it is called
 * inside the configuring write transaction, which holds the ledger's only connection.
 */
export interface PasswordVault {
  status(): Promise<KeychainStatus>;
  hasPassword(deviceId: string): Promise<boolean>;
  /** Throws (with a message for people) when no keychain can keep it. */
  setPassword(deviceId: string, password: string): Promise<void>;
}

export interface CentralTarget {
  url: string;
  user: string;
  password: string | null;
}

export interface SyncPort {
  /** One sync cycle now; waits for (and answers) a cycle already running rather than starting a second. */
  run(): Promise<SyncSummary>;
  status(): SyncSnapshot;
  /** The connection settings in the ledger changed: drop the old connection, try the new one soon. */
  reconfigure(): void;
  /** Tries to reach a central server; the password, when null, is the one in the keychain. */
  test(target: CentralTarget): Promise<{ isReachable: boolean; message: string }>;
  vault: PasswordVault;
}
