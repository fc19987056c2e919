// Security settings (lockout threshold and duration, idle timeout, session lifetime, password length), stored
// as JSON in the settings table with the defaults the foundation issue names.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { SecuritySettings } from '../../../shared/contract';
import type { WriteCtx } from '../context';

export const defaultSecurity: SecuritySettings = {
  maxFailedSignIns: 5,
  lockoutMinutes: 15,
  idleMinutes: 15,
  sessionHours: 12,
  minPasswordLength: 12,
};

const key = 'security';

export async function readSecurity(db: Kysely<Database>): Promise<SecuritySettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row
    ? { ...defaultSecurity, ...(JSON.parse(row.value) as Partial<SecuritySettings>) }
    : defaultSecurity;
}

export async function updateSecurity(
  ctx: WriteCtx,
  input: Partial<SecuritySettings>,
): Promise<SecuritySettings> {
  const before = await readSecurity(ctx.tx);
  const after = { ...before, ...input };
  const value = JSON.stringify(after);
  const updatedAt = ctx.clock.now().toISOString();
  await ctx.tx
    .insertInto('settings')
    .values({ key, value, updated_at: updatedAt })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: updatedAt }))
    .execute();
  await ctx.emit({ type: 'settings.changed', entityType: 'settings', entityId: key, payload: { ...after } });
  await ctx.audit({
    action: 'settings.changed',
    entityType: 'settings',
    entityId: key,
    details: { before, after },
  });
  return after;
}
