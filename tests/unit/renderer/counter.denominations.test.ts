import { describe, expect, it } from 'vitest';
import { denominationsFromTexts } from '../../../renderer/screens/counter/settings/denominations';

describe('the denominations a branch keeps for the till count', () => {
  it('are positive minor units, largest first', () => {
    expect(denominationsFromTexts(['50', '1,000', '0.50', '500'], 2, 'en')).toEqual({
      ok: true,
      values: [100_000, 50_000, 5_000, 50],
    });
  });

  it('are each kept once, and there is at least one', () => {
    expect(denominationsFromTexts(['100', '100.00'], 2, 'en')).toEqual({ ok: false, error: 'duplicate' });
    expect(denominationsFromTexts([], 2, 'en')).toEqual({ ok: false, error: 'empty' });
  });

  it('refuses a blank, zero or unreadable one', () => {
    expect(denominationsFromTexts(['100', ''], 2, 'en')).toEqual({ ok: false, error: 'invalid' });
    expect(denominationsFromTexts(['0'], 2, 'en')).toEqual({ ok: false, error: 'invalid' });
    expect(denominationsFromTexts(['1,0'], 2, 'en')).toEqual({ ok: false, error: 'invalid' });
  });
});
