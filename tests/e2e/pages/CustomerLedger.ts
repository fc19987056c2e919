// A ledger of the customers journey's own: its own loopback server on a fresh temp ledger, so the journey runs
// the same alone or in the whole suite (Playwright runs spec files in name order, and the foundation journey
// expects a blank ledger). Setting up the branch and the officers are setup steps, done through the API.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { runToken } from './run';

export interface Officer {
  username: string;
  displayName: string;
  temporaryPassword: string;
  password: string;
}

export class CustomerLedger {
  private constructor(
    readonly baseURL: string,
    private readonly server: ChildProcess,
  ) {}

  /** Starts `electron/web.ts` on `port` with a blank ledger and waits until it answers (at most 30 s). */
  static async start(port: number): Promise<CustomerLedger> {
    const dir = mkdtempSync(join(tmpdir(), 'lms-e2e-customers-'));
    const server = spawn(
      'node_modules/.bin/tsx',
      ['electron/web.ts', '--db', join(dir, 'ledger.sqlite'), '--port', String(port)],
      { env: { ...process.env, LMS_WEB_TOKEN: runToken }, stdio: 'ignore', detached: true },
    );
    const baseURL = `http://127.0.0.1:${port}/`;
    for (let attempt = 0; attempt < 150; attempt++) {
      try {
        if ((await fetch(baseURL)).ok) return new CustomerLedger(baseURL, server);
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`the customers ledger server did not start on ${baseURL}`);
  }

  /** Stops the server this journey started (its whole process group: tsx runs node under it). */
  stop(): void {
    if (this.server.pid) process.kill(-this.server.pid, 'SIGTERM');
  }

  async call<T = unknown>(
    request: APIRequestContext,
    method: string,
    input: unknown,
    session?: string,
  ): Promise<T> {
    const response = await request.post(`${this.baseURL}api/${method}`, {
      headers: { authorization: `Bearer ${runToken}`, ...(session ? { 'x-lms-session': session } : {}) },
      data: { input },
    });
    const body = (await response.json()) as { data?: T; error?: { message: string } };
    if (body.error) throw new Error(`${method}: ${body.error.message}`);
    return body.data as T;
  }

  async signIn(request: APIRequestContext, username: string, password: string): Promise<string> {
    const result = await this.call<{ sessionToken: string }>(request, 'auth.signIn', { username, password });
    return result.sessionToken;
  }

  /** The branch and its first administrator, unless this ledger already has them. */
  async setUpBranch(
    request: APIRequestContext,
    admin: { username: string; displayName: string; password: string },
  ): Promise<void> {
    const status = await this.call<{ isInitialised: boolean }>(request, 'setup.status', {});
    if (status.isInitialised) return;
    await this.call(request, 'setup.initialise', {
      institutionName: 'Umoja Microfinance',
      branchCode: 'NBO01',
      branchName: 'Nairobi Central',
      currency: 'KES',
      timeZone: 'Africa/Nairobi',
      businessDate: new Date().toISOString().slice(0, 10),
      adminUsername: admin.username,
      adminDisplayName: admin.displayName,
      adminPassword: admin.password,
    });
  }

  /** A loan officer created by the administrator, who has already changed the temporary password. */
  async createOfficer(request: APIRequestContext, adminSession: string, officer: Officer): Promise<void> {
    await this.call(
      request,
      'users.create',
      {
        username: officer.username,
        displayName: officer.displayName,
        role: 'loan_officer',
        temporaryPassword: officer.temporaryPassword,
      },
      adminSession,
    );
    const session = await this.signIn(request, officer.username, officer.temporaryPassword);
    await this.call(
      request,
      'auth.changePassword',
      { currentPassword: officer.temporaryPassword, newPassword: officer.password },
      session,
    );
  }
}
