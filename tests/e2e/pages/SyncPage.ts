import { expect, type Page } from '@playwright/test';

/** "Sync now" in the status bar, and the Sync screen's exceptions queue. */
export class SyncPage {
  constructor(private readonly page: Page) {}

  statusBar() {
    return this.page.getByRole('status', { name: 'Status' });
  }

  syncState() {
    return this.page.getByTestId('sync-state');
  }

  /** Clicks "Sync now" in the status bar and waits until the bar says it is online and synced. */
  async syncNow(): Promise<void> {
    const button = this.statusBar().getByRole('button', { name: 'Sync now' });
    const answered = this.page.waitForResponse((r) => r.url().endsWith('/api/sync.now'), { timeout: 30_000 });
    await button.click();
    const body = (await (await answered).json()) as { data?: { refused: string | null }; error?: unknown };
    expect(body.error).toBeUndefined();
    expect(body.data?.refused).toBeNull();
    await expect(button).toBeEnabled();
    await expect(this.syncState()).toContainText(/Online — synced/);
  }

  async expectShown(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Sync', level: 1 })).toBeVisible();
  }

  exceptions() {
    return this.page.getByTestId('sync-exception');
  }
}
