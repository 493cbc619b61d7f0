import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

// CHROME_PATH first, then the usual system places.
export const findChromium = (): string | null => {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
};

export const NO_BROWSER_LINE =
  'BROWSER TESTS SKIPPED: no Chromium or Chrome found. Install one (Debian: apt-get install -y chromium) or set CHROME_PATH.';

// Without a browser the browser tests are skipped with one loud line, unless REQUIRE_BROWSER=1
// (as in CI), when the missing browser is itself the failure.
export const browserOrSkip = (): string | null => {
  const found = findChromium();
  if (found) return found;
  if (process.env.REQUIRE_BROWSER === '1') {
    throw new Error(
      `REQUIRE_BROWSER=1 but ${NO_BROWSER_LINE.replace('BROWSER TESTS SKIPPED: ', '')}`,
    );
  }
  console.warn(`\n*** ${NO_BROWSER_LINE} ***\n`);
  return null;
};

export interface LaunchedBrowser {
  browser: Browser;
  context: BrowserContext;
  close(): Promise<void>;
}

// A fresh profile each time: nothing cached from an earlier run can make a test pass.
export const launchChromium = async (
  executablePath: string,
  extraArgs: string[] = [],
): Promise<LaunchedBrowser> => {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'fillwave-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
  return {
    browser: context.browser()!,
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
};
