// `lms central` / `npm run central`: the embedded central server — a PGlite database (in a folder, so it
// survives restarts) served on the Postgres wire on 127.0.0.1, with the central schema — so branches can sync
// on one machine with nothing installed. `lms sync` runs one sync cycle of a ledger against any central URL.
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { randomIds } from '../core/context';
import { openLedger } from '../../db/open';
import { connectCentral, migrateCentral } from '../sync/central';
import { syncOnce } from '../sync/sync';
import { userDataDir } from '../platform/paths';
import type { Io } from './main';

export async function central(
  args: string[],
  io: Io,
  stop: Promise<void> = waitForSignal(),
): Promise<number> {
  const { values } = parseArgs({ args, options: { data: { type: 'string' }, port: { type: 'string' } } });
  const dir = values.data ?? join(userDataDir(), 'central');
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir);
  const port = Number(values.port ?? 5433);
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 32 });
  await server.start();
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
  const client = connectCentral(url, { max: 1 });
  const applied = await migrateCentral(client);
  await client.close();
  io.stdout(
    `Central (PGlite) at ${url} — data in ${dir}${applied.length ? `; applied migrations ${applied.join(', ')}` : ''}`,
  );
  io.stdout('Sync a branch with: lms sync --central "<that URL>" --db <ledger>. Ctrl+C stops.');
  await stop;
  await server.stop();
  await db.close();
  return 0;
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

export async function sync(args: string[], io: Io, ledgerPath: string): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, central: { type: 'string' }, 'head-office': { type: 'boolean' } },
  });
  const url = values.central ?? io.env.LMS_CENTRAL_URL;
  if (!url) {
    io.stderr('usage: lms sync --central postgresql://… [--head-office] [--db PATH] (or LMS_CENTRAL_URL)');
    return 2;
  }
  const ledger = openLedger(ledgerPath);
  const client = connectCentral(url);
  try {
    const result = await syncOnce(ledger.db, client, {
      isHeadOffice: values['head-office'] ?? false,
      newId: randomIds.uuid,
      onProgress: (p) => io.stderr(`pulled ${p.received} (central at ${p.head})`),
    });
    io.stdout(JSON.stringify(result, null, 2));
    if (result.push.refused) {
      io.stderr(`lms: central refused event ${result.push.refused.deviceSeq}: ${result.push.refused.reason}`);
      return 1;
    }
    return 0;
  } catch (error) {
    io.stderr(`lms: sync failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await client.close();
    await ledger.close();
  }
}
