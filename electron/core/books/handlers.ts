// The books use cases, one per contract method (spread into ../handlers), and the journal's reading.
import type { Kysely, Selectable } from 'kysely';
import type { Database, JournalEntriesTable } from '../../../db/schema';
import { fieldError, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import type { Handlers } from '../handlers';
import type { Ctx, WriteCtx } from '../context';
import { listAccounts, listMappings, saveAccount, saveMapping } from './accounts';
import { decideJournal, listManualJournals, proposeJournal, reverseJournal } from './manual';
import { closePeriod, listPeriods, reopenPeriod } from './periods';
import { postProvisioning, provisioning } from './provisioning';
import { booksSettings } from './settings';
import { verifyBooks } from './verify';

async function journal(ctx: Ctx, input: ParsedInputOf<'books.journal'>): Promise<OutputOf<'books.journal'>> {
  if (input.to < input.from) throw fieldError('to', 'must not be before the start');
  let q = ctx.db
    .selectFrom('journal_entries')
    .selectAll()
    .where('posting_date', '>=', input.from)
    .where('posting_date', '<=', input.to);
  if (input.kind) q = q.where('kind', '=', input.kind);
  if (input.loanId) q = q.where('loan_id', '=', input.loanId);
  if (input.accountCode)
    q = q.where('id', 'in', (eb) =>
      eb.selectFrom('journal_lines').select('entry_id').where('account_code', '=', input.accountCode!),
    );
  const entries = await q.orderBy('posting_date', 'desc').orderBy('id', 'desc').limit(input.limit).execute();
  return entryViews(ctx.db, entries);
}

/** Entries with their lines (and each line's account name), as the journal shows them. */
async function entryViews(
  db: Kysely<Database>,
  entries: Selectable<JournalEntriesTable>[],
): Promise<OutputOf<'books.journal'>> {
  if (entries.length === 0) return [];
  const lines = await db
    .selectFrom('journal_lines')
    .innerJoin('gl_accounts', 'gl_accounts.code', 'journal_lines.account_code')
    .select([
      'journal_lines.entry_id',
      'journal_lines.line_no',
      'journal_lines.account_code',
      'gl_accounts.name',
      'journal_lines.debit_minor',
      'journal_lines.credit_minor',
      'journal_lines.loan_id',
      'journal_lines.till_id',
    ])
    .where(
      'journal_lines.entry_id',
      'in',
      entries.map((e) => e.id),
    )
    .orderBy('journal_lines.line_no')
    .execute();
  const byEntry = new Map<string, OutputOf<'books.journal'>[number]['lines']>();
  for (const l of lines) {
    const list = byEntry.get(l.entry_id) ?? [];
    list.push({
      lineNo: l.line_no,
      accountCode: l.account_code,
      accountName: l.name,
      debitMinor: l.debit_minor,
      creditMinor: l.credit_minor,
      loanId: l.loan_id,
      tillId: l.till_id,
    });
    byEntry.set(l.entry_id, list);
  }
  return entries.map((e) => ({
    id: e.id,
    branchId: e.branch_id,
    kind: e.kind,
    valueDate: e.value_date,
    postingDate: e.posting_date,
    period: e.period,
    narration: e.narration,
    sourceId: e.source_id,
    loanId: e.loan_id,
    reversesId: e.reverses_id,
    createdBy: e.created_by,
    approvedBy: e.approved_by,
    createdAt: e.created_at,
    lines: byEntry.get(e.id) ?? [],
  }));
}

async function reverseEntry(
  ctx: WriteCtx,
  input: ParsedInputOf<'books.reverseJournal'>,
): Promise<OutputOf<'books.reverseJournal'>> {
  const id = await reverseJournal(ctx, input);
  const entries = await ctx.tx.selectFrom('journal_entries').selectAll().where('id', '=', id).execute();
  return (await entryViews(ctx.tx, entries))[0]!;
}

async function readSettings(
  ctx: Ctx,
  _input: ParsedInputOf<'books.settings'>,
): Promise<OutputOf<'books.settings'>> {
  return booksSettings.read(ctx.db);
}

async function updateSettings(
  ctx: WriteCtx,
  input: ParsedInputOf<'books.updateSettings'>,
): Promise<OutputOf<'books.updateSettings'>> {
  if (input.provisioning) {
    const sorted = [...input.provisioning].sort((a, b) => a.fromDays - b.fromDays);
    for (const [i, b] of sorted.entries()) {
      if (b.toDays !== null && b.toDays < b.fromDays)
        throw fieldError(`provisioning.${i}.toDays`, 'must not be before fromDays');
      const next = sorted[i + 1];
      if (next && (b.toDays === null || next.fromDays !== b.toDays + 1))
        throw fieldError(
          `provisioning.${i + 1}.fromDays`,
          'buckets must follow each other without gaps or overlaps',
        );
    }
    if (sorted[0]?.fromDays !== 0)
      throw fieldError('provisioning.0.fromDays', 'the first bucket must start at 0 days');
    if (sorted[sorted.length - 1]?.toDays !== null)
      throw fieldError(
        `provisioning.${sorted.length - 1}.toDays`,
        'the last bucket must have no upper bound',
      );
    input = { ...input, provisioning: sorted };
  }
  return booksSettings.update(ctx, input);
}

async function verify(ctx: Ctx, _input: ParsedInputOf<'books.verify'>): Promise<OutputOf<'books.verify'>> {
  return verifyBooks(ctx.db);
}

export const bookHandlers = {
  'books.accounts': listAccounts,
  'books.saveAccount': saveAccount,
  'books.mappings': listMappings,
  'books.saveMapping': saveMapping,
  'books.journal': journal,
  'books.proposeJournal': proposeJournal,
  'books.manualJournals': listManualJournals,
  'books.decideJournal': decideJournal,
  'books.reverseJournal': reverseEntry,
  'books.periods': listPeriods,
  'books.closePeriod': closePeriod,
  'books.reopenPeriod': reopenPeriod,
  'books.provisioning': provisioning,
  'books.postProvisioning': postProvisioning,
  'books.settings': readSettings,
  'books.updateSettings': updateSettings,
  'books.verify': verify,
} satisfies Partial<Handlers>;
