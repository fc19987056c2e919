// Migration 5 on a real SQLite file: a ledger at schema 4 with staff, their sessions, password history and a
// resolved sync exception is migrated; every row survives, foreign keys still hold (and are on again), the same
// username may now exist at two branches but not twice in one, and the resolution's note moves to its column.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations';
import { checksum, migrate } from '../../db/migrator';
import { openSqlite } from '../../db/open';
import { removeDir } from '../support/ledger';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));

const at = '2026-11-25T08:00:00.000Z';
const branchIds = ['0190d0a0-0000-7000-8000-000000000001', '0190d0a0-0000-7000-8000-000000000002'];
const userIds = ['0190d0a0-0000-7000-8000-0000000000a1', '0190d0a0-0000-7000-8000-0000000000a2'];

function aLedgerAtVersion4(): BetterSqlite3.Database {
  const dir = mkdtempSync(join(tmpdir(), 'lms-m5-'));
  dirs.push(dir);
  const sqlite = openSqlite(join(dir, 'ledger.sqlite'));
  migrate(sqlite, migrations.slice(0, 4));
  for (const [i, id] of branchIds.entries())
    sqlite
      .prepare(
        `INSERT INTO branches (id, code, name, currency, currency_digits, locale, time_zone, business_date, created_at)
         VALUES (?, ?, ?, 'KES', 2, 'en', 'Africa/Nairobi', '2026-11-25', ?)`,
      )
      .run(id, `BR${i}`, `Branch ${i}`, at);
  sqlite
    .prepare(
      `INSERT INTO devices (id, branch_id, code, is_local, schema_version, created_at) VALUES (?, ?, '01', 1, 4, ?)`,
    )
    .run('0190d0a0-0000-7000-8000-0000000000d1', branchIds[0], at);
  const user = sqlite.prepare(
    `INSERT INTO users (id, branch_id, username, display_name, role_code, password_hash, password_changed_at,
       must_change_password, totp_secret, failed_attempts, locked_until, is_active, last_sign_in_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'scrypt$hash', ?, 1, 'SECRET', 2, NULL, 1, ?, ?, ?)`,
  );
  user.run(userIds[0], branchIds[0], 'manager', 'Branch 0 manager', 'manager', at, at, at, at);
  user.run(userIds[1], branchIds[0], 'teller', 'Branch 0 teller', 'teller', at, null, at, at);
  sqlite
    .prepare(
      `INSERT INTO sessions (id, token_hash, user_id, device_id, stage, created_at, last_seen_at, expires_at)
       VALUES ('s1', 'h1', ?, '0190d0a0-0000-7000-8000-0000000000d1', 'active', ?, ?, ?)`,
    )
    .run(userIds[0], at, at, at);
  sqlite
    .prepare(
      `INSERT INTO password_history (id, user_id, password_hash, created_at) VALUES ('p1', ?, 'old', ?)`,
    )
    .run(userIds[1], at);
  sqlite
    .prepare(
      `INSERT INTO sync_exceptions (id, kind, entity_type, entity_id, event_id, local_version, remote_version, status,
         resolution, resolved_by, resolved_at, created_at)
       VALUES ('x1', 'duplicate_registration', 'customer', 'c1', 'e1', '{}', '{}', 'resolved', 'keep_local', ?, ?, ?)`,
    )
    .run(userIds[0], at, at);
  sqlite
    .prepare(
      `INSERT INTO events (id, device_id, device_seq, hlc, type, entity_type, entity_id, payload, schema_version, created_at)
       VALUES ('ev1', '0190d0a0-0000-7000-8000-0000000000d1', 1, 'h', 'sync.exceptionResolved', 'sync_exception', 'x1', ?, 1, ?)`,
    )
    .run(JSON.stringify({ resolution: 'keep_local', note: 'Same person, checked the ID card' }), at);
  return sqlite;
}

const insertUser = (sqlite: BetterSqlite3.Database, id: string, branchId: string, username: string) =>
  sqlite
    .prepare(
      `INSERT INTO users (id, branch_id, username, display_name, role_code, password_hash, password_changed_at,
         created_at, updated_at) VALUES (?, ?, ?, 'X', 'manager', 'h', ?, ?, ?)`,
    )
    .run(id, branchId, username, at, at, at);

describe('migration 5: usernames unique per branch', () => {
  it('keeps every user and what refers to them, with foreign keys intact and on again', () => {
    const sqlite = aLedgerAtVersion4();
    const before = sqlite.prepare('SELECT * FROM users ORDER BY id').all();
    expect(migrate(sqlite, migrations.slice(0, 5))).toEqual([5]);

    expect(sqlite.prepare('SELECT * FROM users ORDER BY id').all()).toEqual(before);
    expect(sqlite.prepare('SELECT user_id FROM sessions').all()).toEqual([{ user_id: userIds[0] }]);
    expect(sqlite.prepare('SELECT user_id FROM password_history').all()).toEqual([{ user_id: userIds[1] }]);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('user_version', { simple: true })).toBe(5);
    expect(sqlite.prepare('SELECT checksum FROM schema_migrations WHERE version = 5').get()).toEqual({
      checksum: checksum(migrations[4]!),
    });
    // The tables that reference users still name the rebuilt table, and a dangling reference is refused.
    expect(() =>
      sqlite
        .prepare(
          `INSERT INTO password_history (id, user_id, password_hash, created_at) VALUES ('p2', 'nobody', 'h', ?)`,
        )
        .run(at),
    ).toThrow(/FOREIGN KEY/);
  });

  it('allows the same username at two branches and refuses it twice in one branch, whatever the case', () => {
    const sqlite = aLedgerAtVersion4();
    expect(() => insertUser(sqlite, 'u-other', branchIds[1]!, 'manager')).toThrow(/UNIQUE/);
    migrate(sqlite, migrations.slice(0, 5));

    insertUser(sqlite, 'u-other', branchIds[1]!, 'manager');
    expect(
      sqlite.prepare("SELECT branch_id FROM users WHERE username = 'MANAGER' ORDER BY branch_id").all(),
    ).toEqual([{ branch_id: branchIds[0] }, { branch_id: branchIds[1] }]);
    expect(() => insertUser(sqlite, 'u-twice', branchIds[0]!, 'Manager')).toThrow(/UNIQUE/);
  });

  it('moves the note of an exception already resolved from its event to the new column', () => {
    const sqlite = aLedgerAtVersion4();
    migrate(sqlite, migrations.slice(0, 5));
    expect(sqlite.prepare('SELECT note, effect FROM sync_exceptions').all()).toEqual([
      { note: 'Same person, checked the ID card', effect: null },
    ]);
  });

  it('refuses to commit a migration that leaves a broken foreign key, and leaves the ledger as it was', () => {
    const sqlite = aLedgerAtVersion4();
    const broken = { version: 5, name: 'broken', up: `DROP TABLE users;` };
    expect(() => migrate(sqlite, [...migrations.slice(0, 4), broken])).toThrow(/breaks \d+ foreign key/);
    expect(sqlite.pragma('user_version', { simple: true })).toBe(4);
    expect(sqlite.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 2 });
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});
