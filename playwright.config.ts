import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium where it exists (CI, these machines); Playwright's own browser on a developer's machine.
const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  // Generous: a busy machine must not fail a correct change (a preview starts the merge worker, which under tsx
  // compiles the core first: seconds beside a CPU hog). A passing check waits only as long as it needs.
  expect: { timeout: 30_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    trace: 'retain-on-failure',
    // The app honours reduced motion (theme: respectReducedMotion): dialogs and menus appear without
    // their transitions, which took 8% of the e2e time (measured on partnership + focus: 89 → 82 s).
    reducedMotion: 'reduce',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
