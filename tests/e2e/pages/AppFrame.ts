import { expect, type Page } from '@playwright/test';
import { runToken } from './run';

/** The signed-in frame: navigation, status bar, and what the page's session may ask of the API. */
export class AppFrame {
  constructor(private readonly page: Page) {}

  navigation() {
    return this.page.getByRole('navigation', { name: 'Main navigation' });
  }

  statusBar() {
    return this.page.getByRole('status', { name: 'Status' });
  }

  async expectSignedInAs(displayName: string): Promise<void> {
    await expect(this.statusBar()).toContainText(displayName);
  }

  async goTo(item: string): Promise<void> {
    await this.navigation().getByRole('link', { name: item }).click();
  }

  /** Goes to a navigation item with its keyboard shortcut (Alt+n, as shown next to the item). */
  async goToByKeyboard(item: string): Promise<void> {
    const link = this.navigation().getByRole('link', { name: item });
    const shortcut = await link.getAttribute('aria-keyshortcuts');
    expect(shortcut).toMatch(/^Alt\+\d$/);
    await this.page.keyboard.press(shortcut!);
  }

  /** Types an address in the bar, as someone trying a page they cannot reach from the menu. */
  async openAddress(hashPath: string): Promise<void> {
    await this.page.evaluate((path) => {
      window.location.hash = path;
    }, hashPath);
  }

  /** Calls an API method directly with this page's run token and session, bypassing the screens. */
  async callApiDirectly(
    method: string,
    input: unknown,
  ): Promise<{ data?: unknown; error?: { code: string } }> {
    return this.page.evaluate(
      async ({ method, input, runToken }) => {
        const response = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${runToken}`,
            'x-lms-session': sessionStorage.getItem('lms.session') ?? '',
          },
          body: JSON.stringify({ input }),
        });
        return response.json();
      },
      { method, input, runToken },
    );
  }

  async signOut(): Promise<void> {
    await this.page.keyboard.press('Control+Shift+L');
  }
}
