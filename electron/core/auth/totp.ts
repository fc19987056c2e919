// Two-factor sign-in with time-based one-time passwords (RFC 6238, via otpauth): works offline, since the
// code depends only on the shared secret and the time. Recovery codes are single-use and stored hashed.
import { createHash } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

export const totpIssuer = 'Optifluence LMS';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secret: string, label: string): TOTP {
  return new TOTP({
    issuer: totpIssuer,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  });
}

export function otpauthUri(secret: string, label: string): string {
  return totpFor(secret, label).toString();
}

export async function qrDataUrl(uri: string): Promise<string> {
  return QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
}

/** Accepts the code of the current 30-second step or one step either side (clock drift of a phone). */
export function isValidTotp(secret: string, code: string, atMs: number): boolean {
  return totpFor(secret, 'check').validate({ token: code, timestamp: atMs, window: 1 }) !== null;
}

/** The code an authenticator shows at `atMs` (used by tests and the CLI's demo helper). */
export function totpAt(secret: string, atMs: number): string {
  return totpFor(secret, 'check').generate({ timestamp: atMs });
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');
}

export function normaliseRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Ten codes like `K7QM-2XHD`, from `randomBytes`-backed bytes. */
export function newRecoveryCodes(randomByte: () => number, count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 8 }, () => alphabet[randomByte() % alphabet.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4)}`;
  });
}
