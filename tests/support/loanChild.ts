// One core call in its own process, so a test can SIGKILL it half-way through the call's single write
// transaction (no cleanup, no rollback handler: only SQLite's recovery on the next open stands between the
// ledger and a half-written batch):
//   node --import tsx tests/support/loanChild.ts LEDGER CLOCK_MS USERNAME PASSWORD METHOD INPUT_FILE [KIND:N]
// Signs in with a clock fixed at CLOCK_MS, prints "started", calls METHOD with the JSON in INPUT_FILE, prints
// the answer as JSON and then "done".
// While the call runs it prints "posted N" after every 100th loan transaction written and "projected N" after
// every 100th loan row updated. TEMP triggers count them: they live on this connection only, never in the
// ledger file, and see the rows written inside the uncommitted transaction. With KIND:N (e.g. posted:1234)
// the child prints "paused KIND N" when it writes that row and stops there, inside the transaction, for the
// parent to kill it: the kill then lands mid-transaction whatever the load on the machine.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openLedger } from '../../db/open';
import { randomIds } from '../../electron/core/context';
import { createCore } from '../../electron/core/router';
import { TestClock, testHashing } from './ledger';

const [ledgerPath, clockMs, username, password, method, inputFile, pauseAt] = process.argv.slice(2);
if (!ledgerPath || !clockMs || !username || !password || !method || !inputFile) {
  process.stderr.write('usage: loanChild.ts LEDGER CLOCK_MS USERNAME PASSWORD METHOD INPUT_FILE [KIND:N]\n');
  process.exit(2);
}
const [pauseKind, pauseCount] = pauseAt ? pauseAt.split(':') : [];
const ledger = openLedger(ledgerPath);
// A small page cache makes a big transaction spill its dirty pages into the WAL file before it commits, as a
// batch of 100,000 rows does with the default cache: a kill then leaves uncommitted frames in the file, and
// only SQLite's recovery on the next open keeps them out of the ledger.
ledger.sqlite.pragma('cache_size = 64');
const core = createCore({
  db: ledger.db,
  clock: new TestClock(Number(clockMs)),
  ids: randomIds,
  hashing: testHashing,
  documentsDir: join(dirname(ledgerPath), 'documents'),
  log: (message, error) => process.stderr.write(`${message}: ${String(error)}\n`),
});

const signIn = await core.call('auth.signIn', { username, password });
if (signIn.error) {
  process.stderr.write(`sign-in failed: ${JSON.stringify(signIn.error)}\n`);
  process.exit(3);
}
const { sessionToken } = signIn.data as { sessionToken: string };

const counts = { posted: 0, projected: 0 };
ledger.sqlite.function('lms_test_progress', (kind: unknown) => {
  const what = kind as keyof typeof counts;
  counts[what]++;
  if (counts[what] % 100 === 0) process.stdout.write(`${what} ${counts[what]}\n`);
  if (what === pauseKind && counts[what] === Number(pauseCount)) {
    process.stdout.write(`paused ${what} ${counts[what]}\n`);
    // Blocks this thread (and so the transaction) for a minute: long enough for any parent to kill it.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  }
  return null;
});
ledger.sqlite.exec(`
  CREATE TEMP TRIGGER test_posted AFTER INSERT ON main.loan_transactions
    BEGIN SELECT lms_test_progress('posted'); END;
  CREATE TEMP TRIGGER test_projected AFTER UPDATE ON main.loans
    BEGIN SELECT lms_test_progress('projected'); END;
`);

const input: unknown = JSON.parse(readFileSync(inputFile, 'utf8'));
process.stdout.write('started\n');
const result = await core.call(method, input, { sessionToken });
process.stdout.write(`${JSON.stringify(result)}\n`);
process.stdout.write('done\n');
await ledger.close();
