// `npm run web`: the very same renderer and core as the desktop app, in a plain browser. The core runs in
// this Node process behind the HTTP loopback transport (127.0.0.1, random port unless --port, a random run
// token unless LMS_WEB_TOKEN). The ledger is --db PATH, LMS_DB, or data/web-ledger.sqlite.
// Sync runs here too, in-process. There is no Electron here and so no keychain adapter: the central password
// is kept in memory for this run only (never in a file) and must be entered again after a restart.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCore } from './host/openCore';
import { memorySecretStore } from './platform/secrets';
import { startHttpTransport } from './transports/http';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const here = fileURLToPath(new URL('.', import.meta.url));
const dbPath = resolve(flag('--db') ?? process.env.LMS_DB ?? 'data/web-ledger.sqlite');
const { core, close } = openCore(dbPath, { secrets: memorySecretStore() });
const http = await startHttpTransport(core, {
  port: Number(flag('--port') ?? process.env.LMS_WEB_PORT ?? 0),
  token: process.env.LMS_WEB_TOKEN,
  staticDir: resolve(here, '../dist/renderer'),
});
console.log(`Optifluence LMS (web) — ledger ${dbPath}`);
console.log(`Open ${http.url}#token=${http.token}`);

async function shutdown() {
  await http.close();
  await close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
