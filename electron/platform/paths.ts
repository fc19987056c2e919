// Where the desktop app keeps its ledger, computed the way Electron's `app.getPath('userData')` does, so the
// CLI finds the same file without loading Electron. `--db PATH` or `LMS_DB` override it everywhere.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const productName = 'Optifluence LMS';

export function userDataDir(platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), productName);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', productName);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), productName);
}

export function defaultLedgerPath(env = process.env): string {
  return env.LMS_DB ?? join(userDataDir(), 'ledger.sqlite');
}
