import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { freePort } from '../fixtures/free-port';
import { spawnServer, type Running } from '../fixtures/spawn-server';
import { tempData } from '../fixtures/temp-data';
import { launchChromium, type LaunchedBrowser } from './chromium';

// A demo server (120 lines) on one port and data folder, which a test stops and starts again as
// an outage, and one Chromium; both started before the file's tests and stopped after them.
export const demoStation = (executable: string, adminToken: string) => {
  const data = tempData();
  const station = {
    port: 0,
    chromium: undefined as unknown as LaunchedBrowser,
    server: undefined as Running | undefined,
    url: () => `http://127.0.0.1:${station.port}`,
    // Same port and data: the page's origin, and so its IndexedDB, stay the same.
    start: async (demo = false) => {
      station.server = await spawnServer(station.port, data, {
        demo: demo ? 120 : undefined,
        env: { FILLWAVE_ADMIN_TOKEN: adminToken },
      });
    },
    stop: async () => {
      await station.server?.stop();
      station.server = undefined;
    },
  };
  beforeAll(async () => {
    station.port = await freePort();
    await station.start(true);
    station.chromium = await launchChromium(executable);
  });
  afterAll(async () => {
    await station.chromium?.close();
    await station.stop();
  });
  return station;
};

// Enroll the page's device with no code (loopback) and wait for its first sync.
export const enrollOnLoopback = async (page: Page, url: string): Promise<void> => {
  await page.goto(`${url}/#/setup`);
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByText(/Synced \d/).waitFor({ timeout: 60_000 });
};

// The demo lead LE001 signs in and opens the backorder queue.
export const leadOpensQueue = async (page: Page): Promise<void> => {
  await page.getByLabel('Badge').fill('LE001');
  await page.getByLabel('PIN').fill('123456');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Backorder queue' }).click();
};
