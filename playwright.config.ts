import { defineConfig, devices } from '@playwright/test'

/**
 * End-to-end tests against web mode (`spanmark serve`). There is no webServer
 * block: every test starts its own server on a fresh data folder through the
 * fixture in test/e2e/fixtures.ts. Run `npm run build` first.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  forbidOnly: !!process.env['CI'],
  outputDir: 'test-results',
  use: {
    ...devices['Desktop Chrome'],
    browserName: 'chromium',
    viewport: { width: 1400, height: 850 },
    locale: 'en-US',
    timezoneId: 'UTC',
    acceptDownloads: true,
    actionTimeout: 10_000,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run'
      ]
    }
  },
  projects: [{ name: 'chromium' }]
})
