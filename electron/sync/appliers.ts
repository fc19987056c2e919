// Merge rules, declared per event type in one registry: how an event that another device wrote becomes rows
// here, through the same projection code as local writes where one exists. Every applier is idempotent
// (applying an event twice changes nothing) and order-insensitive where it must be, so every replica
// applying the same events reaches the same rows.
//   create — a new entity, inserted once by id; a clash on a business key (the same national ID registered at
//            two branches offline) becomes an exception for a manager, with both versions, never a silent loss;
//   lww    — profile fields, last writer wins per field by HLC;
//   fact   — never dropped or merged (cash events use it, with the loans issue);
//   owner  — lifecycle commands that only the owning branch may issue (loans issue).
// An event about a customer id that a manager settled as the same person as another (customer_aliases, see
// ./resolutions) applies to that surviving customer.
// Checklist when adding an event type: emit it in the use case, add its applier here, add its operation to
// the convergence test (tests/integration/sync.test.ts).
import type { Kysely } from 'kysely';
import type { CustomersTable, Database } from '../../db/schema';
import { projectCustomerRegistered } from '../core/customers/register';
import { refreshSearch } from '../core/customers/rules';
import { applyResolution, customerHere, type ResolutionPayload } from './resolutions';

export interface RemoteEvent {
  id: string;
  globalSeq: number;
  branchId: string;
  deviceId: string;
  deviceSeq: number;
  hlc: string;
  type: string;
  entityType: string;
  entityId: string;
  payload: Record<string, unknown>;
  schemaVersion: number;
}

export interface ApplyContext {
  tx: Kysely<Database>;
  now: string;
  newId(): string;
}

export type MergeRule = 'create' | 'lww' | 'fact' | 'owner';

export interface Applier {
  rule: MergeRule;
  apply(ctx: ApplyContext, event: RemoteEvent): Promise<void>;
}

export async function raiseException(ctx: ApplyContext, event: RemoteEvent, kind: string, local: unknown) {
  await ctx.tx
    .insertInto('sync_exceptions')
    .values({
      id: ctx.newId(),
      kind,
      entity_type: event.entityType,
      entity_id: event.entityId,
      event_id: event.id,
      local_version: JSON.stringify(local),
      remote_version: JSON.stringify(event.payload),
      status: 'open',
      resolution: null,
      resolved_by: null,
      resolved_at: null,
      created_at: ctx.now,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

async function exists(
  tx: Kysely<Database>,
  table: 'customers' | 'users' | 'branches' | 'documents' | 'communications' | 'relationships',
  id: string,
) {
  return Boolean(await tx.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst());
}

/**
 * A later KYC decision about the same customer, made here or received, is already applied. The customer's ids
 * are its own and the ids settled into it; a received decision held in an exception (never applied, or set
 * aside) does not count.
 */
async function newerDecision(tx: Kysely<Database>, e: RemoteEvent, customerId: string) {
  const aliases = await tx
    .selectFrom('customer_aliases')
    .select('alias_id')
    .where('customer_id', '=', customerId)
    .execute();
  const ids = [...new Set([e.entityId, customerId, ...aliases.map((a) => a.alias_id)])];
  const own = await tx
    .selectFrom('events')
    .select('hlc')
    .where('type', '=', 'kyc.decided')
    .where('entity_id', 'in', ids)
    .where('hlc', '>', e.hlc)
    .executeTakeFirst();
  if (own) return true;
  const received = await tx
    .selectFrom('received_events')
    .select('hlc')
    .where('type', '=', 'kyc.decided')
    .where('entity_id', 'in', ids)
    .where('id', '!=', e.id)
    .where('applied_at', 'is not', null)
    .where('hlc', '>', e.hlc)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('sync_exceptions')
            .select('sync_exceptions.id')
            .whereRef('sync_exceptions.event_id', '=', 'received_events.id')
            .where((eb) =>
              eb.or([
                eb('sync_exceptions.effect', 'is', null),
                eb(eb.fn('json_extract', ['sync_exceptions.effect', eb.val('$.type')]), '!=', 'eventApplied'),
              ]),
            ),
        ),
      ),
    )
    .executeTakeFirst();
  return Boolean(received);
}

/**
 * The customers an event names, as this replica holds them (an id settled into another customer means that
 * one). Rows about customers this replica does not hold (head office keeps one of two customers registered with
 * the same national ID and queues the other) are queued for the manager beside the clash instead of failing the
 * page on a foreign key, which would stop this replica's sync for good: answers null then.
 */
async function knownCustomers(ctx: ApplyContext, e: RemoteEvent, ...customerIds: string[]) {
  const ids: string[] = [];
  for (const id of customerIds) {
    const here = await customerHere(ctx.tx, id);
    if (!here) {
      await raiseException(ctx, e, 'event_for_unknown_customer', { customerId: id });
      return null;
    }
    ids.push(here);
  }
  return ids;
}

const customerColumns = new Set([
  'first_name',
  'middle_name',
  'last_name',
  'date_of_birth',
  'gender',
  'id_type',
  'id_number',
  'id_expiry_date',
  'occupation',
  'employer',
  'monthly_income_minor',
  'monthly_expenses_minor',
  'registered_name',
  'registration_number',
  'legal_form',
  'sector',
  'date_established',
  'annual_turnover_minor',
  'phone',
  'phone_alt',
  'email',
  'address',
  'city',
  'region',
  'country',
]);
const asText = (v: unknown) => (v === null || v === undefined ? null : String(v));
const toColumn = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export const appliers: Record<string, Applier> = {
  'branch.initialised': {
    rule: 'create',
    async apply({ tx, now }, e) {
      const p = e.payload as Record<string, string & number>;
      if (!(await exists(tx, 'branches', e.entityId))) {
        await tx
          .insertInto('branches')
          .values({
            id: e.entityId,
            code: p.code,
            name: p.name,
            currency: p.currency,
            currency_digits: p.currencyDigits,
            locale: p.locale,
            time_zone: p.timeZone,
            business_date: p.businessDate,
            created_at: now,
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      await tx
        .insertInto('devices')
        .values({
          id: p.deviceId,
          branch_id: e.entityId,
          code: p.deviceCode,
          is_local: 0,
          schema_version: e.schemaVersion,
          created_at: now,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
  },
  'user.created': {
    rule: 'create',
    async apply(ctx, e) {
      if (await exists(ctx.tx, 'users', e.entityId)) return;
      const p = e.payload as Record<string, string & boolean>;
      // Usernames are unique per branch (migration 5): the same name at another branch is no clash; the same
      // name made twice in one branch (two of its devices, offline) is one, for a manager.
      const clash = await ctx.tx
        .selectFrom('users')
        .select(['id', 'username', 'branch_id'])
        .where('branch_id', '=', p.branchId)
        .where('username', '=', p.username)
        .executeTakeFirst();
      if (clash) return raiseException(ctx, e, 'username_clash', clash);
      await ctx.tx
        .insertInto('users')
        .values({
          id: e.entityId,
          branch_id: p.branchId,
          username: p.username,
          display_name: p.displayName,
          role_code: p.role,
          password_hash: p.passwordHash,
          password_changed_at: ctx.now,
          must_change_password: p.mustChangePassword ? 1 : 0,
          totp_secret: null,
          totp_enabled_at: null,
          failed_attempts: 0,
          locked_until: null,
          is_active: 1,
          last_sign_in_at: null,
          created_at: ctx.now,
          updated_at: ctx.now,
        })
        .execute();
    },
  },
  'user.updated': {
    rule: 'lww',
    async apply({ tx }, e) {
      const p = e.payload as { displayName: string; role: string; isActive: boolean };
      await tx
        .updateTable('users')
        .set({ display_name: p.displayName, role_code: p.role, is_active: p.isActive ? 1 : 0 })
        .where('id', '=', e.entityId)
        .execute();
    },
  },
  'user.passwordChanged': {
    rule: 'lww',
    async apply({ tx }, e) {
      await tx
        .updateTable('users')
        .set({ password_hash: String(e.payload.passwordHash), must_change_password: 0 })
        .where('id', '=', e.entityId)
        .execute();
    },
  },
  'user.passwordReset': {
    rule: 'lww',
    async apply({ tx }, e) {
      await tx
        .updateTable('users')
        .set({ password_hash: String(e.payload.passwordHash), must_change_password: 1 })
        .where('id', '=', e.entityId)
        .execute();
    },
  },
  'customer.registered': {
    rule: 'create',
    async apply(ctx, e) {
      if (await exists(ctx.tx, 'customers', e.entityId)) return;
      const { rewardId, people, ...row } = e.payload as unknown as CustomersTable & {
        rewardId: string;
        people?: Record<string, unknown>[];
      };
      const clash = row.id_number
        ? await ctx.tx
            .selectFrom('customers')
            .selectAll()
            .where('id_type', '=', row.id_type)
            .where('id_number', '=', row.id_number)
            .executeTakeFirst()
        : row.registration_number
          ? await ctx.tx
              .selectFrom('customers')
              .selectAll()
              .where('registration_number', '=', row.registration_number)
              .executeTakeFirst()
          : undefined;
      if (clash) return raiseException(ctx, e, 'duplicate_registration', clash);
      const referrer = row.referred_by_customer_id;
      const referredBy = referrer ? ((await customerHere(ctx.tx, referrer)) ?? referrer) : null;
      await projectCustomerRegistered(
        ctx.tx,
        { ...row, referred_by_customer_id: referredBy, field_hlcs: '{}' },
        rewardId,
      );
      const members: Record<string, unknown>[] = [];
      for (const person of people ?? []) {
        const id = String(person.person_id);
        members.push({ ...person, person_id: (await customerHere(ctx.tx, id)) ?? id });
      }
      if (members.length)
        await ctx.tx
          .insertInto('business_people')
          .values(members as never)
          .onConflict((oc) => oc.doNothing())
          .execute();
    },
  },
  'customer.updated': {
    rule: 'lww',
    async apply(ctx, e) {
      const id = await customerHere(ctx.tx, e.entityId);
      const customer =
        id && (await ctx.tx.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst());
      if (!customer) return raiseException(ctx, e, 'edit_of_unknown_customer', null);
      const { changes, changedBy, changedAt, previous } = e.payload as {
        changes: Record<string, unknown>;
        changedBy: string;
        changedAt: string;
        previous?: Record<string, unknown>;
      };
      const hlcs = JSON.parse(customer.field_hlcs) as Record<string, string>;
      const set: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(changes)) {
        const column = toColumn(field);
        if (!customerColumns.has(column)) continue;
        // The history keeps every edit, the losing ones too: the device that made it shows it, so every replica
        // must (found by the convergence test: a concurrent edit that lost was missing from the others' history).
        // The old value is what this replica held; it is the editor's only when the event carries it (`previous`).
        const current = customer[column as keyof CustomersTable];
        await ctx.tx
          .insertInto('customer_field_history')
          .values({
            id: ctx.newId(),
            customer_id: customer.id,
            field,
            old_value: previous && field in previous ? asText(previous[field]) : asText(current),
            new_value: asText(value),
            changed_by: changedBy,
            changed_at: changedAt,
          })
          .execute();
        if ((hlcs[field] ?? '') >= e.hlc) continue;
        hlcs[field] = e.hlc;
        set[column] = value;
      }
      if (Object.keys(set).length === 0) return;
      const updated = { ...customer, ...set, field_hlcs: JSON.stringify(hlcs) } as CustomersTable;
      updated.display_name =
        updated.kind === 'business'
          ? (updated.registered_name ?? '')
          : [updated.first_name, updated.middle_name, updated.last_name].filter(Boolean).join(' ');
      const { id: _id, ...columns } = updated;
      await ctx.tx.updateTable('customers').set(columns).where('id', '=', customer.id).execute();
      await refreshSearch(ctx.tx, updated);
    },
  },
  'kyc.decided': {
    rule: 'lww',
    async apply(ctx, e) {
      const { tx } = ctx;
      // A decision about a customer this replica does not hold is held for a manager, as other events are.
      const known = await knownCustomers(ctx, e, e.entityId);
      if (!known) return;
      const [customerId] = known as [string];
      // Last decision wins by HLC, whatever the order they arrive in (found by the convergence test: two
      // devices deciding the same customer's KYC offline each ended with the other's decision).
      if (await newerDecision(tx, e, customerId)) return;
      const p = e.payload as {
        decision: 'verified' | 'rejected';
        note: string | null;
        decidedBy?: string;
        decidedAt?: string;
      };
      await tx
        .updateTable('customers')
        .set({
          kyc_status: p.decision,
          kyc_note: p.note,
          // Carried since the decision event names its officer and time (older events did not).
          ...(p.decidedBy ? { kyc_decided_by: p.decidedBy, kyc_decided_at: p.decidedAt ?? null } : {}),
        })
        .where('id', '=', customerId)
        .execute();
    },
  },
  'kyc.expired': {
    rule: 'lww',
    async apply({ tx }, e) {
      await tx
        .updateTable('customers')
        .set({ kyc_status: 'expired' })
        .where('id', '=', (await customerHere(tx, e.entityId)) ?? e.entityId)
        .where('kyc_status', '=', 'verified')
        .execute();
    },
  },
  'document.attached': {
    rule: 'create',
    async apply(ctx, e) {
      const { tx } = ctx;
      const { isProfilePhoto, ...row } = e.payload as Record<string, unknown> & {
        isProfilePhoto: boolean;
        id: string;
        customer_id: string;
      };
      const known = await knownCustomers(ctx, e, row.customer_id);
      if (!known) return;
      const [customerId] = known as [string];
      await tx
        .insertInto('documents')
        .values({ ...row, customer_id: customerId } as never)
        .onConflict((oc) => oc.doNothing())
        .execute();
      if (isProfilePhoto)
        await tx
          .updateTable('customers')
          .set({ photo_document_id: row.id })
          .where('id', '=', customerId)
          .execute();
    },
  },
  'relationship.added': {
    rule: 'create',
    async apply(ctx, e) {
      const { tx } = ctx;
      const p = e.payload as { customer_id: string; related_customer_id: string };
      const known = await knownCustomers(ctx, e, p.customer_id, p.related_customer_id);
      if (!known) return;
      const [customerId, relatedId] = known as [string, string];
      // Two registrations settled as one person: a link between them is a link to oneself, and means nothing.
      if (customerId === relatedId) return;
      await tx
        .insertInto('relationships')
        .values({ ...e.payload, customer_id: customerId, related_customer_id: relatedId } as never)
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
  },
  'relationship.removed': {
    rule: 'lww',
    async apply({ tx }, e) {
      const p = e.payload as { relationshipId: string; removedAt: string };
      await tx
        .updateTable('relationships')
        .set({ removed_at: p.removedAt })
        .where('id', '=', p.relationshipId)
        .where('removed_at', 'is', null)
        .execute();
    },
  },
  'communication.logged': {
    rule: 'create',
    async apply(ctx, e) {
      const { tx } = ctx;
      const known = await knownCustomers(ctx, e, (e.payload as { customer_id: string }).customer_id);
      if (!known) return;
      await tx
        .insertInto('communications')
        .values({ ...e.payload, customer_id: known[0] } as never)
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
  },
  // Exceptions are raised per device, each with its own id; a resolution made on another device carries the
  // event that raised it, so it settles the same exception here (a head office and its replicas) and takes the
  // same effect on the data (./resolutions). Where it cannot take effect, this ledger's exception stays open.
  'sync.exceptionResolved': {
    rule: 'fact',
    async apply(ctx, e) {
      await applyResolution(ctx, e.payload as unknown as ResolutionPayload, { eventId: e.id }, appliers);
    },
  },
};
