// The books journey's ledger and pages. The ledger is prepared through the `lms` command line (init, staff, and
// the morning's cash brought from the bank into the vault — the branch's first posting, which loads the default
// chart of accounts) and only then served by its own `electron/web.ts` on its own port, as the other journeys do.
// The CLI runs as its own process (`node electron/cli/lms.mjs`, as an operator would script it): the core imports
// the chart's JSON, which Playwright's test loader cannot import in-process.
// The pages: the manual journals (propose, approve), the journal, and the checks.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, type Locator, type Page } from '@playwright/test';
import { runToken } from './run';

const run = promisify(execFile);

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
export const accountant: Person = {
  username: 'njeri',
  displayName: 'Njeri Accountant',
  password: 'Ledger-Balances-Twice-8',
};
export const manager: Person = {
  username: 'wanjiru',
  displayName: 'Wanjiru Manager',
  password: 'Four-Eyes-Vault-Key-19',
};

/** Today in the branch's time zone. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
}

export class BooksLedger {
  private server: ChildProcess | null = null;
  readonly dbPath: string;

  constructor(readonly port: number) {
    this.dbPath = join(mkdtempSync(join(tmpdir(), 'lms-e2e-books-')), 'ledger.sqlite');
  }

  get baseURL(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  /** `lms <args>` in its own process; the parsed JSON it prints, or an error with what it said. */
  private async lms<T>(args: string[], env: Record<string, string> = {}): Promise<T> {
    try {
      const { stdout } = await run('node', ['electron/cli/lms.mjs', ...args, '--db', this.dbPath], {
        env: { ...process.env, ...env },
        timeout: 60_000,
      });
      return JSON.parse(stdout) as T;
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`lms ${args.slice(0, 2).join(' ')} failed: ${stderr || stdout || String(error)}`, {
        cause: error,
      });
    }
  }

  call<T = unknown>(as: Person, method: string, input: unknown): Promise<T> {
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
    await this.call({ ...person, password: temporaryPassword }, 'auth.changePassword', {
      currentPassword: temporaryPassword,
      newPassword: person.password,
    });
  }

  /** The branch (business date today), an accountant and a manager, and cash brought into the vault. */
  async prepare(): Promise<{ today: string }> {
    const today = todayIn('Africa/Nairobi');
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
    await this.staff(accountant, 'accountant');
    await this.staff(manager, 'manager');
    await this.call(manager, 'vault.move', {
      direction: 'deposit',
      amountMinor: 10_000_000,
      reason: 'Cash from the bank for the day',
    });
    return { today };
  }

  /** Starts `electron/web.ts` on the prepared ledger and waits until it answers (at most 30 s). */
  async start(): Promise<void> {
    this.server = spawn(
      'node_modules/.bin/tsx',
      ['electron/web.ts', '--db', this.dbPath, '--port', String(this.port)],
      {
        env: { ...process.env, LMS_WEB_TOKEN: runToken },
        stdio: 'ignore',
        detached: true,
      },
    );
    for (let attempt = 0; attempt < 150; attempt++) {
      try {
        if ((await fetch(this.baseURL)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`the books ledger server did not start on ${this.baseURL}`);
  }

  /** Stops the server this journey started (its whole process group: tsx runs node under it). */
  stop(): void {
    if (this.server?.pid) process.kill(-this.server.pid, 'SIGTERM');
  }
}

/** The tabs over the books (after Books in the main navigation). */
export class BooksPage {
  constructor(readonly page: Page) {}

  async openTab(name: string): Promise<void> {
    const tab = this.page
      .getByRole('tablist', { name: 'Parts of the books' })
      .getByRole('tab', { name, exact: true });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }
}

export interface ManualLine {
  account: string;
  debit?: string;
  credit?: string;
}

export class ManualJournalsPage {
  constructor(private readonly page: Page) {}

  form(): Locator {
    return this.page.getByRole('form', { name: 'Propose a journal entry' });
  }

  balance(): Locator {
    return this.form().getByTestId('journal-balance');
  }

  async startProposal(narration: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Propose an entry' }).click();
    await this.form().getByRole('textbox', { name: 'Narration' }).fill(narration);
  }

  /** Fills line `n` (from 1): picks the account by typing its code, then the debit or the credit. */
  async fillLine(n: number, line: ManualLine): Promise<void> {
    const account = this.form().getByRole('combobox', { name: `Account of line ${n}` });
    await account.click();
    await account.fill(line.account);
    await this.page.getByRole('option', { name: new RegExp(`^${line.account} `) }).click();
    if (line.debit)
      await this.form()
        .getByRole('textbox', { name: `Debit of line ${n}` })
        .fill(line.debit);
    if (line.credit)
      await this.form()
        .getByRole('textbox', { name: `Credit of line ${n}` })
        .fill(line.credit);
  }

  async submit(): Promise<void> {
    await this.form().getByRole('button', { name: 'Propose' }).click();
    await expect(this.form()).toBeHidden();
  }

  entry(narration: string): Locator {
    return this.page.getByTestId('manual-journal').filter({ hasText: narration });
  }

  async approve(narration: string): Promise<void> {
    await this.entry(narration).getByRole('button', { name: 'Approve' }).click();
  }

  /** The screen's error (not a notification, which is an alert too). */
  refusal(): Locator {
    return this.page.getByRole('alert', { name: 'Something went wrong' });
  }
}

export class JournalPage {
  constructor(private readonly page: Page) {}

  entry(narration: string): Locator {
    return this.page.getByTestId('journal-entry').filter({ hasText: narration });
  }

  /** Opens an entry and answers its lines as [account, debit, credit] texts (spaces as plain spaces). */
  async linesOf(narration: string): Promise<string[][]> {
    await this.entry(narration).click();
    const table = this.page.getByRole('table', { name: `Lines of ${narration}` });
    await expect(table).toBeVisible();
    const rows = table.locator('tbody tr');
    const out: string[][] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const cells = rows.nth(i).locator('td');
      const text = async (n: number) => (await cells.nth(n).innerText()).replace(/\s+/g, ' ').trim();
      out.push([await text(0), await text(1), await text(2)]);
    }
    return out;
  }

  /** Reverses an opened manual entry with a reason, through its dialog. */
  async reverse(reason: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Reverse…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Reverse this journal entry' });
    await dialog.getByLabel('Reason').fill(reason);
    await dialog.getByRole('button', { name: 'Reverse…' }).click();
    await expect(dialog).toBeHidden();
  }
}

export class VerifyPage {
  constructor(private readonly page: Page) {}

  summary(): Locator {
    return this.page.getByTestId('verify-summary');
  }

  checks(): Locator {
    return this.page.getByTestId('books-check');
  }
}
