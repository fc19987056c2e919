// Every surface of the API is derived from the one contract table: the preload bridge, the IPC registration,
// the HTTP transport, the renderer's client and `lms call --list` expose exactly its methods.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { methodNames, type ApiResult } from '../../../shared/contract';
import type { Core } from '../../../electron/core/router';
import { registerIpc, type IpcEventLike } from '../../../electron/transports/ipc';
import { startHttpTransport } from '../../../electron/transports/http';
import { createClient, httpTransport } from '../../../renderer/api/client';
import { main } from '../../../electron/cli/main';

const exposed: Record<string, unknown> = {};
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke: vi.fn(async (channel: string, envelope: unknown) => ({ data: { channel, envelope } })),
  },
}));

const sorted = [...methodNames].sort();
const echoCore: Core = { call: async (method, input) => ({ data: { method, input } }) };

describe('the API contract is the only source of the API', () => {
  it('has methods named domain.verbNoun, each with a one-line description', async () => {
    const { contract } = await import('../../../shared/contract');
    for (const name of methodNames) {
      expect(name).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]+$/);
      expect(contract[name].description.length).toBeGreaterThan(10);
      expect(contract[name].description).not.toContain('\n');
    }
  });

  it('the preload bridge exposes window.lms with exactly the contract methods', async () => {
    await import('../../../electron/preload');
    const bridge = exposed.lms as Record<string, (input: unknown, token: string | null) => Promise<unknown>>;
    expect(Object.keys(bridge).sort()).toEqual(sorted);
    await expect(bridge['users.list']!({ includeInactive: true }, 'tok')).resolves.toEqual({
      data: {
        channel: 'lms:users.list',
        envelope: { input: { includeInactive: true }, sessionToken: 'tok' },
      },
    });
  });

  it('the main process registers one IPC handler per method and refuses a foreign frame', async () => {
    const handlers = new Map<string, (event: IpcEventLike, envelope: unknown) => Promise<unknown>>();
    const dispose = registerIpc(
      { handle: (c, l) => handlers.set(c, l), removeHandler: (c) => handlers.delete(c) },
      echoCore,
      'file:///app/renderer/',
    );
    expect([...handlers.keys()].map((c) => c.replace(/^lms:/, '')).sort()).toEqual(sorted);
    const own = { senderFrame: { url: 'file:///app/renderer/index.html', parent: null } };
    const foreign = { senderFrame: { url: 'https://evil.example/', parent: null } };
    const iframe = { senderFrame: { url: 'file:///app/renderer/index.html', parent: {} } };
    await expect(handlers.get('lms:auth.me')!(own, { input: {}, sessionToken: 's' })).resolves.toEqual({
      data: { method: 'auth.me', input: {} },
    });
    for (const event of [foreign, iframe, { senderFrame: null }]) {
      await expect(handlers.get('lms:auth.me')!(event, {})).resolves.toMatchObject({
        error: { code: 'FORBIDDEN' },
      });
    }
    dispose();
    expect(handlers.size).toBe(0);
  });

  const servers: { close(): Promise<void> }[] = [];
  afterAll(async () => Promise.all(servers.map((s) => s.close())));

  it('the HTTP transport serves every contract method and nothing else', async () => {
    const http = await startHttpTransport(echoCore, { token: 'run-token' });
    servers.push(http);
    const post = (path: string) =>
      fetch(`${http.url}${path}`, {
        method: 'POST',
        headers: { authorization: 'Bearer run-token' },
        body: '{"input":{}}',
      });
    for (const method of methodNames) expect((await post(`api/${method}`)).status).toBe(200);
    for (const other of ['api/eval', 'api/__proto__', 'api/users', 'api/constructor', 'api/']) {
      expect((await post(other)).status).toBe(404);
    }
  });

  it('the renderer client calls through the transport with the session token', async () => {
    const http = await startHttpTransport(echoCore, { token: 'run-token' });
    servers.push(http);
    const client = createClient(httpTransport(http.url, 'run-token'));
    expect([...client.methods].sort()).toEqual(sorted);
    client.setSessionToken('abc');
    const result = (await client.call('users.list', { includeInactive: false })) as ApiResult<unknown>;
    expect(result.data).toEqual({ method: 'users.list', input: { includeInactive: false } });
  });

  it('lms call --list prints exactly the contract methods', async () => {
    let out = '';
    const code = await main(['call', '--list'], {
      stdout: (t) => (out += t),
      stderr: () => {},
      stdin: () => '',
      env: {},
    });
    expect(code).toBe(0);
    expect(out.trim().split('\n').sort()).toEqual(sorted);
  });
});
