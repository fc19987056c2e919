// A small bank for sync tests: branches with one or more devices each (the first set up through first-run
// setup, the others joined through `joinBranch`), a head-office device that pulls everything, staff signed in
// on every device, and helpers to sync until quiet and to dump what a device holds of a branch in a canonical
// order, so "every replica agrees" is one `toEqual`.
import type { Kysely } from 'kysely';
import {
  projectionColumns as loanProjectionColumns,
  projectLoans,
  stateOf,
} from '../../electron/core/loans/project';
import type { Database } from '../../db/schema';
import { writeTransaction } from '../../db/open';
import { randomIds } from '../../electron/core/context';
import type { Central } from '../../electron/sync/central';
import { joinBranch } from '../../electron/sync/join';
import { pullChanges } from '../../electron/sync/pull';
import { pushPending } from '../../electron/sync/push';
import { syncOnce } from '../../electron/sync/sync';
import {
  aBranch,
  adminPassword,
  aLedger,
  aStaffMember,
  removeDir,
  TestClock,
  type TestBranch,
} from './ledger';

export const newId = randomIds.uuid;
export const officerPassword = 'Officer-Field-2026';

export interface Staff {
  userId: string;
  username: string;
  password: string;
}

export interface Device {
  name: string;
  branchCode: string;
  branchId: string;
  isHeadOffice: boolean;
  node: TestBranch;
  db: Kysely<Database>;
  /** Session tokens on this device, by username. */
  tokens: Map<string, string>;
}

export interface WorldBranch {
  code: string;
  id: string;
  admin: Staff;
  officers: Staff[];
  devices: Device[];
}

export interface World {
  central: Central;
  branches: WorldBranch[];
  hq: Device;
  /** Every device, head office last. */
  devices: Device[];
  /** Every customer registered anywhere: where, and by whom. */
  registered: { id: string; branchCode: string; idNumber: string }[];
  /** Usernames in use (staff accounts are unique across the institution). */
  usernames: Set<string>;
  log: string[];
}

/** A deterministic pseudo-random generator (mulberry32): operations draw from it, so a failing seed replays. */
export interface Rng {
  next(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function rngFrom(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const rng: Rng = {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[rng.int(items.length)]!,
    chance: (p) => next() < p,
  };
  return rng;
}

/** Empties central between runs (every table the central migrations made), keeping the schema and epoch. */
export async function resetCentral(central: Central) {
  const tables = await central.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public'
       AND tablename NOT IN ('central_meta', 'sequencer', 'central_schema_migrations')`,
  );
  if (tables.length) {
    await central.query(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} CASCADE`);
  }
  await central.query('UPDATE sequencer SET last_global = 0');
}

async function signIn(device: Device, staff: Staff) {
  const result = await device.node.ok('auth.signIn', { username: staff.username, password: staff.password });
  if (result.status !== 'signedIn') {
    throw new Error(`${staff.username} cannot sign in on ${device.name}: ${result.status}`);
  }
  device.tokens.set(staff.username, result.sessionToken);
}

async function localBranchId(db: Kysely<Database>) {
  return (
    await db.selectFrom('devices').select('branch_id').where('is_local', '=', 1).executeTakeFirstOrThrow()
  ).branch_id;
}

/** A further device of `branch`: an empty ledger joined through central, its staff signed in. */
export async function joinDevice(
  central: Central,
  branch: Pick<WorldBranch, 'code' | 'admin' | 'officers'>,
  deviceCode: string,
  options: { pageSize?: number; maxPages?: number; signIn?: boolean } = {},
): Promise<Device> {
  const node = aLedger({ clock: new TestClock() });
  for (;;) {
    const joined = await joinBranch(node.ledger.db, central, {
      branchCode: branch.code,
      deviceCode,
      newId,
      now: () => node.clock.now(),
      pageSize: options.pageSize,
      maxPages: options.maxPages,
    });
    if (joined.isComplete) break;
  }
  const device: Device = {
    name: `${branch.code}/${deviceCode}`,
    branchCode: branch.code,
    branchId: await localBranchId(node.ledger.db),
    isHeadOffice: false,
    node,
    db: node.ledger.db,
    tokens: new Map(),
  };
  if (options.signIn !== false)
    for (const staff of [branch.admin, ...branch.officers]) await signIn(device, staff);
  return device;
}

/** A branch's first device (first-run setup), its administrator and two loan officers, synced to central. */
async function firstDevice(central: Central, code: string, isHeadOffice = false) {
  const adminUsername = `${code.toLowerCase()}-admin`;
  const node = await aBranch({
    clock: new TestClock(),
    setup: { branchCode: code, branchName: `Branch ${code}`, adminUsername, deviceCode: '01' },
  });
  const admin: Staff = {
    userId: (await node.ok('auth.me', {}, node.adminToken)).user.id,
    username: adminUsername,
    password: adminPassword,
  };
  const device: Device = {
    name: `${code}/01`,
    branchCode: code,
    branchId: await localBranchId(node.ledger.db),
    isHeadOffice,
    node,
    db: node.ledger.db,
    tokens: new Map([[adminUsername, node.adminToken]]),
  };
  const officers: Staff[] = [];
  if (!isHeadOffice) {
    for (const n of [1, 2]) {
      const username = `${code.toLowerCase()}-officer${n}`;
      const staff = await aStaffMember(node, { username, role: 'loan_officer', password: officerPassword });
      officers.push({ userId: staff.user.id, username, password: officerPassword });
      device.tokens.set(username, staff.token);
    }
  }
  await syncOnce(node.ledger.db, central, { newId, isHeadOffice });
  return { device, admin, officers };
}

/** `devicesPerBranch[i]` devices in branch i (codes A, B, C, …), and a head-office device pulling everything. */
export async function aWorld(central: Central, devicesPerBranch: number[], prefix = ''): Promise<World> {
  const branches: WorldBranch[] = [];
  const usernames = new Set<string>();
  for (const [i, count] of devicesPerBranch.entries()) {
    const code = `${prefix}BR${String.fromCharCode(65 + i)}`;
    const first = await firstDevice(central, code);
    const branch: WorldBranch = {
      code,
      id: first.device.branchId,
      admin: first.admin,
      officers: first.officers,
      devices: [first.device],
    };
    for (let d = 2; d <= count; d++) branch.devices.push(await joinDevice(central, branch, `0${d}`));
    for (const s of [first.admin, ...first.officers]) usernames.add(s.username);
    branches.push(branch);
  }
  const hq = (await firstDevice(central, `${prefix}HQ`, true)).device;
  usernames.add(`${prefix.toLowerCase()}hq-admin`);
  return {
    central,
    branches,
    hq,
    devices: [...branches.flatMap((b) => b.devices), hq],
    registered: [],
    usernames,
    log: [],
  };
}

/** Signs every staff member in again on every device (after the clocks moved past their sessions' lifetime). */
export async function signInEveryone(world: World) {
  for (const branch of world.branches)
    for (const device of branch.devices)
      for (const staff of [branch.admin, ...branch.officers]) await signIn(device, staff);
  const hqAdmin = `${world.hq.branchCode.toLowerCase()}-admin`;
  await signIn(world.hq, { userId: '', username: hqAdmin, password: adminPassword });
}

export async function closeWorld(world: World, extra: Device[] = []) {
  for (const d of [...world.devices, ...extra]) {
    await d.node.close();
    removeDir(d.node.dir);
  }
}

export const syncOf = (world: World, device: Device) =>
  syncOnce(device.db, world.central, {
    newId,
    isHeadOffice: device.isHeadOffice,
    now: () => device.node.clock.now(),
  });

export const pushOf = (world: World, device: Device, batchSize?: number) =>
  pushPending(device.db, world.central, { batchSize, now: () => device.node.clock.now() });

export const pullOf = (
  world: World,
  device: Device,
  options: { pageSize?: number; maxPages?: number } = {},
) =>
  pullChanges(device.db, world.central, {
    newId,
    isHeadOffice: device.isHeadOffice,
    now: () => device.node.clock.now(),
    ...options,
  });

/** Every device syncs, round after round, until a whole round moves nothing. */
export async function syncUntilQuiet(world: World, devices: Device[] = world.devices) {
  for (let round = 0; round < 20; round++) {
    let moved = 0;
    for (const d of devices) {
      const r = await syncOf(world, d);
      if (r.push.refused) throw new Error(`${d.name}: central refused ${JSON.stringify(r.push.refused)}`);
      moved += r.push.pushed + r.pull.received;
    }
    if (moved === 0) return;
  }
  throw new Error('sync did not settle in 20 rounds');
}

/**
 * What the events do not carry, so replicas may differ there: a customer's `updated_at` (the time this replica
 * last changed the row). Who decided KYC and when, and each edit's previous value, travel in the events and
 * are compared.
 */
const excludedCustomerColumns = new Set(['updated_at']);
export const notCarried = [...excludedCustomerColumns];

const sortBy = <T>(rows: T[], key: (r: T) => string) =>
  [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/**
 * What `device` holds of branch `branchId`, table by table, in a canonical order: customers (with their
 * per-field HLCs), their field history (values, not ids), documents' metadata, relationships, communications
 * and the branch's staff. `without` leaves out the rows of the given customers.
 */
export async function dumpBranch(
  device: Pick<Device, 'db'>,
  branchId: string,
  without: ReadonlySet<string> = new Set(),
) {
  const db = device.db;
  const customers = (
    await db.selectFrom('customers').selectAll().where('branch_id', '=', branchId).orderBy('id').execute()
  )
    .filter((c) => !without.has(c.id))
    .map((c) =>
      Object.fromEntries(
        Object.entries(c)
          .filter(([k]) => !excludedCustomerColumns.has(k))
          .map(([k, v]) => [k, k === 'field_hlcs' ? JSON.parse(String(v)) : v]),
      ),
    );
  const ids = new Set(customers.map((c) => String(c.id)));
  const mine = <T extends { customer_id: string }>(rows: T[]) => rows.filter((r) => ids.has(r.customer_id));
  const history = sortBy(
    mine(
      await db
        .selectFrom('customer_field_history')
        .select(['customer_id', 'field', 'old_value', 'new_value', 'changed_by', 'changed_at'])
        .execute(),
    ),
    (r) => JSON.stringify([r.customer_id, r.changed_at, r.field, r.old_value, r.new_value, r.changed_by]),
  );
  const documents = mine(await db.selectFrom('documents').selectAll().orderBy('id').execute());
  const relationships = mine(await db.selectFrom('relationships').selectAll().orderBy('id').execute()).filter(
    (r) => ids.has(r.related_customer_id),
  );
  const communications = mine(await db.selectFrom('communications').selectAll().orderBy('id').execute());
  const users = await db
    .selectFrom('users')
    .select([
      'id',
      'branch_id',
      'username',
      'display_name',
      'role_code',
      'password_hash',
      'must_change_password',
      'is_active',
    ])
    .where('branch_id', '=', branchId)
    .orderBy('id')
    .execute();
  return {
    customers,
    history,
    documents,
    relationships,
    communications,
    users,
    ...(await dumpLoans(db, branchId, without)),
  };
}

/**
 * What the loan events carry, per replica: every product, the branch's loans (the projection's columns
 * replaced by the engine's replay of the replica's own transactions on one fixed date, so replicas whose
 * business dates differ still compare) with their transactions, decisions, terms history, collateral and
 * guarantors, and the cash each till holds.
 */
export const balancesDate = '2027-12-31';
const projectionColumns = new Set<string>(['updated_at', 'gl_positions', ...loanProjectionColumns]);

export async function dumpLoans(
  db: Kysely<Database>,
  branchId: string,
  without: ReadonlySet<string> = new Set(),
) {
  const products = await db.selectFrom('loan_products').selectAll().orderBy('id').execute();
  // Loans of a customer head office holds only as an exception wait there with it.
  const loanRows = (
    await db.selectFrom('loans').selectAll().where('branch_id', '=', branchId).orderBy('id').execute()
  ).filter((l) => !without.has(l.customer_id));
  const ids = loanRows.map((l) => l.id);
  const of = <T extends { loan_id: string }>(rows: T[]) => rows.filter((r) => ids.includes(r.loan_id));
  const transactions = of(await db.selectFrom('loan_transactions').selectAll().orderBy('id').execute());
  const loans = loanRows.map((l) => {
    const kept = Object.fromEntries(Object.entries(l).filter(([k]) => !projectionColumns.has(k)));
    if (!l.disbursed_on) return kept;
    const state = stateOf(
      l,
      transactions.filter((t) => t.loan_id === l.id),
      balancesDate,
    );
    return {
      ...kept,
      balances: {
        status: state.status,
        outstanding: state.outstanding,
        paid: state.paid,
        credit: state.creditMinor,
      },
      // Each transaction's allocation as this replica's replay makes it.
      allocations: state.allocations.map((a) => [
        a.transactionId,
        a.principalMinor,
        a.interestMinor,
        a.feesMinor,
        a.penaltiesMinor,
        a.creditMinor,
        a.isReversed,
      ]),
    };
  });
  const decisions = of(await db.selectFrom('loan_decisions').selectAll().orderBy('id').execute());
  const termsHistory = of(await db.selectFrom('loan_terms_history').selectAll().orderBy('id').execute());
  const collateral = of(await db.selectFrom('loan_collateral').selectAll().orderBy('id').execute());
  const guarantors = of(await db.selectFrom('loan_guarantors').selectAll().orderBy('id').execute());
  return {
    products,
    loans,
    transactions,
    decisions,
    termsHistory,
    collateral,
    guarantors,
    books: await booksOf(db, branchId, ids),
  };
}

/**
 * The branch's books on this replica: each account's balance (debit − credit) once every loan of the branch is
 * brought to the same date (the books accrue with time, and replicas' business dates differ), counting the
 * lines of the loans compared and the lines of no loan (tills, vault). Replicas that hold the same events hold
 * the same trial balance, whatever order the events came in.
 */
async function booksOf(db: Kysely<Database>, branchId: string, loanIds: readonly string[]) {
  await writeTransaction(db, (tx) =>
    projectLoans(tx, loanIds, balancesDate, undefined, undefined, { at: balancesDate }),
  );
  const lines = await db
    .selectFrom('journal_lines')
    .select(['account_code', 'loan_id', 'debit_minor', 'credit_minor'])
    .where('branch_id', '=', branchId)
    .execute();
  const compared = new Set(loanIds);
  const balances: Record<string, number> = {};
  for (const l of lines) {
    if (l.loan_id !== null && !compared.has(l.loan_id)) continue;
    balances[l.account_code] = (balances[l.account_code] ?? 0) + l.debit_minor - l.credit_minor;
  }
  return Object.fromEntries(
    Object.entries(balances)
      .filter(([, v]) => v !== 0)
      .sort(),
  );
}

/** The customers head office holds only as an exception (a clash of national IDs), by customer id. */
export async function exceptionsAt(device: Device, kind = 'duplicate_registration') {
  const rows = await device.db
    .selectFrom('sync_exceptions')
    .select(['entity_id', 'kind'])
    .where('kind', '=', kind)
    .execute();
  return new Set(rows.map((r) => r.entity_id));
}
