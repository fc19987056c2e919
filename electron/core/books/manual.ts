// Manual journal entries: an accountant or manager proposes a balanced entry with a narration and its
// supporting documents; another person with the same permission approves it (then it posts) or rejects it.
// Control accounts (the portfolio, receivables, tills, vault, customer credits) take no manual postings:
// their balances are their sub-ledgers', and only the loans and the tills move them.
//
// Both steps are events owned by the branch. The approval carries the entry's id, so every replica posts the
// same entry.
import type { Kysely } from 'kysely';
import type { Database, ManualJournalsTable } from '../../../db/schema';
import {
  fieldError,
  LmsError,
  type ManualJournalView,
  type OutputOf,
  type ParsedInputOf,
} from '../../../shared/contract';
import { requireActor, requireDevice, type Ctx, type WriteCtx } from '../context';
import { ensureChart } from './chart';
import { businessDate } from '../loans/common';
import { postEntry, type EntryDraft } from './journal';

interface ManualLine {
  accountCode: string;
  debitMinor: number;
  creditMinor: number;
}

function viewOf(row: ManualJournalsTable, names: Map<string, string>): ManualJournalView {
  const lines = JSON.parse(row.lines) as ManualLine[];
  return {
    id: row.id,
    status: row.status,
    valueDate: row.value_date,
    narration: row.narration,
    lines,
    attachments: JSON.parse(row.attachments) as string[],
    createdBy: row.created_by,
    createdByName: names.get(row.created_by) ?? null,
    createdAt: row.created_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    decisionReason: row.decision_reason,
    entryId: row.entry_id,
    totalMinor: lines.reduce((s, l) => s + l.debitMinor, 0),
  };
}

async function userNames(db: Kysely<Database>): Promise<Map<string, string>> {
  const users = await db.selectFrom('users').select(['id', 'display_name']).execute();
  return new Map(users.map((u) => [u.id, u.display_name]));
}

async function checkLines(tx: Kysely<Database>, lines: readonly ManualLine[]) {
  let debit = 0;
  let credit = 0;
  for (const [i, l] of lines.entries()) {
    const account = await tx
      .selectFrom('gl_accounts')
      .selectAll()
      .where('code', '=', l.accountCode)
      .executeTakeFirst();
    if (!account)
      throw fieldError(`lines.${i}.accountCode`, 'is not an account of the chart', 'account_not_found');
    if (account.is_header || !account.is_active)
      throw fieldError(
        `lines.${i}.accountCode`,
        'must be an active account that takes postings',
        'account_not_postable',
      );
    if (account.is_control)
      throw fieldError(
        `lines.${i}.accountCode`,
        'is a control account: only its sub-ledger (loans, tills) posts to it',
        'account_not_postable',
      );
    debit += l.debitMinor;
    credit += l.creditMinor;
  }
  if (debit !== credit)
    throw fieldError(
      'lines',
      `must balance: debits ${debit} and credits ${credit} differ`,
      'journal_unbalanced',
    );
}

export async function proposeJournal(
  ctx: WriteCtx,
  input: ParsedInputOf<'books.proposeJournal'>,
): Promise<OutputOf<'books.proposeJournal'>> {
  const actor = requireActor(ctx);
  const device = requireDevice(ctx);
  const names = await userNames(ctx.tx);
  const earlier = await ctx.tx
    .selectFrom('manual_journals')
    .selectAll()
    .where('id', '=', input.idempotencyKey)
    .executeTakeFirst();
  if (earlier) return viewOf(earlier, names);
  await ensureChart(ctx.tx, ctx.clock.now().toISOString());
  await checkLines(ctx.tx, input.lines);
  for (const [i, id] of input.attachments.entries()) {
    const doc = await ctx.tx.selectFrom('documents').select('id').where('id', '=', id).executeTakeFirst();
    if (!doc) throw fieldError(`attachments.${i}`, 'is not a stored document', 'document_not_found');
  }
  const row: ManualJournalsTable = {
    id: input.idempotencyKey,
    branch_id: device.branchId,
    status: 'pending',
    value_date: input.valueDate,
    narration: input.narration,
    lines: JSON.stringify(
      input.lines.map((l) => ({
        accountCode: l.accountCode,
        debitMinor: l.debitMinor,
        creditMinor: l.creditMinor,
      })),
    ),
    attachments: JSON.stringify(input.attachments),
    created_by: actor.userId,
    created_at: ctx.clock.now().toISOString(),
    decided_by: null,
    decided_at: null,
    decision_reason: null,
    entry_id: null,
  };
  await ctx.tx.insertInto('manual_journals').values(row).execute();
  await ctx.emit({
    type: 'journal.proposed',
    entityType: 'manual_journal',
    entityId: row.id,
    payload: { journal: row },
  });
  await ctx.audit({
    action: 'books.journalProposed',
    entityType: 'manual_journal',
    entityId: row.id,
    details: { valueDate: row.value_date, narration: row.narration, lines: input.lines },
  });
  return viewOf(row, names);
}

export async function listManualJournals(
  ctx: Ctx,
  input: ParsedInputOf<'books.manualJournals'>,
): Promise<OutputOf<'books.manualJournals'>> {
  let q = ctx.db.selectFrom('manual_journals').selectAll();
  if (input.status) q = q.where('status', '=', input.status);
  const rows = await q.orderBy('status', 'desc').orderBy('created_at', 'desc').limit(500).execute();
  const names = await userNames(ctx.db);
  return rows.map((r) => viewOf(r, names));
}

export interface JournalDecision {
  id: string;
  decision: 'approve' | 'reject';
  reason: string | null;
  decidedBy: string;
  decidedAt: string;
  entryId: string | null;
}

/** Applies a decision (locally or received): marks the journal and, on approval, posts its entry once. */
export async function applyJournalDecision(tx: Kysely<Database>, d: JournalDecision): Promise<boolean> {
  const row = await tx.selectFrom('manual_journals').selectAll().where('id', '=', d.id).executeTakeFirst();
  if (!row || row.status !== 'pending') return false;
  await tx
    .updateTable('manual_journals')
    .set({
      status: d.decision === 'approve' ? 'approved' : 'rejected',
      decided_by: d.decidedBy,
      decided_at: d.decidedAt,
      decision_reason: d.reason,
      entry_id: d.entryId,
    })
    .where('id', '=', d.id)
    .execute();
  if (d.decision === 'approve' && d.entryId) {
    await ensureChart(tx, d.decidedAt);
    const lines = JSON.parse(row.lines) as ManualLine[];
    await postEntry(tx, {
      id: d.entryId,
      branchId: row.branch_id,
      kind: 'manual',
      valueDate: row.value_date,
      narration: row.narration,
      sourceId: row.id,
      createdBy: row.created_by,
      approvedBy: d.decidedBy,
      createdAt: d.decidedAt,
      lines: lines.map((l) => ({ accountCode: l.accountCode, amountMinor: l.debitMinor - l.creditMinor })),
    });
  }
  return true;
}

export async function decideJournal(
  ctx: WriteCtx,
  input: ParsedInputOf<'books.decideJournal'>,
): Promise<OutputOf<'books.decideJournal'>> {
  const actor = requireActor(ctx);
  const row = await ctx.tx
    .selectFrom('manual_journals')
    .selectAll()
    .where('id', '=', input.id)
    .executeTakeFirst();
  if (!row) throw new LmsError('NOT_FOUND', 'There is no such journal entry.', 'journal_not_found');
  if (row.status !== 'pending')
    throw new LmsError(
      'CONFLICT',
      `This journal entry was already ${row.status}.`,
      'journal_already_decided',
    );
  if (row.created_by === actor.userId)
    throw new LmsError(
      'FORBIDDEN',
      'A journal entry is approved by someone other than the person who proposed it.',
      'four_eyes',
    );
  if (input.decision === 'reject' && !input.reason) throw fieldError('reason', 'is required to reject');
  if (input.decision === 'approve') await checkLines(ctx.tx, JSON.parse(row.lines) as ManualLine[]);
  const decision: JournalDecision = {
    id: row.id,
    decision: input.decision,
    reason: input.reason ?? null,
    decidedBy: actor.userId,
    decidedAt: ctx.clock.now().toISOString(),
    entryId: input.decision === 'approve' ? ctx.ids.uuid() : null,
  };
  await applyJournalDecision(ctx.tx, decision);
  await ctx.emit({
    type: 'journal.decided',
    entityType: 'manual_journal',
    entityId: row.id,
    payload: { ...decision },
  });
  await ctx.audit({
    action: input.decision === 'approve' ? 'books.journalApproved' : 'books.journalRejected',
    entityType: 'manual_journal',
    entityId: row.id,
    details: { reason: decision.reason, entryId: decision.entryId },
  });
  const after = await ctx.tx
    .selectFrom('manual_journals')
    .selectAll()
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow();
  return viewOf(after, await userNames(ctx.tx));
}

/**
 * Reverses a posted manual entry: a new entry of the opposite lines, dated the business date, naming the one it
 * reverses (the journal never changes in place). Entries the books derive from loans and tills are corrected by
 * reversing their transaction instead, so their sub-ledgers follow. Answers the reversing entry's id.
 */
export async function reverseJournal(
  ctx: WriteCtx,
  input: ParsedInputOf<'books.reverseJournal'>,
): Promise<string> {
  const actor = requireActor(ctx);
  const earlier = await ctx.tx
    .selectFrom('journal_entries')
    .select('id')
    .where('id', '=', input.idempotencyKey)
    .executeTakeFirst();
  if (earlier) return earlier.id;
  const entry = await ctx.tx
    .selectFrom('journal_entries')
    .selectAll()
    .where('id', '=', input.entryId)
    .executeTakeFirst();
  if (!entry) throw new LmsError('NOT_FOUND', 'There is no such journal entry.', 'journal_not_found');
  if (entry.kind !== 'manual')
    throw new LmsError(
      'CONFLICT',
      'Only a manual journal entry is reversed here; correct a loan or till posting by reversing its transaction.',
      'journal_not_reversible',
    );
  const reversed = await ctx.tx
    .selectFrom('journal_entries')
    .select('id')
    .where('reverses_id', '=', entry.id)
    .executeTakeFirst();
  if (reversed)
    throw new LmsError(
      'CONFLICT',
      'This journal entry has already been reversed.',
      'journal_already_reversed',
    );
  const lines = await ctx.tx
    .selectFrom('journal_lines')
    .select(['account_code', 'debit_minor', 'credit_minor', 'loan_id', 'till_id'])
    .where('entry_id', '=', entry.id)
    .orderBy('line_no')
    .execute();
  const draft: EntryDraft = {
    id: input.idempotencyKey,
    branchId: entry.branch_id,
    kind: 'reversal',
    valueDate: await businessDate(ctx),
    narration: `Reversal of “${entry.narration}” — ${input.reason}`,
    sourceId: entry.source_id,
    reversesId: entry.id,
    createdBy: actor.userId,
    createdAt: ctx.clock.now().toISOString(),
    lines: lines.map((l) => ({
      accountCode: l.account_code,
      amountMinor: l.credit_minor - l.debit_minor,
      loanId: l.loan_id,
      tillId: l.till_id,
    })),
  };
  await postEntry(ctx.tx, draft);
  await ctx.emit({
    type: 'journal.reversed',
    entityType: 'journal_entry',
    entityId: entry.id,
    payload: { entry: draft },
  });
  await ctx.audit({
    action: 'books.journalReversed',
    entityType: 'journal_entry',
    entityId: entry.id,
    details: { reversalId: draft.id, reason: input.reason },
  });
  return draft.id;
}
