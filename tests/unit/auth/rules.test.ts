// Pure sign-in rules: the password policy, the order of sign-in stages, the TOTP window and the HLC clock.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkPasswordPolicy,
  hashPassword,
  isCommonPassword,
  verifyPassword,
} from '../../../electron/core/auth/passwords';
import { stageAfterPassword, stageAfterSecondFactor } from '../../../electron/core/auth/sessions';
import {
  isValidTotp,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  totpAt,
} from '../../../electron/core/auth/totp';
import { decodeHlc, encodeHlc, receive, tick } from '../../../shared/hlc';

describe('the password policy', () => {
  it('wants at least the configured length, counted in characters not bytes', () => {
    expect(checkPasswordPolicy('Short-pw-11', 12, 'amina')?.reason).toBe('password_too_short');
    expect(checkPasswordPolicy('ñandú-ñandú-ñ', 12, 'amina')).toBeNull();
    expect(checkPasswordPolicy('Blue-Lagoon-Tea-9', 20, 'amina')?.message).toBe(
      'must be at least 20 characters',
    );
  });

  it('refuses more than 128 characters', () => {
    expect(checkPasswordPolicy('a-B-3'.repeat(26), 12, 'amina')?.reason).toBe('password_too_long');
  });

  it('refuses the most common passwords, also with digits appended', () => {
    expect(isCommonPassword('qwerty123456')).toBe(true);
    expect(checkPasswordPolicy('1qaz2wsx3edc', 12, 'amina')?.reason).toBe('password_too_common');
    expect(checkPasswordPolicy('password2026', 12, 'amina')?.reason).toBe('password_too_common');
    expect(checkPasswordPolicy('Umoja-Counter-Till-7', 12, 'amina')).toBeNull();
  });

  it('refuses a password containing the username', () => {
    expect(checkPasswordPolicy('Amina-Secret-2026', 12, 'amina')?.reason).toBe('password_contains_username');
  });

  it('hashes with a fresh salt each time and verifies only the right password', async () => {
    const cost = { N: 1024, r: 8, p: 1 };
    const a = await hashPassword('Umoja-Counter-Till-7', cost);
    const b = await hashPassword('Umoja-Counter-Till-7', cost);
    expect(a).not.toBe(b);
    expect(await verifyPassword('Umoja-Counter-Till-7', a)).toBe(true);
    expect(await verifyPassword('Umoja-Counter-Till-8', a)).toBe(false);
    expect(await verifyPassword('anything', 'md5$abc')).toBe(false);
  });
});

describe('the order of sign-in stages', () => {
  const plain = { must_change_password: 0, totp_enabled_at: null };
  it('asks for the two-factor code before the forced password change', () => {
    expect(stageAfterPassword({ must_change_password: 1, totp_enabled_at: 'x' }, false)).toBe('totpRequired');
    expect(stageAfterSecondFactor({ must_change_password: 1, totp_enabled_at: 'x' }, false)).toBe(
      'passwordChangeRequired',
    );
  });
  it('asks for enrolment only where the role requires two-factor and none is set up', () => {
    expect(stageAfterPassword(plain, true)).toBe('totpEnrolmentRequired');
    expect(stageAfterPassword(plain, false)).toBe('active');
  });
});

describe('time-based codes', () => {
  const secret = newTotpSecret();
  const t = Date.parse('2026-11-25T08:00:10Z');
  it('accepts the current step and one step either side, nothing further', () => {
    expect(isValidTotp(secret, totpAt(secret, t), t)).toBe(true);
    expect(isValidTotp(secret, totpAt(secret, t - 30_000), t)).toBe(true);
    expect(isValidTotp(secret, totpAt(secret, t + 30_000), t)).toBe(true);
    expect(isValidTotp(secret, totpAt(secret, t - 60_000), t)).toBe(false);
    expect(isValidTotp(secret, totpAt(secret, t + 60_000), t)).toBe(false);
  });
  it('makes ten distinct recovery codes that survive typing in lower case with spaces', () => {
    const codes = newRecoveryCodes(() => randomBytes(1)[0]!);
    expect(new Set(codes).size).toBe(10);
    expect(codes[0]).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(normaliseRecoveryCode(` ${codes[0]!.toLowerCase().replace('-', ' ')} `)).toBe(
      codes[0]!.replace('-', ''),
    );
  });
});

describe('hybrid logical clocks', () => {
  it('never goes backwards when the wall clock does', () => {
    const a = tick(null, 1_000, 'dev1');
    const b = tick(a, 900, 'dev1');
    expect(encodeHlc(b) > encodeHlc(a)).toBe(true);
    expect(b).toEqual({ wallMs: 1_000, counter: 1, node: 'dev1' });
  });
  it('round-trips its text form, which sorts in time order', () => {
    const h = { wallMs: 1_764_000_000_000, counter: 42, node: 'd-1' };
    expect(decodeHlc(encodeHlc(h))).toEqual(h);
    expect(encodeHlc({ ...h, wallMs: 9 }) < encodeHlc({ ...h, wallMs: 10 })).toBe(true);
    expect(() => decodeHlc('yesterday')).toThrow();
  });
  it('moves past a remote clock a little ahead, and refuses one too far ahead', () => {
    const local = tick(null, 1_000, 'a');
    const merged = receive(local, { wallMs: 5_000, counter: 3, node: 'b' }, 1_000, 'a', 10_000);
    expect(merged).toEqual({ ok: true, hlc: { wallMs: 5_000, counter: 4, node: 'a' } });
    const refused = receive(
      local,
      { wallMs: 1_000 + 365 * 86_400_000, counter: 0, node: 'b' },
      1_000,
      'a',
      86_400_000,
    );
    expect(refused).toMatchObject({ ok: false, reason: 'clock_too_far_ahead' });
  });
});
