import { defineConfig } from '@playwright/test';

const PORT = 8199;
/** A generated estate large enough for the overview level of detail (see e2e/large.spec.ts) */
export const LARGE_PORT = 8198;
const LARGE_WORLD = '--world generated --clusters 6 --services 120 --tasks 1500 --load-balancers 6 --seed 3';
/**
 * The live map (see e2e/live.spec.ts): `fleetmap serve --source aws` refreshing every second against `fleetmap
 * fake-aws`, whose world the tests change on cue (POST /_fake/churn).
 */
export const LIVE_PORT = 8195;
export const LIVE_FAKE_PORT = 8194;
/** A relay the reconnect test cuts to drop the page's event stream; the server must accept it as a host */
export const LIVE_PROXY_PORT = 8193;
export const LIVE_REFRESH_MS = 1000;
/** The demo behind `--auth token` (see e2e/auth.spec.ts), opened with this token (not a real one) */
export const AUTH_PORT = 8192;
export const AUTH_TOKEN = 'fleetmap-e2e-token-0123456789';
/** What the AWS SDK needs to talk to the fake: its endpoint and credentials it accepts (none of them real). */
const LIVE_AWS_ENV = {
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_ENDPOINT_URL: `http://127.0.0.1:${LIVE_FAKE_PORT}`,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'AKIDFLEETMAPTEST',
  AWS_SECRET_ACCESS_KEY: 'fleetmap-test-secret',
};

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
    {
      // Still until a test changes it: no --churn.
      command: `node bin/fleetmap.js fake-aws --port ${LIVE_FAKE_PORT}`,
      url: `http://127.0.0.1:${LIVE_FAKE_PORT}/_fake/calls`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { AWS_EC2_METADATA_DISABLED: 'true' },
    },
    {
      command: `node bin/fleetmap.js serve --source demo --churn off --auth token --port ${AUTH_PORT}`,
      url: `http://127.0.0.1:${AUTH_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { AWS_EC2_METADATA_DISABLED: 'true', FLEETMAP_TOKEN: AUTH_TOKEN },
    },
    {
      command: `node bin/fleetmap.js serve --source aws --refresh ${LIVE_REFRESH_MS}ms --history memory --port ${LIVE_PORT} --allowed-host 127.0.0.1:${LIVE_PROXY_PORT}`,
      url: `http://127.0.0.1:${LIVE_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: LIVE_AWS_ENV,
    },
  ],
});
