// The sync part of the contract: the central connection (admins), running a sync now (anyone with `sync.run`),
// and the exceptions queue, where a manager settles a real conflict between two branches' versions.
// The central password never enters the ledger: `sync.configure` hands it to the host's keychain adapter.
import { z } from 'zod';
import { method } from './method';
import { instant, uuid } from './schemas';

/** `postgres://` or `postgresql://`, a host, a database, and no credentials (the user and password are separate fields). */
export const centralUrl = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(500, 'must be at most 500 characters')
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'is not a URL such as postgresql://10.0.0.5:5432/lms' });
      return;
    }
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
      ctx.addIssue({ code: 'custom', message: 'must start with postgres:// or postgresql://' });
    else if (!url.hostname) ctx.addIssue({ code: 'custom', message: 'must name the server (host)' });
    else if (url.password)
      ctx.addIssue({
        code: 'custom',
        message: 'must not contain the password: enter it in the password field',
      });
    else if (url.pathname.length < 2) ctx.addIssue({ code: 'custom', message: 'must name the database' });
  });

const centralUser = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(63, 'must be at most 63 characters')
  .regex(/^[^\s:@/]+$/, 'must not contain spaces, “:”, “@” or “/”');
const centralPassword = z.string().min(1, 'is required').max(200, 'must be at most 200 characters');

export const syncStates = ['notConfigured', 'offline', 'online', 'syncing', 'error'] as const;
export const exceptionResolutions = ['keep_local', 'accept_remote', 'merged'] as const;

export const syncSummary = z.object({
  pushed: z.number().int(),
  pulled: z.number().int(),
  applied: z.number().int(),
  deferred: z.number().int(),
  /** Why central refused one of our events, in words; null when everything was accepted. */
  refused: z.string().nullable(),
  isResync: z.boolean(),
  finishedAt: instant,
});

/**
 * What settling an exception changed on this ledger (electron/sync/resolutions.ts), the same on every replica
 * that holds it; the queue puts it in words.
 *   customerMerged — the other registration's id now means this customer (later events about it apply here);
 *                    `fields` are the profile fields taken from it (none when ours was kept as it was);
 *   eventApplied   — the held event was applied (to the customer it names, or the one that id was merged into);
 *   eventDiscarded — the held event was set aside (still kept in the received log);
 *   userAdded      — the other device's account is on this ledger under `username`, active or not;
 *   recorded       — the decision was recorded; no data changed.
 */
export const exceptionEffect = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('customerMerged'),
    customerId: z.string(),
    customerName: z.string(),
    aliasId: z.string(),
    fields: z.array(z.string()),
  }),
  z.object({
    type: z.literal('eventApplied'),
    eventId: z.string(),
    eventType: z.string(),
    customerId: z.string().nullable(),
    customerName: z.string().nullable(),
  }),
  z.object({ type: z.literal('eventDiscarded'), eventId: z.string(), eventType: z.string() }),
  z.object({
    type: z.literal('userAdded'),
    userId: z.string(),
    username: z.string(),
    isActive: z.boolean(),
  }),
  z.object({ type: z.literal('recorded') }),
]);
export type ExceptionEffect = z.infer<typeof exceptionEffect>;

export const syncExceptionView = z.object({
  id: uuid,
  kind: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  eventId: z.string(),
  /** This ledger's version when the remote event arrived (null when there was none). */
  localVersion: z.unknown(),
  /** What the other device wrote (the remote event's payload). */
  remoteVersion: z.unknown(),
  status: z.enum(['open', 'resolved']),
  resolution: z.enum(exceptionResolutions).nullable(),
  note: z.string().nullable(),
  /** What the resolution changed; null while open. */
  effect: exceptionEffect.nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: instant.nullable(),
  createdAt: instant,
});

const syncConfigView = z.object({
  isConfigured: z.boolean(),
  url: z.string().nullable(),
  user: z.string().nullable(),
  isHeadOffice: z.boolean(),
  isAutoSync: z.boolean(),
  hasPassword: z.boolean(),
  /** Where the password is kept (e.g. "keytar", "safeStorage", "memory"), or why it cannot be. */
  keychain: z.object({ isAvailable: z.boolean(), backend: z.string(), message: z.string().nullable() }),
});

export const syncMethods = {
  'sync.getConfig': method({
    description:
      'The central server this ledger syncs with, its branch scope, auto-sync, and whether a password is kept.',
    access: 'settings.manage',
    kind: 'query',
    input: z.object({}),
    output: syncConfigView,
  }),
  'sync.configure': method({
    description:
      'Set the central server (URL without password, user), scope and auto-sync; the password goes to the keychain.',
    access: 'settings.manage',
    kind: 'mutation',
    input: z.object({
      url: centralUrl,
      user: centralUser,
      /** Absent: keep the password already in the keychain. */
      password: centralPassword.optional(),
      isHeadOffice: z.boolean().default(false),
      isAutoSync: z.boolean().default(true),
    }),
    output: syncConfigView,
  }),
  'sync.testConnection': method({
    description:
      'Try to reach a central server (the saved one, or the one being entered) and say what happened.',
    access: 'settings.manage',
    kind: 'query',
    input: z.object({
      url: centralUrl.optional(),
      user: centralUser.optional(),
      password: centralPassword.optional(),
    }),
    output: z.object({ isReachable: z.boolean(), message: z.string() }),
  }),
  'sync.now': method({
    // A query for the router: sync writes in its own page-sized transactions, never inside the caller's.
    description: 'Run one sync now (push this device’s changes, pull the others’); answers the counts.',
    access: 'sync.run',
    kind: 'query',
    input: z.object({}),
    output: syncSummary,
  }),
  'sync.listExceptions': method({
    description: 'Conflicts between branches waiting for a manager, with both versions side by side.',
    access: 'loans.approve',
    kind: 'query',
    input: z.object({
      status: z.enum(['open', 'resolved', 'all']).default('open'),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.array(syncExceptionView),
  }),
  'sync.resolveException': method({
    description:
      'Settle a sync conflict: keep ours, accept theirs, or merge; the effect is applied here and on every replica.',
    access: 'loans.approve',
    kind: 'mutation',
    input: z
      .object({
        exceptionId: uuid,
        resolution: z.enum(exceptionResolutions),
        note: z.string().trim().max(500, 'must be at most 500 characters').default(''),
      })
      .superRefine((value, ctx) => {
        if (value.resolution === 'merged' && !value.note)
          ctx.addIssue({ code: 'custom', path: ['note'], message: 'must say what was merged' });
      }),
    output: syncExceptionView,
  }),
};
