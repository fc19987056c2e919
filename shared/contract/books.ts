// The books part of the contract: the chart of accounts and the posting rules' mapping per product, the
// journal, manual journals with four eyes, accounting periods, loan-loss provisioning, the books settings, and
// the invariants check. The ledger's reports (trial balance, balance sheet, income statement, account
// statement, cash book) are in ./reports, beside the portfolio reports, so they export the same way.
import { z } from 'zod';
import { Dec } from '../money';
import { method } from './method';
import { businessDate, instant, minor, optionalText, text, uuid } from './schemas';

export const accountTypes = ['asset', 'liability', 'equity', 'income', 'expense'] as const;
export const journalKinds = [
  'loan',
  'till',
  'vault',
  'endOfDay',
  'manual',
  'provision',
  'reversal',
  'referral',
] as const;
export const accrualPolicies = ['daily', 'monthEnd', 'dueDate'] as const;
/** The roles a product may post to accounts of its own (electron/core/books/chart.ts). */
export const productAccountRoles = [
  'portfolio',
  'interestReceivable',
  'feesReceivable',
  'penaltiesReceivable',
  'interestIncome',
  'feeIncome',
  'penaltyIncome',
  'recoveryIncome',
  'writeOffExpense',
] as const;

export const accountCode = z
  .string()
  .trim()
  .regex(/^[0-9A-Z]{2,10}$/, 'must be 2–10 digits or capital letters');
export const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM');
const reason = text(500);

export const glAccount = z.object({
  code: z.string(),
  name: z.string(),
  type: z.enum(accountTypes),
  parentCode: z.string().nullable(),
  role: z.string().nullable(),
  isHeader: z.boolean(),
  isControl: z.boolean(),
  isActive: z.boolean(),
  hasPostings: z.boolean(),
});
export type GlAccountView = z.infer<typeof glAccount>;

export const journalLineView = z.object({
  lineNo: z.number().int(),
  accountCode: z.string(),
  accountName: z.string(),
  debitMinor: z.number().int(),
  creditMinor: z.number().int(),
  loanId: z.string().nullable(),
  tillId: z.string().nullable(),
});

export const journalEntryView = z.object({
  id: z.string(),
  branchId: z.string(),
  kind: z.enum(journalKinds),
  valueDate: z.string(),
  postingDate: z.string(),
  period: z.string(),
  narration: z.string(),
  sourceId: z.string().nullable(),
  loanId: z.string().nullable(),
  reversesId: z.string().nullable(),
  createdBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  createdAt: instant,
  lines: z.array(journalLineView),
});
export type JournalEntryView = z.infer<typeof journalEntryView>;

const manualLine = z
  .object({
    accountCode,
    debitMinor: minor.default(0),
    creditMinor: minor.default(0),
  })
  .refine((l) => l.debitMinor > 0 !== l.creditMinor > 0, {
    message: 'must be either a debit or a credit, greater than 0',
  });

export const manualJournalView = z.object({
  id: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  valueDate: z.string(),
  narration: z.string(),
  lines: z.array(
    z.object({ accountCode: z.string(), debitMinor: z.number().int(), creditMinor: z.number().int() }),
  ),
  attachments: z.array(z.string()),
  createdBy: z.string(),
  createdByName: z.string().nullable(),
  createdAt: instant,
  decidedBy: z.string().nullable(),
  decidedAt: instant.nullable(),
  decisionReason: z.string().nullable(),
  entryId: z.string().nullable(),
  totalMinor: z.number().int(),
});
export type ManualJournalView = z.infer<typeof manualJournalView>;

export const periodView = z.object({
  period: z.string(),
  status: z.enum(['open', 'closed']),
  closedBy: z.string().nullable(),
  closedAt: instant.nullable(),
  reopenedBy: z.string().nullable(),
  reopenedAt: instant.nullable(),
  entries: z.number().int(),
});

export const provisionBucket = z.object({
  name: text(40),
  fromDays: z.number().int().min(0),
  toDays: z.number().int().min(0).nullable(),
  ratePercent: z
    .string()
    .regex(/^\d{1,3}(\.\d{1,4})?$/, 'must be a percentage such as "25" or "2.5"')
    .refine((v) => new Dec(v).lte(100), 'must be at most 100'),
});

export const booksSettingsView = z.object({
  accrual: z.enum(accrualPolicies),
  productAccrual: z.record(z.string(), z.enum(accrualPolicies)),
  provisioning: z.array(provisionBucket),
});

export const provisioningView = z.object({
  period: z.string(),
  asOf: z.string(),
  buckets: z.array(
    z.object({
      name: z.string(),
      fromDays: z.number().int(),
      toDays: z.number().int().nullable(),
      ratePercent: z.string(),
      loanCount: z.number().int(),
      outstandingPrincipalMinor: z.number().int(),
      requiredMinor: z.number().int(),
    }),
  ),
  requiredMinor: z.number().int(),
  /** The loan-loss provision account's balance now (a credit shown positive). */
  heldMinor: z.number().int(),
  adjustmentMinor: z.number().int(),
  postedEntryId: z.string().nullable(),
});

export const booksCheck = z.object({ name: z.string(), isOk: z.boolean(), problems: z.array(z.string()) });

export const bookMethods = {
  'books.accounts': method({
    description: 'The chart of accounts, with each account’s role and whether it has postings.',
    access: 'reports.read',
    kind: 'query',
    input: z.object({}),
    output: z.array(glAccount),
  }),
  'books.saveAccount': method({
    description:
      'Adds an account, or renames, moves or deactivates one (never deleted; its type is fixed once posted to).',
    access: 'settings.manage',
    kind: 'mutation',
    input: z.object({
      code: accountCode,
      name: text(120),
      type: z.enum(accountTypes),
      parentCode: accountCode.nullable().default(null),
      isHeader: z.boolean().default(false),
      isActive: z.boolean().default(true),
      /** Adding: refused when the code is taken (editing is by code). */
      isNew: z.boolean().default(false),
    }),
    output: glAccount,
  }),
  'books.mappings': method({
    description:
      'Each product’s own accounts for the posting rules’ roles (the chart’s role account otherwise).',
    access: 'reports.read',
    kind: 'query',
    input: z.object({}),
    output: z.array(
      z.object({ productId: z.string(), role: z.enum(productAccountRoles), accountCode: z.string() }),
    ),
  }),
  'books.saveMapping': method({
    description:
      'Maps a role of a product’s postings to an account of its own (null: back to the chart’s account).',
    access: 'settings.manage',
    kind: 'mutation',
    input: z.object({
      productId: uuid,
      role: z.enum(productAccountRoles),
      accountCode: accountCode.nullable(),
    }),
    output: z.object({ productId: z.string(), role: z.string(), accountCode: z.string().nullable() }),
  }),
  'books.journal': method({
    description: 'Journal entries posted between two dates, newest first, with their lines.',
    access: 'reports.read',
    kind: 'query',
    input: z.object({
      from: businessDate,
      to: businessDate,
      kind: z.enum(journalKinds).optional(),
      loanId: uuid.optional(),
      accountCode: accountCode.optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    output: z.array(journalEntryView),
  }),
  'books.proposeJournal': method({
    description:
      'Proposes a manual journal entry (balanced, with a narration and attachments) for a second person to approve.',
    access: 'accounting.manage',
    kind: 'mutation',
    input: z.object({
      valueDate: businessDate,
      narration: text(300),
      lines: z.array(manualLine).min(2, 'must have at least two lines').max(50),
      attachments: z.array(uuid).max(10).default([]),
      idempotencyKey: z.string().uuid('must be a UUID made once per action'),
    }),
    output: manualJournalView,
  }),
  'books.manualJournals': method({
    description: 'Manual journal entries, pending first.',
    access: 'reports.read',
    kind: 'query',
    input: z.object({ status: z.enum(['pending', 'approved', 'rejected']).optional() }),
    output: z.array(manualJournalView),
  }),
  'books.decideJournal': method({
    description: 'Approves (posts) or rejects a manual journal entry: never by the person who proposed it.',
    access: 'accounting.manage',
    kind: 'mutation',
    input: z.object({ id: uuid, decision: z.enum(['approve', 'reject']), reason: optionalText(500) }),
    output: manualJournalView,
  }),
  'books.reverseJournal': method({
    description:
      'Reverses a posted manual journal entry with a new entry of the opposite lines (a reason; audited): entries are never changed.',
    access: 'accounting.manage',
    kind: 'mutation',
    input: z.object({
      entryId: uuid,
      reason,
      idempotencyKey: z.string().uuid('must be a UUID made once per action'),
    }),
    output: journalEntryView,
  }),
  'books.periods': method({
    description: 'The accounting periods (months) of this branch, open or closed.',
    access: 'reports.read',
    kind: 'query',
    input: z.object({}),
    output: z.array(periodView),
  }),
  'books.closePeriod': method({
    description:
      'Closes a month: nothing posts into it afterwards (a backdated posting lands in the next open month).',
    access: 'accounting.manage',
    kind: 'mutation',
    input: z.object({ period }),
    output: periodView,
  }),
  'books.reopenPeriod': method({
    description: 'Re-opens a closed month (an administrator, with a reason; audited).',
    access: 'accounting.reopen',
    kind: 'mutation',
    input: z.object({ period, reason }),
    output: periodView,
  }),
  'books.provisioning': method({
    description:
      'Loan-loss provisioning for a month: loans by days past due, the provision each bucket needs, and the adjustment.',
    access: 'reports.read',
    kind: 'query',
    input: z.object({ period: period.optional() }),
    output: provisioningView,
  }),
  'books.postProvisioning': method({
    description:
      'Posts the month’s provisioning entry (the adjustment to the loan-loss provision), once per month.',
    access: 'accounting.manage',
    kind: 'mutation',
    input: z.object({ period }),
    output: provisioningView,
  }),
  'books.settings': method({
    description: 'The interest accrual policy and the provisioning buckets.',
    access: 'reports.read',
    kind: 'query',
    input: z.object({}),
    output: booksSettingsView,
  }),
  'books.updateSettings': method({
    description: 'Changes the interest accrual policy (default or per product) or the provisioning buckets.',
    access: 'settings.manage',
    kind: 'mutation',
    input: booksSettingsView.partial(),
    output: booksSettingsView,
  }),
  'books.verify': method({
    description:
      'Checks the books: entries balance and are unchanged, balances equal the journal, loans and cash agree.',
    access: 'reports.read',
    kind: 'query',
    input: z.object({}),
    output: z.array(booksCheck),
  }),
};
