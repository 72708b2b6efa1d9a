// Component and core tests in real Chromium (never a downloaded browser): CHROME_PATH, else Debian's chromium.
import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { mockMiddleware } from './test/core/mock-server.mjs';

const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const executablePath = candidates.find((p) => p && existsSync(p));
if (!executablePath) {
  console.error('No Chromium found. Install one (Debian: `apt-get install -y chromium`) or set CHROME_PATH.');
  process.exit(1);
}

export default {
  files: ['test/core/**/*.test.ts', 'test/components/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  // /__mock/* scripted HTTP answers for the API client and session tests (test/core/mock-server.mjs).
  middleware: [mockMiddleware],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [
    chromeLauncher({
      // Each test file gets its own browser context (its own window): in one shared window only the front tab is
      // visible, and a hidden tab gets no animation frames or ResizeObserver callbacks, so rendering tests of
      // whichever file is in the background would time out when two files run at once.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
      launchOptions: {
        executablePath,
        headless: true,
        args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
      },
    }),
  ],
};
