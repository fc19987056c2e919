// WAL checkpoints off the posting path. In WAL mode a commit appends its pages to the -wal file and syncs only
// that; by default the commit that takes the WAL past 1,000 pages then copies every page back into the database
// file and syncs it too — a 10–20 ms stall that lands on whichever posting happens to cross the line, so it sets
// the counter's p99 (a repayment writes about 30 pages: one posting in 30 paid for everyone's checkpoint).
//
// The ledger the app opens (desktop, `npm run web`, the CLI) runs its checkpoints instead on a worker thread with
// a connection of its own: PASSIVE (it never waits for, nor blocks, the writer or a reader) every 200 ms, so the
// WAL stays small and a posting only appends and syncs its own pages. The writer keeps an automatic checkpoint
// far out (10,000 pages, 40 MB) as the safety net should the worker fall behind or die. Durability is unchanged:
// a committed transaction is in the synced WAL either way, and a checkpoint is crash-safe by SQLite's design.
//
// The worker is a few lines of CommonJS given as source (not a file of its own), so the same code runs bundled by
// esbuild (dist/electron), under tsx and under vitest; it loads the very better-sqlite3 the ledger uses, by the
// path this module resolves.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the worker checkpoints, and how far the writer's own fallback checkpoint is. */
export const checkpointEveryMs = 200;
export const fallbackCheckpointPages = 10_000;

const source = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 1000');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message ? error.message : error) });
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message !== 'close') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Runs a last checkpoint, closes the worker's connection and ends the thread. */
  stop(): Promise<void>;
}

/** Starts checkpointing the WAL of the (already migrated) ledger file at `path` on a worker thread. */
export function startCheckpointer(
  path: string,
  log: (message: string) => void = (message) => console.error(`[ledger] ${message}`),
): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(source, { eval: true, workerData: { driver, path, everyMs: checkpointEveryMs } });
  worker.on('message', (m: { error?: string }) => {
    if (m.error) log(`background checkpoint failed: ${m.error}`);
  });
  worker.on('error', (error) => log(`checkpoint worker stopped: ${error.message}`));
  worker.unref(); // never what keeps a process alive (after the listeners: adding one refs the worker again)
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      // Waited for: while it is unref'd a process with nothing else to do would exit before it has closed.
      worker.ref();
      worker.postMessage('close');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), 5_000)));
      if ((await Promise.race([exited, timeout])) === 'late') await worker.terminate();
      clearTimeout(timer);
    },
  };
}
