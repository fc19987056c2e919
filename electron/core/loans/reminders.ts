// Payment reminders: one for each active loan whose next installment falls due within the configured days, and
// one for each loan in arrears (dated by its oldest overdue installment), written from the template in the
// customer's language and queued for the SMS gateway. Each is recorded in the customer's communications and
// travels to the other devices in a `reminder.queued` event. A reminder is unique per (loan, kind, due date),
// so running end-of-day or "generate" again queues nothing twice, and an arrears episode is reminded once.
// Not responsible for sending the messages (the gateway marks them sent) or for the loans' projection.
import type { Kysely } from 'kysely';
import type { CommunicationsTable, Database, RemindersTable } from '../../../db/schema';
import type { LoanSettings, OutputOf, ParsedInputOf } from '../../../shared/contract';
import { addDays } from '../../../shared/dates';
import { formatMajor } from '../../../shared/money';
import { requireDevice, type Ctx, type WriteCtx } from '../context';
import { loanSettingsOf } from './settings';

/** Loans read per step; the run yields to the event loop between steps. */
const loansPerStep = 1000;
/** Reminders per `reminder.queued` event: bounded, so no event grows beyond ~150 kB. */
export const remindersPerEvent = 200;

interface Candidate {
  id: string;
  account_no: string | null;
  customer_id: string;
  display_name: string;
  currency: string;
  digits: number;
  as_of: string | null;
  next_due_date: string | null;
  next_due_minor: number;
  days_past_due: number;
  overdue_total_minor: number;
}

/** Minor units as the customer reads them: "KES 12,345.00" (string work only, never a float). */
export function formatAmount(amountMinor: number, digits: number, currency: string): string {
  const plain = formatMajor(amountMinor, digits);
  const [whole = '', fraction] = plain.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${currency} ${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** Day/month/year, as our branches' customers write a date. */
const customerDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => values[key] ?? whole);
}

interface Due {
  kind: RemindersTable['kind'];
  dueDate: string;
  amountMinor: number;
}

/** What a loan should be reminded of as of `asOf`, if anything. */
export function dueOf(loan: Candidate, asOf: string, horizon: string): Due | null {
  if (loan.days_past_due > 0) {
    // Days past due count from the oldest overdue installment's date, so that date is as_of − dpd.
    const dueDate = addDays(loan.as_of ?? asOf, -loan.days_past_due);
    return { kind: 'overdue', dueDate, amountMinor: loan.overdue_total_minor };
  }
  if (loan.next_due_date && loan.next_due_minor > 0 && loan.next_due_date >= asOf) {
    if (loan.next_due_date > horizon) return null;
    return { kind: 'due_soon', dueDate: loan.next_due_date, amountMinor: loan.next_due_minor };
  }
  return null;
}

async function candidates(tx: Kysely<Database>, branchId: string, asOf: string, horizon: string) {
  return tx
    .selectFrom('loans')
    .innerJoin('customers', 'customers.id', 'loans.customer_id')
    .select([
      'loans.id',
      'loans.account_no',
      'loans.customer_id',
      'customers.display_name',
      'loans.currency',
      'loans.digits',
      'loans.as_of',
      'loans.next_due_date',
      'loans.next_due_minor',
      'loans.days_past_due',
      'loans.overdue_total_minor',
    ])
    .where('loans.branch_id', '=', branchId)
    .where('loans.status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb('loans.days_past_due', '>', 0),
        eb.and([
          eb('loans.next_due_date', '>=', asOf),
          eb('loans.next_due_date', '<=', horizon),
          eb('loans.next_due_minor', '>', 0),
        ]),
      ]),
    )
    .orderBy('loans.id')
    .execute() as Promise<Candidate[]>;
}

async function alreadyQueued(tx: Kysely<Database>, loanIds: string[]): Promise<Set<string>> {
  if (loanIds.length === 0) return new Set();
  const rows = await tx
    .selectFrom('reminders')
    .select(['loan_id', 'kind', 'due_date'])
    .where('loan_id', 'in', loanIds)
    .execute();
  return new Set(rows.map((r) => `${r.loan_id}|${r.kind}|${r.due_date}`));
}

function templatesFor(settings: LoanSettings, language: string) {
  return settings.reminderTemplates[language] ?? settings.reminderTemplates.en!;
}

/** Inserts a batch of reminders with their communications (shared with the applier). */
export async function insertReminders(
  tx: Kysely<Database>,
  reminders: RemindersTable[],
  communications: CommunicationsTable[],
): Promise<void> {
  if (communications.length > 0) await tx.insertInto('communications').values(communications).execute();
  if (reminders.length > 0) await tx.insertInto('reminders').values(reminders).execute();
}

/**
 * Queues the reminders due as of `asOf` for the local branch's loans and answers how many were queued. Used by
 * end-of-day and by "generate"; runs inside the caller's write transaction.
 */
export async function queueReminders(ctx: WriteCtx, asOf: string): Promise<number> {
  const device = requireDevice(ctx);
  const settings = await loanSettingsOf(ctx.tx);
  const branch = await ctx.tx
    .selectFrom('branches')
    .select('locale')
    .where('id', '=', device.branchId)
    .executeTakeFirstOrThrow();
  // Customers have no language of their own yet: the branch's language is theirs (English when no template).
  const language = settings.reminderTemplates[branch.locale] ? branch.locale : 'en';
  const templates = templatesFor(settings, language);
  const horizon = addDays(asOf, settings.reminderDaysAhead);
  const now = ctx.clock.now().toISOString();
  let pending: { reminder: RemindersTable; communication: CommunicationsTable }[] = [];
  let queued = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const reminders = pending.map((p) => p.reminder);
    const communications = pending.map((p) => p.communication);
    await insertReminders(ctx.tx, reminders, communications);
    await ctx.emit({
      type: 'reminder.queued',
      entityType: 'reminders',
      entityId: reminders[0]!.id,
      payload: { reminders, communications },
    });
    queued += pending.length;
    pending = [];
  };
  // One query for every candidate (a keyset page per step made the database sort them all again for each page),
  // then steps of `loansPerStep` for the already-queued check and the inserts.
  const all = await candidates(ctx.tx, device.branchId, asOf, horizon);
  for (let from = 0; from < all.length; from += loansPerStep) {
    const loans = all.slice(from, from + loansPerStep);
    const seen = await alreadyQueued(
      ctx.tx,
      loans.map((l) => l.id),
    );
    for (const loan of loans) {
      const due = dueOf(loan, asOf, horizon);
      if (!due || seen.has(`${loan.id}|${due.kind}|${due.dueDate}`)) continue;
      const message = fillTemplate(due.kind === 'overdue' ? templates.overdue : templates.dueSoon, {
        name: loan.display_name,
        amount: formatAmount(due.amountMinor, loan.digits, loan.currency),
        dueDate: customerDate(due.dueDate),
        accountNo: loan.account_no ?? '',
      });
      const communication: CommunicationsTable = {
        id: ctx.ids.uuid(),
        customer_id: loan.customer_id,
        channel: 'sms',
        direction: 'outbound',
        subject: due.kind === 'overdue' ? 'Payment reminder: overdue' : 'Payment reminder: due soon',
        note: message,
        staff_user_id: ctx.actor?.userId ?? null,
        is_system: 1,
        occurred_at: now,
        created_at: now,
      };
      pending.push({
        communication,
        reminder: {
          id: ctx.ids.uuid(),
          loan_id: loan.id,
          customer_id: loan.customer_id,
          kind: due.kind,
          due_date: due.dueDate,
          amount_minor: due.amountMinor,
          language,
          message,
          status: 'queued',
          communication_id: communication.id,
          created_at: now,
        },
      });
      if (pending.length >= remindersPerEvent) await flush();
    }
    await flush();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return queued;
}

export async function listReminders(
  ctx: Ctx,
  input: ParsedInputOf<'reminders.list'>,
): Promise<OutputOf<'reminders.list'>> {
  let query = ctx.db
    .selectFrom('reminders')
    .innerJoin('loans', 'loans.id', 'reminders.loan_id')
    .innerJoin('customers', 'customers.id', 'reminders.customer_id')
    .selectAll('reminders')
    .select(['loans.account_no', 'customers.display_name', 'customers.phone'])
    .orderBy('reminders.created_at', 'desc')
    .orderBy('reminders.id', 'desc')
    .limit(input.limit);
  if (input.status !== 'all') query = query.where('reminders.status', '=', input.status);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    loanId: r.loan_id,
    accountNo: r.account_no,
    customerId: r.customer_id,
    customerName: r.display_name,
    phone: r.phone,
    kind: r.kind,
    dueDate: r.due_date,
    amountMinor: r.amount_minor,
    language: r.language,
    message: r.message,
    status: r.status,
    createdAt: r.created_at,
  }));
}

export async function generateReminders(
  ctx: WriteCtx,
  _input: ParsedInputOf<'reminders.generate'>,
): Promise<OutputOf<'reminders.generate'>> {
  const device = requireDevice(ctx);
  const branch = await ctx.tx
    .selectFrom('branches')
    .select('business_date')
    .where('id', '=', device.branchId)
    .executeTakeFirstOrThrow();
  // As of the business date: the loans' projections are as of it (end-of-day brings both to today).
  const queued = await queueReminders(ctx, branch.business_date);
  await ctx.audit({
    action: 'reminders.generated',
    entityType: 'branch',
    entityId: device.branchId,
    details: { asOf: branch.business_date, queued },
  });
  return { queued };
}
