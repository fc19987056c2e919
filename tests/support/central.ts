// Central Postgres for tests: PGlite served on the Postgres wire (always available), and a real PostgreSQL
// server started from the machine's binaries in a temp folder (skipped, loudly, where none are installed).
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectCentral, migrateCentral, type Central } from '../../electron/sync/central';

export interface TestCentral {
  url: string;
  central: Central;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

export async function startPglite(): Promise<TestCentral> {
  const db = await PGlite.create();
  const port = await freePort();
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 16 });
  await server.start();
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
  const central = connectCentral(url, { max: 1 });
  await migrateCentral(central);
  return {
    url,
    central,
    async stop() {
      await central.close();
      await server.stop();
      await db.close();
    },
  };
}

const pgBin = '/usr/lib/postgresql/15/bin';
export const hasPostgres = existsSync(join(pgBin, 'initdb'));

/** A throwaway PostgreSQL cluster (initdb as the postgres user, fsync off, a unix socket in the temp dir). */
export async function startPostgres(): Promise<TestCentral> {
  const dir = mkdtempSync(join(tmpdir(), 'lms-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const asPostgres = (cmd: string, args: string[]) =>
    process.getuid?.() === 0
      ? (['runuser', ['-u', 'postgres', '--', cmd, ...args]] as const)
      : ([cmd, args] as const);
  const [initCmd, initArgs] = asPostgres(join(pgBin, 'initdb'), [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'postgres',
    '--no-sync',
  ]);
  execFileSync(initCmd, initArgs, { stdio: 'ignore' });
  const port = await freePort();
  const [cmd, args] = asPostgres(join(pgBin, 'postgres'), [
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'fsync=off',
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'max_connections=100',
  ]);
  const child = spawn(cmd, args, { stdio: 'ignore' });
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const central = connectCentral(url, { max: 8 });
  for (let i = 0; ; i++) {
    try {
      await central.query('SELECT 1');
      break;
    } catch (error) {
      if (i > 100) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await migrateCentral(central);
  return {
    url,
    central,
    async stop() {
      await central.close();
      const [stopCmd, stopArgs] = asPostgres(join(pgBin, 'pg_ctl'), ['stop', '-D', data, '-m', 'immediate']);
      try {
        execFileSync(stopCmd, stopArgs, { stdio: 'ignore' });
      } catch {
        child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
