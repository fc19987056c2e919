import { describe, expect, it, vi } from 'vitest';
import { createClient, httpTransport, ipcTransport, type Transport } from '../../../renderer/api/client';
import type { ApiResult } from '../../../shared/contract';

function aTransport(answer: ApiResult<unknown>) {
  const invoke = vi.fn<Transport['invoke']>().mockResolvedValue(answer);
  return { invoke };
}

describe('createClient', () => {
  it('sends the session token it was given with each call', async () => {
    const transport = aTransport({ data: { ok: true } });
    const client = createClient(transport);
    await client.call('auth.signOut', {});
    client.setSessionToken('token-1');
    await client.call('auth.signOut', {});
    expect(transport.invoke.mock.calls.map((call) => call[2])).toEqual([null, 'token-1']);
  });

  it('answers a refused call with its error rather than throwing', async () => {
    const error = { code: 'FORBIDDEN' as const, message: 'You do not have permission to do this.' };
    const client = createClient(aTransport({ error }));
    await expect(client.call('users.list', {})).resolves.toEqual({ error });
  });

  it('tells the app when the session has expired, with the server’s error', async () => {
    const error = {
      code: 'UNAUTHENTICATED' as const,
      reason: 'session_expired' as const,
      message: 'You were signed out after a period of inactivity. Please sign in again.',
    };
    const client = createClient(aTransport({ error }));
    const listener = vi.fn();
    client.onUnauthenticated(listener);
    await client.call('system.status', {});
    expect(listener).toHaveBeenCalledWith(error);
  });

  it('does not treat a wrong password as an expired session', async () => {
    const client = createClient(
      aTransport({
        error: { code: 'UNAUTHENTICATED', reason: 'invalid_credentials', message: 'not correct' },
      }),
    );
    const listener = vi.fn();
    client.onUnauthenticated(listener);
    await client.call('auth.signIn', { username: 'clerk', password: 'wrong' });
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('httpTransport', () => {
  it('posts the input to /api/<method> with the run token and the session header', async () => {
    const fetchImpl = vi.fn<typeof fetch>().mockResolvedValue(new Response(JSON.stringify({ data: 1 })));
    const transport = httpTransport('http://127.0.0.1:4600/', 'run-token', fetchImpl);
    await expect(transport.invoke('users.list', { includeInactive: true }, 'session-1')).resolves.toEqual({
      data: 1,
    });
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe('http://127.0.0.1:4600/api/users.list');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toMatchObject({ authorization: 'Bearer run-token', 'x-lms-session': 'session-1' });
    expect(JSON.parse(String(init?.body))).toEqual({ input: { includeInactive: true } });
  });

  it('sends no session header before sign-in', async () => {
    const fetchImpl = vi.fn<typeof fetch>().mockResolvedValue(new Response('{"data":{}}'));
    await httpTransport('http://127.0.0.1:1/', 't', fetchImpl).invoke('setup.status', {}, null);
    expect(fetchImpl.mock.calls[0]![1]?.headers).not.toHaveProperty('x-lms-session');
  });

  it('turns an unreachable core into an INTERNAL error instead of throwing', async () => {
    const fetchImpl = vi.fn<typeof fetch>().mockRejectedValue(new TypeError('Failed to fetch'));
    const result = await httpTransport('http://127.0.0.1:1/', 't', fetchImpl).invoke(
      'setup.status',
      {},
      null,
    );
    expect(result.error?.code).toBe('INTERNAL');
  });
});

describe('ipcTransport', () => {
  it('calls the bridge function named after the method', async () => {
    const bridge = { 'setup.status': vi.fn().mockResolvedValue({ data: { isInitialised: false } }) };
    await ipcTransport(bridge).invoke('setup.status', {}, 'session-1');
    expect(bridge['setup.status']).toHaveBeenCalledWith({}, 'session-1');
  });
});
