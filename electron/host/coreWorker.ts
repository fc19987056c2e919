// The core's home in the desktop app: a worker thread, so a long report, import or sync never freezes the
// window (the Electron main thread only relays messages). Requests are `{ id, method, input, sessionToken }`,
// answers `{ id, result }`; `close` finishes in-flight calls, then closes SQLite.
// The background sync worker runs here too, beside the core, on the same ledger connection; its keychain
// calls go to the main process as `secret` messages and come back as `secretAnswer`.
import { parentPort, workerData } from 'node:worker_threads';
import { secretsOverPort, type SecretAnswer } from '../platform/secrets';
import { openCore } from './openCore';

export interface WorkerRequest {
  id: number;
  method: string;
  input: unknown;
  sessionToken: string | null;
}

export type WorkerMessage = { kind: 'call'; request: WorkerRequest } | { kind: 'close' } | SecretAnswer;

export function serveCore(
  port: NonNullable<typeof parentPort>,
  dbPath: string,
  options: { hasSecrets?: boolean } = {},
) {
  let opened: ReturnType<typeof openCore>;
  const secrets = options.hasSecrets ? secretsOverPort((request) => port.postMessage(request)) : null;
  try {
    opened = openCore(dbPath, secrets ? { secrets: secrets.store } : {});
  } catch (error) {
    port.postMessage({ kind: 'fatal', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  port.postMessage({ kind: 'ready' });
  const inFlight = new Set<Promise<void>>();
  let isClosing = false;
  port.on('message', async (message: WorkerMessage) => {
    if (message.kind === 'secretAnswer') {
      secrets?.receive(message);
      return;
    }
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
  const data = workerData as { dbPath: string; hasSecrets?: boolean };
  serveCore(parentPort, data.dbPath, { hasSecrets: data.hasSecrets });
}
