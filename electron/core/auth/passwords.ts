// Staff passwords: scrypt hashes with a per-user salt (Node's crypto), stored with their cost parameters so
// they can be raised later, and the password policy (length 12–128 by default, not one of the most common
// passwords, not containing the username). Not responsible for lockout or sessions.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { dictionary } from '@zxcvbn-ts/language-common';
import type { RejectionReason } from '../../../shared/contract';
import type { PasswordHashing } from '../context';

function scrypt(password: string, salt: Buffer, keyLength: number, cost: PasswordHashing): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(
      password.normalize('NFKC'),
      salt,
      keyLength,
      { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64url. */
export async function hashPassword(password: string, cost: PasswordHashing): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(actual, expected);
}

let commonPasswords: Set<string> | null = null;

/** About 50,000 of the most common passwords (zxcvbn-ts's list), loaded on first use. */
export function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common'] as string[]);
  const lower = password.toLowerCase();
  return commonPasswords.has(lower) || commonPasswords.has(lower.replace(/[\d!@#$%^&*]+$/, ''));
}

export const maxPasswordLength = 128;

export interface PolicyViolation {
  reason: RejectionReason;
  message: string;
}

export function checkPasswordPolicy(
  password: string,
  minLength: number,
  username: string,
): PolicyViolation | null {
  const length = [...password].length;
  if (length < minLength) {
    return { reason: 'password_too_short', message: `must be at least ${minLength} characters` };
  }
  if (length > maxPasswordLength) {
    return { reason: 'password_too_long', message: `must be at most ${maxPasswordLength} characters` };
  }
  if (isCommonPassword(password)) {
    return { reason: 'password_too_common', message: 'is one of the most common passwords; choose another' };
  }
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    return { reason: 'password_contains_username', message: 'must not contain the username' };
  }
  return null;
}
