// Reusable zod schemas for the contract: the shapes of ids, dates, codes and the objects several methods return.
import { z } from 'zod';
import { roleNames, permissionNames } from '../permissions';

// Messages a person can act on, next to the field: "is required" rather than zod's type jargon.
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type')
      return issue.input === undefined ? 'is required' : `must be a ${issue.expected}`;
    if (issue.code === 'unrecognized_keys') return `has unknown field(s): ${issue.keys.join(', ')}`;
    return undefined;
  },
});

export const uuid = z.string().uuid();
export const businessDate = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });
export const instant = z.string();
export const role = z.enum(roleNames as [string, ...string[]]) as unknown as z.ZodType<
  (typeof roleNames)[number]
>;
export const permission = z.enum(permissionNames as [string, ...string[]]) as unknown as z.ZodType<
  (typeof permissionNames)[number]
>;

export const username = z
  .string()
  .trim()
  .min(3, 'must be at least 3 characters')
  .max(32, 'must be at most 32 characters')
  .regex(/^[a-zA-Z0-9._-]+$/, 'may contain letters, digits, dot, dash and underscore only');

export const displayName = z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters');

/** Passwords are checked against the policy in the core; here only a hard bound against abuse. */
export const password = z.string().min(1, 'is required').max(1024, 'is too long');

/** A required text field, trimmed, at most `max` characters. */
export const text = (max: number) =>
  z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);
/** An optional text field; an empty one is absent. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .optional()
    .transform((v) => (v === '' ? undefined : v));
/** An amount in integer minor units, never negative. */
export const minor = z
  .number()
  .int('must be a whole number of minor units')
  .min(0, 'must not be negative')
  .max(Number.MAX_SAFE_INTEGER);

export const empty = z.object({}).strict();

export const signInResult = z.object({
  status: z.enum(['signedIn', 'passwordChangeRequired', 'totpRequired', 'totpEnrolmentRequired']),
  sessionToken: z.string(),
  expiresAt: instant,
});
export type SignInResult = z.infer<typeof signInResult>;

export const branchInfo = z.object({
  code: z.string(),
  name: z.string(),
  currency: z.string(),
  currencyDigits: z.number().int(),
  locale: z.string(),
  timeZone: z.string(),
  businessDate,
});

export const userView = z.object({
  id: uuid,
  username: z.string(),
  displayName: z.string(),
  role,
  isActive: z.boolean(),
  isLocked: z.boolean(),
  lockedUntil: instant.nullable(),
  hasTotp: z.boolean(),
  mustChangePassword: z.boolean(),
  lastSignInAt: instant.nullable(),
  createdAt: instant,
});
export type UserView = z.infer<typeof userView>;

export const auditRow = z.object({
  seq: z.number().int(),
  at: instant,
  userId: z.string().nullable(),
  username: z.string().nullable(),
  deviceId: z.string(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditRow = z.infer<typeof auditRow>;

export const securitySettings = z.object({
  maxFailedSignIns: z.number().int().min(1).max(20),
  lockoutMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  idleMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  sessionHours: z.number().int().min(1).max(72),
  minPasswordLength: z.number().int().min(12).max(128),
});
export type SecuritySettings = z.infer<typeof securitySettings>;
