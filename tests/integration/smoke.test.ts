import { describe, expect, it } from 'vitest';
import { aBranch } from '../support/ledger';

describe('smoke', () => {
  it('sets up and signs in', async () => {
    const b = await aBranch();
    const me = await b.ok('auth.me', {}, b.adminToken);
    expect(me.user.username).toBe('amina');
    expect(me.stage).toBe('active');
  });
});
