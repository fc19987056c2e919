// The Electron IPC transport: one `ipcMain.handle` per contract method, on channel `lms:<method>`, each
// checking that the message comes from our own window's top frame (Electron's security checklist, item 17)
// before handing the envelope `{ input, sessionToken }` to the router.
import { methodNames, type ApiResult } from '../../shared/contract';
import type { Core } from '../core/router';

export const channelPrefix = 'lms:';

/** The parts of Electron's `ipcMain` and `IpcMainInvokeEvent` this module uses (so tests need no Electron). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, envelope: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface IpcEventLike {
  senderFrame: { url: string; parent: unknown } | null;
}

export function isTrustedSender(event: IpcEventLike, appUrlPrefix: string): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && frame.url.startsWith(appUrlPrefix);
}

const untrusted: ApiResult<never> = { error: { code: 'FORBIDDEN', message: 'Untrusted sender.' } };

/** Registers every method; returns a disposer that removes them all (shutdown owns it). */
export function registerIpc(ipcMain: IpcMainLike, core: Core, appUrlPrefix: string): () => void {
  for (const method of methodNames) {
    ipcMain.handle(channelPrefix + method, async (event, envelope) => {
      if (!isTrustedSender(event, appUrlPrefix)) return untrusted;
      const { input, sessionToken } = (envelope ?? {}) as { input?: unknown; sessionToken?: unknown };
      return core.call(method, input ?? {}, {
        sessionToken: typeof sessionToken === 'string' ? sessionToken : null,
      });
    });
  }
  return () => methodNames.forEach((method) => ipcMain.removeHandler(channelPrefix + method));
}
