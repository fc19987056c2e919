// The local ledger on real SQLite files: migrations from empty, durability settings, a restart keeps
// everything, a newer ledger is refused, and `lms verify` catches an audit row edited behind the app's back.
import BetterSqlite3 from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { latestVersion } from '../../db/migrations';
import { LedgerTooNewError, checkSchema, migrate } from '../../db/migrator';
import { openLedger } from '../../db/open';
import { main, type Io } from '../../electron/cli/main';
import { aBranch, aStaffMember, adminPassword, removeDir, setupInput } from '../support/ledger';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));
function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'lms-ledger-'));
  dirs.push(dir);
  return dir;
}

function captureIo(env: NodeJS.ProcessEnv = {}, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdin: () => stdin, env };
  return { io, out, err };
}

describe('the ledger file', () => {
  it('checkpoints the WAL on a worker thread, not in the commit that crosses 1,000 pages', async () => {
    const path = join(tempDir(), 'ledger.sqlite');
    const ledger = openLedger(path, { backgroundCheckpoints: true });
    ledger.sqlite.exec('CREATE TABLE scratch (n INTEGER PRIMARY KEY, body BLOB NOT NULL)');
    ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const before = statSync(path).size;
    // 1,200 pages in one commit: SQLite's default would checkpoint them into the file inside the commit.
    const insert = ledger.sqlite.prepare('INSERT INTO scratch (body) VALUES (?)');
    ledger.sqlite.transaction(() => {
      for (let n = 0; n < 1_200; n++) insert.run(Buffer.alloc(4_000, n % 256));
    })();
    expect(statSync(path).size).toBe(before);
    // The worker copies them in within a few of its 200 ms rounds, with nothing asked of this thread.
    await expect
      .poll(() => statSync(path).size, { timeout: 5_000, interval: 50 })
      .toBeGreaterThan(before + 4_000_000);
    await ledger.close();
    // A closed ledger's file opens clean elsewhere, with its rows.
    const reopened = new BetterSqlite3(path, { readonly: true });
    expect(reopened.prepare('SELECT count(*) AS n FROM scratch').get()).toEqual({ n: 1_200 });
    reopened.close();
  });

  it('lets a process that opened and closed it exit on its own (the CLI), its worker stopped', () => {
    const path = join(tempDir(), 'ledger.sqlite');
    const open = pathToFileURL(join(import.meta.dirname, '../../db/open.ts')).href;
    const script = `const { openLedger } = await import(${JSON.stringify(open)});
      const ledger = openLedger(${JSON.stringify(path)}, { backgroundCheckpoints: true });
      await ledger.close();
      console.log('closed');`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.stdout.trim()).toBe('closed');
    expect(run.status).toBe(0);
  });

  it('migrates an empty file to the latest schema, in WAL with synchronous=FULL and foreign keys on', async () => {
    const path = join(tempDir(), 'ledger.sqlite');
    const ledger = openLedger(path);
    expect(ledger.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ledger.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(ledger.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(ledger.sqlite.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(checkSchema(ledger.sqlite)).toEqual({ isIntact: true, problems: [] });
    expect(migrate(ledger.sqlite)).toEqual([]); // idempotent
    await ledger.close();
  });

  it('refuses a ledger written by a newer app, and leaves it untouched', () => {
    const path = join(tempDir(), 'ledger.sqlite');
    const raw = new BetterSqlite3(path);
    raw.pragma(`user_version = ${latestVersion + 1}`);
    raw.close();
    expect(() => openLedger(path)).toThrow(LedgerTooNewError);
    expect(() => openLedger(path)).toThrow(/newer version of Optifluence LMS/);
    const again = new BetterSqlite3(path);
    expect(again.pragma('user_version', { simple: true })).toBe(latestVersion + 1);
    expect(again.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({
      n: 0,
    });
    again.close();
  });

  it('keeps everything across a restart: users, sessions, settings, events and the audit chain', async () => {
    const dir = tempDir();
    const first = await aBranch({ dir });
    const { user } = await aStaffMember(first);
    await first.ok('settings.updateSecurity', { idleMinutes: 30 }, first.adminToken);
    await first.close();

    const second = first.reopen();
    expect((await second.ok('auth.me', {}, first.adminToken)).user.username).toBe('amina');
    expect(
      (await second.ok('users.list', { includeInactive: true }, first.adminToken)).map((u) => u.id),
    ).toContain(user.id);
    expect((await second.ok('settings.getSecurity', {}, first.adminToken)).idleMinutes).toBe(30);
    expect(await second.ok('audit.verify', {}, first.adminToken)).toMatchObject({ isIntact: true });
    const status = await second.ok('system.status', {}, first.adminToken);
    const events = await second.ledger.db
      .selectFrom('events')
      .select(['device_seq', 'type'])
      .orderBy('device_seq')
      .execute();
    expect(events.map((e) => `${e.device_seq} ${e.type}`)).toEqual([
      '1 branch.initialised',
      '2 user.created',
      '3 user.created',
      '4 user.passwordChanged',
      '5 settings.changed',
    ]);
    expect(status.pendingChanges).toBe(5);
    await second.close();
  });

  it('refuses to update or delete audit rows and events', async () => {
    const b = await aBranch({ dir: tempDir() });
    expect(() => b.ledger.sqlite.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => b.ledger.sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => b.ledger.sqlite.prepare("UPDATE events SET payload = '{}'").run()).toThrow(/immutable/);
    expect(() => b.ledger.sqlite.prepare('DELETE FROM events').run()).toThrow(/immutable/);
    b.ledger.sqlite
      .prepare("UPDATE events SET pushed_at = '2026-11-25T09:00:00Z' WHERE device_seq = 1")
      .run();
    await b.close();
  });
});

describe('lms verify', () => {
  it('passes on an intact ledger and fails on an audit row edited behind the app’s back', async () => {
    const dir = tempDir();
    const b = await aBranch({ dir });
    await aStaffMember(b);
    await b.close();

    const ok = captureIo();
    expect(await main(['verify', '--db', b.path], ok.io)).toBe(0);
    expect(ok.out.join('')).toMatch(/audit chain: ok \(\d+ rows\)/);

    // An attacker with the file drops the trigger and edits a row.
    const raw = new BetterSqlite3(b.path);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare('UPDATE audit_log SET details = \'{"username":"someone-else"}\' WHERE seq = 3').run();
    raw.close();

    const broken = captureIo();
    expect(await main(['verify', '--db', b.path], broken.io)).toBe(1);
    const report = broken.err.join('');
    expect(report).toMatch(/audit chain: BROKEN at row 3/);
    expect(report).toMatch(/protective trigger audit_log_no_update is missing/);
  });

  it('fails when a row is deleted from the middle of the chain', async () => {
    const b = await aBranch({ dir: tempDir() });
    await aStaffMember(b);
    await b.close();
    const raw = new BetterSqlite3(b.path);
    raw.exec('DROP TRIGGER audit_log_no_delete');
    raw.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    raw.close();
    const io = captureIo();
    expect(await main(['verify', '--db', b.path], io.io)).toBe(1);
    expect(io.err.join('')).toMatch(/BROKEN at row 3/);
  });
});

describe('lms init, migrate and call', () => {
  it('sets up a branch non-interactively, then calls methods as a signed-in user', async () => {
    const db = join(tempDir(), 'cli.sqlite');
    const init = captureIo({ LMS_PASSWORD: adminPassword });
    const code = await main(
      [
        'init',
        '--db',
        db,
        '--institution',
        'Umoja',
        '--branch-code',
        'KSM',
        '--branch-name',
        'Kisumu',
        '--currency',
        'KES',
        '--admin-user',
        'amina',
      ],
      init.io,
    );
    expect(code).toBe(0);
    expect(JSON.parse(init.out.join(''))).toMatchObject({ branchCode: 'KSM', deviceCode: '01' });

    const list = captureIo({ LMS_USER: 'amina', LMS_PASSWORD: adminPassword });
    expect(await main(['call', 'users.list', '{}', '--db', db], list.io)).toBe(0);
    expect(JSON.parse(list.out.join('')).map((u: { username: string }) => u.username)).toEqual(['amina']);

    const bad = captureIo({ LMS_USER: 'amina', LMS_PASSWORD: adminPassword });
    expect(await main(['call', 'users.create', '{"username":"x"}', '--db', db], bad.io)).toBe(1);
    expect(JSON.parse(bad.out.join(''))).toMatchObject({ error: { code: 'VALIDATION' } });

    const wrong = captureIo({ LMS_USER: 'amina', LMS_PASSWORD: 'not-the-password' });
    expect(await main(['call', 'users.list', '{}', '--db', db], wrong.io)).toBe(1);
    expect(JSON.parse(wrong.out.join(''))).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });

    const migrateIo = captureIo();
    expect(await main(['migrate', '--db', db], migrateIo.io)).toBe(0);
    expect(migrateIo.out.join('')).toMatch(/nothing to do/);
  });

  it('reports a bad init field and exits 1', async () => {
    const db = join(tempDir(), 'cli.sqlite');
    const io = captureIo();
    const code = await main(
      [
        'init',
        '--db',
        db,
        '--institution',
        'U',
        '--branch-code',
        'k',
        '--currency',
        'KES',
        '--admin-user',
        'amina',
        '--admin-password',
        adminPassword,
      ],
      io.io,
    );
    expect(code).toBe(1);
    const error = JSON.parse(io.out.join('')).error;
    expect(error.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['institutionName', 'branchCode', 'branchName']),
    );
  });

  it('a branch set up from the CLI matches one set up through the API', async () => {
    const b = await aBranch({ dir: tempDir() });
    expect((await b.ok('setup.status', {})).branch?.code).toBe(setupInput.branchCode);
    await b.close();
  });
});
