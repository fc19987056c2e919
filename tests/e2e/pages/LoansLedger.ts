// The loans journey's ledger: prepared through the `lms` command line run in-process (`lms init`, then
// `lms call` as the administrator, the loan officer and the manager), and only then served by its own
// `electron/web.ts` on its own port — so the CLI and the server never write the ledger at the same time.
// What it prepares: a loan officer and a branch manager, the demo product the journey applies for, and a
// customer whose KYC the manager has verified (ID document and photo on file), so she is eligible.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../electron/cli/main';
import { runToken } from './run';

export interface Person {
  username: string;
  displayName: string;
  password: string;
}

export const admin: Person = {
  username: 'admin',
  displayName: 'Amina Admin',
  password: 'Correct-Horse-Battery-42',
};
export const officer: Person = {
  username: 'otieno',
  displayName: 'Otieno Officer',
  password: 'Field-Visits-Kibera-91',
};
export const manager: Person = {
  username: 'wanjiru',
  displayName: 'Wanjiru Manager',
  password: 'Four-Eyes-Vault-Key-19',
};

export const demoProduct = { code: 'BIASHARA', name: 'Biashara monthly' };
export const borrower = { name: 'Achieng Otieno', search: 'Achieng' };

/** Today in the branch's time zone (the business date the journey starts on, so end-of-day is not behind). */
function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
}

/** A tiny valid PNG; the tag after IEND makes each document's content (and so its SHA-256) distinct. */
function png(tag: string): string {
  const pixel =
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
  return Buffer.concat([Buffer.from(pixel, 'base64'), Buffer.from(tag)]).toString('base64');
}

export class LoansLedger {
  private server: ChildProcess | null = null;
  readonly dbPath: string;

  constructor(readonly port: number) {
    this.dbPath = join(mkdtempSync(join(tmpdir(), 'lms-e2e-loans-')), 'ledger.sqlite');
  }

  get baseURL(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  /** `lms <args>` in-process; the parsed JSON it prints, or an error with what it said. */
  private async lms<T>(args: string[], env: Record<string, string> = {}): Promise<T> {
    let out = '';
    let err = '';
    const code = await main([...args, '--db', this.dbPath], {
      stdout: (text) => void (out += text),
      stderr: (text) => void (err += text),
      stdin: () => '',
      env: { ...process.env, ...env },
    });
    if (code !== 0) throw new Error(`lms ${args.slice(0, 2).join(' ')} failed (${code}): ${err || out}`);
    return JSON.parse(out) as T;
  }

  call<T = unknown>(as: Pick<Person, 'username' | 'password'>, method: string, input: unknown): Promise<T> {
    return this.lms<T>(['call', method, JSON.stringify(input)], {
      LMS_USER: as.username,
      LMS_PASSWORD: as.password,
    });
  }

  private async staff(person: Person, role: string): Promise<void> {
    const temporaryPassword = `Temporary-${person.password}`;
    await this.call(admin, 'users.create', {
      username: person.username,
      displayName: person.displayName,
      role,
      temporaryPassword,
    });
    await this.call({ username: person.username, password: temporaryPassword }, 'auth.changePassword', {
      currentPassword: temporaryPassword,
      newPassword: person.password,
    });
  }

  /** The branch, its staff, the demo product and an eligible customer; the business date is today unless given. */
  async prepare(businessDate = todayIn('Africa/Nairobi')): Promise<{ today: string }> {
    const today = businessDate;
    await this.lms([
      'init',
      '--institution',
      'Umoja Microfinance',
      '--branch-code',
      'NBO01',
      '--branch-name',
      'Nairobi Central',
      '--currency',
      'KES',
      '--time-zone',
      'Africa/Nairobi',
      '--business-date',
      today,
      '--admin-user',
      admin.username,
      '--admin-name',
      admin.displayName,
      '--admin-password',
      admin.password,
    ]);
    await this.staff(officer, 'loan_officer');
    await this.staff(manager, 'manager');
    await this.call(admin, 'loanProducts.save', {
      code: demoProduct.code,
      name: demoProduct.name,
      kind: 'personal',
      currency: 'KES',
      digits: 2,
      minPrincipalMinor: 1_000_000,
      maxPrincipalMinor: 50_000_000,
      minRepayments: 3,
      maxRepayments: 36,
      minRate: '10',
      maxRate: '36',
      defaultRate: '24',
      termsTemplate: {
        interestMethod: 'declining_balance',
        amortization: 'equal_installments',
        frequency: 'months',
        dayCount: 'actual_365',
        fees: { disbursement: { amount: '500', mode: 'deducted' } },
        allocation: 'penalties_fees_interest_principal',
      },
      approvalLimits: { manager: 20_000_000, admin: 50_000_000 },
    });
    const customer = await this.call<{ id: string }>(officer, 'customers.registerIndividual', {
      firstName: 'Achieng',
      lastName: 'Otieno',
      dateOfBirth: '1986-03-14',
      gender: 'female',
      idType: 'national_id',
      idNumber: '28475610',
      phone: '+254712345678',
      occupation: 'Tailor',
      monthlyIncomeMinor: 6_000_000,
      monthlyExpensesMinor: 2_000_000,
    });
    for (const kind of ['id_document', 'photo'])
      await this.call(officer, 'documents.upload', {
        customerId: customer.id,
        kind,
        fileName: `achieng-${kind}.png`,
        contentBase64: png(kind),
      });
    await this.call(manager, 'kyc.decide', {
      customerId: customer.id,
      decision: 'verified',
      note: 'ID and photo checked at the counter',
    });
    return { today };
  }

  /** Starts `electron/web.ts` on the prepared ledger and waits until it answers (at most 30 s). */
  async start(): Promise<void> {
    this.server = spawn(
      'node_modules/.bin/tsx',
      ['electron/web.ts', '--db', this.dbPath, '--port', String(this.port)],
      { env: { ...process.env, LMS_WEB_TOKEN: runToken }, stdio: 'ignore', detached: true },
    );
    for (let attempt = 0; attempt < 150; attempt++) {
      try {
        if ((await fetch(this.baseURL)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`the loans ledger server did not start on ${this.baseURL}`);
  }

  /** Stops the server this journey started (its whole process group: tsx runs node under it). */
  stop(): void {
    if (this.server?.pid) process.kill(-this.server.pid, 'SIGTERM');
  }
}
