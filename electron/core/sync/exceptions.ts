// The exceptions queue: real conflicts between branches (two registrations of one national ID, a username
// taken twice, an event about a customer this ledger never saw) that the appliers set aside for a manager, with
// both versions. Settling one decides its effect on the data here, once, in absolute terms (which customer
// survives, which fields it takes, which username an account gets) and applies it in the same transaction; the
// resolution is an event (`sync.exceptionResolved`) carrying that effect, so every replica applies the very same
// change (electron/sync/resolutions.ts explains each kind's decisions), and it is audited.
// Not responsible for raising exceptions (electron/sync/appliers).
//
// The one import from electron/sync (against "core depends downwards only"): the effect of a resolution is a
// merge rule, and it must be the same code on the manager's ledger and on every replica that pulls it.
import {
  LmsError,
  contract,
  fieldError,
  type ExceptionEffect,
  type OutputOf,
  type ParsedInputOf,
} from '../../../shared/contract';
import type { CustomersTable, SyncExceptionsTable } from '../../../db/schema';
import { requireActor, type Ctx, type WriteCtx } from '../context';
import { updateCustomer } from '../customers/update';
import { appliers } from '../../sync/registry';
import {
  applyResolution,
  customersOf,
  heldEvent,
  resolveCustomers,
  type Resolution,
  type ResolutionPayload,
} from '../../sync/resolutions';

type ExceptionView = OutputOf<'sync.resolveException'>;

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

function toView(row: SyncExceptionsTable): ExceptionView {
  return {
    id: row.id,
    kind: row.kind,
    entityType: row.entity_type,
    entityId: row.entity_id,
    eventId: row.event_id,
    localVersion: parseJson(row.local_version),
    remoteVersion: parseJson(row.remote_version),
    status: row.status,
    resolution: row.resolution as ExceptionView['resolution'],
    note: row.note,
    effect: row.effect ? (JSON.parse(row.effect) as ExceptionEffect) : null,
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at,
    createdAt: row.created_at,
  };
}

export async function listExceptions(
  ctx: Ctx,
  input: ParsedInputOf<'sync.listExceptions'>,
): Promise<OutputOf<'sync.listExceptions'>> {
  let query = ctx.db
    .selectFrom('sync_exceptions')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(input.limit);
  if (input.status !== 'all') query = query.where('status', '=', input.status);
  return (await query.execute()).map(toView);
}

// The profile a national ID clash may take from the other registration. The ID itself (the clash's key) and the
// registration number are the same on both by definition.
const individualColumns = [
  'first_name',
  'middle_name',
  'last_name',
  'date_of_birth',
  'gender',
  'id_expiry_date',
  'occupation',
  'employer',
  'monthly_income_minor',
  'monthly_expenses_minor',
] as const;
const businessColumns = [
  'registered_name',
  'legal_form',
  'sector',
  'date_established',
  'annual_turnover_minor',
] as const;
const contactColumns = ['phone', 'phone_alt', 'email', 'address', 'city', 'region', 'country'] as const;
const toField = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

type Changes = ParsedInputOf<'customers.update'>['changes'];

/** accept_remote: their value wherever they have one; merged: their value where ours is empty. */
function profileChanges(
  survivor: CustomersTable,
  remote: Record<string, unknown>,
  resolution: Resolution,
): Changes {
  if (resolution === 'keep_local') return {};
  const columns = [
    ...(survivor.kind === 'business' ? businessColumns : individualColumns),
    ...contactColumns,
  ];
  const changes: Record<string, unknown> = {};
  for (const column of columns) {
    const theirs = remote[column];
    const ours = survivor[column];
    if (isEmpty(theirs)) continue;
    if (resolution === 'merged' ? isEmpty(ours) : String(ours) !== String(theirs))
      changes[toField(column)] = theirs;
  }
  // Only what is a valid edit today, field by field (a value an older app wrote in another form is left out).
  const valid: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(changes)) {
    const parsed = contract['customers.update'].input.safeParse({
      customerId: survivor.id,
      changes: { [field]: value },
    });
    if (parsed.success) Object.assign(valid, parsed.data.changes);
  }
  return valid as Changes;
}

const refused = (message: string) => fieldError('resolution', message);

async function decideCustomerClash(ctx: WriteCtx, row: SyncExceptionsTable, resolution: Resolution) {
  const local = parseJson(row.local_version) as Partial<CustomersTable> | null;
  const survivor =
    local?.id &&
    (await ctx.tx.selectFrom('customers').selectAll().where('id', '=', local.id).executeTakeFirst());
  if (!survivor)
    throw new LmsError('CONFLICT', 'The customer this ledger kept for this ID is no longer here.');
  const changes = profileChanges(
    survivor,
    (parseJson(row.remote_version) ?? {}) as Record<string, unknown>,
    resolution,
  );
  const effect: ExceptionEffect = {
    type: 'customerMerged',
    customerId: survivor.id,
    customerName: survivor.display_name,
    aliasId: row.entity_id,
    fields: Object.keys(changes),
  };
  return { effect, changes };
}

async function decideHeldEvent(ctx: WriteCtx, row: SyncExceptionsTable, resolution: Resolution) {
  if (resolution === 'merged')
    throw refused(
      'cannot be a merge for a held event: keep ours to set it aside, or accept theirs to apply it',
    );
  const e = await heldEvent(ctx.tx, row.event_id);
  if (!e) throw new LmsError('CONFLICT', 'The held event is not on this ledger.');
  if (resolution === 'keep_local') {
    const effect: ExceptionEffect = { type: 'eventDiscarded', eventId: e.id, eventType: e.type };
    return { effect };
  }
  if (!appliers[e.type])
    throw new LmsError(
      'CONFLICT',
      `This app cannot apply a held “${e.type}” event yet; keep ours to set it aside.`,
    );
  const ids = await resolveCustomers(ctx.tx, customersOf(e));
  if (!ids)
    throw new LmsError(
      'CONFLICT',
      'The customer this event is about is still not on this ledger. Settle that customer’s registration first, or keep ours to set the event aside.',
    );
  const customer = ids[0]
    ? await ctx.tx.selectFrom('customers').select('display_name').where('id', '=', ids[0]).executeTakeFirst()
    : undefined;
  const effect: ExceptionEffect = {
    type: 'eventApplied',
    eventId: e.id,
    eventType: e.type,
    customerId: ids[0] ?? null,
    customerName: customer?.display_name ?? null,
  };
  return { effect };
}

/** The other device's account keeps its name where it is free in the branch, else `name~DEVICE`. */
async function decideUsernameClash(ctx: WriteCtx, row: SyncExceptionsTable, resolution: Resolution) {
  if (resolution === 'merged')
    throw refused('cannot be a merge for two staff accounts: keep ours or accept theirs (it is renamed)');
  const remote = parseJson(row.remote_version) as { username: string; branchId: string };
  const created = await heldEvent(ctx.tx, row.event_id);
  const device =
    created &&
    (await ctx.tx.selectFrom('devices').select('code').where('id', '=', created.deviceId).executeTakeFirst());
  const suffix = device?.code ?? created?.deviceId.slice(-4) ?? row.event_id.slice(-4);
  const isFree = async (name: string) =>
    !(await ctx.tx
      .selectFrom('users')
      .select('id')
      .where('branch_id', '=', remote.branchId)
      .where('username', '=', name)
      .where('id', '!=', row.entity_id)
      .executeTakeFirst());
  const candidates = [
    remote.username,
    ...Array.from({ length: 9 }, (_, i) => `${remote.username}~${suffix}${i || ''}`),
  ];
  let username: string | undefined;
  for (const name of candidates) {
    if (await isFree(name)) {
      username = name;
      break;
    }
  }
  if (!username) throw new LmsError('CONFLICT', 'No free username was found for the other account.');
  const effect: ExceptionEffect = {
    type: 'userAdded',
    userId: row.entity_id,
    username,
    isActive: resolution === 'accept_remote',
  };
  return { effect };
}

async function decide(
  ctx: WriteCtx,
  row: SyncExceptionsTable,
  resolution: Resolution,
): Promise<{ effect: ExceptionEffect; changes?: Changes }> {
  switch (row.kind) {
    case 'duplicate_registration':
      return decideCustomerClash(ctx, row, resolution);
    case 'event_for_unknown_customer':
    case 'edit_of_unknown_customer':
      return decideHeldEvent(ctx, row, resolution);
    case 'username_clash':
      return decideUsernameClash(ctx, row, resolution);
    default:
      return { effect: { type: 'recorded' } };
  }
}

export async function resolveException(
  ctx: WriteCtx,
  input: ParsedInputOf<'sync.resolveException'>,
): Promise<ExceptionView> {
  const actor = requireActor(ctx);
  const row = await ctx.tx
    .selectFrom('sync_exceptions')
    .selectAll()
    .where('id', '=', input.exceptionId)
    .executeTakeFirst();
  if (!row) throw new LmsError('NOT_FOUND', 'There is no such sync exception.');
  if (row.status === 'resolved') {
    throw new LmsError('CONFLICT', 'This exception has already been resolved by someone else.');
  }
  const resolvedAt = ctx.clock.now().toISOString();
  const { effect, changes } = await decide(ctx, row, input.resolution);
  // The survivor's new details are an ordinary edit: its home branch receives it, and LWW settles it everywhere.
  if (effect.type === 'customerMerged' && changes && Object.keys(changes).length > 0)
    await updateCustomer(ctx, { customerId: effect.customerId, changes });
  const payload: ResolutionPayload = {
    exceptionId: row.id,
    kind: row.kind,
    entityType: row.entity_type,
    entityId: row.entity_id,
    eventId: row.event_id,
    resolution: input.resolution,
    note: input.note,
    resolvedBy: actor.userId,
    resolvedAt,
    effect,
  };
  const hlc = await ctx.emit({
    type: 'sync.exceptionResolved',
    entityType: 'sync_exception',
    entityId: row.id,
    payload: { ...payload },
  });
  const event = await ctx.tx
    .selectFrom('events')
    .select('id')
    .where('hlc', '=', hlc)
    .where('type', '=', 'sync.exceptionResolved')
    .executeTakeFirstOrThrow();
  const applyCtx = { tx: ctx.tx, now: resolvedAt, newId: () => ctx.ids.uuid() };
  if (!(await applyResolution(applyCtx, payload, { eventId: event.id }, appliers)))
    throw new LmsError('CONFLICT', 'This resolution cannot take effect on this ledger; nothing was changed.');
  await ctx.audit({
    action: 'sync.exceptionResolved',
    entityType: 'sync_exception',
    entityId: row.id,
    details: {
      ...payload,
      localVersion: parseJson(row.local_version),
      remoteVersion: parseJson(row.remote_version),
    },
  });
  return toView(
    await ctx.tx.selectFrom('sync_exceptions').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow(),
  );
}
