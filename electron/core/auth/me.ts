// What the app frame needs about the current session: the user, their role and permissions, the stage of the
// sign-in, the branch and when the session runs out.
import type { OutputOf } from '../../../shared/contract';
import type { Ctx } from '../context';
import { requireActor, requireDevice } from '../context';
import { readBranch } from '../setup/setup';
import { lookupSession } from './sessions';

export async function me(ctx: Ctx): Promise<OutputOf<'auth.me'>> {
  const actor = requireActor(ctx);
  const device = requireDevice(ctx);
  const user = await ctx.db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  const institution = await ctx.db.selectFrom('institution').select('name').executeTakeFirstOrThrow();
  const session = await lookupSession(ctx, ctx.sessionToken!);
  const branch = await readBranch(ctx.db, device.branchId);
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      role: actor.role,
      hasTotp: user.totp_enabled_at !== null,
    },
    permissions: [...actor.permissions].sort(),
    stage: actor.stage,
    institutionName: institution.name,
    branch: branch!,
    deviceCode: device.code,
    idleExpiresAt: session.kind === 'valid' ? session.idleExpiresAt : ctx.clock.now().toISOString(),
    expiresAt: session.kind === 'valid' ? session.expiresAt : ctx.clock.now().toISOString(),
  };
}
