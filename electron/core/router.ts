// The router every transport goes through (IPC, HTTP loopback, the CLI): decode → authenticate → authorise →
// call → encode. Input is parsed once here with the contract's zod schema; handlers receive typed values. A
// mutation runs in one write transaction together with its event and audit rows. Errors come back as
// `{ error: { code, message, reason?, issues? } }`; no stack trace ever crosses the boundary.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { writeTransaction } from '../../db/open';
import type { Database } from '../../db/schema';
import {
  contract,
  isMethodName,
  LmsError,
  type Access,
  type ApiError,
  type ApiResult,
  type FieldIssue,
  type MethodName,
} from '../../shared/contract';
import type { Actor, CoreDeps, Ctx, LocalDevice, WriteCtx } from './context';
import { appendAudit } from './audit/log';
import { endSession, lookupSession, touchSession } from './auth/sessions';
import { appendEvent } from './events/log';
import { handlers, type Handler } from './handlers';
import { CommitThenFail } from './result';
import { loadLocalDevice } from './setup/setup';

export interface CallOptions {
  sessionToken?: string | null;
}

export interface Core {
  call(method: string, input: unknown, options?: CallOptions): Promise<ApiResult<unknown>>;
}

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
}

function validationError(issues: FieldIssue[]): ApiError {
  const first = issues[0];
  return {
    code: 'VALIDATION',
    reason: 'invalid_input',
    message: first ? `${first.path}: ${first.message}` : 'The input is not valid.',
    issues,
  };
}

const stageAllowed = (access: Access, actor: Actor) => access === 'session' || actor.stage === 'active';

export function createCore(deps: CoreDeps): Core {
  let device: LocalDevice | null = null;

  async function localDevice(): Promise<LocalDevice | null> {
    device ??= await loadLocalDevice(deps.db);
    return device;
  }

  function writeCtx(ctx: Ctx, tx: Kysely<Database>): WriteCtx {
    const wctx: WriteCtx = {
      ...ctx,
      tx,
      audit: (entry) => appendAudit(tx, wctx, entry, wctx.device?.id ?? 'unknown'),
      emit: async (event) => {
        if (!wctx.device) throw new Error('an event needs the local device');
        return (await appendEvent(tx, wctx, event, wctx.device.id)).hlc;
      },
    };
    return wctx;
  }

  async function auditDenial(ctx: Ctx, method: string, why: string) {
    await writeTransaction(deps.db, (tx) =>
      writeCtx(ctx, tx).audit({ action: 'permission.denied', details: { method, why } }),
    );
  }

  async function authenticate(
    ctx: Ctx,
    method: MethodName,
    access: Access,
    token: string | null,
  ): Promise<ApiError | null> {
    if (!token) {
      return access === 'public'
        ? null
        : { code: 'UNAUTHENTICATED', reason: 'session_expired', message: 'Please sign in.' };
    }
    const session = await lookupSession(ctx, token);
    if (session.kind === 'valid') {
      ctx.actor = session.actor;
      if (access !== 'public' && !stageAllowed(access, session.actor)) {
        await auditDenial(ctx, method, `session stage ${session.actor.stage}`);
        return { code: 'FORBIDDEN', reason: 'session_stage', message: 'Finish signing in first.' };
      }
      if (!contract[method].isPassive) {
        await touchSession(deps.db, session.actor.sessionId, deps.clock.now(), session.lastSeenAt);
      }
      return null;
    }
    if (session.kind === 'expired' && session.why !== 'ended') {
      await writeTransaction(deps.db, async (tx) => {
        await endSession(tx, session.sessionId, deps.clock.now());
        await writeCtx(ctx, tx).audit({
          action: 'auth.sessionExpired',
          entityType: 'session',
          entityId: session.sessionId,
          details: { why: session.why },
        });
      });
    }
    if (access === 'public') return null;
    const message =
      session.kind === 'expired' && session.why === 'idle'
        ? 'You were signed out after a period of inactivity. Please sign in again.'
        : 'Your session has ended. Please sign in again.';
    const reason = session.kind === 'expired' && session.why === 'idle' ? 'session_idle' : 'session_expired';
    return { code: 'UNAUTHENTICATED', reason, message };
  }

  async function authorise(ctx: Ctx, method: MethodName, access: Access): Promise<ApiError | null> {
    if (access === 'public' || access === 'session' || access === 'signedIn') return null;
    if (ctx.actor?.permissions.has(access)) return null;
    await auditDenial(ctx, method, `missing permission ${access}`);
    return {
      code: 'FORBIDDEN',
      reason: 'permission_denied',
      message: 'You do not have permission to do this.',
    };
  }

  async function run(method: MethodName, ctx: Ctx, input: unknown): Promise<ApiResult<unknown>> {
    const spec = contract[method];
    const handler = handlers[method] as Handler<MethodName>;
    let failure: CommitThenFail | null = null;
    const output =
      spec.kind === 'mutation'
        ? await writeTransaction(deps.db, async (tx) => {
            const result = await (handler as (c: WriteCtx, i: unknown) => Promise<unknown>)(
              writeCtx(ctx, tx),
              input,
            );
            if (result instanceof CommitThenFail) failure = result;
            return result;
          })
        : await (handler as (c: Ctx, i: unknown) => Promise<unknown>)(ctx, input);
    if (failure) return { error: (failure as CommitThenFail).error.toApiError() };
    if (method === 'setup.initialise') device = null;
    const encoded = (spec.output as z.ZodType).safeParse(output);
    if (!encoded.success) {
      deps.log(`output of ${method} does not match the contract`, encoded.error);
      return {
        error: {
          code: 'INTERNAL',
          reason: 'internal',
          message: 'Something went wrong; nothing was changed.',
        },
      };
    }
    return { data: encoded.data };
  }

  return {
    async call(method, rawInput, options = {}) {
      try {
        if (!isMethodName(method)) {
          return {
            error: { code: 'NOT_FOUND', reason: 'unknown_method', message: `There is no method ${method}.` },
          };
        }
        const spec = contract[method];
        const parsed = (spec.input as z.ZodType).safeParse(rawInput ?? {});
        if (!parsed.success) return { error: validationError(zodIssues(parsed.error)) };
        const ctx: Ctx = {
          ...deps,
          // A query reads the committed state on the reader connection: it answers while a write is running.
          db: spec.kind === 'query' ? (deps.readDb ?? deps.db) : deps.db,
          writeDb: deps.db,
          actor: null,
          device: await localDevice(),
          sessionToken: options.sessionToken ?? null,
        };
        if (!ctx.device && method !== 'setup.status' && method !== 'setup.initialise') {
          return {
            error: { code: 'CONFLICT', reason: 'not_initialised', message: 'This ledger is not set up yet.' },
          };
        }
        const denied =
          (await authenticate(ctx, method, spec.access, ctx.sessionToken)) ??
          (await authorise(ctx, method, spec.access));
        if (denied) return { error: denied };
        return await run(method, ctx, parsed.data);
      } catch (error) {
        if (error instanceof LmsError) return { error: error.toApiError() };
        deps.log(`${method} failed`, error);
        return {
          error: {
            code: 'INTERNAL',
            reason: 'internal',
            message: 'Something went wrong; nothing was changed.',
          },
        };
      }
    },
  };
}
