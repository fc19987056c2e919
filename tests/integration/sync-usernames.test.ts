// Usernames are unique per branch: two branches each with a "manager" sync to head office without an
// exception, each signs in at their own branch only, and the same username made on two devices of one branch
// offline is still a clash for a manager on every replica that receives the other one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres, startPglite, startPostgres, type TestCentral } from '../support/central';
import {
  aWorld,
  closeWorld,
  resetCentral,
  syncOf,
  syncUntilQuiet,
  type Device,
  type WorldBranch,
} from '../support/syncWorld';

const backends: [string, () => Promise<TestCentral>][] = [['PGlite', startPglite]];
if (hasPostgres) backends.push(['PostgreSQL', startPostgres]);

const temporaryPassword = 'Temporary-Pass-123';

async function createStaff(device: Device, branch: WorldBranch, username: string) {
  return device.node.ok(
    'users.create',
    { username, displayName: `${username} of ${branch.code}`, role: 'manager', temporaryPassword },
    device.tokens.get(branch.admin.username),
  );
}

const usersNamed = (device: Device, username: string) =>
  device.db
    .selectFrom('users')
    .select(['id', 'branch_id'])
    .where('username', '=', username)
    .orderBy('id')
    .execute();

const clashesAt = (device: Device) =>
  device.db.selectFrom('sync_exceptions').select(['kind', 'entity_id']).execute();

describe.each(backends)('usernames per branch with %s', (_name, start) => {
  let server: TestCentral;
  beforeAll(async () => {
    server = await start();
  }, 60_000);
  afterAll(async () => {
    await server.stop();
  }, 60_000);

  it('two branches each have a "manager": head office holds both, without an exception', async () => {
    await resetCentral(server.central);
    const world = await aWorld(server.central, [1, 1]);
    try {
      const [a, b] = world.branches;
      const onA = await createStaff(a!.devices[0]!, a!, 'manager');
      const onB = await createStaff(b!.devices[0]!, b!, 'Manager');
      await syncUntilQuiet(world);

      expect(await clashesAt(world.hq)).toEqual([]);
      expect(await usersNamed(world.hq, 'MANAGER')).toEqual(
        [
          { id: onA.id, branch_id: a!.id },
          { id: onB.id, branch_id: b!.id },
        ].sort((x, y) => (x.id < y.id ? -1 : 1)),
      );
      // Each signs in at their own branch; head office's own "manager" would be a third person.
      const signIn = (device: Device, username: string) =>
        device.node.call('auth.signIn', { username, password: temporaryPassword });
      expect((await signIn(b!.devices[0]!, 'manager')).data?.status).toBe('passwordChangeRequired');
      expect((await signIn(world.hq, 'manager')).error).toMatchObject({ reason: 'invalid_credentials' });
      // And a branch refuses a second "manager" of its own, saying where it is taken.
      const again = await a!.devices[0]!.node.call(
        'users.create',
        { username: 'MANAGER', displayName: 'Another', role: 'teller', temporaryPassword },
        a!.devices[0]!.tokens.get(a!.admin.username),
      );
      expect(again.error).toMatchObject({
        code: 'CONFLICT',
        reason: 'username_taken',
        message: 'That username is taken at this branch.',
      });
    } finally {
      await closeWorld(world);
    }
  }, 60_000);

  it('the same username made on two devices of one branch offline is an exception on each replica', async () => {
    await resetCentral(server.central);
    const world = await aWorld(server.central, [2]);
    try {
      const branch = world.branches[0]!;
      const [one, two] = branch.devices;
      const first = await createStaff(one!, branch, 'teller1');
      const second = await createStaff(two!, branch, 'Teller1');
      await syncOf(world, one!);
      await syncUntilQuiet(world);

      // Each device keeps its own and queues the other's; head office keeps the first pushed.
      expect(await clashesAt(one!)).toEqual([{ kind: 'username_clash', entity_id: second.id }]);
      expect(await clashesAt(two!)).toEqual([{ kind: 'username_clash', entity_id: first.id }]);
      expect(await clashesAt(world.hq)).toEqual([{ kind: 'username_clash', entity_id: second.id }]);
      expect((await usersNamed(world.hq, 'teller1')).map((u) => u.id)).toEqual([first.id]);
    } finally {
      await closeWorld(world);
    }
  }, 60_000);
});
