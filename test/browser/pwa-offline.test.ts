// The web build in real Chromium: it loads, a service worker takes control, and once the
// server is gone a reload still shows the app (a handheld that lost Wi-Fi).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_LIMITS } from '../../shared/field-limits';
import { tempData } from '../fixtures/temp-data';
import { spawnUntilListening, type Running } from '../fixtures/spawn-server';
import { browserOrSkip, launchChromium, type LaunchedBrowser } from './chromium';

const executable = browserOrSkip();

describe.skipIf(!executable)('the web app in Chromium', () => {
  let server: Running;
  let chromium: LaunchedBrowser;

  beforeAll(async () => {
    server = await spawnUntilListening('node', [
      'dist/server/main.mjs',
      '--port',
      '0',
      '--data',
      tempData(),
    ]);
    chromium = await launchChromium(executable!);
  });

  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  it('loads, renders home, is controlled by the service worker, and reloads with the server stopped', async () => {
    const page = await chromium.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

    await page.goto(`${server.url}/`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Backorder fill' }).isVisible(),
    ).resolves.toBe(true);

    // clientsClaim: the first visit's page is taken over once the worker activates.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 30_000,
    });
    await page.getByText('Ready offline').waitFor({ timeout: 30_000 });

    await server.stop();
    const health = await page.evaluate(() =>
      fetch('/api/v1/health').then(
        (r) => r.status,
        () => 'unreachable',
      ),
    );
    expect(health).toBe('unreachable');

    await page.reload();
    await page
      .getByRole('heading', { level: 1, name: 'Backorder fill' })
      .waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(e))).toEqual(
      [],
    );
  });

  it('fits a 360x640 handheld with touch targets of at least 48px, long input and all', async () => {
    const restarted = await spawnUntilListening('node', [
      'dist/server/main.mjs',
      '--port',
      '0',
      '--data',
      tempData(),
    ]);
    try {
      const page = await chromium.context.newPage();
      await page.setViewportSize({ width: 360, height: 640 });
      await page.goto(`${restarted.url}/`);
      await page.getByRole('heading', { name: 'Backorder fill' }).waitFor();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      const home = await page.getByRole('link', { name: 'Fillwave' }).boundingBox();
      expect(home!.height).toBeGreaterThanOrEqual(48);

      // A pasted 10,000-character code and badge stop at their fields (the schemas' limits), and
      // what the screens then say wraps inside 360 px.
      const wide = () =>
        page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      await page.goto(`${restarted.url}/#/setup`);
      const code = page.getByLabel('Enrollment code', { exact: false });
      await code.click();
      await page.keyboard.insertText('C'.repeat(10_000));
      expect((await code.inputValue()).length).toBe(FIELD_LIMITS.enrollmentCode);
      await page.getByRole('button', { name: 'Connect' }).click();
      const refused = await page.getByRole('alert').textContent({ timeout: 15_000 });
      expect(refused).not.toMatch(/code:|Too big|expected string/);
      expect(await wide()).toBeLessThanOrEqual(0);
      // Emptied, the code is not needed on the server's own machine: the old refusal goes.
      await code.fill('');
      await page.getByRole('button', { name: 'Connect' }).click();
      const badge = page.getByLabel('Badge');
      await badge.waitFor({ timeout: 15_000 });
      await badge.click();
      await page.keyboard.insertText('B'.repeat(10_000));
      expect((await badge.inputValue()).length).toBe(FIELD_LIMITS.badge);
      await page.getByLabel('PIN').fill('2468');
      await page.getByRole('button', { name: 'Sign in' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor({ timeout: 15_000 });
      expect(await wide()).toBeLessThanOrEqual(0);
      const box = await alert.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(360);
      const form = await page.locator('form').first().boundingBox();
      expect(form!.x + form!.width).toBeLessThanOrEqual(360);
    } finally {
      await restarted.stop();
    }
  });
});
