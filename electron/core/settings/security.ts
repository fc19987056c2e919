// Security settings (lockout threshold and duration, idle timeout, session lifetime, password length), stored
// as JSON in the settings table with the defaults the foundation issue names.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { SecuritySettings } from '../../../shared/contract';
import type { WriteCtx } from '../context';
import { settingsGroup } from './store';

export const defaultSecurity: SecuritySettings = {
  maxFailedSignIns: 5,
  lockoutMinutes: 15,
  idleMinutes: 15,
  sessionHours: 12,
  minPasswordLength: 12,
};

const group = settingsGroup('security', defaultSecurity);

export const readSecurity = (db: Kysely<Database>): Promise<SecuritySettings> => group.read(db);
export const updateSecurity = (ctx: WriteCtx, input: Partial<SecuritySettings>): Promise<SecuritySettings> =>
  group.update(ctx, input);
