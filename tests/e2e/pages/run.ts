// The facts of one e2e run shared by the config and the page models: the loopback server's run token.
import type { Page } from '@playwright/test';

export const runToken = 'e2e-token';

/** Opens the app as the desktop shell would: the run token travels in the URL fragment. */
export async function openApp(page: Page): Promise<void> {
  await page.goto(`/#token=${runToken}`);
}

/** Where the journey's screenshots go (kept as artifacts with the run). */
export function screenshotPath(step: string): string {
  return `test-results/e2e/${step}.png`;
}
