// The API contract: every method the renderer, the CLI and the HTTP transport can call, in one table.
// For each: its access rule, a one-line description, and zod schemas for input and output. The preload bridge,
// the IPC registration, the HTTP transport, the renderer's client and `lms call` are all derived from this table.
//
// Adding a method: (1) add an entry here; (2) add its handler in electron/core/handlers.ts (the handler map is
// typed from this table, so a missing or extra handler does not compile); (3) run `npm run docs`.
//
// Access: 'public' (no session: setup, sign-in), 'session' (any session stage, e.g. during a forced password
// change or a pending two-factor prompt), 'signedIn' (a completed sign-in), or a permission name.
import { z } from 'zod';
import { customerMethods } from './customers';
import { bookMethods } from './books';
import { loanMethods } from './loans';
import { statementMethods } from './statements';
import { method, ok, type MethodSpec } from './method';
import { reportMethods } from './reports';
import { syncMethods, syncStates } from './sync';
import {
  auditRow,
  branchInfo,
  businessDate,
  displayName,
  empty,
  instant,
  password,
  permission,
  role,
  securitySettings,
  signInResult,
  userView,
  username,
  uuid,
} from './schemas';

export type { Access, MethodSpec } from './method';

export const contract = {
  'setup.status': method({
    description: 'Whether this ledger has been set up, and for which institution and branch.',
    access: 'public',
    kind: 'query',
    input: empty,
    output: z.object({
      isInitialised: z.boolean(),
      institutionName: z.string().nullable(),
      branch: branchInfo.nullable(),
    }),
  }),
  'setup.initialise': method({
    description: 'First-run setup: the institution, this branch and device, and the first administrator.',
    access: 'public',
    kind: 'mutation',
    input: z.object({
      institutionName: z.string().trim().min(2, 'must be at least 2 characters').max(120),
      branchCode: z
        .string()
        .trim()
        .regex(/^[A-Z0-9]{2,8}$/, 'must be 2–8 capital letters or digits'),
      branchName: z.string().trim().min(2, 'must be at least 2 characters').max(120),
      currency: z
        .string()
        .trim()
        .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as KES or EUR'),
      timeZone: z.string().trim().min(1, 'is required').max(64),
      businessDate,
      locale: z.enum(['en', 'fr']).default('en'),
      deviceCode: z
        .string()
        .trim()
        .regex(/^[A-Z0-9]{1,4}$/, 'must be 1–4 capital letters or digits')
        .default('01'),
      adminUsername: username,
      adminDisplayName: displayName,
      adminPassword: password,
    }),
    output: z.object({ branchCode: z.string(), deviceCode: z.string(), adminUserId: uuid }),
  }),

  'auth.signIn': method({
    description:
      'Sign in with a username and password; may ask next for a two-factor code or a new password.',
    access: 'public',
    kind: 'mutation',
    input: z.object({ username: z.string().trim().min(1, 'is required').max(64), password }),
    output: signInResult,
  }),
  'auth.verifyTotp': method({
    description: 'Complete a sign-in with a six-digit authenticator code or a recovery code.',
    access: 'session',
    kind: 'mutation',
    input: z.object({ code: z.string().trim().min(6, 'must be 6 digits or a recovery code').max(32) }),
    output: signInResult,
  }),
  'auth.changePassword': method({
    description: 'Change the signed-in user’s password (required after a reset or on first sign-in).',
    access: 'session',
    kind: 'mutation',
    input: z.object({ currentPassword: password, newPassword: password }),
    output: signInResult,
  }),
  'auth.startTotpEnrolment': method({
    description: 'Begin two-factor enrolment: a new secret, its otpauth URI and a QR code to scan.',
    access: 'session',
    kind: 'mutation',
    input: empty,
    output: z.object({ secret: z.string(), otpauthUri: z.string(), qrDataUrl: z.string() }),
  }),
  'auth.confirmTotpEnrolment': method({
    description: 'Finish two-factor enrolment with a code from the app; returns one-time recovery codes.',
    access: 'session',
    kind: 'mutation',
    input: z.object({
      code: z
        .string()
        .trim()
        .regex(/^\d{6}$/, 'must be 6 digits'),
    }),
    output: z.object({ recoveryCodes: z.array(z.string()), result: signInResult }),
  }),
  'auth.disableTotp': method({
    description: 'Turn off two-factor sign-in for the signed-in user (refused where their role requires it).',
    access: 'signedIn',
    kind: 'mutation',
    input: z.object({ password }),
    output: ok,
  }),
  'auth.signOut': method({
    description: 'End the current session.',
    access: 'session',
    kind: 'mutation',
    input: empty,
    output: ok,
  }),
  'auth.me': method({
    description: 'The current session: user, role, permissions, stage, branch and when it expires.',
    access: 'session',
    kind: 'query',
    input: empty,
    output: z.object({
      user: z.object({ id: uuid, username: z.string(), displayName: z.string(), role, hasTotp: z.boolean() }),
      permissions: z.array(permission),
      stage: z.enum(['active', 'passwordChangeRequired', 'totpRequired', 'totpEnrolmentRequired']),
      institutionName: z.string(),
      branch: branchInfo,
      deviceCode: z.string(),
      idleExpiresAt: instant,
      expiresAt: instant,
    }),
  }),

  'users.list': method({
    description: 'All staff accounts of this branch.',
    access: 'users.manage',
    kind: 'query',
    input: z.object({ includeInactive: z.boolean().default(true) }),
    output: z.array(userView),
  }),
  'users.create': method({
    description: 'Create a staff account with a temporary password that must be changed at first sign-in.',
    access: 'users.manage',
    kind: 'mutation',
    input: z.object({ username, displayName, role, temporaryPassword: password }),
    output: userView,
  }),
  'users.update': method({
    description: 'Change a staff member’s name or role, or deactivate / reactivate the account.',
    access: 'users.manage',
    kind: 'mutation',
    input: z.object({
      userId: uuid,
      displayName: displayName.optional(),
      role: role.optional(),
      isActive: z.boolean().optional(),
    }),
    output: userView,
  }),
  'users.resetPassword': method({
    description: 'Set a temporary password; the user must change it at next sign-in. Ends their sessions.',
    access: 'users.manage',
    kind: 'mutation',
    input: z.object({ userId: uuid, temporaryPassword: password }),
    output: ok,
  }),
  'users.unlock': method({
    description: 'Lift a lockout after too many failed sign-ins.',
    access: 'users.manage',
    kind: 'mutation',
    input: z.object({ userId: uuid }),
    output: userView,
  }),
  'users.resetTotp': method({
    description:
      'Remove a user’s two-factor enrolment (a lost phone); they enrol again at next sign-in if required.',
    access: 'users.manage',
    kind: 'mutation',
    input: z.object({ userId: uuid }),
    output: userView,
  }),
  'roles.list': method({
    description: 'Roles with their permissions and whether two-factor sign-in is required.',
    access: 'users.manage',
    kind: 'query',
    input: empty,
    output: z.array(
      z.object({ role, name: z.string(), permissions: z.array(permission), requiresTotp: z.boolean() }),
    ),
  }),
  'roles.setTotpRequired': method({
    description: 'Require (or stop requiring) two-factor sign-in for everyone with a role.',
    access: 'users.manage',
    kind: 'mutation',
    input: z.object({ role, isRequired: z.boolean() }),
    output: ok,
  }),

  'audit.list': method({
    description: 'The audit log, newest first, filtered by user, action and date.',
    access: 'audit.read',
    kind: 'query',
    input: z.object({
      userId: uuid.optional(),
      action: z.string().max(64).optional(),
      fromDate: businessDate.optional(),
      toDate: businessDate.optional(),
      beforeSeq: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ rows: z.array(auditRow), nextBeforeSeq: z.number().int().nullable() }),
  }),
  'audit.verify': method({
    description: 'Recompute the audit log’s hash chain and report the first row that does not match.',
    access: 'audit.read',
    kind: 'query',
    input: empty,
    output: z.object({
      isIntact: z.boolean(),
      rowsChecked: z.number().int(),
      firstBrokenSeq: z.number().int().nullable(),
    }),
  }),

  'settings.getSecurity': method({
    description: 'Sign-in and session security settings.',
    access: 'settings.manage',
    kind: 'query',
    input: empty,
    output: securitySettings,
  }),
  'settings.updateSecurity': method({
    description: 'Change sign-in and session security settings.',
    access: 'settings.manage',
    kind: 'mutation',
    input: securitySettings.partial(),
    output: securitySettings,
  }),

  'system.status': method({
    description: 'What the status bar shows: the business date and the sync state with changes waiting.',
    access: 'signedIn',
    kind: 'query',
    isPassive: true,
    input: empty,
    output: z.object({
      businessDate,
      branchCode: z.string(),
      deviceCode: z.string(),
      syncState: z.enum(syncStates),
      pendingChanges: z.number().int(),
      lastSyncAt: instant.nullable(),
      message: z.string().nullable(),
      /** A large pull under way: events received so far of the central head. */
      progress: z.object({ received: z.number().int(), head: z.number().int() }).nullable(),
      /** When the worker tries again after a failure (backoff), if it is waiting. */
      nextAttemptAt: instant.nullable(),
    }),
  }),
  ...customerMethods,
  ...syncMethods,
  ...loanMethods,
  ...bookMethods,
  ...statementMethods,
  ...reportMethods,
} satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = z.output<Contract[M]['output']>;
export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './errors';
export * from './schemas';
export * from './customers';
export * from './sync';
export * from './loans';
export * from './books';
export * from './reports';
export * from './reportTable';
