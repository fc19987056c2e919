// The counter journey's ledger: prepared through the `lms` command line (`lms init`, then `lms call` as the
// administrator, the loan officer and the manager — the very CLI an operator would script, run in-process so
// each call does not pay for starting Node), and only then served by its own `electron/web.ts` on its own
// port. Prepared before the server starts, so the CLI and the server never write the ledger at the same time.
// What it prepares: a teller and a manager, a product that deducts a 500 KES fee at disbursement, a customer,
// and a loan applied for by the officer and approved by the manager (four eyes) — ready to pay out.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
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
export const teller: Person = {
  username: 'kamau',
  displayName: 'Kamau Teller',
  password: 'Counter-Queue-Kibera-7',
};
export const manager: Person = {
  username: 'wanjiru',
  displayName: 'Wanjiru Manager',
  password: 'Four-Eyes-Vault-Key-19',
};
const officer: Person = {
  username: 'otieno',
  displayName: 'Otieno Officer',
  password: 'Field-Visits-Kibera-91',
};

export interface PreparedLoan {
  loanId: string;
  applicationNo: string;
  customerName: string;
  phone: string;
  principalMinor: number;
  businessDate: string;
  today: string;
  /** Another customer's loan, written off: money recovered on it is recorded at the counter. */
  writtenOff: { customerName: string };
}

/** Today in the branch's time zone. */
function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
}

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

export class CounterLedger {
  private server: ChildProcess | null = null;
  readonly dbPath: string;

  constructor(readonly port: number) {
    this.dbPath = join(mkdtempSync(join(tmpdir(), 'lms-e2e-counter-')), 'ledger.sqlite');
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

  /** `lms call <method> '<json>'` signed in as `as`. */
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

  /**
   * The branch, its staff, a product, a customer and an approved loan, through the CLI. The branch was set up
   * yesterday and end-of-day has not run since, so the first sign-in finds the business date behind.
   */
  async prepare(): Promise<PreparedLoan> {
    const today = todayIn('Africa/Nairobi');
    const businessDate = dayBefore(today);
    await this.lms(
      [
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
        businessDate,
        '--admin-user',
        admin.username,
        '--admin-name',
        admin.displayName,
        '--admin-password',
        admin.password,
      ],
      {},
    );
    await this.staff(teller, 'teller');
    await this.staff(manager, 'manager');
    await this.staff(officer, 'loan_officer');
    const product = await this.call<{ id: string }>(admin, 'loanProducts.save', {
      code: 'BIASHARA',
      name: 'Biashara monthly',
      kind: 'personal',
      currency: 'KES',
      digits: 2,
      minPrincipalMinor: 1_000_000,
      maxPrincipalMinor: 50_000_000,
      minRepayments: 1,
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
        // A late fee three days after an installment falls due (the closure journey pays one).
        penalties: { lateFee: { amount: '300', graceDays: 3 } },
        allocation: 'penalties_fees_interest_principal',
      },
      approvalLimits: { manager: 20_000_000, admin: 50_000_000 },
    });
    const phone = '+254712345678';
    const customer = await this.call<{ id: string; displayName: string }>(
      officer,
      'customers.registerIndividual',
      {
        firstName: 'Achieng',
        lastName: 'Otieno',
        dateOfBirth: '1986-03-14',
        gender: 'female',
        idType: 'national_id',
        idNumber: '28475610',
        phone,
        monthlyIncomeMinor: 6_000_000,
        monthlyExpensesMinor: 2_000_000,
      },
    );
    const principalMinor = 5_000_000;
    const applied = await this.call<{ id: string; applicationNo: string }>(officer, 'loans.apply', {
      customerId: customer.id,
      productId: product.id,
      principalMinor,
      repayments: 6,
      annualRate: '24',
      expectedDisbursementDate: today,
      purpose: 'Stock for the tailoring shop',
      // The customer's KYC documents are the customers journey's business; the officer vouches for her here.
      overrideReason: 'Known customer; KYC documents follow',
      idempotencyKey: randomUUID(),
    });
    await this.call(manager, 'loans.decide', {
      loanId: applied.id,
      decision: 'approve',
      reason: 'Good repayment history at the branch',
    });
    const writtenOff = await this.aWrittenOffLoan(product.id, today);
    return {
      writtenOff,
      loanId: applied.id,
      applicationNo: applied.applicationNo,
      customerName: customer.displayName,
      phone,
      principalMinor,
      businessDate,
      today,
    };
  }

  /** A second customer's loan, paid out by transfer and then written off by the manager: money may be recovered. */
  private async aWrittenOffLoan(productId: string, today: string): Promise<{ customerName: string }> {
    const customer = await this.call<{ id: string; displayName: string }>(
      officer,
      'customers.registerIndividual',
      {
        firstName: 'Baraka',
        lastName: 'Mwangi',
        dateOfBirth: '1979-11-02',
        gender: 'male',
        idType: 'national_id',
        idNumber: '19283746',
        phone: '+254733555010',
        monthlyIncomeMinor: 4_000_000,
        monthlyExpensesMinor: 1_500_000,
      },
    );
    const applied = await this.call<{ id: string }>(officer, 'loans.apply', {
      customerId: customer.id,
      productId,
      principalMinor: 2_000_000,
      repayments: 3,
      annualRate: '24',
      expectedDisbursementDate: today,
      purpose: 'Matatu repairs',
      overrideReason: 'Known customer; KYC documents follow',
      idempotencyKey: randomUUID(),
    });
    await this.call(manager, 'loans.decide', {
      loanId: applied.id,
      decision: 'approve',
      reason: 'Guarantor seen',
    });
    await this.call(teller, 'loans.disburse', {
      loanId: applied.id,
      channel: 'transfer',
      reference: 'MPESA-QX81',
      idempotencyKey: randomUUID(),
    });
    await this.call(manager, 'loans.writeOff', {
      loanId: applied.id,
      reason: 'Customer left the area; no contact for months',
      idempotencyKey: randomUUID(),
    });
    return { customerName: customer.displayName };
  }

  /** Pays the prepared loan out by transfer, as the teller (through `lms call`). */
  async disburseByTransfer(loanId: string): Promise<void> {
    await this.call(teller, 'loans.disburse', {
      loanId,
      channel: 'transfer',
      reference: 'BANK-E2E',
      idempotencyKey: randomUUID(),
    });
  }

  /**
   * Starts `electron/web.ts` on the prepared ledger and waits until it answers (at most 30 s). `env` may pin
   * the server's clock to a later day (`LMS_NOW`).
   */
  async start(env: Record<string, string> = {}): Promise<void> {
    this.server = spawn(
      'node_modules/.bin/tsx',
      ['electron/web.ts', '--db', this.dbPath, '--port', String(this.port)],
      { env: { ...process.env, LMS_WEB_TOKEN: runToken, ...env }, stdio: 'ignore', detached: true },
    );
    for (let attempt = 0; attempt < 150; attempt++) {
      try {
        if ((await fetch(this.baseURL)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`the counter ledger server did not start on ${this.baseURL}`);
  }

  /** Stops the server this journey started (its whole process group: tsx runs node under it). */
  stop(): void {
    if (this.server?.pid) process.kill(-this.server.pid, 'SIGTERM');
  }
}
