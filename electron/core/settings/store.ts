// The settings table as typed groups: each group (security, customers, …) is one JSON value under its key, read
// with its defaults filled in, and changed by one use case that emits `settings.changed` and audits before and
// after. Also the raw read/write that the clock and the sync cursor use (no event: they are device-local).
import { rawFirst, rawRun } from '../../../db/raw';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { WriteCtx } from '../context';

const readSql = 'SELECT value FROM settings WHERE key = ?';
const writeSql = `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`;

export async function readSetting<T>(db: Kysely<Database>, key: string): Promise<T | undefined> {
  const row = await rawFirst<{ value: string }>(db, readSql, [key]);
  return row ? (JSON.parse(row.value) as T) : undefined;
}

export async function writeSetting(
  tx: Kysely<Database>,
  key: string,
  value: unknown,
  at: string,
): Promise<void> {
  await rawRun(tx, writeSql, [key, JSON.stringify(value), at]);
}

export interface SettingsGroup<T extends object> {
  read(db: Kysely<Database>): Promise<T>;
  update(ctx: WriteCtx, changes: Partial<T>): Promise<T>;
}

export function settingsGroup<T extends object>(key: string, defaults: T): SettingsGroup<T> {
  const read = async (db: Kysely<Database>) => ({ ...defaults, ...(await readSetting<Partial<T>>(db, key)) });
  return {
    read,
    async update(ctx, changes) {
      const before = await read(ctx.tx);
      const after = { ...before, ...changes };
      await writeSetting(ctx.tx, key, after, ctx.clock.now().toISOString());
      await ctx.emit({
        type: 'settings.changed',
        entityType: 'settings',
        entityId: key,
        payload: { ...after },
      });
      await ctx.audit({
        action: 'settings.changed',
        entityType: 'settings',
        entityId: key,
        details: { before, after },
      });
      return after;
    },
  };
}
