// A sync run in its own process, so a test can SIGKILL it between (or during) batches:
//   node --import tsx tests/support/syncChild.ts push|pull LEDGER CENTRAL_URL SIZE [--head-office]
// Pushes (or pulls) one batch (page) at a time and prints a line after each, then "done".
import { randomIds } from '../../electron/core/context';
import { openLedger } from '../../db/open';
import { connectCentral } from '../../electron/sync/central';
import { pullChanges } from '../../electron/sync/pull';
import { pushPending } from '../../electron/sync/push';

const [mode, ledgerPath, url, size, flag] = process.argv.slice(2);
if ((mode !== 'push' && mode !== 'pull') || !ledgerPath || !url || !size) {
  process.stderr.write('usage: syncChild.ts push|pull LEDGER CENTRAL_URL SIZE [--head-office]\n');
  process.exit(2);
}
const ledger = openLedger(ledgerPath);
const central = connectCentral(url, { max: 1 });
const n = Number(size);
for (let batch = 1; ; batch++) {
  const moved =
    mode === 'push'
      ? (await pushPending(ledger.db, central, { batchSize: n, maxBatches: 1 })).pushed
      : (
          await pullChanges(ledger.db, central, {
            pageSize: n,
            maxPages: 1,
            isHeadOffice: flag === '--head-office',
            newId: randomIds.uuid,
          })
        ).received;
  if (moved === 0) break;
  process.stdout.write(`${mode} ${batch} ${moved}\n`);
}
process.stdout.write('done\n');
await central.close();
await ledger.close();
