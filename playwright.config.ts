import { defineConfig } from '@playwright/test';

const port = 4173;
/** The dev server's port in tests (not 5173, so a developer's own `npm start` can keep running). */
export const devPort = 5174;
const dev = process.env.E2E_DEV === '1';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  ...(process.env.BENCH === '1' ? {} : { grepInvert: /@bench/ }),
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      ...(process.env.AG_CHROMIUM ? { executablePath: process.env.AG_CHROMIUM } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      command: dev ? `npx vite --host 127.0.0.1 --port ${port} --strictPort` : `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
      url: `http://127.0.0.1:${port}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    // The dev server of `npm start`, for e2e/devServer.spec.ts: the README's first command must work too.
    {
      command: `npx vite --host 127.0.0.1 --port ${devPort} --strictPort`,
      url: `http://127.0.0.1:${devPort}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
