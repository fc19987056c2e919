// A second (third, …) device joins a branch that already exists centrally. On an empty, migrated ledger it
// reserves its device code at central, pulls every event of the branch (and head-office events about the
// branch's customers) through the ordinary appliers — so `branch.initialised` makes the branch and the other
// devices, `user.created` the staff, who then sign in offline with the passwords they already have — and
// finally, in one local transaction, records the institution and this device as the local one. Until that
// last step the ledger is not "set up", so a join interrupted at any page is simply run again: the chosen
// device id is kept in settings, the pull resumes from its cursor, and appliers skip what is already here.
import type { Kysely } from 'kysely';
import { latestVersion } from '../../db/migrations';
import { openLedger, writeTransaction } from '../../db/open';
import type { Database } from '../../db/schema';
import { headOfficeConfigTypes, type Central } from './central';
import { pullChanges } from './pull';
import { registerDevice } from './push';

const pendingKey = 'sync.join';

export class JoinError extends Error {
  constructor(
    readonly reason:
      | 'already_initialised'
      | 'unknown_branch'
      | 'device_code_taken'
      | 'branch_not_initialised'
      | 'join_mismatch',
    message: string,
  ) {
    super(message);
    this.name = 'JoinError';
  }
}

export interface JoinOptions {
  branchCode: string;
  deviceCode: string;
  now?: () => Date;
  newId: () => string;
  pageSize?: number;
  /** Stops after this many pages (tests of an interrupted join); run again to resume. */
  maxPages?: number;
  onProgress?: (p: { received: number; cursor: number; head: number }) => void;
}

export interface JoinResult {
  /** false when `maxPages` stopped the pull before the branch was complete: run the join again. */
  isComplete: boolean;
  deviceId: string;
  branchId: string;
  institutionName: string | null;
  received: number;
}

interface Pending {
  deviceId: string;
  branchId: string;
  branchCode: string;
  deviceCode: string;
}

async function readPending(db: Kysely<Database>): Promise<Pending | null> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', pendingKey)
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as Pending) : null;
}

async function writePending(db: Kysely<Database>, pending: Pending, at: string) {
  const value = JSON.stringify(pending);
  await db
    .insertInto('settings')
    .values({ key: pendingKey, value, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
    .execute();
}

/** Joins the branch `branchCode` as device `deviceCode`; `ledger` is a path or an open ledger's Kysely handle. */
export async function joinBranch(
  ledger: string | Kysely<Database>,
  central: Central,
  options: JoinOptions,
): Promise<JoinResult> {
  if (typeof ledger === 'string') {
    const opened = openLedger(ledger);
    try {
      return await joinBranch(opened.db, central, options);
    } finally {
      await opened.close();
    }
  }
  const db = ledger;
  const now = options.now ?? (() => new Date());
  const local = await db.selectFrom('devices').select('id').where('is_local', '=', 1).executeTakeFirst();
  const institution = await db.selectFrom('institution').select('id').executeTakeFirst();
  if (local || institution) {
    throw new JoinError('already_initialised', 'This ledger is already set up; a device joins only once.');
  }

  const [branch] = await central.query<{ id: string; name: string }>(
    'SELECT id, name FROM branches WHERE code = $1',
    [options.branchCode],
  );
  if (!branch) {
    throw new JoinError(
      'unknown_branch',
      `Central knows no branch ${options.branchCode}; its first device must be set up and synced first.`,
    );
  }

  let pending = await readPending(db);
  if (pending && (pending.branchCode !== options.branchCode || pending.deviceCode !== options.deviceCode)) {
    throw new JoinError(
      'join_mismatch',
      `This ledger is half-way through joining ${pending.branchCode} as device ${pending.deviceCode}; finish that join or start from an empty ledger.`,
    );
  }
  if (!pending) {
    const [taken] = await central.query<{ id: string }>(
      'SELECT id FROM devices WHERE branch_id = $1 AND code = $2',
      [branch.id, options.deviceCode],
    );
    if (taken) {
      throw new JoinError(
        'device_code_taken',
        `Branch ${options.branchCode} already has a device ${options.deviceCode}; choose another code.`,
      );
    }
    pending = {
      deviceId: options.newId(),
      branchId: branch.id,
      branchCode: options.branchCode,
      deviceCode: options.deviceCode,
    };
    // Kept before central hears of it: a join interrupted after registering resumes with the same id.
    await writePending(db, pending, now().toISOString());
  }
  // Reserves the code centrally (unique per branch): a device that registered the same code a moment ago wins.
  try {
    await registerDevice(central, {
      deviceId: pending.deviceId,
      deviceCode: pending.deviceCode,
      branchId: pending.branchId,
      branchCode: pending.branchCode,
      branchName: branch.name,
      schemaVersion: latestVersion,
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505') {
      throw new JoinError(
        'device_code_taken',
        `Branch ${options.branchCode} already has a device ${options.deviceCode}; choose another code.`,
      );
    }
    throw error;
  }

  const pageSize = options.pageSize ?? 1_000;
  const pulled = await pullChanges(db, central, {
    identity: { deviceId: pending.deviceId, branchId: pending.branchId },
    newId: options.newId,
    now,
    pageSize,
    maxPages: options.maxPages,
    onProgress: options.onProgress,
  });
  const [head] = await central.query<{ head: string }>(
    `SELECT coalesce(max(global_seq), 0) AS head FROM events WHERE branch_id = $1 OR scope_branch_id = $1
       OR ((type = ANY($2::text[]) OR type LIKE 'role.%') AND branch_id IN (SELECT b.id FROM branches b WHERE b.is_head_office))`,
    [pending.branchId, headOfficeConfigTypes],
  );
  const isComplete = options.maxPages === undefined || pulled.cursor.seq >= Number(head!.head);
  if (!isComplete) {
    return {
      isComplete,
      deviceId: pending.deviceId,
      branchId: pending.branchId,
      institutionName: null,
      received: pulled.received,
    };
  }

  const initialised = await db
    .selectFrom('received_events')
    .select('payload')
    .where('type', '=', 'branch.initialised')
    .where('entity_id', '=', pending.branchId)
    .executeTakeFirst();
  if (!initialised) {
    throw new JoinError(
      'branch_not_initialised',
      `Central holds no set-up event of branch ${options.branchCode}; sync its first device and try again.`,
    );
  }
  const payload = JSON.parse(initialised.payload) as { institutionId: string; institutionName: string };
  const done = pending;
  await writeTransaction(db, async (tx) => {
    const at = now().toISOString();
    await tx
      .insertInto('institution')
      .values({ id: payload.institutionId, name: payload.institutionName, created_at: at })
      .execute();
    await tx
      .insertInto('devices')
      .values({
        id: done.deviceId,
        branch_id: done.branchId,
        code: done.deviceCode,
        is_local: 1,
        schema_version: latestVersion,
        created_at: at,
      })
      .execute();
    await tx.deleteFrom('settings').where('key', '=', pendingKey).execute();
  });
  return {
    isComplete,
    deviceId: done.deviceId,
    branchId: done.branchId,
    institutionName: payload.institutionName,
    received: pulled.received,
  };
}
