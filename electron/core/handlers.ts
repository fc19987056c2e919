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
import { listExceptions, resolveException } from './sync/exceptions';
import { configureSync, getSyncConfig, syncNow, testSyncConnection } from './sync/settings';
import { seedDemoCustomers } from './customers/demo';
import { bookHandlers } from './books/handlers';
import { loanHandlers } from './loans/handlers';
import { reportHandlers } from './reports/handlers';
import { loanStatementPdf } from './reports/statement';
import { getDocument, uploadDocument } from './customers/documents';
import {
  addRelationship,
  computeScore,
  listCommunications,
  listReferrals,
  logCommunication,
  removeRelationship,
  scoreHistory,
  settleReferral,
} from './customers/links';
import { customerActivity, customerHistory, customerProfile, searchCustomers } from './customers/profile';
import { findDuplicates, registerBusiness, registerIndividual } from './customers/register';
import { readCustomerSettings, updateCustomerSettings } from './customers/rules';
import { decideKyc, expireOverdueKyc, listExpiringIds, updateCustomer } from './customers/update';
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
  'customers.search': searchCustomers,
  'customers.get': (ctx, input) => customerProfile(ctx, input.customerId),
  'customers.checkDuplicates': findDuplicates,
  'customers.registerIndividual': registerIndividual,
  'customers.registerBusiness': registerBusiness,
  'customers.update': updateCustomer,
  'customers.history': (ctx, input) => customerHistory(ctx, input.customerId),
  'customers.activity': (ctx, input) => customerActivity(ctx, input.customerId),
  'customers.getSettings': (ctx) => readCustomerSettings(ctx.db),
  'customers.updateSettings': updateCustomerSettings,
  'kyc.decide': decideKyc,
  'kyc.listExpiring': listExpiringIds,
  'kyc.expireOverdue': (ctx) => expireOverdueKyc(ctx),
  'documents.upload': uploadDocument,
  'documents.get': getDocument,
  'relationships.add': addRelationship,
  'relationships.remove': removeRelationship,
  'communications.log': logCommunication,
  'communications.list': listCommunications,
  'referrals.list': listReferrals,
  'referrals.settle': settleReferral,
  'scores.compute': computeScore,
  'customers.seedDemo': seedDemoCustomers,
  'scores.history': scoreHistory,
  'sync.getConfig': (ctx) => getSyncConfig(ctx),
  'sync.configure': configureSync,
  'sync.testConnection': testSyncConnection,
  'sync.now': (ctx) => syncNow(ctx),
  'sync.listExceptions': listExceptions,
  'sync.resolveException': resolveException,
  ...loanHandlers,
  ...bookHandlers,
  ...reportHandlers,
  'reports.loanStatement': loanStatementPdf,
};
