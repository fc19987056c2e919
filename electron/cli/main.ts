// The `lms` command line: the same core as the window, for setup, scripting and operations.
//   lms init --institution NAME --branch-code CODE --branch-name NAME --currency ISO --admin-user NAME
//            [--admin-password PW | LMS_PASSWORD] [--admin-name N] [--time-zone TZ] [--business-date D]
//            [--device-code C] [--locale en|fr]
//   lms migrate                      bring the ledger to the latest schema
//   lms call <method> ['<json>']     call any API method (signs in with LMS_USER / LMS_PASSWORD [/ LMS_TOTP])
//   lms call --list                  the methods, one per line
//   lms verify                       schema, audit chain and the books' invariants; exit 1 on any break
//   lms schedule < terms.json        a repayment schedule (pure: no ledger, no sign-in)
//   lms replay < loan.json           a loan's state from its terms and transactions (pure)
//   lms seed --customers N           demo customers through the onboarding use cases (as LMS_USER, an admin)
//   lms seed --loans N               demo loans with a year of repayment history (demo ledgers only; adds the
//                                    demo products, staff and customers they need)
//   lms central [--data DIR] [--port 5433]  the embedded central server (PGlite on the Postgres wire)
//   lms sync --central URL [--head-office] one sync cycle (push the outbox, pull and apply)
//   lms join --central URL --branch-code CODE --device-code CODE  a further device of an existing branch
//   lms docs [--check]               regenerate docs/ (API reference, schema); --check fails when stale
// Every ledger command takes --db PATH (default: LMS_DB, else the desktop app's ledger).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkSchema, schemaVersion } from '../../db/migrator';
import { openSqlite } from '../../db/open';
import { verifyAuditChain } from '../core/audit/log';
import { verifyBooks } from '../core/books/verify';
import { methodNames, type ApiResult } from '../../shared/contract';
import { openCore } from '../host/openCore';
import { defaultLedgerPath } from '../platform/paths';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  stdin(): string;
  env: NodeJS.ProcessEnv;
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  stdin: () => readFileSync(0, 'utf8'),
  env: process.env,
};

const usage = `usage: lms <init|migrate|call|verify|seed|central|sync|join|schedule|replay|docs> [options] [--db PATH]
Run 'lms <command> --help' or see README.md for each command's options.`;

function ledgerFlag(args: string[], io: Io): string {
  const { values } = parseArgs({ args, options: { db: { type: 'string' } }, strict: false });
  return typeof values.db === 'string' ? values.db : defaultLedgerPath(io.env);
}

async function init(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      institution: { type: 'string' },
      'branch-code': { type: 'string' },
      'branch-name': { type: 'string' },
      currency: { type: 'string' },
      'time-zone': { type: 'string' },
      'business-date': { type: 'string' },
      locale: { type: 'string' },
      'device-code': { type: 'string' },
      'admin-user': { type: 'string' },
      'admin-name': { type: 'string' },
      'admin-password': { type: 'string' },
    },
  });
  const opened = openCore(ledgerFlag(args, io));
  try {
    const result = await opened.core.call('setup.initialise', {
      institutionName: values.institution,
      branchCode: values['branch-code'],
      branchName: values['branch-name'],
      currency: values.currency,
      timeZone: values['time-zone'] ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
      businessDate: values['business-date'] ?? new Date().toISOString().slice(0, 10),
      locale: values.locale,
      deviceCode: values['device-code'],
      adminUsername: values['admin-user'],
      adminDisplayName: values['admin-name'] ?? values['admin-user'],
      adminPassword: values['admin-password'] ?? io.env.LMS_PASSWORD,
    });
    return report(result, io);
  } finally {
    await opened.close();
  }
}

function report(result: ApiResult<unknown>, io: Io): number {
  if (result.error) {
    io.stdout(JSON.stringify({ error: result.error }, null, 2));
    io.stderr(`lms: ${result.error.code}: ${result.error.message}`);
    return 1;
  }
  io.stdout(JSON.stringify(result.data, null, 2));
  return 0;
}

async function call(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { db: { type: 'string' }, list: { type: 'boolean' } },
    allowPositionals: true,
  });
  if (values.list) {
    io.stdout(methodNames.join('\n'));
    return 0;
  }
  const [method, json] = positionals;
  if (!method) {
    io.stderr("usage: lms call <method> ['<json input>'] (lms call --list for the methods)");
    return 2;
  }
  let input: unknown;
  try {
    input = json ? JSON.parse(json) : {};
  } catch {
    io.stderr('lms: the input is not valid JSON');
    return 2;
  }
  const opened = openCore(ledgerFlag(args, io));
  try {
    let sessionToken: string | null = null;
    if (io.env.LMS_USER) {
      const token = await signInFromEnv(opened.core, io);
      if (typeof token !== 'string') return report(token, io);
      sessionToken = token;
    }
    const result = await opened.core.call(method, input, { sessionToken });
    if (sessionToken) await opened.core.call('auth.signOut', {}, { sessionToken });
    return report(result, io);
  } finally {
    await opened.close();
  }
}

/** Signs in as LMS_USER / LMS_PASSWORD (/ LMS_TOTP); returns the session token or the failed result. */
async function signInFromEnv(
  core: ReturnType<typeof openCore>['core'],
  io: Io,
): Promise<string | ApiResult<unknown>> {
  const signIn = await core.call('auth.signIn', {
    username: io.env.LMS_USER ?? '',
    password: io.env.LMS_PASSWORD ?? '',
  });
  if (signIn.error) return signIn;
  const session = signIn.data as { status: string; sessionToken: string };
  if (session.status !== 'totpRequired') return session.sessionToken;
  const verified = await core.call(
    'auth.verifyTotp',
    { code: io.env.LMS_TOTP ?? '' },
    { sessionToken: session.sessionToken },
  );
  return verified.error ? verified : (verified.data as { sessionToken: string }).sessionToken;
}

async function seed(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, customers: { type: 'string' }, loans: { type: 'string' } },
  });
  const customers = Number(values.customers ?? 0);
  const loans = Number(values.loans ?? 0);
  if (
    !Number.isInteger(customers) ||
    !Number.isInteger(loans) ||
    customers < 0 ||
    loans < 0 ||
    customers + loans < 1
  ) {
    io.stderr(
      'usage: lms seed [--customers N] [--loans N] (signs in as LMS_USER / LMS_PASSWORD, an administrator)',
    );
    return 2;
  }
  const opened = openCore(ledgerFlag(args, io));
  try {
    const token = await signInFromEnv(opened.core, io);
    if (typeof token !== 'string') return report(token, io);
    const seeded: Record<string, number> = {};
    if (customers > 0) {
      let individuals = 0;
      let businesses = 0;
      for (let done = 0; done < customers;) {
        const chunk = Math.min(5_000, customers - done);
        const result = await opened.core.call(
          'customers.seedDemo',
          { count: chunk },
          { sessionToken: token },
        );
        if (result.error) return report(result, io);
        const data = result.data as { individuals: number; businesses: number };
        individuals += data.individuals;
        businesses += data.businesses;
        done += chunk;
        io.stderr(`seeded ${done} / ${customers} customers`);
      }
      Object.assign(seeded, { individuals, businesses });
    }
    if (loans > 0) {
      // One call: the demo products, demo staff and the customers the loans need (at least one per two loans)
      // are added by loans.seedDemo itself, in the same transaction, after it has checked the ledger is a demo one.
      const started = Date.now();
      const result = await opened.core.call('loans.seedDemo', { count: loans }, { sessionToken: token });
      if (result.error) return report(result, io);
      seeded.loans = (result.data as { created: number }).created;
      io.stderr(`seeded ${seeded.loans} loans with a year of history in ${Date.now() - started} ms`);
    }
    await opened.core.call('auth.signOut', {}, { sessionToken: token });
    io.stdout(JSON.stringify(seeded));
    return 0;
  } finally {
    await opened.close();
  }
}

async function migrateCommand(args: string[], io: Io): Promise<number> {
  const path = ledgerFlag(args, io);
  const before = (() => {
    const sqlite = openSqlite(path);
    try {
      return schemaVersion(sqlite);
    } finally {
      sqlite.close();
    }
  })();
  const opened = openCore(path);
  const after = schemaVersion(opened.ledger.sqlite);
  await opened.close();
  io.stdout(
    before === after
      ? `ledger ${path} is at schema ${after}; nothing to do`
      : `ledger ${path}: schema ${before} → ${after}`,
  );
  return 0;
}

async function verify(args: string[], io: Io): Promise<number> {
  const path = ledgerFlag(args, io);
  const opened = openCore(path);
  try {
    const schema = checkSchema(opened.ledger.sqlite);
    const audit = await verifyAuditChain(opened.ledger.db);
    const books = await verifyBooks(opened.ledger.db);
    const booksOk = books.every((c) => c.isOk);
    const lines = [
      `ledger ${path}`,
      schema.isIntact ? 'schema: ok' : `schema: BROKEN\n  ${schema.problems.join('\n  ')}`,
      audit.isIntact
        ? `audit chain: ok (${audit.rowsChecked} rows)`
        : `audit chain: BROKEN at row ${audit.firstBrokenSeq} (edited, removed or inserted behind the app's back)`,
      ...books.map((c) =>
        c.isOk ? `books: ${c.name}: ok` : `books: ${c.name}: BROKEN\n  ${c.problems.join('\n  ')}`,
      ),
    ];
    const isOk = schema.isIntact && audit.isIntact && booksOk;
    (isOk ? io.stdout : io.stderr)(lines.join('\n'));
    return isOk ? 0 : 1;
  } finally {
    await opened.close();
  }
}

async function engine(command: 'schedule' | 'replay', io: Io): Promise<number> {
  const { runSchedule, runReplay } = await import('./engine-commands');
  const result = (command === 'schedule' ? runSchedule : runReplay)(io.stdin());
  if (result.stdout) io.stdout(result.stdout);
  if (result.stderr) io.stderr(result.stderr);
  return result.exitCode;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'init':
        return await init(args, io);
      case 'migrate':
        return await migrateCommand(args, io);
      case 'call':
        return await call(args, io);
      case 'verify':
        return await verify(args, io);
      case 'central':
        return await (await import('./central')).central(args, io);
      case 'sync':
        return await (await import('./central')).sync(args, io, ledgerFlag(args, io));
      case 'join':
        return await (await import('./join')).runJoin(args, io, ledgerFlag(args, io));
      case 'seed':
        return await seed(args, io);
      case 'schedule':
      case 'replay':
        return await engine(command, io);
      case 'docs': {
        const { generateDocs } = await import('./docs');
        return await generateDocs(args.includes('--check'), io);
      }
      default:
        io.stderr(usage);
        return 2;
    }
  } catch (error) {
    io.stderr(`lms: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
