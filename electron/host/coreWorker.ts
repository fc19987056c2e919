// The core's home in the desktop app: a worker thread, so a long report, import or sync never freezes the
// window (the Electron main thread only relays messages). Requests are `{ id, method, input, sessionToken }`,
// answers `{ id, result }`; `close` finishes in-flight calls, then closes SQLite.
import { parentPort, workerData } from 'node:worker_threads';
import { openCore } from './openCore';

export interface WorkerRequest {
  id: number;
  method: string;
  input: unknown;
  sessionToken: string | null;
}

export type WorkerMessage = { kind: 'call'; request: WorkerRequest } | { kind: 'close' };

export function serveCore(port: NonNullable<typeof parentPort>, dbPath: string) {
  let opened: ReturnType<typeof openCore>;
  try {
    opened = openCore(dbPath);
  } catch (error) {
    port.postMessage({ kind: 'fatal', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  port.postMessage({ kind: 'ready' });
  const inFlight = new Set<Promise<void>>();
  let isClosing = false;
  port.on('message', async (message: WorkerMessage) => {
    if (message.kind === 'close') {
      isClosing = true;
      await Promise.all(inFlight);
      await opened.close();
      port.postMessage({ kind: 'closed' });
      return;
    }
    const { id, method, input, sessionToken } = message.request;
    if (isClosing) {
      port.postMessage({
        kind: 'result',
        id,
        result: { error: { code: 'INTERNAL', message: 'The app is closing.' } },
      });
      return;
    }
    const work = opened.core.call(method, input, { sessionToken }).then((result) => {
      port.postMessage({ kind: 'result', id, result });
    });
    inFlight.add(work);
    await work;
    inFlight.delete(work);
  });
}

if (parentPort && (workerData as { dbPath?: string } | undefined)?.dbPath) {
  serveCore(parentPort, (workerData as { dbPath: string }).dbPath);
}
