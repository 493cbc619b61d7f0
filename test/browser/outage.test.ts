// The return of the network, noticed in seconds: a lead makes 8 holds during a 10 s outage (the
// server stopped); when it is back on the same port and data, the header says Online within 5 s
// and all 8 reach the server within 20 s. The bounds are the issue's, stated loosely on purpose;
// everything is polled, and the measured times are printed.
import { describe, expect, it } from 'vitest';
import { FeedPageSchema } from '../../shared/sync-api/feed';
import { browserOrSkip } from './chromium';
import { demoStation, enrollOnLoopback, leadOpensQueue } from './demo-station';

const executable = browserOrSkip();
const ADMIN = 'browser-admin-token-0123456789ab';
const OUTAGE_MS = 10_000;
const ONLINE_WITHIN_MS = 5000;
const APPLIED_WITHIN_MS = 20_000;
const HOLDS = 8;

describe.skipIf(!executable)('an outage in Chromium', () => {
  const station = demoStation(executable!, ADMIN);

  it('notices the server is back within seconds and delivers what waited', async () => {
    const page = await station.chromium.context.newPage();
    const url = station.url();
    const heldOnServer = async (): Promise<number> => {
      const res = await fetch(`${url}/api/v1/admin/events?limit=1000`, {
        headers: { authorization: `Bearer ${ADMIN}` },
      });
      const feed = FeedPageSchema.parse(await res.json());
      return feed.events.filter((e) => e.event.type === 'backorder-line.held').length;
    };
    const header = page.getByTestId('sync-status');

    await enrollOnLoopback(page, url);
    await leadOpensQueue(page);
    await page
      .getByRole('listitem')
      .nth(HOLDS - 1)
      .waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 30_000,
    });
    expect(await heldOnServer()).toBe(0);

    await station.stop();
    const down = Date.now();
    const ids = await page
      .getByRole('listitem')
      .evaluateAll(
        (rows, n) =>
          rows.slice(0, n).map((r) => r.getAttribute('data-testid')!.slice('line-'.length)),
        HOLDS,
      );
    for (const id of ids) await page.getByRole('button', { name: `Hold ${id}` }).click();
    await page
      .getByTestId('waiting')
      .filter({ hasText: `${HOLDS} waiting` })
      .waitFor();
    await header.getByText('Offline: work stays on this device').waitFor({ timeout: 15_000 });
    // The outage itself: the server stays away for 10 s, whatever the page does meanwhile.
    await page.waitForTimeout(Math.max(0, OUTAGE_MS - (Date.now() - down)));

    await station.start();
    const back = Date.now();
    await header.getByText('Online', { exact: true }).waitFor({ timeout: ONLINE_WITHIN_MS });
    const online = Date.now() - back;
    let applied = await heldOnServer();
    while (applied < HOLDS && Date.now() - back < APPLIED_WITHIN_MS) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      applied = await heldOnServer();
    }
    const delivered = Date.now() - back;
    console.log(
      `outage: Online ${(online / 1000).toFixed(1)} s and ${applied} of ${HOLDS} holds applied ${(delivered / 1000).toFixed(1)} s after the server was back`,
    );
    expect(applied).toBe(HOLDS);
    expect(delivered).toBeLessThanOrEqual(APPLIED_WITHIN_MS);
    await page.getByTestId('waiting').filter({ hasText: '0 waiting' }).waitFor({ timeout: 20_000 });
  });
});
