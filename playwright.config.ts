// End-to-end journeys in headless Chromium against `electron/web.ts` (the same renderer and core as the
// desktop app, over the HTTP loopback transport). Each run starts from a blank ledger in a fresh temp folder.
// The renderer must be built first: `npm run test:e2e` runs `vite build && playwright test`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { runToken } from './tests/e2e/pages/run';

const port = 4610;
const ledgerDir = mkdtempSync(join(tmpdir(), 'lms-e2e-'));

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    screenshot: 'on',
    actionTimeout: 5_000,
    trace: 'retain-on-failure',
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `npx tsx electron/web.ts --db ${join(ledgerDir, 'ledger.sqlite')} --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    env: { LMS_WEB_TOKEN: runToken },
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'pipe',
  },
});
