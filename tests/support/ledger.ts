// Test factories: a real ledger file in a temp folder, a core over it with a clock the test moves, and small
// builders for the usual steps (set up a branch, sign in, create a staff member).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLedger, type Ledger } from '../../db/open';
import { randomIds, type Clock } from '../../electron/core/context';
import { createCore, type Core } from '../../electron/core/router';
import type { ApiResult, InputOf, MethodName, OutputOf } from '../../shared/contract';
import type { Role } from '../../shared/permissions';

export const testHashing = { N: 1024, r: 8, p: 1 };

export class TestClock implements Clock {
  constructor(private ms = Date.parse('2026-11-25T08:00:00.000Z')) {}
  now() {
    return new Date(this.ms);
  }
  advanceMinutes(minutes: number) {
    this.ms += minutes * 60_000;
  }
  advanceMs(ms: number) {
    this.ms += ms;
  }
}

export interface TestBranch {
  ledger: Ledger;
  core: Core;
  clock: TestClock;
  dir: string;
  path: string;
  call<M extends MethodName>(
    method: M,
    input: InputOf<M>,
    token?: string | null,
  ): Promise<ApiResult<OutputOf<M>>>;
  ok<M extends MethodName>(method: M, input: InputOf<M>, token?: string | null): Promise<OutputOf<M>>;
  reopen(): TestBranch;
  close(): Promise<void>;
}

export function aLedger(options: { dir?: string; clock?: TestClock } = {}): TestBranch {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'lms-test-'));
  const path = join(dir, 'ledger.sqlite');
  const clock = options.clock ?? new TestClock();
  const ledger = openLedger(path);
  const core = createCore({
    db: ledger.db,
    readDb: ledger.readDb,
    clock,
    ids: randomIds,
    hashing: testHashing,
    documentsDir: join(dir, 'documents'),
    log: process.env.LMS_TEST_LOG ? (...a: unknown[]) => console.error(...a) : () => {},
  });
  const branch: TestBranch = {
    ledger,
    core,
    clock,
    dir,
    path,
    call: (method, input, token) => core.call(method, input, { sessionToken: token ?? null }) as never,
    async ok(method, input, token) {
      const result = await branch.call(method, input, token);
      if (result.error) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
      return result.data!;
    },
    reopen() {
      return aLedger({ dir, clock });
    },
    async close() {
      await ledger.close();
    },
  };
  return branch;
}

export function removeDir(dir: string) {
  rmSync(dir, { recursive: true, force: true });
}

export const adminPassword = 'Correct-Horse-Battery-42';

export const setupInput = {
  institutionName: 'Umoja Microfinance',
  branchCode: 'NBO',
  branchName: 'Nairobi Central',
  currency: 'KES',
  timeZone: 'Africa/Nairobi',
  businessDate: '2026-11-25',
  locale: 'en' as const,
  deviceCode: '01',
  adminUsername: 'amina',
  adminDisplayName: 'Amina Njoroge',
  adminPassword,
};

/** A branch that has run first-run setup, with the administrator signed in. */
export async function aBranch(
  options: { dir?: string; clock?: TestClock; setup?: Partial<typeof setupInput> } = {},
) {
  const branch = aLedger(options);
  const setup = { ...setupInput, ...options.setup };
  await branch.ok('setup.initialise', setup);
  const signIn = await branch.ok('auth.signIn', {
    username: setup.adminUsername,
    password: setup.adminPassword,
  });
  return { ...branch, adminToken: signIn.sessionToken };
}

/** Creates a staff member and completes their forced password change; returns their session token. */
export async function aStaffMember(
  branch: TestBranch & { adminToken: string },
  { username = 'tom', role = 'teller' as Role, password = 'Teller-Password-2026' } = {},
) {
  const user = await branch.ok(
    'users.create',
    { username, displayName: username.toUpperCase(), role, temporaryPassword: 'Temporary-Pass-123' },
    branch.adminToken,
  );
  const first = await branch.ok('auth.signIn', { username, password: 'Temporary-Pass-123' });
  const changed = await branch.ok(
    'auth.changePassword',
    { currentPassword: 'Temporary-Pass-123', newPassword: password },
    first.sessionToken,
  );
  return { user, token: changed.sessionToken, password };
}
