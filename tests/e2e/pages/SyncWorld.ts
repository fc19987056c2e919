// The sync journey's world: the embedded central (`lms central`, PGlite on the Postgres wire) and two ledgers
// — a branch and head office — each served by its own `electron/web.ts`, all on fresh temp folders, so the
// journey runs the same alone or in the whole suite. Setting up the two ledgers, their staff and their central
// connection are setup steps, done through the API (the web server keeps the central password in memory only,
// so sync is configured after each server has started).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { CustomerLedger, type Officer } from './CustomerLedger';

/** Each ledger's own first administrator (usernames are unique across the institution once synced). */
export interface Admin {
  username: string;
  displayName: string;
  password: string;
}

export interface Staff extends Officer {
  role: 'loan_officer' | 'manager';
}

/** The embedded central server started by `lms central`; `url` is the one it prints (with credentials). */
export class SyncCentral {
  private constructor(
    readonly url: string,
    private readonly server: ChildProcess,
  ) {}

  static async start(port: number): Promise<SyncCentral> {
    const dir = mkdtempSync(join(tmpdir(), 'lms-e2e-central-'));
    const server = spawn('node', ['electron/cli/lms.mjs', 'central', '--data', dir, '--port', String(port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stderr = '';
    server.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      const timer = setTimeout(() => reject(new Error(`central did not start: ${stderr}`)), 30_000);
      server.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /at (postgres(?:ql)?:\/\/\S+)/.exec(stdout);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      server.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`central exited (${code}): ${stderr}`));
      });
    });
    return new SyncCentral(url, server);
  }

  /** The URL as the Sync settings want it: no user or password (those are separate fields). */
  connection(): { url: string; user: string; password: string } {
    const parsed = new URL(this.url);
    const user = decodeURIComponent(parsed.username);
    const password = decodeURIComponent(parsed.password);
    parsed.username = '';
    parsed.password = '';
    return { url: parsed.toString(), user, password };
  }

  stop(): void {
    if (this.server.pid && this.server.exitCode === null) process.kill(-this.server.pid, 'SIGTERM');
  }
}

/** One ledger of the world: a web server on its own port, set up as a branch with an administrator. */
export class SyncLedger {
  constructor(
    readonly ledger: CustomerLedger,
    readonly admin: Admin,
    private adminSession = '',
  ) {}

  get baseURL(): string {
    return this.ledger.baseURL;
  }

  async setUp(
    request: APIRequestContext,
    branch: { branchCode: string; branchName: string },
    staff: Staff[],
  ): Promise<void> {
    await this.ledger.call(request, 'setup.initialise', {
      institutionName: 'Umoja Microfinance',
      branchCode: branch.branchCode,
      branchName: branch.branchName,
      currency: 'KES',
      timeZone: 'Africa/Nairobi',
      businessDate: new Date().toISOString().slice(0, 10),
      adminUsername: this.admin.username,
      adminDisplayName: this.admin.displayName,
      adminPassword: this.admin.password,
    });
    this.adminSession = await this.ledger.signIn(request, this.admin.username, this.admin.password);
    for (const person of staff) {
      await this.ledger.call(
        request,
        'users.create',
        {
          username: person.username,
          displayName: person.displayName,
          role: person.role,
          temporaryPassword: person.temporaryPassword,
        },
        this.adminSession,
      );
      const session = await this.ledger.signIn(request, person.username, person.temporaryPassword);
      await this.ledger.call(
        request,
        'auth.changePassword',
        { currentPassword: person.temporaryPassword, newPassword: person.password },
        session,
      );
    }
  }

  /** Points this ledger at central (auto-sync off, so the journey decides when each side syncs). */
  async configureSync(
    request: APIRequestContext,
    central: SyncCentral,
    isHeadOffice: boolean,
  ): Promise<void> {
    await this.ledger.call(
      request,
      'sync.configure',
      { ...central.connection(), isHeadOffice, isAutoSync: false },
      this.adminSession,
    );
  }

  stop(): void {
    this.ledger.stop();
  }
}

/** Central plus a branch and head office, started together and stopped together. */
export class SyncWorld {
  private constructor(
    readonly central: SyncCentral,
    readonly branch: SyncLedger,
    readonly headOffice: SyncLedger,
  ) {}

  static async start(
    ports: { central: number; branch: number; headOffice: number },
    admins: { branch: Admin; headOffice: Admin },
  ): Promise<SyncWorld> {
    const started = await Promise.allSettled([
      SyncCentral.start(ports.central),
      CustomerLedger.start(ports.branch),
      CustomerLedger.start(ports.headOffice),
    ]);
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) {
      for (const s of started) if (s.status === 'fulfilled') s.value.stop();
      throw (failed as PromiseRejectedResult).reason;
    }
    const [central, branch, headOffice] = started.map(
      (s) => (s as PromiseFulfilledResult<unknown>).value,
    ) as [SyncCentral, CustomerLedger, CustomerLedger];
    return new SyncWorld(
      central,
      new SyncLedger(branch, admins.branch),
      new SyncLedger(headOffice, admins.headOffice),
    );
  }

  stop(): void {
    this.branch.stop();
    this.headOffice.stop();
    this.central.stop();
  }
}
