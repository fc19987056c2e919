// The main process's handle on the core worker: a `Core` whose calls travel to the worker thread and back.
// It also answers the worker's secret-store calls (the central password), since the keychain adapters —
// Electron's safeStorage in particular — live in the main process.
import { Worker } from 'node:worker_threads';
import type { ApiResult } from '../../shared/contract';
import type { Core } from '../core/router';
import {
  answerSecretRequest,
  openDesktopSecretStore,
  type SecretRequest,
  type SecretStore,
} from '../platform/secrets';

export interface CoreWorkerClient extends Core {
  /** Refuses new calls, waits for in-flight writes, closes SQLite and ends the worker. */
  close(): Promise<void>;
}

export function startCoreWorker(
  workerFile: string,
  dbPath: string,
  secrets: Promise<SecretStore> = openDesktopSecretStore((message, error) =>
    console.error(`[secrets] ${message}`, error ?? ''),
  ),
): Promise<CoreWorkerClient> {
  const worker = new Worker(workerFile, { workerData: { dbPath, hasSecrets: true } });
  worker.on('message', (message: SecretRequest | { kind: string }) => {
    if (message.kind !== 'secret') return;
    void secrets
      .then((store) => answerSecretRequest(store, message as SecretRequest))
      .then((answer) => worker.postMessage(answer));
  });
  const pending = new Map<number, (result: ApiResult<unknown>) => void>();
  let nextId = 1;
  let onClosed: (() => void) | null = null;
  return new Promise((resolveReady, reject) => {
    worker.on('error', reject);
    worker.on(
      'message',
      (message: { kind: string; id?: number; result?: ApiResult<unknown>; message?: string }) => {
        if (message.kind === 'ready') {
          resolveReady({
            call(method, input, options = {}) {
              const id = nextId++;
              return new Promise((resolveCall) => {
                pending.set(id, resolveCall);
                worker.postMessage({
                  kind: 'call',
                  request: { id, method, input, sessionToken: options.sessionToken ?? null },
                });
              });
            },
            close() {
              return new Promise<void>((resolveClose) => {
                onClosed = resolveClose;
                worker.postMessage({ kind: 'close' });
              }).then(() => worker.terminate().then(() => undefined));
            },
          });
        } else if (message.kind === 'fatal') {
          reject(new Error(message.message));
        } else if (message.kind === 'result' && message.id !== undefined) {
          pending.get(message.id)?.(message.result!);
          pending.delete(message.id);
        } else if (message.kind === 'closed') {
          onClosed?.();
        }
      },
    );
  });
}
