// `lms join --db PATH --central URL --branch-code CODE --device-code CODE`: makes an empty ledger a further
// device of a branch that central already knows — the branch, its devices, staff and customers come from the
// branch's events, so staff sign in here with the passwords they already have. Run again to resume a join
// that was interrupted.
import { parseArgs } from 'node:util';
import { randomIds } from '../core/context';
import { connectCentral } from '../sync/central';
import { JoinError, joinBranch } from '../sync/join';
import type { Io } from './main';

const usage =
  'usage: lms join --central postgresql://… --branch-code CODE --device-code CODE [--db PATH] (or LMS_CENTRAL_URL)';

export async function runJoin(args: string[], io: Io, defaultLedgerPath?: string): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        db: { type: 'string' },
        central: { type: 'string' },
        'branch-code': { type: 'string' },
        'device-code': { type: 'string' },
      },
    }));
  } catch (error) {
    io.stderr(`lms: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  const url = (values.central as string | undefined) ?? io.env.LMS_CENTRAL_URL;
  const path = (values.db as string | undefined) ?? defaultLedgerPath ?? io.env.LMS_DB;
  const branchCode = values['branch-code'] as string | undefined;
  const deviceCode = values['device-code'] as string | undefined;
  if (!url || !path || !branchCode || !deviceCode) {
    io.stderr(usage);
    return 2;
  }
  const central = connectCentral(url);
  try {
    const result = await joinBranch(path, central, {
      branchCode,
      deviceCode,
      newId: randomIds.uuid,
      onProgress: (p) => io.stderr(`pulled ${p.received} (central at ${p.head})`),
    });
    io.stdout(JSON.stringify(result, null, 2));
    io.stderr(
      `Joined branch ${branchCode} as device ${deviceCode}${result.institutionName ? ` of ${result.institutionName}` : ''}; staff sign in with their usual passwords.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof JoinError) {
      io.stdout(JSON.stringify({ error: { reason: error.reason, message: error.message } }, null, 2));
      io.stderr(`lms: ${error.message}`);
      return 1;
    }
    io.stderr(`lms: join failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await central.close();
  }
}
