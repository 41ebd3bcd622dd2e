import { defineConfig } from '@playwright/test';

const PORT = 8199;
/** A generated estate large enough for the overview level of detail (see e2e/large.spec.ts) */
export const LARGE_PORT = 8198;
const LARGE_WORLD = '--world generated --clusters 6 --services 120 --tasks 1500 --load-balancers 6 --seed 3';

/** Browser tests run in Debian's Chromium (Playwright cannot download its own here) against `fleetmap serve`'s demo. */
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1600, height: 1000 },
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: [
    {
      command: `node bin/fleetmap.js serve --source demo --churn off --port ${PORT}`,
      url: `http://127.0.0.1:${PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { AWS_EC2_METADATA_DISABLED: 'true' },
    },
    {
      command: `node bin/fleetmap.js serve --source demo --churn off ${LARGE_WORLD} --port ${LARGE_PORT}`,
      url: `http://127.0.0.1:${LARGE_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { AWS_EC2_METADATA_DISABLED: 'true' },
    },
  ],
});
