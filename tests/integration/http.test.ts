// The HTTP loopback transport over a real core: the run token, the Host check, typed errors, no stack traces.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpTransport, type HttpTransport } from '../../electron/transports/http';
import { aLedger, removeDir, setupInput, type TestBranch } from '../support/ledger';

let branch: TestBranch;
let http: HttpTransport;
beforeAll(async () => {
  branch = aLedger();
  http = await startHttpTransport(branch.core, { token: 'secret-run-token' });
});
afterAll(async () => {
  await http.close();
  await branch.close();
  removeDir(branch.dir);
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${http.url}${path}`, {
    method: 'POST',
    headers: { authorization: 'Bearer secret-run-token', 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('the HTTP loopback transport', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(http.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('answers 401 without the run token or with a wrong one', async () => {
    expect((await fetch(`${http.url}api/setup.status`, { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await post('api/setup.status', {}, { authorization: 'Bearer guess' })).status).toBe(401);
  });

  it('answers 401 to a foreign Host header (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: http.port,
          path: '/api/setup.status',
          method: 'POST',
          headers: { host: 'evil.example', authorization: 'Bearer secret-run-token' },
        },
        (res) => resolve(res.statusCode!),
      );
      req.end('{}');
    });
    expect(status).toBe(401);
  });

  it('turns bad input into a VALIDATION error naming the field, and changes nothing', async () => {
    const res = await post('api/setup.initialise', { input: { ...setupInput, branchCode: 'lower case' } });
    const body = await res.json();
    expect(body.error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'branchCode' }] });
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
    expect((await (await post('api/setup.status', { input: {} })).json()).data.isInitialised).toBe(false);
  });

  it('rejects a body that is not JSON, and GET on a method', async () => {
    expect((await post('api/setup.status', '{not json')).status).toBe(400);
    expect(
      (await fetch(`${http.url}api/setup.status`, { headers: { authorization: 'Bearer secret-run-token' } }))
        .status,
    ).toBe(405);
  });

  it('carries the session in X-LMS-Session', async () => {
    await post('api/setup.initialise', { input: setupInput });
    const signIn = await (
      await post('api/auth.signIn', { input: { username: 'amina', password: setupInput.adminPassword } })
    ).json();
    const me = await (
      await post('api/auth.me', { input: {} }, { 'x-lms-session': signIn.data.sessionToken })
    ).json();
    expect(me.data.user.username).toBe('amina');
    const anonymous = await (await post('api/auth.me', { input: {} })).json();
    expect(anonymous.error.code).toBe('UNAUTHENTICATED');
  });
});
