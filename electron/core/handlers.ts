// The handler map: one use case per contract method. Its type is derived from the contract, so a method
// without a handler (or a handler without a method) does not compile. Queries get a read context; mutations
// get a `WriteCtx` inside one write transaction (the router opens it).
import type { Contract, MethodName, OutputOf, ParsedInputOf } from '../../shared/contract';
import type { Ctx, WriteCtx } from './context';
import type { CommitThenFail } from './result';
import { listAudit, verifyAudit } from './audit/list';
import { me } from './auth/me';
import {
  changePassword,
  confirmTotpEnrolment,
  disableTotp,
  signIn,
  signOut,
  startTotpEnrolment,
  verifyTotp,
} from './auth/signIn';
import { readSecurity, updateSecurity } from './settings/security';
import { initialise, setupStatus } from './setup/setup';
import { systemStatus } from './system/status';
import {
  createUser,
  listRoles,
  listUsers,
  resetPassword,
  resetTotp,
  setTotpRequired,
  unlockUser,
  updateUser,
} from './users/users';

type CtxFor<M extends MethodName> = Contract[M]['kind'] extends 'mutation' ? WriteCtx : Ctx;

export type Handler<M extends MethodName> = (
  ctx: CtxFor<M>,
  input: ParsedInputOf<M>,
) => Promise<OutputOf<M> | CommitThenFail>;

export type Handlers = { [M in MethodName]: Handler<M> };

export const handlers: Handlers = {
  'setup.status': (ctx) => setupStatus(ctx),
  'setup.initialise': initialise,
  'auth.signIn': signIn,
  'auth.verifyTotp': verifyTotp,
  'auth.changePassword': changePassword,
  'auth.startTotpEnrolment': (ctx) => startTotpEnrolment(ctx),
  'auth.confirmTotpEnrolment': confirmTotpEnrolment,
  'auth.disableTotp': disableTotp,
  'auth.signOut': (ctx) => signOut(ctx),
  'auth.me': (ctx) => me(ctx),
  'users.list': listUsers,
  'users.create': createUser,
  'users.update': updateUser,
  'users.resetPassword': resetPassword,
  'users.unlock': unlockUser,
  'users.resetTotp': resetTotp,
  'roles.list': (ctx) => listRoles(ctx),
  'roles.setTotpRequired': setTotpRequired,
  'audit.list': listAudit,
  'audit.verify': (ctx) => verifyAudit(ctx),
  'settings.getSecurity': (ctx) => readSecurity(ctx.db),
  'settings.updateSecurity': updateSecurity,
  'system.status': (ctx) => systemStatus(ctx),
};
