// A lead's shift in Chromium with the server of this machine: enroll, sign in, see the synced
// queue, lose the server, hold three lines, reload while offline, and come back: the three holds
// reach the server exactly once and the statuses agree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedPageSchema } from '../../shared/sync-api/feed';
import { freePort } from '../fixtures/free-port';
import { spawnUntilListening, type Running } from '../fixtures/spawn-server';
import { tempData } from '../fixtures/temp-data';
import { makeTestCert } from '../fixtures/test-cert';
import { browserOrSkip, launchChromium, type LaunchedBrowser } from './chromium';
import { demoStation, enrollOnLoopback, leadOpensQueue } from './demo-station';

const executable = browserOrSkip();
const ADMIN = 'browser-admin-token-0123456789ab';

describe.skipIf(!executable)('a lead offline in Chromium', () => {
  const station = demoStation(executable!, ADMIN);

  it('keeps three holds made offline and delivers them once when the server is back', async () => {
    const page = await station.chromium.context.newPage();
    const url = station.url();
    await enrollOnLoopback(page, url);
    // The pulled pages were checked off the UI thread.
    expect(page.workers().some((w) => w.url().includes('sort-worker'))).toBe(true);
    await leadOpensQueue(page);
    await page.getByRole('listitem').first().waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 30_000,
    });

    await station.stop();
    const ids = await page
      .getByRole('listitem')
      .evaluateAll((rows) =>
        rows.slice(0, 3).map((r) => r.getAttribute('data-testid')!.slice('line-'.length)),
      );
    expect(ids).toHaveLength(3);
    for (const id of ids) await page.getByRole('button', { name: `Hold ${id}` }).click();
    await page.getByTestId('waiting').filter({ hasText: '3 waiting' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'Backorder queue' }).waitFor({ timeout: 15_000 });
    for (const id of ids) await page.getByTestId(`line-${id}`).getByText('held').waitFor();

    await station.start();
    await page.getByTestId('waiting').filter({ hasText: '0 waiting' }).waitFor({ timeout: 75_000 });
    const feed = FeedPageSchema.parse(
      await (
        await fetch(`${url}/api/v1/admin/events?limit=1000`, {
          headers: { authorization: `Bearer ${ADMIN}` },
        })
      ).json(),
    );
    const holds = feed.events.filter((e) => e.event.type === 'backorder-line.held');
    expect(
      holds.map((e) => (e.event.payload as { backorderLineId: string }).backorderLineId).sort(),
    ).toEqual([...ids].sort());
    for (const hold of holds)
      expect(
        hold.orders
          .flatMap((o) => o.lines)
          .find((l) => l.id === (hold.event.payload as { backorderLineId: string }).backorderLineId)
          ?.status,
      ).toBe('held');
    for (const id of ids) await page.getByTestId(`line-${id}`).getByText('held').waitFor();

    // A second tab of the same app waits for the sync lock: one sync loop per device.
    const second = await station.chromium.context.newPage();
    await second.goto(`${url}/#/`);
    await second.getByRole('heading', { name: 'Backorder fill' }).waitFor();
    const locks = await second.evaluate(async () => {
      const state = await navigator.locks.query();
      return { held: state.held?.map((l) => l.name), pending: state.pending?.map((l) => l.name) };
    });
    expect(locks).toEqual({ held: ['fillwave-sync'], pending: ['fillwave-sync'] });
  });
});

describe.skipIf(!executable)('the app by a non-localhost name over HTTPS', () => {
  let chromium: LaunchedBrowser;
  let server: Running;
  let port: number;

  beforeAll(async () => {
    const { certFile, keyFile } = makeTestCert('fillwave.test', 'DNS:fillwave.test');
    port = await freePort();
    server = await spawnUntilListening('node', [
      'dist/server/main.mjs',
      '--port',
      String(port),
      '--data',
      tempData(),
      '--tls-cert',
      certFile,
      '--tls-key',
      keyFile,
    ]);
    chromium = await launchChromium(executable!, [
      '--host-resolver-rules=MAP fillwave.test 127.0.0.1',
      '--ignore-certificate-errors',
    ]);
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  it('is a secure context with its service worker and Web Locks', async () => {
    const page = await chromium.context.newPage();
    await page.goto(`https://fillwave.test:${port}/`);
    await page.getByRole('heading', { name: 'Backorder fill' }).waitFor();
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 30_000,
    });
    const locked = await page.evaluate(() => navigator.locks.request('probe', async () => 'held'));
    expect(locked).toBe('held');
  });
});
