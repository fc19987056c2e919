// The preload bridge: exposes `window.lms` and nothing else — one function per contract method, each an
// `ipcRenderer.invoke` on `lms:<method>`. No Node, no ipcRenderer, no event objects reach the page.
import { contextBridge, ipcRenderer } from 'electron';
import { methodNames } from '../shared/contract';

export type Bridge = Record<string, (input: unknown, sessionToken: string | null) => Promise<unknown>>;

export function makeBridge(invoke: (channel: string, envelope: unknown) => Promise<unknown>): Bridge {
  return Object.fromEntries(
    methodNames.map((method) => [
      method,
      (input: unknown, sessionToken: string | null) => invoke(`lms:${method}`, { input, sessionToken }),
    ]),
  );
}

contextBridge.exposeInMainWorld(
  'lms',
  makeBridge((channel, envelope) => ipcRenderer.invoke(channel, envelope)),
);
